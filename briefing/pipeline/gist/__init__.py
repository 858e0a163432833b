"""The English gist: a rule-based transfer of an Arabic span into English.

Classic transfer, in three steps: read every token (names and figures the pipeline found keep
their English; the glossary's expressions and senses; else the Buckwalter lexicon's morphology,
briefing.text.bama), then render the words in English order with shallow transfer rules
(realize.py). It is a gist, not a translation: the brief labels it so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from mypy_extensions import mypyc_attr

from briefing.pipeline.gist.clauses import casualties, not_yet, really, until_or_that
from briefing.pipeline.gist.idioms import apply_idioms
from briefing.pipeline.gist.infinitives import infinitives
from briefing.pipeline.gist.lexicon import GistTables, build_tables
from briefing.pipeline.gist.reading import (
    HEAD,
    KEY,
    MARKED,
    SILENT,
    SOUND_MASC,
    After,
    Reader,
    Reading,
    split_clitics,
)
from briefing.pipeline.gist.realize import Realizer
from briefing.pipeline.gist.verbal import verbal_nouns
from briefing.pipeline.gist.words import (
    ADJ,
    CONJ,
    NAME,
    NUM,
    PHRASE,
    PUNCT,
    TOKEN,
    N,
    V,
    Word,
    folded,
    folded_one,
)
from briefing.resources import Resources
from briefing.resources.schema import GlossEntry
from briefing.text.bama import Analyzer


class Known(NamedTuple):
    """A stretch of the span whose English is known: a name, a figure (offsets into the span).
    A named tuple: thousands are made per article, and a tuple is the quickest to make."""

    start: int
    end: int
    en: str
    kind: str = NAME  # NAME | NUM


@mypyc_attr(allow_interpreted_subclasses=True)
class Gister:
    """Gists of Arabic spans; build once per process (the lexicon loads from its cache)."""

    def __init__(self, tables: GistTables) -> None:
        self.tables = tables
        self.reader = Reader(tables, self._flag)
        self.realizer = Realizer(tables.irregulars, tables.verbs, tables.feminine)
        self._heads: dict[str, _Head | None] = {}  # folded word → the expressions it opens
        # Gists made in the current document, by their arguments: two claims on the same words,
        # a counted noun that recurs (مدنيين). Only within a document (see forget): kept across
        # documents, a second pass over the same articles would gist nothing, as no real run does.
        self._gists: dict[tuple[str, tuple[Known, ...], bool], str] = {}
        self._names: dict[tuple[str, str, bool, str, str, bool, bool], Reading] = {}  # see _known
        self._expressions: dict[tuple[bool, tuple[str, ...]], Reading] = {}  # see _phrase
        self._infinitive_heads = tables.infinitive_heads | set(tables.asking)  # see infinitives.py
        self._idiom_keys = tables.idioms.keys  # a word of each idiom's fixed words (idioms.py)

    @classmethod
    def from_resources(cls, resources: Resources, analyzer: Analyzer | None = None) -> Gister:
        """A Gister over the resources; `analyzer` None: the degraded mode (glossary alone)."""
        return cls(build_tables(resources, analyzer))

    def forget(self) -> None:
        """A new document starts: the gists of the last one are let go."""
        self._gists.clear()

    def gist(self, text: str, known: Sequence[Known] = (), *, plural_head: bool = False) -> str:
        """The English gist of `text`; `known` spans keep the English given. With `plural_head`,
        the words a figure counts: their first noun is plural (600 ألف مدني, 600,000 civilians)
        and counted nouns read as the figures name them."""
        key = (text, tuple(known), plural_head)
        hit = self._gists.get(key)
        if hit is None:
            hit = self._gist(text, known, plural_head)
            if len(self._gists) < _MAX_GISTS:
                self._gists[key] = hit
        return hit

    def _gist(self, text: str, known: Sequence[Known], plural_head: bool) -> str:
        words = self.words(text, known, counted=plural_head)
        if plural_head:
            k = next((k for k, w in enumerate(words) if w.pos == N and not w.fixed), None)
            if k is not None and words[k].number == "sg":
                head = words[k] = words[k].copy()
                head.number = "pl"
        return self.realizer.realize(words)

    def words(self, text: str, known: Sequence[Known] = (), *, counted: bool = False) -> list[Word]:
        if not known:
            texts = TOKEN.findall(text)
            run = _Run(texts, counted, self.reader.starts[counted])
            self._plain(run, 0, len(texts))
            return self._close(run)
        # Token offsets are only read at the known stretches: each is found by bisection over the
        # matches, and the tokens between two are read as if there were none.
        matches = list(TOKEN.finditer(text))
        texts = list(map(re.Match.group, matches))  # (the method mapped: no Python call per token)
        run = _Run(texts, counted, self.reader.starts[counted])
        spans = sorted(known, key=start_of)
        i = k = 0
        while i < len(texts):
            at, k = _next_stretch(matches, spans, k, i)
            i = self._plain(run, i, at)
            if i > at or at == len(texts):
                continue  # an expression ran over the stretch's first token: look again from its end
            span = spans[k]
            j = at + 1
            while j < len(texts) and matches[j].start() < span.end:
                j += 1
            surface = text[matches[at].start() : matches[j - 1].end()]
            word, after, flag = self._known(surface, span, texts[at], j - at == 1, run)
            if flag & MARKED:
                run.marked.append(len(run.out))
            if flag & KEY:
                run.idiom = True
            run.out.append(word)
            run.before, run.after = word, after
            i, k = j, k + 1
        return self._close(run)

    def _close(self, run: _Run) -> list[Word]:
        """The words of a span read: the rules that read the words around (_finish), then idioms
        when a word of the span, read or not, is one of an idiom's fixed words."""
        out = run.out
        self._finish(out, run.marked)
        if run.idiom:
            apply_idioms(out, self.reader, self.tables.idioms)
        return out

    def _plain(self, run: _Run, i: int, stop: int) -> int:
        """Reads the tokens from i on, none of them known, into `run` until `stop` (an expression
        opening before it may run past it). Returns where the reading stopped.

        Most tokens cost one lookup: their reading in the context of the word before, which
        carries the flags of what else may start at them (see _flag)."""
        texts, counted, out = run.texts, run.counted, run.out
        before, after = run.before, run.after
        read, heads = self.reader.read, self._heads
        n = len(texts)
        while i < stop:
            text = texts[i]
            hit = after[1 if text.endswith(SOUND_MASC) else 0].get(text)
            if hit is None:
                hit = read(text, before, after, counted)
            word, next_after, flag = hit
            if flag:  # (most words have none)
                if flag & KEY:
                    run.idiom = True
                # (the expressions a word opens are tried when the word after may be their second)
                head = heads[folded_one(text)] if flag & HEAD else None
                if head is not None and (head[3] or (i + 1 < n and folded_one(texts[i + 1]) in head[4])):
                    phrase = self._phrase(head, texts, i, counted)
                    if phrase is not None:
                        (word, next_after, flag), i = phrase
                        if flag & MARKED:
                            run.marked.append(len(out))
                        if flag & KEY:
                            run.idiom = True
                        out.append(word)
                        before, after = word, next_after
                        continue
                if flag & SILENT:
                    i += 1
                    continue  # quotation marks and brackets: no English, and no break in the phrase
                if flag & MARKED:
                    run.marked.append(len(out))
            out.append(word)
            before, after = word, next_after
            i += 1
        run.before, run.after = before, after
        return i

    def _flag(self, w: Word, text: str = "") -> int:
        """SILENT for punctuation the English leaves out, MARKED for a word one of _finish's rules
        starts from; with the token's `text`, HEAD when its folded form may open an expression
        and KEY when it is one of an idiom's key words. Worked out once per reading (Reader.read
        keeps it): reading a token then tells all that may start at it."""
        if w.pos == PUNCT and w.text in _SILENT:
            return SILENT
        # (an English sense is never blank: plain_sense and the glossary's Text strip it)
        marked = not w.en or w.id in _MARKED or w.prep == "prep-li" or w.pos == NUM
        flag = MARKED if marked or w.en in self._infinitive_heads else 0
        if text:
            form = folded(text)
            if self._head(form) is not None:
                flag |= HEAD
            if form in self._idiom_keys:
                flag |= KEY
        return flag

    def _head(self, form: str) -> _Head | None:
        """The expressions a folded word opens (see _phrase_head), kept per form."""
        # (not a tuple sentinel compared by identity: compiled, tuples are unboxed and boxed anew)
        try:
            return self._heads[form]
        except KeyError:
            head = self._heads[form] = self._phrase_head(form)
            return head

    def _finish(self, out: list[Word], marked: list[int]) -> None:
        """What reads the words around: a reading with no English, passives, تم + verbal noun,
        verbal nouns read as verbs (verbal.py), لم … بعد and سقوط قتلى (clauses.py); `marked`:
        where the rare words the rules start from are (see _flag: found as the words are read,
        the words are many and a pass each would cost more than the rules)."""
        infinitive_heads = self._infinitive_heads
        if not marked:
            return
        for k in marked:
            w = out[k]
            if not w.en and w.pos != PUNCT:  # a reading with no English (a lone letter)
                out[k] = self.reader.unknown(w.text)
        ids = {out[k].id for k in marked}
        numbers = [k for k in marked if out[k].pos == NUM]
        size = len(out)
        if verbal_nouns(out, self.reader, marked) and numbers:  # a word left: the indices moved
            numbers = [k for k, w in enumerate(out) if w.pos == NUM]
        if numbers:
            self._passives_before_numbers(out, numbers)
            _counted_after_numbers(out, numbers)  # last: it joins words (350 ألف)
        _clauses(out, ids)
        if len(out) != size:  # a word was taken out or two joined: the marked indices moved
            marked = [k for k, w in enumerate(out) if w.en in infinitive_heads]
        heads = [k for k in marked if out[k].en in infinitive_heads]
        if heads:
            infinitives(out, self.reader, heads)  # last: it may take a word out
        if ids & _TAM:
            self._tam_nouns(out)

    def _tam_nouns(self, out: list[Word]) -> None:
        """تم تدمير: the verb of the noun after تم, and whether it takes an object."""
        last = len(out) - 1
        for i in [i for i, w in enumerate(out) if w.id in _TAM and i < last]:
            if out[i + 1].pos == N:
                noun = out[i + 1] = out[i + 1].copy()
                noun.verb_en, transitive = self.reader.verb_of_noun(noun.text)
                if not transitive:
                    noun.extra["intransitive"] = "1"

    def _passives_before_numbers(self, words: list[Word], numbers: list[int]) -> None:
        """A clause that opens with a verb or verbal noun followed by a number is a passive verb and
        its subject (قتل 3 جنود: 3 soldiers were killed), not "the killing of 3 soldiers";
        `numbers`: where the numbers are."""
        for i in [k - 1 for k in numbers if k]:  # the words before a number
            w = words[i]
            opens = i == 0 or words[i - 1].pos in (PUNCT, CONJ) or bool(w.conj)
            if not opens or w.pos not in (N, V) or w.fixed or w.definite or w.poss or w.passive:
                continue
            if w.obj:
                continue
            verb = self.reader.passive_verb(w.text)
            if verb is not None:
                words[i] = verb

    def _known(self, surface: str, span: Known, first: str, one: bool, run: _Run) -> Reading:
        """The Word of a known stretch (`surface`, its tokens from the span's first, `first`;
        `one`: a token alone) read in `run`, with its flag and the context it makes, as
        Reader.read gives them: kept per surface and English, like the words read (a corpus
        names the same actors again and again), and shared the same way."""
        before = run.before
        key = (surface, first, one, span.en, span.kind, before is not None and before.pos == N, run.counted)
        hit = self._names.get(key)
        if hit is None:
            word = self._name_word(surface, span, first, one, key[5])
            # (its tokens are the span's too: one of an idiom's key words among them counts)
            key_word = not self._idiom_keys.isdisjoint(map(folded, TOKEN.findall(surface)))
            hit = (word, self.reader.after(word, run.counted), self._flag(word) | (KEY if key_word else 0))
            if len(self._names) < _MAX_NAMES:
                self._names[key] = hit
        return hit

    def _name_word(self, surface: str, span: Known, first: str, one: bool, after_noun: bool) -> Word:
        lead = self.reader.word(first, None)  # only its proclitics are read
        if (
            span.kind == NAME
            and after_noun
            and one
            and folded(surface).endswith(("يين", "يون"))
            and span.en.endswith("s")
        ):
            # A group named by a plural nisba, after a noun, is its adjective: المسلحين الحوثيين,
            # Houthi gunmen.
            return Word(
                surface,
                ADJ,
                span.en.removeprefix("the ")[:-1],
                definite=folded(surface).startswith("ال"),
            )
        # The proclitics of the first word stay (وإيران: and Iran); the rest is the name.
        return Word(
            surface,
            span.kind,
            span.en,
            conj=lead.conj if lead.pos != span.kind else "",
            prep=lead.prep if lead.pos != span.kind else "",
            definite=True,
            fixed=True,
        )

    def _phrase(self, head: _Head, texts: list[str], i: int, counted: bool) -> tuple[Reading, int] | None:
        """A glossary expression starting at token i (its first word may carry proclitics),
        among those `head`, the first word's, opens, read as Reader.read reads a token, and the
        index after it; None when none does. Kept per tokens and shared, as the words read are."""
        conj, prep, article, alone, by_next = head
        candidates = by_next.get(folded_one(texts[i + 1]), alone) if i + 1 < len(texts) else alone
        for rest, entry in candidates:
            end = i + 1 + len(rest)
            if end <= len(texts) and (len(rest) < 2 or tuple(map(folded_one, texts[i + 1 : end])) == rest):
                key = (counted, tuple(texts[i:end]))
                hit = self._expressions.get(key)
                if hit is None:
                    word = self.reader._from_entry(entry, texts[i], conj, prep, article)
                    word.text = " ".join(texts[i:end])
                    word.pos = PHRASE if entry.pos == "phrase" else word.pos
                    word.fixed = entry.definite or entry.pos == "phrase"
                    # (its other words are the span's too: one of an idiom's key words counts)
                    key_word = not self._idiom_keys.isdisjoint(map(folded, texts[i + 1 : end]))
                    flag = (MARKED if self._flag(word) == MARKED else 0) | (KEY if key_word else 0)
                    hit = (word, self.reader.after(word, counted), flag)
                    if len(self._expressions) < _MAX_NAMES:
                        self._expressions[key] = hit
                return hit, end
        return None

    def _phrase_head(self, first: str) -> _Head | None:
        """The expressions a folded word may open (through its proclitics), or None."""
        candidates = self.tables.phrases.get(first)
        if candidates is not None:
            return "", "", False, *_by_next(candidates)
        split = split_clitics(first, self.tables.phrases, keyed_with_article=True)
        if split is None:
            return None
        conj, prep, article, stem = split
        return conj, prep, article, *_by_next(self.tables.phrases[stem])


def _clauses(out: list[Word], ids: set[str]) -> None:
    """The clause rules (clauses.py) whose words the span holds (`ids`: the marked words' ids)."""
    if "neg-lam" in ids:
        not_yet(out)
    if "fall" in ids:
        casualties(out)
    if "already" in ids:
        really(out)
    if "until-an" in ids:
        until_or_that(out)


def _counted_after_numbers(words: list[Word], numbers: list[int]) -> None:
    """The indefinite noun a number counts is plural and takes no article (350 ألف شخص: 350
    thousand people, 12 مستودعا: 12 warehouses), save after one; `numbers`: where they are."""
    last = len(words) - 1
    for k in reversed([k for k in numbers if k < last]):
        w, noun = words[k], words[k + 1]
        if noun.id in _THOUSANDS and not noun.conj and _DIGITS.fullmatch(w.en):
            thousands = float(w.en.replace(",", "")) * 1000  # 350 ألف: 350,000
            words[k : k + 2] = [Word(f"{w.text} {noun.text}", NUM, f"{thousands:,.0f}", fixed=True)]
            last -= 1
            if k >= last:
                continue
            w, noun = words[k], words[k + 1]
        # a bare number only (a figure's English names what it counts already), and no month after
        # a day (14 يوليو: 14 July)
        bare = w.id.startswith("num-") or _DIGITS.fullmatch(w.en) is not None
        if not bare or w.en in _ONE or noun.pos != N or noun.number != "sg" or noun.fixed:
            continue
        if not noun.en[:1].islower() or _year_or_model(words, k):
            continue
        if k + 2 <= last and words[k + 2].pos == N and not words[k + 2].conj and not words[k + 2].prep:
            continue  # a construct: 2013 غاز الخردل
        if noun.definite or noun.poss or noun.conj or noun.prep:
            continue
        noun = words[k + 1] = noun.copy()
        noun.number = "pl"


def _year_or_model(words: list[Word], k: int) -> bool:
    """Is the number at k a year (2013) or part of a model's name (إس 400, F-16), no count?"""
    en = words[k].en
    if len(en) == 4 and en.startswith(("19", "20")):
        return True
    return k > 0 and (words[k - 1].pos == NAME or words[k - 1].text == "-")


# Where a known stretch starts: the key to sort by (an item getter: no Python call per stretch).
start_of: Callable[[Known], int] = itemgetter(0)


def _next_stretch(matches: list[re.Match[str]], spans: list[Known], k: int, i: int) -> tuple[int, int]:
    """(the first token from i on that a known stretch takes, the stretch's index): the first of
    `spans` (sorted by start) from k on that overlaps a token from i on, at its first such token;
    (len(matches), len(spans)) when none does. The first token ending after a span's start
    comes no earlier for a later span: the first span that overlaps one takes the earliest."""
    n = len(matches)
    while k < len(spans):
        span = spans[k]
        t = max(i, bisect_right(matches, span.start, key=re.Match.end))
        if t < n and matches[t].start() < span.end:
            return t, k
        k += 1  # no token from i on overlaps it: none later will either
    return n, k


@dataclass(slots=True)
class _Run:
    """The reading of one span in progress: its tokens, the words read, and where the words are
    that _finish's rules start from."""

    texts: list[str]
    counted: bool  # the words a figure counts (see Reader.word)
    after: After  # the context the word read last makes for the next (Reader.after)
    before: Word | None = None  # the word read last
    out: list[Word] = field(default_factory=list)
    marked: list[int] = field(default_factory=list)  # see Gister._flag
    idiom: bool = False  # a token is one of an idiom's key words (see Gister._close)


_Expressions = tuple[tuple[tuple[str, ...], GlossEntry], ...]


def _by_next(candidates: _Expressions) -> tuple[_Expressions, dict[str, _Expressions]]:
    """The expressions a word opens, as (those of one word, and by the word after it those that
    may match there, in their order): only those are tried."""
    alone = tuple(c for c in candidates if not c[0])
    seconds = {rest[0] for rest, _ in candidates if rest}
    by_next = {s: tuple(c for c in candidates if not c[0] or c[0][0] == s) for s in seconds}
    return alone, by_next


# (conjunction, preposition, article, the one-word expressions, the others by their second word)
# a word opens
_Head = tuple[str, str, bool, _Expressions, dict[str, _Expressions]]
_TAM = frozenset({"tam", "tam-present", "tam-future"})  # تم، يتم، سيتم
# the words _finish's rules start from
_MARKED = _TAM | {"neg-lam", "fall", "carry-out", "already", "until-an"}
_ONE = frozenset({"1", "one", "١"})
_SILENT = frozenset("\"«»“”„‘’'()[]{}")  # punctuation the English leaves out
_THOUSANDS = frozenset({"num-1000", "num-1000s"})  # ألف، آلاف after digits
_DIGITS = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_MAX_GISTS = 10_000  # gists remembered at most, for a caller that never calls forget()
_MAX_NAMES = 10_000  # Words of known stretches remembered at most (about 7 MB; the corpus: 1,926)

__all__ = ["Gister", "Known", "start_of"]
