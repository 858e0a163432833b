"""Duals: a counted noun in the dual counts two (يومين → 2 days, دولارين → $2), unless definite
(الجانبين، البلدين: "the two", a reference back) but for the last or next two days, months …
(اليومين الأخيرين). A time noun alone after a qualifier counts one
(نحو أسبوع → about a week, أكثر من عام → more than a year)."""

from __future__ import annotations

from dataclasses import replace

from briefing.pipeline.figures.currency import currency_code
from briefing.pipeline.figures.found import Found
from briefing.pipeline.figures.frames import RECASTABLE, frame
from briefing.pipeline.figures.lexicon import UNKNOWN, FigureTables
from briefing.pipeline.figures.qualifiers import qualifier_before
from briefing.pipeline.figures.tokens import Tok, proclitic_trim
from briefing.pipeline.figures.units import adjectives, and_a_fraction, is_nisba

_DUAL = replace(UNKNOWN, number="dual")
_DUAL_ENDINGS = ("ين", "ان")  # folded: الأخيرين، الماضيان


def dual_at(t: FigureTables, toks: list[Tok], i: int) -> Found | None:
    """The figure of the dual noun at token i, or None."""
    tok = toks[i]
    if tok.definite and not _last_days(t, toks, i):
        return None
    noun = t.nouns.get(tok.norm, _DUAL)  # a dual by its analysis alone: مدمرتين
    if noun is _DUAL and is_nisba(tok.raw[:-2]):
        return None  # سعوديتين: an adjective (ناقلتي نفط سعوديتين)
    end = i + 2 if tok.definite else adjectives(t, toks, i + 1)  # اليومين الأخيرين
    category = noun.category
    unit = None
    value = 2.0
    counted = (i, end)
    half = and_a_fraction(t, toks, end) if noun.currency is None else None
    if half is not None:  # عامين ونصف: 2.5 years
        value += half[0]
        end = half[1]
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
        counted=counted,
    )


def _last_days(t: FigureTables, toks: list[Tok], i: int) -> bool:
    """A definite dual of a time noun with a definite dual adjective after it (اليومين الأخيرين،
    العامين الماضيين، الشهرين المقبلين): the last or next two, a duration, not a reference back."""
    noun = t.nouns.get(toks[i].norm)
    if noun is None or noun.category != "duration" or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    return nxt.definite and not nxt.clitic and nxt.raw.endswith(_DUAL_ENDINGS)


def one_at(t: FigureTables, toks: list[Tok], i: int) -> Found | None:
    """A singular time noun right after a qualifier (نحو أسبوع، أكثر من عام، قرابة شهر): one of
    it, so qualified; not before a number or a month (أكثر من عام 2011)."""
    qualifier = qualifier_before(t, toks, i)
    if qualifier is None:
        return None
    k = i + 1
    if k < len(toks) and (toks[k].cand == 1 or toks[k].norm in t.months or toks[k].raw in t.months):
        return None
    noun = t.nouns[toks[i].norm]
    kind, start, trim, qualifier_en = qualifier
    return Found(
        start=start,
        end=k,
        start_trim=trim,
        value=1.0,
        high=None,
        unit=None,
        category=noun.category,
        qualifier=kind,
        noun=noun,
        counted=(i, k),
        qualifier_en=qualifier_en,
        one=True,
    )
