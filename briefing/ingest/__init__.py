"""Ingest: read inputs (read.py, web.py), clean them (clean.py), add them to the store.

Only `ingest()` touches the store, one article per transaction, so a kill loses at most one.
Each input that fails gives a one-line reason and the run goes on with the others.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

from briefing.ingest.clean import Boilerplate, prepare
from briefing.ingest.items import Document, Empty, Failure, Known, Notice
from briefing.ingest.read import Reader
from briefing.store import NewArticle, Store


class Messages(Protocol):
    """Where a run's messages go (briefing.jobs.Reporter)."""

    def info(self, message: str) -> None: ...

    def warn(self, message: str) -> None: ...

    def detail(self, message: str) -> None: ...

    def error(self, message: str) -> None: ...


@dataclass
class IngestReport:
    added: int = 0
    duplicate: int = 0
    failed: int = 0
    added_ids: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.added + self.duplicate + self.failed

    def summary(self) -> str:
        return f"ingested {self.done}: {self.added} added, {self.duplicate} duplicate, {self.failed} failed"


def ingest(
    store: Store,
    sources: Iterable[str],
    reader: Reader,
    messages: Messages,
    *,
    boilerplate: Boilerplate | None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    progress_every: float = 2.0,
) -> IngestReport:
    """Read every source into the store (cleaned with `boilerplate`, unless None).

    Failures are reported (one line each) and counted; the run goes on. A StoreError stops it:
    what was committed before stays. Feed entries whose URL is stored are not fetched again.
    """
    report = IngestReport()
    reader.web = replace(reader.web, known_url=store.find_by_url)
    started = last = time.monotonic()
    for item in reader.read_all(sources):
        if isinstance(item, Notice):
            (messages.detail if isinstance(item, Empty) else messages.warn)(item.message())
            continue
        _add(store, prepare(item, boilerplate) if isinstance(item, Document) else item, report, messages, now)
        tick = time.monotonic()
        if tick - last >= progress_every:
            last = tick
            rate = report.done / max(tick - started, 1e-9)
            messages.info(
                f"ingest: {report.done} so far ({report.added} added, {report.duplicate} duplicate, "
                f"{report.failed} failed; {rate:.0f}/s)"
            )
    return report


def _add(
    store: Store,
    item: NewArticle | Failure | Known,
    report: IngestReport,
    messages: Messages,
    now: Callable[[], datetime],
) -> None:
    if isinstance(item, Failure):
        report.failed += 1
        messages.error(item.message())
    elif isinstance(item, Known):
        store.count_duplicate(item.article_id)
        report.duplicate += 1
        messages.detail(f"{item.source}: already stored as {item.article_id} (same URL)")
    else:
        result = store.add_article(item, now=now())
        where = item.article.path or item.article.id
        if result.status == "added":
            report.added += 1
            report.added_ids.append(result.id)
            messages.detail(f"{where}: added as {result.id}")
        else:
            report.duplicate += 1
            messages.detail(f"{where}: already stored as {result.id} ({result.reason or 'duplicate'})")


__all__ = ["Boilerplate", "IngestReport", "Messages", "Reader", "ingest", "prepare"]
