"""The sources of a brief: which articles, in what order, and the period they cover.

Sources are numbered once, oldest first, and every other part of the brief refers to an
article by that number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from briefing.compose.outlets import UNKNOWN, outlet_of
from briefing.model.brief import Source
from briefing.model.contract import Extraction


def iso_date(value: str | None) -> date | None:
    """The date an ISO date or datetime string starts with; None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def order_sources(extractions: Sequence[Extraction]) -> tuple[Extraction, ...]:
    """One extraction per article id (the first given), oldest first, undated last, then by id."""
    unique: dict[str, Extraction] = {}
    for ext in extractions:
        unique.setdefault(ext.article.id, ext)
    return tuple(
        sorted(
            unique.values(),
            key=lambda e: (
                iso_date(e.article.published) is None,
                iso_date(e.article.published) or date.min,
                e.article.id,
            ),
        )
    )


def source_entries(exts: Sequence[Extraction]) -> tuple[Source, ...]:
    """The Source entry of each article, numbered from 1 in the given order."""
    sources: list[Source] = []
    for n, ext in enumerate(exts, 1):
        a = ext.article
        d = iso_date(a.published)
        sources.append(
            Source(
                number=n,
                id=a.id,
                title=a.title,
                outlet=a.source,
                date=d.isoformat() if d else None,
                url=a.url,
                file=a.path,
                anchor=f"src-{n}",
                title_en=ext.title_en,
                outlet_en=outlet_of(a).en or None,
                outlet_ar=outlet_of(a).ar or None,
            )
        )
    return tuple(sources)


def outlet_count(exts: Sequence[Extraction]) -> int:
    """How many outlets (by outlets.yaml's ids: "BBC News Arabic" and "BBC Arabic" are one)."""
    return len({outlet_of(e.article).id for e in exts} - {UNKNOWN.id})


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    from_articles: bool  # False: no dated article and none given, so the generation date


def covered_period(
    exts: Sequence[Extraction], period: tuple[date, date] | None, generated: datetime
) -> Period:
    """The period given, else the first to last published date, else the generation date."""
    if period is not None:
        return Period(period[0], period[1], True)
    dates = [d for d in (iso_date(e.article.published) for e in exts) if d]
    if dates:
        return Period(min(dates), max(dates), True)
    return Period(generated.date(), generated.date(), False)
