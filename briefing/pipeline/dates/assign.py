"""Which of its sentence's dates a claim or a figure takes.

A claim takes the date nearest its cue among those outside its content ("أعلن الرئيس الأحد أن
…": Sunday; a date inside the content dates what is claimed, not the claim, unless it opens the
content: "أعلنت الوزارة الأحد مقتل …"), never one after the
article's date nor a "since" (منذ 2011 says when something began, not when it was said). A
figure takes the nearest date of its sentence, a date across a clause boundary (، ؛ :) counting
as farther than any in its own clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from briefing.model.contract import EventDate
from briefing.pipeline.dates.find import Found
from briefing.pipeline.dates.resolve import When

Dated = tuple[Found, When]
_CLAUSE_BREAKS = ("،", "؛", ";", ":", ",")
_CLAUSE = 100_000  # a clause boundary weighs more than any distance inside a sentence


def _distance(found: Found, start: int, end: int) -> int:
    return max(0, found.start - end, start - found.end)


def _opens(text: str, start: int, found: Found) -> bool:
    """Whether `found` opens the span beginning at `start` (or straddles its start)."""
    return found.start <= start or not text[start : found.start].strip(" \t\n،,")


def claim_date(
    text: str, dates: Sequence[Dated], cue: tuple[int, int], content: tuple[int, int], published: date | None
) -> EventDate | None:
    """The date a claim was made, from its sentence's `dates`."""
    candidates = [
        (found, when)
        for found, when in dates
        if (found.end <= content[0] or found.start >= content[1] or _opens(text, content[0], found))
        and not when.since
        and (published is None or when.first <= published)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (_distance(d[0], *cue), d[0].start))[1].date


def figure_date(text: str, dates: Sequence[Dated], span: tuple[int, int]) -> EventDate | None:
    """The date of what a figure counts, from its sentence's `dates`."""
    candidates = [(found, when) for found, when in dates if found.end <= span[0] or found.start >= span[1]]
    if not candidates:
        return None

    def weight(d: Dated) -> tuple[int, int]:
        found = d[0]
        between = text[found.end : span[0]] if found.end <= span[0] else text[span[1] : found.start]
        breaks = sum(between.count(mark) for mark in _CLAUSE_BREAKS)
        return breaks * _CLAUSE + _distance(found, *span), found.start

    return min(candidates, key=weight)[1].date
