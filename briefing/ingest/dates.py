"""Publication dates of articles: the reader (briefing.text.dates, shared with extraction, which
reads the dates in the text) and the date a file's name or modification time gives."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from briefing.text.dates import BadDate, DateResult, Published, parse_published, read_date

__all__ = [
    "BadDate",
    "DateResult",
    "Published",
    "date_from_file",
    "date_from_name",
    "parse_published",
    "read_date",
]

_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


def date_from_name(path: Path) -> str | None:
    """A date in the file name (2026-11-14-…, 20261114_…), else None."""
    m = _NAME_DATE.search(path.name)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            pass
    return None


def date_from_file(path: Path) -> str:
    """A date in the file name (2026-11-14-…, 20261114_…), else the day the file was last modified."""
    return date_from_name(path) or datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
