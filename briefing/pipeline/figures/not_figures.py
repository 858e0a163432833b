"""Numbers that are no figure: dates and years, identifiers and model names (القرار 2254، إس
200), clock times, phone numbers, list numbers, and number words used as names or ordinals
(قمة العشرين). The context words are units.yaml's `not_figures`.
"""

from __future__ import annotations

from briefing.pipeline.figures.found import Draft
from briefing.pipeline.figures.lexicon import FigureTables
from briefing.pipeline.figures.morph import proper_name
from briefing.pipeline.figures.tokens import Tok
from briefing.pipeline.figures.units import is_nisba, plain_noun
from briefing.text.numbers import NumberParse, is_phone_like

_DATE_MARKS = (":", "/")  # 12:30، 12/5/2020
_LIST_MARKS = ("-", ")", ".", ":", "–")  # 1- ، 1) ، 1. at the start of a line
_JOINED = ("-", "–", "/", "+")  # سوخوي -24، 3/4، 5+1
_PLUS = "+"  # 5+1، صفر + 30: digits joined so are a name or a code
_PARTITIVE = "من"  # 10 من شباط: a day of a month


def written_as_name(toks: list[Tok], i: int, p: NumberParse) -> bool:
    """Phone numbers, digits joined to a name by a dash (سوخوي -24), and definite number words
    (العشرين in قمة العشرين، الثلاثة "the three"): names and anaphora, no count."""
    if p.has_digits and not p.has_words and (is_phone_like(toks[i].raw) or toks[i].raw[0] in "-−+"):
        return True
    if p.has_digits and not p.has_words and _plus_joined(toks, i, p.end):
        return True
    return p.definite and not p.vague


def _plus_joined(toks: list[Tok], i: int, k: int) -> bool:
    """Digits with a + next to them (5+1، 5 + 1، صفر + 30): a name or a code."""
    return (i > 0 and toks[i - 1].raw == _PLUS) or (k < len(toks) and toks[k].raw.startswith(_PLUS))


def teen_tail(t: FigureTables, toks: list[Tok], i: int) -> bool:
    """عشر after an ordinal (الرابع عشر من الشهر): the second half of a number already turned
    down, no number of its own."""
    if i == 0 or toks[i - 1].cand != 1:
        return False
    here, before = t.grammar.analyse(toks[i].raw), t.grammar.analyse(toks[i - 1].raw)
    return (
        here is not None
        and before is not None
        and any(a.word.kind == "ten_word" for a in here.atoms)
        and any(a.word.kind == "ordinal" for a in before.atoms)
    )


def date_or_list(t: FigureTables, toks: list[Tok], i: int, p: NumberParse) -> bool:
    """Digits next to a month (7 تشرين، مايو 2017), in a date or a clock time, before an era
    mark (2011 م), or numbering a list line."""
    if not p.has_digits:
        return False
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[p.end] if p.end < len(toks) else None
    if nxt is not None and (is_month(t, nxt) or nxt.raw in _DATE_MARKS):
        return True
    if nxt is not None and nxt.raw == _PARTITIVE and p.end + 1 < len(toks):
        after = toks[p.end + 1]
        if is_month(t, after) or after.norm in t.date_after:
            return True  # 10 من شباط، الـ 20 من كانون الثاني، 13 من الجاري، 20 من الشهر المقبل
    if prev is not None and (is_month(t, prev) or prev.raw == "/"):
        return True
    if nxt is not None and nxt.raw in t.era and not p.has_words:
        return True
    return _is_list_number(toks, i, p.end)


def is_month(t: FigureTables, tok: Tok) -> bool:
    """A month's name, also with the slash of a pair (مايو/ أيار)."""
    months, raw = t.months, tok.raw
    return tok.norm in months or raw in months or (raw.endswith("/") and raw.rstrip("/") in months)


def stands_for_nothing(t: FigureTables, toks: list[Tok], d: Draft) -> bool:
    """A number with no unit that is an identifier (الفوج 49), a year, a clock time, or a word
    too ambiguous to stand alone (ست، خمس, a fraction of nothing)."""
    p = d.p
    bare = d.unit is None and not d.percent
    if bare and (d.noun is None or d.noun.id == "unknown") and p.has_digits and d.start == d.i > 0:
        prev = toks[d.i - 1]
        # A definite noun names the digits after it only when nothing counted follows them: the
        # subject of a verb before its object's number does not (اعتقلت الشرطة 40 متظاهرا).
        if is_identifier(t, prev, named=d.noun is None) or (d.noun is None and _name_before(t, prev)):
            return True
    if bare and d.noun is None and _alone_not_figure(t, toks, p, d.high):
        return True
    # Four digits from 1800 to 2100 before a word the tables do not know: a year (في 2011 شهدت).
    return d.noun is not None and d.noun.id == "unknown" and p.year_like


def _alone_not_figure(t: FigureTables, toks: list[Tok], p: NumberParse, high: float | None) -> bool:
    """A number with nothing counted that may not stand alone: an ambiguous word, a year, a time."""
    if not p.standalone or (p.fraction and p.scale == 1):
        return True
    if p.year_like and high is None:
        return True
    return p.has_digits and p.end < len(toks) and toks[p.end].raw in t.clock_after


def is_identifier(t: FigureTables, prev: Tok, *, named: bool = True) -> bool:
    """The word before digits makes them an identifier or part of a name (القرار، إس، طراز,
    a Latin word, a dash or a +), or, `named`, a definite noun names something (الفوج 49،
    الصفحة 192)."""
    if prev.latin or prev.raw in t.identifier_before or prev.norm in t.identifier_before:
        return True
    if prev.raw in _JOINED or prev.raw.endswith("-"):
        return True  # سوخوي- 34
    if prev.raw in t.year_before:
        return False
    return named and prev.definite and plain_noun(t, prev) and not is_nisba(prev.norm)


def _name_before(t: FigureTables, prev: Tok) -> bool:
    """A proper name before digits that count nothing: the digits number it (جنيف 2، سوتشي 3)."""
    return not prev.definite and plain_noun(t, prev) and proper_name(t.morph, prev.text)


def _is_list_number(toks: list[Tok], i: int, k: int) -> bool:
    at_line_start = (
        i == 0 or (toks[i - 1].space and "\n" in toks[i - 1].raw) or (i > 0 and toks[i - 1].raw == "\n")
    )
    return at_line_start and k < len(toks) and toks[k].raw in _LIST_MARKS
