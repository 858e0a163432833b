"""Ranks: an ordinal before a superlative (رابع أكبر شريك تجاري → 4th largest) or after a rank
noun (المرتبة الثالثة → 3rd place)."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.pipeline.figures.english import ordinal_en
from briefing.pipeline.figures.found import Found
from briefing.pipeline.figures.lexicon import FigureTables
from briefing.pipeline.figures.tokens import Tok, number_trim, proclitic_trim
from briefing.pipeline.figures.units import adjectives, noun_at, plain_noun


def rank_at(t: FigureTables, toks: list[Tok], words: Sequence[str], i: int) -> Found | None:
    """The rank whose ordinal starts at token i, or None."""
    p = t.grammar.parse_ordinal(words, i)
    if p is None:
        return None
    k = p.end
    start, trim = i, number_trim(toks[i], p)
    superlative: str | None = None
    if k < len(toks) and not p.definite and toks[k].norm in t.superlatives and not toks[k].clitic:
        superlative = t.superlatives[toks[k].norm]
        k = _ranked_noun_end(t, toks, k + 1)
    elif p.definite and i > 0 and toks[i - 1].norm in t.rank_before:
        start, trim = i - 1, proclitic_trim(toks[i - 1])
    else:
        return None
    place = ordinal_en(int(p.value))
    return Found(
        start=start,
        end=k,
        start_trim=trim,
        value=p.value,
        high=None,
        unit=None,
        category="rank",
        qualifier="exact",
        en=f"{place} {superlative}" if superlative else f"{place} place",
    )


def _ranked_noun_end(t: FigureTables, toks: list[Tok], k: int) -> int:
    """After رابع أكبر: the end of the noun ranked (شريك) and its adjectives (تجاري)."""
    n = len(toks)
    found = noun_at(t, toks, k) if k < n else None
    if found is not None:
        k = found[1]
    elif k < n and plain_noun(t, toks[k]) and not toks[k].definite:
        k += 1
    return adjectives(t, toks, k)
