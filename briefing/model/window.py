"""A time window of the store: which articles a `build --since` brief covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Window:
    """A half-open UTC time window [start, end); end None means open-ended."""

    start: datetime
    end: datetime | None = None

    @property
    def first_day(self) -> str:
        """The first day whose date-only articles fall inside."""
        return self.start.date().isoformat()

    @property
    def last_day(self) -> str | None:
        """The last day whose date-only articles fall inside (end is exclusive)."""
        if self.end is None:
            return None
        return (self.end - timedelta(microseconds=1)).date().isoformat()

    def describe(self) -> str:
        end = self.end.isoformat(timespec="minutes") if self.end else "now"
        return f"{self.start.isoformat(timespec='minutes')} – {end}"
