"""A found date expression as a date, given the article's date.

Explicit dates are read by text.dates.read_date (dateparser, hijridate), memoised: the same
span costs one call per process. Everything else is counted from the article's date, and
without one it gives no date:
- a day and month without a year ("14 أبريل") and a month ("في مارس") take the year that puts
  them nearest the article's date; with الماضي before it, with المقبل after it (no date: a
  claim is never made after its article, and what a figure counts has not happened yet);
- a weekday ("يوم الاثنين") is the most recent such day on or before the article's date,
  before it with الماضي;
- "الأسبوع الماضي" and "قبل أسبوع" give the month of the day a week earlier (the contract's
  precisions are day, month and year);
- a range of years is dated by its start, like "منذ 2011".
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.model.contract import EventDate
from briefing.pipeline.dates.find import Found
from briefing.text.dates import Published, read_date


@dataclass(frozen=True)
class When:
    """A resolved date: the contract's EventDate and the first and last day it covers."""

    date: EventDate
    first: dt.date
    last: dt.date
    since: bool = False


def resolve(found: Found, published: date | None) -> When | None:
    """The date `found` states, or None when it cannot be placed (see the module docstring)."""
    if found.kind == "text":
        return _read(found.text)
    if found.kind == "year":
        return _year(found.year, since=found.since)
    if found.kind == "range":
        start = _year(found.year)
        return When(start.date, start.first, date(found.year_end, 12, 31))
    if found.kind == "month" and found.year:
        return _month(found.year, found.month, since=found.since)
    if published is None:
        return None
    return _RELATIVE[found.kind](found, published)


@functools.lru_cache(maxsize=4096)
def _read(text: str) -> When | None:
    found = read_date(text, "ar")
    if not isinstance(found, Published):
        return None
    day = date.fromisoformat(found.day)
    if found.precision == "year":
        return _year(day.year)
    if found.precision == "month":
        return _month(day.year, day.month)
    return _day(day)


def _day(day: date) -> When:
    return When(EventDate(day.isoformat(), "day"), day, day)


def _month(year: int, month: int, *, since: bool = False) -> When:
    first = date(year, month, 1)
    last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    return When(EventDate(f"{year:04d}-{month:02d}", "month"), first, last, since)


def _year(year: int, *, since: bool = False) -> When:
    return When(EventDate(f"{year:04d}", "year"), date(year, 1, 1), date(year, 12, 31), since)


def _nearest(candidates: list[date], published: date, tense: str) -> date | None:
    if tense == "past":
        candidates = [d for d in candidates if d < published]
    elif tense == "future":
        return None
    return min(candidates, key=lambda d: (abs((d - published).days), d > published), default=None)


def _day_month(found: Found, published: date) -> When | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, found.month, found.day))
        except ValueError:  # 29 February, 31 April
            continue
    day = _nearest(candidates, published, found.tense)
    return None if day is None else _day(day)


def _month_only(found: Found, published: date) -> When | None:
    this_month = date(published.year, published.month, 1)
    firsts = [date(y, found.month, 1) for y in (published.year - 1, published.year, published.year + 1)]
    first = _nearest(firsts, this_month, found.tense)
    return None if first is None else _month(first.year, first.month, since=found.since)


def _shift(published: date, unit: str, offset: int) -> When:
    if unit == "day":
        return _day(published + timedelta(days=offset))
    if unit == "week":
        day = published + timedelta(days=7 * offset)
        return _month(day.year, day.month)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return _month(index // 12, index % 12 + 1)
    return _year(published.year + offset)


def _relative(found: Found, published: date) -> When | None:
    return _shift(published, found.unit, found.offset)


def _weekday(found: Found, published: date) -> When | None:
    if found.tense == "future":
        return None
    back = (published.weekday() - found.weekday) % 7
    if back == 0 and found.tense == "past":
        back = 7
    return _day(published - timedelta(days=back))


def _this_month(found: Found, published: date) -> When | None:
    index = published.year * 12 + published.month - 1 + found.offset
    try:
        return _day(date(index // 12, index % 12 + 1, found.day))
    except ValueError:  # the 31st of a month of 30 days
        return None


_RELATIVE = {
    "day": _day_month,
    "this_month": _this_month,
    "month": _month_only,
    "relative": _relative,
    "ago": _relative,
    "weekday": _weekday,
}
