"""Publication dates as sources write them: ISO dates and times, RFC 822 (RSS), file names."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any


def parse_published(value: Any) -> tuple[str, datetime | None] | None:
    """(YYYY-MM-DD, UTC instant when a time of day is given) from what sources write as a date.

    Accepts date/datetime objects (YAML), ISO dates and times, and RFC 822 dates (RSS).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).date().isoformat(), moment.astimezone(UTC)
    if isinstance(value, date):
        return value.isoformat(), None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat(), None
        except ValueError:
            return None
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            moment = parse(text.replace("Z", "+00:00") if parse is datetime.fromisoformat else text)
        except (TypeError, ValueError, IndexError):
            continue
        return parse_published(moment)
    return None


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


def date_from_file(path: Path) -> str:
    """A date in the file name (2026-11-14-…, 20261114_…), else the day the file was last modified."""
    m = _NAME_DATE.search(path.name)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
