"""Clubs in a list of fixtures or results, each with its country in brackets: ليفربول ( إنجلترا ) -
غلطة سراي ( تركيا ), بورتو ( البرتغال ) 2 - 1. A name before a bracketed state, with a score after
the pair or a dash between two such pairs, is a club, whether the gazetteer knows it as a city
(ليفربول) or not at all (أيندهوفن); a state's name there (قطر ( قطر )) is left as it is. A city
and its country in brackets with no score or other side beside them (ولد في بيروت ( لبنان ), the
dateline ساو باولو ( البرازيل ) - أ ف ب) stay a place.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefing.pipeline.actors.document import CLOSING, OPENING, Hit, Tokens, mark_ids

DASHES = frozenset({"-", "ـ", "–"})
DASH_IDS = mark_ids(*DASHES)
ZERO = "صفر"  # a score's nought, as written in results (2 - صفر)
MAX_WORDS = 3  # a club's name before its bracket
WINDOW = MAX_WORDS + 2  # tokens from a dash to the other side's bracket


def _score(a: Tokens, i: int) -> bool:
    """Is token i a score's number?"""
    return 0 <= i < len(a.norms) and (a.raw(i).isdigit() or a.raw(i) == ZERO)


def _dash(a: Tokens, i: int) -> bool:
    return 0 <= i < len(a.norms) and a.raw(i) in DASHES


def in_fixture(a: Tokens, start: int, closing: int) -> bool:
    """Is the name at `start`, with its bracketed state closing at token `closing`, one side of a
    fixture: a score after it, or a dash between it and another bracketed side (ليون ( فرنسا ) -
    روما ( إيطاليا )), not a dateline's dash (ساو باولو ( البرازيل ) - أ ف ب)?"""
    if _score(a, closing + 1):
        return True
    if _dash(a, closing + 1) and any(a.raw(i) == "(" for i in range(closing + 2, closing + 2 + WINDOW)):
        return True
    return _dash(a, start - 1) and any(a.raw(i) == ")" for i in range(max(0, start - 1 - WINDOW), start - 1))


def bracketed_states(a: Tokens, hits: list[Hit]) -> Iterator[tuple[int, int]]:
    """(opening, closing) bracket tokens around each state's name alone: ( فرنسا ), ( إنجلترا )."""
    openings, closings = a.marked(OPENING), a.marked(CLOSING)
    if not (openings and closings):
        return
    for g in hits:
        opening, closing = g.start - 1, g.end
        if opening in openings and closing in closings and g.type in ("GPE", "LOC") and opening >= 1:
            yield opening, closing
