"""Verb–object idioms (resources/idioms.yaml): a verb, matched by its lemma in any tense, person or
proclitic, and the fixed words after it, its subject possibly between, read as one English verb
phrase the realiser conjugates like any verb (ستدفع إيران الثمن: Iran will pay the price; أطلقت
السلطات سراح المعتقلين: the authorities released the detainees).

The verb keeps its place and takes the phrase's verb; the fixed words become one word, a
preposition-like boundary carrying the rest of the English (the price, into force, or nothing), so
the subject before them and the object after them stay apart. A span is searched only when one of
its tokens is an idiom's first fixed word (one set test); the lemma is looked up only then.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from briefing.pipeline.gist.words import ADJ, CONJ, NAME, NUM, PREP, PUNCT, N, V, Word, folded, form_of
from briefing.resources.schema import IdiomEntry
from briefing.text.bama import Analyzer
from briefing.text.english import gerund, indefinite


class Reader(Protocol):
    """What the idioms need of reading.Reader, which imports the tables that hold this module's
    (so this module does not import reading.py: no cycle)."""

    def by_lemma(
        self, word: Word, before: Word | None, verbs: frozenset[str], nouns: frozenset[str]
    ) -> Word | None: ...


# the Words an idiom makes carry its id after this (the glossary's ids, which rules read, stay apart)
IDIOM = "idiom:"
# a pronoun suffix on the last fixed word (folded) → its person
_SUFFIXES = {"ه": "3MS", "ها": "3FS", "هم": "3MP", "هما": "3D", "هن": "3FP"}
_OWNER = {"3MS": "his", "3FS": "its", "3MP": "their", "3D": "their", "3FP": "their"}
_PERSON = {"3MS": "him", "3FS": "her", "3MP": "them", "3D": "them", "3FP": "them"}
_OBJECT = {"3MS": "it", "3FS": "it", "3MP": "them", "3D": "them", "3FP": "them"}
_REFLEXIVE = {"3MS": "him", "3FS": "it", "3MP": "them", "3D": "them", "3FP": "them"}  # {poss}self
# what the verb's token may have been read as (حظي: enjoying; أودى: a name)
_VERB_READINGS = frozenset({N, V, ADJ, NAME})
# prepositions that open fixed words (على قدم وساق, في الاعتبار): too frequent to look for
_PREPOSITIONS = frozenset(map(folded, ("على", "في", "عن", "من", "إلى", "مع")))
_GAP = 4  # words of a subject at most between the verb and its fixed words
_ENDS_IN_PREPOSITION = frozenset({"for", "of", "to", "in", "on", "with", "at", "from", "into", "about"})

# (the fixed words' folded tokens, the entry, the person of a pronoun on the last one or "")
_Tail = tuple[tuple[str, ...], IdiomEntry, str]


@dataclass(frozen=True)
class IdiomTable:
    """The idioms by their first fixed word, with the lemmas of their verbs and verbal nouns."""

    by_first: Mapping[str, tuple[_Tail, ...]]
    verbs: Mapping[str, frozenset[str]]  # idiom id → the lemmas of its verb
    nouns: Mapping[str, frozenset[str]]  # idiom id → the lemmas of its verbal nouns
    # a word of each form of fixed words, a preposition's only where it has no other (القبض على:
    # القبض): a span holds an idiom only if it holds one of these
    keys: frozenset[str] = frozenset()
    # each of those words → (the words of a form it was chosen from, the first words of that
    # form's spellings): a span holds an idiom only if it holds all the words of one of them,
    # and its fixed words start only at one of those first words
    tails: Mapping[str, tuple[tuple[frozenset[str], frozenset[str]], ...]] = field(default_factory=dict)


def build_idioms(entries: tuple[IdiomEntry, ...], analyzer: Analyzer | None) -> IdiomTable:
    """The table of `entries`; empty without the analyser (the lemma is what matches)."""
    if analyzer is None:
        return IdiomTable({}, {}, {})
    by_first: dict[str, list[_Tail]] = {}
    verbs, nouns = {}, {}
    by_key: dict[str, dict[frozenset[str], set[str]]] = {}  # (a dict: the sets in their order)
    for entry in entries:
        verbs[entry.id] = _lemmas(analyzer, entry.verb, "VERB_PERFECT")
        nouns[entry.id] = _lemmas(analyzer, entry.nouns, "NOUN")
        for form in entry.words:
            tokens = tuple(folded(form).split())
            tails = [(tokens, "")] + (_with_suffixes(tokens) if entry.pronoun or entry.keep else [])
            for tail, person in tails:
                by_first.setdefault(tail[0], []).append((tail, entry, person))
                key = next((t for t in tail if t not in _PREPOSITIONS), tail[0])
                by_key.setdefault(key, {}).setdefault(frozenset(tail), set()).add(tail[0])
    return IdiomTable(
        {k: tuple(sorted(v, key=lambda t: -len(t[0]))) for k, v in by_first.items()},
        verbs,
        nouns,
        frozenset(by_key),
        {k: tuple((tail, frozenset(firsts)) for tail, firsts in v.items()) for k, v in by_key.items()},
    )


def _lemmas(analyzer: Analyzer, forms: tuple[str, ...], pos: str) -> frozenset[str]:
    """The lemmas of the bare readings of `forms` with part of speech `pos`."""
    return frozenset(
        a.stem.lemma
        for form in forms
        for a in analyzer.analyse(form)
        if a.stem.pos == pos and not a.prefix.form and not a.suffix.form
    )


def _with_suffixes(tokens: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    """The fixed words with a pronoun on the last (حتف → حتفه، حتفهم …; a folded ة is ت before one)."""
    last = tokens[-1]
    stem = last[:-1] + "ت" if last.endswith("ه") else last
    return [((*tokens[:-1], stem + suffix), person) for suffix, person in _SUFFIXES.items()]


def apply_idioms(words: list[Word], reader: Reader, table: IdiomTable) -> None:
    """Reads, in place, the idioms among `words` as one verb phrase each (see the module)."""
    forms = _forms(words)
    firsts = _firsts(forms, table)
    if not firsts:
        return
    by_first = table.by_first
    k = 1  # (the fixed words never open the span: their verb comes first)
    while k < len(words):
        first = forms[k].split(" ", 1)[0]
        if first in firsts:
            for tokens, entry, person in by_first[first]:
                end = _covers(forms, k, tokens)
                if end is not None and _join(words, k, end, entry, person, reader, table):
                    forms = _forms(words)  # words were joined: the indices after k moved
                    break
        k += 1


def _forms(words: list[Word]) -> list[str]:
    """The words' folded texts (form_of, inline: a call per word would cost more than the read)."""
    return [w.form or form_of(w) for w in words]


def _firsts(forms: list[str], table: IdiomTable) -> set[str]:
    """The first words of the forms of fixed words all of whose words the span holds (as _covers
    reads them): only there may an idiom's fixed words start. Most spans holding one of the
    idioms' key words hold no idiom, and the search word by word costs more than these sets.
    (A join keeps the span's words: the set holds after one.)"""
    held = set(" ".join(forms).split())
    tails = table.tails
    return {
        first
        for key in table.keys.intersection(held)
        for tail, firsts in tails[key]
        if tail <= held
        for first in firsts
    }


def _covers(forms: list[str], k: int, tokens: tuple[str, ...]) -> int | None:
    """The index after the words (by their `forms`) from k on that spell `tokens` exactly, else None."""
    seen: list[str] = []
    end = k
    while len(seen) < len(tokens) and end < len(forms):
        seen.extend(forms[end].split())
        end += 1
    return end if tuple(seen) == tokens else None


def _join(
    words: list[Word], k: int, end: int, entry: IdiomEntry, person: str, reader: Reader, table: IdiomTable
) -> bool:
    """Reads the idiom whose fixed words are words[k:end] when its verb stands before them (a
    subject of a few nouns between); False when none does."""
    j = k - 1
    while j >= 0 and k - j <= _GAP + 1:
        w = words[j]
        if w.pos in _VERB_READINGS and " " not in w.text:
            found = _head(words, j, k, entry, reader, table)
            if found is not None:
                _rewrite(words, j, k, end, entry, person, found)
                return True
        if not _in_subject(w):
            return False
        j -= 1
    return False


def _head(
    words: list[Word], j: int, k: int, entry: IdiomEntry, reader: Reader, table: IdiomTable
) -> Word | None:
    """The idiom's verb (or verbal noun) read at j, its fixed words at k; None when it is not one."""
    w = words[j]
    before = words[j - 1] if j else None
    # a word with a subject after it where a clause opens is the verb, not its noun
    opens = j < k - 1 and (before is None or before.pos in (PUNCT, CONJ) or bool(w.conj))
    nouns = frozenset() if opens else table.nouns[entry.id]
    found = reader.by_lemma(w, before, table.verbs[entry.id], nouns)
    # (a verbal noun's subject is its genitive: دخول الاتفاق حيز التنفيذ)
    if found is None or not (found.pos == V or j == k - 1 or nouns):
        return None
    return found if _verb_or_noun(w, found, j, k, words) else None


def _verb_or_noun(w: Word, found: Word, j: int, k: int, words: list[Word]) -> bool:
    """Is the verb reading `found` of a word read as a noun right? Only where a clause opens, and
    right before the fixed words only before an accusative (عقد اجتماعا: held a meeting); before
    a genitive the noun stays (عقد اجتماع طارئ: holding an emergency meeting)."""
    if found.pos != V or w.pos != N:
        return True
    # a noun after a preposition or a noun is a verbal noun (محاولات إيران بسط نفوذها)
    if j > 0 and not w.conj and words[j - 1].pos not in (PUNCT, CONJ):
        return False
    if j != k - 1:
        return True
    tail = words[k]
    return folded(tail.text).endswith("ا") and not (tail.definite or tail.poss)


def _in_subject(w: Word) -> bool:
    """May `w` be part of a subject between a verb and its fixed words (السلطات، 3 من الجنود)?"""
    return (w.pos in (N, NAME, ADJ, NUM) and not w.prep) or (w.pos == PREP and w.id == "prep-min")


def _rewrite(words: list[Word], j: int, k: int, end: int, entry: IdiomEntry, person: str, head: Word) -> None:
    """The verb (or verbal noun) at j takes the idiom's verb; the fixed words words[k:end] (and
    the adjectives that agree with their noun) one word with the rest of the English."""
    en = entry.en.replace("{poss}self", _REFLEXIVE.get(person, "it") + "self")  # take it upon himself
    en = en.replace("{poss}", _OWNER.get(person, "its"))
    parts = en.split(" ")
    n = 2 if parts[0] == "be" else 1  # a passive's verb is two words (be killed)
    verb_en, rest_en = " ".join(parts[:n]), " ".join(parts[n:])
    if entry.keep:
        verb_en, rest_en = en, ""
    if head.pos == V:
        if words[j].extra.get("to"):  # read as a to-infinitive (infinitives.py): it stays one
            head.extra["to"] = "1"
        head.en, head.passive = verb_en, verb_en.startswith("be ")
        head.id, head.fixed, head.governs = IDIOM + entry.id, True, None
    else:
        head.en = entry.noun_en or gerund(verb_en)
        head.id, head.fixed = IDIOM + entry.id, bool(entry.noun_en and entry.noun_en.startswith("the "))
    words[j] = head
    if entry.keep:
        if words[k].prep:  # the verb governs it: حظي بدعم, received support (not "with")
            head.governs = (words[k].prep, "")
        if k == j + 1:  # the words right after the verb are its object, never its subject
            obj = words[k] = words[k].copy()
            obj.extra["object"] = "1"
        return
    if entry.pronoun in ("object", "person") and person:
        rest_en = f"{rest_en} {(_OBJECT if entry.pronoun == 'object' else _PERSON)[person]}".strip()
    last = words[end - 1]
    # (a phrase with no noun of its own, or ending in a preposition, takes no adjective)
    open_noun = bool(rest_en) and rest_en.rsplit(" ", 1)[-1] not in _ENDS_IN_PREPOSITION
    adjectives: list[str] = []
    while end < len(words) and open_noun and _agrees(words[end], last):
        adjectives.insert(0, words[end].en)  # English puts them in the reverse order
        end += 1
    if adjectives:
        rest_en = _with_adjective(rest_en, " ".join(adjectives))  # ثمنا باهظا: a heavy price
    text = " ".join(w.text for w in words[k:end])
    governs = (entry.governs, entry.governs_en) if entry.governs else None
    words[k:end] = [Word(text, PREP, rest_en, id=IDIOM + entry.id, governs=governs, fixed=True)]


def _agrees(a: Word, noun: Word) -> bool:
    """Is `a` an adjective of the fixed words' last noun (same article, no proclitic)?"""
    if a.conj or a.prep or a.definite != noun.definite:
        return False
    # (an accusative after an accusative agrees, whatever the lexicon calls it: ثمنا باهظا)
    return a.pos == ADJ or (a.pos == N and folded(a.text).endswith("ا") and folded(noun.text).endswith("ا"))


def _with_adjective(phrase: str, adjective: str) -> str:
    """The adjective before the phrase's noun, its last word (a price → a heavy price)."""
    if not phrase:
        return phrase
    before, _, noun = phrase.rpartition(" ")
    article = before.rsplit(" ", 1)[-1] if before else ""
    if article in ("a", "an"):
        return (
            f"{before.rsplit(' ', 1)[0] + ' ' if ' ' in before else ''}{indefinite(adjective + ' ' + noun)}"
        )
    return f"{before} {adjective} {noun}".strip()
