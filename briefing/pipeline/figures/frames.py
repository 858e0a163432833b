"""The category a figure takes from its frame, what happened to those it counts, when its noun
alone would make it a count or personnel:

- an event word or verb right before the number (مقتل 34 جنديا، قُتل 5 أشخاص، فرت مئات
  العائلات، استهدفت الغارات 5 مواقع);
- an event verb or word right after the counted words (ثلاثة جنود قتلوا، 15 شخصا لقوا حتفهم،
  سقط 5 أشخاص قتلى);
- a toll further back in the clause (ارتفع عدد القتلى في المدينة إلى 20);
- an earlier casualty figure of the sentence, through a partitive or a back reference (قتل 20
  شخصا بينهم 11 طفلا، أحصوا عددهم بأكثر من 12 ألفا) or a list (قتل 13 من الحوثيين و9 من
  الجنود).

A casualty frame (killed, wounded, displaced) recasts people: a people noun, or a number whose
noun the tables do not know, and a personnel noun when killed or wounded; a strike frame recasts
the targets a strike hits.
The verbs are units.yaml's, recognised in every form by their lemma (morph.verb_lemmas).
"""

from __future__ import annotations

from briefing.pipeline.figures.lexicon import FigureTables, Noun
from briefing.pipeline.figures.morph import verb_lemmas
from briefing.pipeline.figures.tokens import Tok, word_is

CASUALTIES = frozenset({"killed", "wounded", "displaced"})
_HARMED = frozenset({"killed", "wounded"})
# The categories a noun gives that a frame may change (never money, time or a percentage).
RECASTABLE = frozenset({"count", "personnel"})
_MAX_CACHED = 100_000  # words whose event category is kept
_CLAUSE_ENDS = frozenset({".", "،", "؛", ":", "!", "؟", "?", ","})
_QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})
_LIST = frozenset({"و", "،", ","}) | _QUOTES
_BEFORE = 3  # tokens looked at before the number for an event word
_AFTER = 4  # tokens looked at after the counted words for an event word (a verb: the first two)
_DISTANT = 12  # tokens looked at before the number for a toll


def recasts(frame: str, noun: Noun | None) -> bool:
    """A frame of this category may change the category the noun gives."""
    if noun is None or noun.id == "unknown" or noun.people:
        return frame in CASUALTIES
    if noun.category == "personnel":
        return frame in _HARMED  # fighters who flee are no displaced people: فر ألفا عنصر
    return frame == "strikes" and noun.target


def frame(t: FigureTables, toks: list[Tok], start: int, end: int, noun: Noun | None) -> str | None:
    """The category the words around tokens start..end give those counted, or None."""
    for found in (_before(t, toks, start), _after(t, toks, end), _distant(t, toks, start)):
        if found is not None and recasts(found, noun):
            return found
    return None


def carried(
    t: FigureTables, toks: list[Tok], prev_end: int, prev: str, start: int, noun: Noun | None
) -> bool:
    """An earlier casualty figure of the sentence (category `prev`, ending at token prev_end)
    gives its category to the figure at `start`: through a partitive or back reference right
    before it (بينهم، منهم، عددهم), or a list that joins them (13 من الحوثيين و9 من الجنود)."""
    if prev not in CASUALTIES or not recasts(prev, noun):
        return False
    if all(toks[k].raw in _LIST or toks[k].space for k in range(prev_end, start)):
        return True
    for phrase in t.among:
        s = start - len(phrase)
        if s >= prev_end and all(word_is(toks[s + j], w, first=j == 0) for j, w in enumerate(phrase)):
            return True
    return False


def _event_verb(t: FigureTables, tok: Tok) -> str | None:
    """The category of a form of an event verb (قُتلوا، استهدفت), by its lemma."""
    if tok.latin or tok.space or tok.cand:
        return None
    if t.morph is None:
        return t.event_verbs.get(tok.norm)
    known = t.verb_events
    if tok.text in known:
        return known[tok.text]
    found = next(filter(None, map(t.event_verbs.get, verb_lemmas(t.morph, tok.text))), None)
    if len(known) < _MAX_CACHED:
        known[tok.text] = found
    return found


def _before(t: FigureTables, toks: list[Tok], start: int) -> str | None:
    """An event word among the three before the number, within its clause (مقتل، حصيلة القتلى،
    قُتل)."""
    for back in range(1, _BEFORE + 1):
        s = start - back
        if s < 0 or toks[s].space or toks[s].raw in _CLAUSE_ENDS:
            break
        # Only the phrases whose first word is here, in the order of events_before.
        for phrase, category in t.events_by_first.get(toks[s].norm, ()):
            m = len(phrase)
            if s + m <= start and all(toks[s + j].norm == phrase[j] for j in range(m)):
                return category
        verb = _event_verb(t, toks[s])
        if verb is not None:
            return verb
    return None


def _after(t: FigureTables, toks: list[Tok], end: int) -> str | None:
    """An event word among the four after the counted words (لقوا حتفهم، بجروح), or an event verb
    among the first two (قتلوا), within the clause: before another number or a conjunction (4
    أطقم وقتل 8 مسلحين: the killed are the 8)."""
    seen = 0
    for j in range(end, min(end + _AFTER, len(toks))):
        tok = toks[j]
        if tok.raw in _CLAUSE_ENDS or tok.cand or tok.raw == "و" or _conjoined(tok):
            break
        if tok.raw in _QUOTES or tok.space:
            continue
        word = t.events_after.get(tok.raw) or t.events_after.get(tok.norm)
        if word is not None:
            return word
        if seen < 2:
            verb = _event_verb(t, tok)
            if verb is not None:
                return verb
        seen += 1
    return None


def _conjoined(tok: Tok) -> bool:
    """A word with و or ف written on it: another clause (وقتل، فأصيب)."""
    return tok.clitic > 0 and tok.text[0] in "وف" and tok.raw[:1] in "وف"


def _distant(t: FigureTables, toks: list[Tok], start: int) -> str | None:
    """A toll further back in the clause, with no other number between (ارتفع عدد القتلى في
    المدينة إلى 20)."""
    for s in range(start - 1, max(start - _DISTANT, 0) - 1, -1):
        tok = toks[s]
        if tok.raw in _CLAUSE_ENDS or tok.cand:
            return None
        for phrase, category in t.events_distant.get(tok.norm, ()):
            m = len(phrase)
            if s + m <= start and all(toks[s + j].norm == phrase[j] for j in range(m)):
                return category
    return None
