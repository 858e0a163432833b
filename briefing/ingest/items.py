"""What reading an input yields: documents, failures, notices, and feed entries already stored."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefing.ingest.dates import BadDate, DateResult, Published
from briefing.ingest.head import read_head
from briefing.model.contract import Article
from briefing.text.normalize import has_arabic
from briefing.text.urls import url_key


@dataclass(frozen=True)
class Failure:
    """An input (file, URL, feed entry, JSONL line) that could not become an article."""

    source: str
    reason: str
    article: str = ""  # the id the article would have had (a file's stem), for error records

    def message(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Notice:
    """Something about an input that was still used (decoded as Windows-1256 …)."""

    source: str
    text: str

    def message(self) -> str:
        return f"{self.source}: {self.text}"


class Empty(Notice):
    """An input with nothing in it (an empty inbox folder, a feed with no entries): nothing to do.

    Not a failure, so that an hourly `ingest` of a quiet inbox exits 0; said only with -v.
    """


@dataclass(frozen=True)
class Known:
    """A feed entry whose URL is already stored: counted as a duplicate, its page not fetched."""

    source: str
    article_id: str


@dataclass(frozen=True)
class Document:
    """An article as read: the text exactly as the source gives it, and what its metadata says.

    `article.text` is the source's text less its bidi embedding/override controls (offsets are
    into it); `article.title` comes from the
    metadata, else it is the text's title line (`title_from_text`). Ingestion cleans a Document
    into the stored article (briefing.ingest.clean); extraction uses it as it is.
    """

    article: Article
    source: str  # where it was read, for messages: a file, "file.jsonl:12", "feed.xml #3 (url)"
    title_from_text: bool = False
    published_at: datetime | None = None  # when the source gave a time of day
    file_date: str | None = None  # the file name's date or its modification day (no metadata date)
    origin: str | None = None  # the file or URL it came from
    date_source: str | None = None  # "front matter", "feed", "jsonl", "html meta" … (with a date)
    date_precision: str | None = None  # "time", "day", "month", "year" (with a date)
    undated: bool = False  # the source gave a date that could not be read: never dated by guess


Item = Document | Failure | Notice | Known

# spaCy's Language.max_length: a longer text is refused here, at reading, so that it never
# reaches the store and never fails a later `build --since` whose window holds it.
MAX_CHARS = 1_000_000
# Embedding and isolate controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): an RLO in a name shows
# it reversed. They are taken out as the text is read, before any offset is taken; the marks
# RLM/LRM (U+200F, U+200E) are kept, they only nudge neutral characters.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


def hash_id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


def document(
    text: str,
    *,
    source: str,
    fallback_id: str | None,
    title: Any = None,
    outlet: Any = None,
    url: Any = None,
    date: DateResult = None,
    date_source: str | None = None,
    file_date: str | None = None,
    origin: str | None = None,
) -> Document | Failure:
    """A Document from what a reader found, or the Failure that says why it is none."""
    article_id = fallback_id or ""
    text = strip_bidi_controls(text)
    if not text.strip():
        return Failure(source, "empty text", article_id)
    if len(text) > MAX_CHARS:
        return Failure(source, f"text too long: {len(text):,} characters (limit {MAX_CHARS:,})", article_id)
    if not has_arabic(text):
        return Failure(source, "no Arabic text", article_id)
    meta_title = strip_bidi_controls(str(title)).strip() if title else None
    url = str(url).strip() if url else None
    dated = date if isinstance(date, Published) else None
    day, moment = (dated.day, dated.at) if dated else (None, None)
    article = Article(
        id=article_id or hash_id("web" if url else "text", url_key(url) or text),
        text=text,
        title=meta_title or read_head(text).title,
        source=strip_bidi_controls(str(outlet)).strip() if outlet else None,
        published=day,
        url=url,
        path=origin or source,
    )
    return Document(
        article,
        source,
        title_from_text=meta_title is None,
        published_at=moment,
        file_date=None if day or isinstance(date, BadDate) else file_date,
        origin=origin or source,
        date_source=date_source if dated or (file_date and not day) else None,
        date_precision=dated.precision if dated else None,
        undated=isinstance(date, BadDate),
    )


def date_notices(source: str, date: DateResult) -> list[Notice]:
    """The warning for a date that could not be read (the article is still stored, undated)."""
    return [Notice(source, date.message())] if isinstance(date, BadDate) else []
