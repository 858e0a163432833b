"""Verbal nouns that English reads as verbs: ل + a verbal noun and its object is a purpose
(لشن هجوم: to launch an attack, لاستخدام وسائل الإعلام: to utilize the media), and قام ب + a
verbal noun is that noun's verb (تقوم تركيا بإخراج الفصائل: Turkey ousts the factions)."""

from __future__ import annotations

from briefing.pipeline.gist.nouns import QUANTIFIERS
from briefing.pipeline.gist.reading import Reader
from briefing.pipeline.gist.words import NAME, NUM, PHRASE, PRON, N, V, Word

_OBJECTS = (N, NAME, PHRASE, NUM)


def verbal_nouns(words: list[Word], reader: Reader, candidates: list[int]) -> bool:
    """Rewrites, in place, the verbal nouns of `words` that read as verbs (see the module);
    `candidates`: the indices of the words that may start one (a ل proclitic, قام), in order.
    True when a word was taken out (قام's verbal noun): the indices after it moved."""
    n = len(words)
    for i in [k for k in candidates if words[k].prep == "prep-li" and words[k].pos == N]:
        # a word that governs ل takes it as its own (التصدي لتأثير: countering the effect), no purpose
        governs = words[i - 1].governs if i > 0 else None
        governed = governs is not None and governs[0] == "prep-li"
        if i + 1 < n and not governed and _bare(words[i]) and _object(words[i + 1]):
            verb = reader.verb_of_verbal_noun(words[i])
            if verb:
                words[i] = Word(words[i].text, V, verb, conj=words[i].conj, extra={"to": "1"})
    moved = False
    for i in reversed([k for k in candidates if words[k].id == "carry-out"]):
        j = _light_object(words, i)
        if j is None:
            continue
        verb = reader.verb_of_verbal_noun(words[j])
        if verb:
            light = words[i] = words[i].copy()
            light.en, light.id, light.governs = verb, "", None
            del words[j]
            moved = True
    return moved


def _light_object(words: list[Word], i: int) -> int | None:
    """Where the ب + verbal noun of قام at i is (after its subject, if any), when an object follows."""
    for j in range(i + 1, min(i + 4, len(words) - 1)):
        w = words[j]
        if w.prep == "prep-bi" and w.pos == N:
            return j if _bare(w) and _object(words[j + 1]) else None
        if w.pos not in (N, NAME) or w.prep or w.conj:  # only a subject may stand between
            return None
    return None


def _bare(w: Word) -> bool:
    """A verbal noun with nothing of its own that English would keep: no article, no pronoun."""
    return not (w.definite or w.poss or w.fixed or w.mark) and w.number == "sg"


def _object(w: Word) -> bool:
    """Can `w` start the verbal noun's object (its genitive)?"""
    if w.conj or w.prep:
        return False
    return w.pos in _OBJECTS or (w.pos == PRON and (w.id in QUANTIFIERS or w.id.startswith("dem-")))
