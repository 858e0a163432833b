"""Qualifiers and ranges around a number: أكثر من 30، 30 تقريبا، بين 200 و300، من 10 إلى 15،
200-300. The phrases and frames are numbers.yaml's, by the contract's qualifier ids.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.pipeline.figures.lexicon import FigureTables
from briefing.pipeline.figures.tokens import Tok, proclitic_trim, word_is
from briefing.pipeline.figures.units import noun_after
from briefing.text.numbers import NumberParse

_DASHES = ("-", "–", "—")
_DASH = "dash"  # the range frame with no opening word: 200-300, ألفين أو ثلاثة آلاف
# أو between two numbers without a frame makes a range only before a counted noun: "10 أو 15"
# alone may as well be a choice. Only أو is held to this: the list this replaces also named إلى
# and الى, unfolded, so they never matched a token (tokens are folded: إلى reads الي).
_OR = "او"


def qualifier_before(t: FigureTables, toks: list[Tok], i: int) -> tuple[str, int, int, str] | None:
    """The qualifier phrase ending right before token i: (qualifier, its first token, trim, the
    phrase's own English or "")."""
    if i == 0:
        return None
    last = toks[i - 1]
    candidates = t.qualifiers_by_last.get(last.raw, ()) + t.qualifiers_by_last.get(last.norm, ())
    for phrase, qualifier in candidates:
        m = len(phrase)
        s = i - m
        if s < 0:
            continue
        if all(word_is(toks[s + j], phrase[j], first=(j == 0)) for j in range(m)):
            return qualifier, s, proclitic_trim(toks[s]), t.phrasing_en.get(phrase, "")
    return None


def qualifier_after(t: FigureTables, toks: list[Tok], end: int) -> tuple[str, int] | None:
    """The qualifier phrase starting at `end` (after the number or its noun), and its end."""
    n = len(toks)
    first = t.qualifier_after_first
    if end >= n or (toks[end].raw not in first and toks[end].norm not in first):
        return None
    for phrase, qualifier in t.qualifiers_after:
        m = len(phrase)
        if end + m <= n and all(
            toks[end + j].raw == phrase[j] or toks[end + j].norm == phrase[j] for j in range(m)
        ):
            if _opens_next(t, toks, end + m - 1):
                return None  # 2300 قتيل وأكثر من 5 آلاف جريح: وأكثر من qualifies the next number
            return qualifier, end + m
    return None


def _opens_next(t: FigureTables, toks: list[Tok], k: int) -> bool:
    """Does the word at k, a conjunction و or ف on it, open with the words after it a qualifier
    of a number to come (و + أكثر من)? Not الأقل of على الأقل (الأقل من is no أقل من)."""
    raw = toks[k].raw
    if raw[:1] not in "وف":
        return False
    words = [raw[1:], *(tok.raw for tok in toks[k + 1 : k + 3])]
    return any(len(phrase) > 1 and tuple(words[: len(phrase)]) == phrase for phrase, _ in t.qualifiers_before)


def range_open(t: FigureTables, toks: list[Tok], i: int) -> tuple[str, int, int] | None:
    """The range frame opened right before token i (بين، ما بين، من): (frame, its token, trim)."""
    for size in (2, 1):
        s = i - size
        if s < 0:
            continue
        frame = t.range_open.get(" ".join(toks[s + j].norm for j in range(size)))
        if frame is not None:
            return frame, s, proclitic_trim(toks[s])
    return None


def range_high(
    t: FigureTables, toks: list[Tok], words: Sequence[str], k: int, frame: str | None
) -> tuple[NumberParse, int] | None:
    """The high number of a range whose low number ends before k, and the token after it.

    In a frame, the join is a word of its own (بين 200 و 300) or written on the high number
    (بين 200 و300، بين عشرة وعشرين); without one, only a dash-frame join (200-300) opens a range.
    """
    n = len(toks)
    if k >= n:
        return None
    joins = t.range_join
    tok = toks[k]
    if frame is not None:
        # بين 1000 - 5000، بين 10-20 دولار: a dash joins the ends in any frame.
        at = k + 1 if tok.raw in joins.get(frame, ()) or tok.raw in _DASHES else k
    elif tok.raw in joins.get(_DASH, ()):
        at = k + 1
    else:
        return None
    if at >= n:
        return None
    high = t.grammar.parse(words, at)
    if high is None or high.definite:
        return None
    if at == k and (not high.clitic or high.clitic not in joins.get(frame or "", ())):
        return None
    if frame is None and tok.raw == _OR and not (high.end < n and noun_after(t, toks, high.end, False)):
        return None
    return high, high.end
