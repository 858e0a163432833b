"""The verbal noun English says as a to-infinitive: after a word of intention, decision, ability or
effort (عزمها البقاء: its intention to stay; قررت الحكومة الانسحاب: the government decided to
withdraw; تسعى إلى تعزيز قوتها: seeks to strengthen its force), and after a verb of asking and
its object (طلبت من إيران عدم محاربة قواتها: asked Iran not to fight its forces; تطالبها
بالمغادرة: asks it to leave). The heads are english.yaml's, by their English."""

from __future__ import annotations

from briefing.pipeline.gist.reading import Reader
from briefing.pipeline.gist.verbs import may_be_subject
from briefing.pipeline.gist.words import ADJ, NAME, NUM, PHRASE, PREP, N, V, Word, folded

_NOMINAL = (N, NAME, PHRASE, NUM)
_NOMINAL_OR_ADJ = (*_NOMINAL, ADJ)
# the prepositions that may stand between the head and its verbal noun, English drops them:
# رغبته في, قدرتها على, تسعى إلى; proclitic: استعدادها لتسليم, تطالبها بالمغادرة
_BETWEEN = frozenset({"prep-fi", "prep-ala", "prep-ila"})
_PROCLITIC = frozenset({"prep-li", "prep-bi"})


def infinitives(words: list[Word], reader: Reader, heads: list[int]) -> None:
    """Rewrites, in place, the verbal nouns of `words` that complement a head at one of `heads`
    (indices of words whose English is an infinitive head or a verb of asking) as "to" verbs;
    the preposition word between them is taken out."""
    tables = reader.tables
    for i in reversed(heads):
        head = words[i]
        asking = head.pos == V and head.en in tables.asking
        k = _complement(words, i, asking, reader)
        if k is None:
            continue
        negated = words[k].id == "lack"  # عدم محاربة: not to fight
        m = k + negated
        if m >= len(words):
            continue
        verb = _verb(words[m], words[m + 1] if m + 1 < len(words) else None, reader)
        if not verb:
            continue
        noun = words[m]
        words[m] = Word(noun.text, V, verb, conj=noun.conj, extra={"to": "1"})
        if m == i + 1 and head.pos == N and _definite(noun, words, m) and not (head.definite or head.poss):
            # إرادة المقاومة: the will to resist (its genitive made it definite)
            words[i] = head = head.copy()
            head.definite = True
        _object_of(words, m + 1)
        if asking:
            words[i] = head.copy()
            words[i].en = tables.asking[head.en]
            if k > i + 1 and any(w.id == "prep-min" for w in words[i + 1 : k]):
                words[i].governs = ("prep-min", "")  # طلب من إيران: asked Iran
        if k - 1 > i and words[k - 1].pos == PREP and not words[k - 1].conj:
            del words[k - 1]  # (the preposition _complement stepped over)


def _complement(words: list[Word], i: int, asking: bool, reader: Reader) -> int | None:
    """Where the verbal noun (or the عدم before it) that complements the head at i starts:
    after a verb's subject when it stands after the verb, and after an asking verb's object."""
    head = words[i]
    k = i + 1
    if head.pos == V:
        subject_before = i > 0 and words[i - 1].pos in _NOMINAL_OR_ADJ and not words[i - 1].prep
        if (
            not subject_before
            and k < len(words)
            and may_be_subject(head, words[k], reader.tables.feminine)
            and (asking or not _verb(words[k], words[k + 1] if k + 1 < len(words) else None, reader))
        ):
            k = _after_np(words, k)  # VSO: the subject first (a verbal noun there is the complement)
            # after a subject, only a definite verbal noun (قررت الحكومة الانسحاب), no adverb
            if not asking and k < len(words) and words[k].pos == N and not _definite(words[k], words, k):
                return None
        if asking and not head.obj:
            start = k
            if k < len(words) and words[k].id == "prep-min" and words[k].pos == PREP:
                k = _after_np(words, k + 1)  # طلب من إيران
            else:
                k = _after_np(words, k)  # طالب إيران بالانسحاب
            if k == start:
                return None  # no object: طالب بالانسحاب, demanded the withdrawal
    elif head.pos not in (N, ADJ) or (head.pos == N and _accusative(head)):
        return None  # استعدادا لمواجهة: an adverb, in readiness for confronting
    if k >= len(words):
        return None
    w = words[k]
    governed = head.governs is not None and head.governs[0] == w.id  # تمكن من: managed to
    if w.pos == PREP and (w.id in _BETWEEN or governed) and not w.conj and k + 1 < len(words):
        k += 1
        w = words[k]
    elif w.prep and w.prep not in _PROCLITIC:
        return None
    return k if w.pos == N or w.id == "lack" else None


def _definite(noun: Word, words: list[Word], m: int) -> bool:
    """Is the verbal noun at m definite, by its article or its genitive's (قطع العلاقات)?"""
    g = words[m + 1] if m + 1 < len(words) else None
    return noun.definite or (g is not None and not _last(g) and (g.definite or g.pos == NAME))


def _accusative(w: Word) -> bool:
    """An indefinite noun in the accusative (استعدادا, رغبة in -ً): a circumstantial adverb."""
    return not (w.definite or w.poss) and " " not in w.text and folded(w.text).endswith("ا")


def _object_of(words: list[Word], k: int) -> None:
    """A group named by a plural nisba was read as the adjective of the verbal noun before it
    (لمواجهة الحوثيين: the confrontation of the Houthi); after a verb it is the group again."""
    w = words[k] if k < len(words) else None
    if w is not None and w.pos == ADJ and w.definite and w.en[:1].isupper() and not (w.conj or w.prep):
        words[k] = Word(w.text, NAME, f"the {w.en}s", definite=True, fixed=True)


def _after_np(words: list[Word], k: int) -> int:
    """The index after the noun phrase at k (its adjectives, an indefinite head's genitive), or k
    when none starts there."""
    if k >= len(words) or words[k].conj or words[k].prep:
        return k
    if words[k].pos not in _NOMINAL and not (words[k].pos == ADJ and words[k].definite):
        return k  # (a definite adjective stands for a noun: الأخيرة, the latter)
    while True:
        w = words[k]
        k += 1
        while k < len(words) and words[k].pos == ADJ and not words[k].conj and not words[k].prep:
            k += 1
        nxt = words[k] if k < len(words) else None
        construct = w.pos == N and not w.definite and not w.poss
        if not (construct and nxt is not None and nxt.pos in _NOMINAL and not nxt.conj and not nxt.prep):
            return k


def _verb(w: Word, nxt: Word | None, reader: Reader) -> str:
    """The English verb of a verbal noun with nothing of its own (no pronoun, singular), or ""."""
    tables = reader.tables
    if w.pos != N or w.poss or w.fixed or w.mark or w.number != "sg" or w.conj or _accusative(w):
        return ""  # (an indefinite accusative is an adverb: ابتداء, تمهيدا)
    if nxt is not None and nxt.pos == ADJ and nxt.definite == w.definite and not (nxt.conj or nxt.prep):
        return ""  # its adjective makes it a noun: الانسحاب الفوري, the immediate withdrawal
    if w.prep and w.prep not in _PROCLITIC:
        return ""
    entry = tables.ids.get(w.id) if w.id else None
    if entry is not None and entry.verb:
        # (a form I verbal noun's genitive may be its subject: بقاء بريطانيا, Britain staying)
        return entry.verb if w.definite or _last(nxt) or entry.verb not in tables.intransitive else ""
    stem = folded(w.text)
    stem = stem[1:] if w.prep else stem
    stem = stem[2:] if w.definite and stem.startswith("ال") else stem
    stem = stem[1:] if w.definite and w.prep == "prep-li" and stem.startswith("ل") else stem
    verb = reader.verb_of_verbal_noun(Word(stem, N, w.en))
    if verb and not (w.definite or _last(nxt)) and not reader.verb_of_noun(stem)[1]:
        return ""  # an intransitive's genitive is its subject: انسحاب القوات, the forces withdrawing
    if verb:
        return verb
    first, _, rest = w.en.partition(" ")
    if first.endswith("ing") and len(first) > 5:  # a gerund: allowing → allow, handing over → hand over
        base = _base(first[:-3], tables.verbs)
        return f"{base} {rest}".strip() if base else ""
    return ""


def _last(nxt: Word | None) -> bool:
    """Does nothing of the verbal noun's own follow it (no genitive: the end, a preposition)?"""
    return nxt is None or nxt.pos not in _NOMINAL_OR_ADJ or bool(nxt.conj or nxt.prep)


def _base(stem: str, verbs: frozenset[str]) -> str:
    candidates = [stem, stem + "e"] + ([stem[:-1]] if stem[-1:] == stem[-2:-1] else [])
    return next((c for c in candidates if c in verbs), "")


__all__ = ["infinitives"]
