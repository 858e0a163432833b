"""Duals: a counted noun in the dual counts two (يومين → 2 days, دولارين → $2), unless definite
(الجانبين، البلدين: "the two", a reference back)."""

from __future__ import annotations

from briefing.pipeline.figures.currency import currency_code
from briefing.pipeline.figures.found import Found
from briefing.pipeline.figures.frames import RECASTABLE, frame
from briefing.pipeline.figures.lexicon import FigureTables
from briefing.pipeline.figures.tokens import Tok, proclitic_trim
from briefing.pipeline.figures.units import adjectives


def dual_at(t: FigureTables, toks: list[Tok], i: int) -> Found | None:
    """The figure of the dual noun at token i, or None."""
    tok = toks[i]
    if tok.definite:
        return None
    noun = t.nouns[tok.norm]
    end = adjectives(t, toks, i + 1)
    category = noun.category
    unit = None
    value = 2.0
    if noun.currency is not None:
        category = "money"
        unit = currency_code(toks, i + 1, noun.currency) or noun.currency.default
        value *= noun.currency.factor
    elif category in RECASTABLE:
        category = frame(t, toks, i, end, noun) or category
    return Found(
        start=i,
        end=end,
        start_trim=proclitic_trim(tok),
        value=value,
        high=None,
        unit=unit,
        category=category,
        qualifier="exact",
        noun=noun,
        counted=(i, end),
    )
