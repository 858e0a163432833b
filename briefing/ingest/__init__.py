"""Turn files, pages and feeds into articles for the store: read, recognise, clean, then add.

Inputs: text files (with optional `---` YAML front matter, or a sidecar JSON of the same stem),
HTML pages (files or URLs, main text through trafilatura), RSS/Atom feeds (files or URLs,
through feedparser; an entry that carries only a summary has its page fetched) and JSONL in
the corpus format (id, title, published, source, url, text). Boilerplate lines (related-article
links, newsletter prompts, "most read" lists) are removed as listed in resources/boilerplate.yaml.

Each input that fails gives a one-line reason and the run goes on with the others. Only
`ingest()` touches the store, one article per transaction.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from briefing.config import Settings
from briefing.errors import ResourceError, StoreError
from briefing.jobs import Reporter
from briefing.model.contract import Article
from briefing.resources import RESOURCES_DIR
from briefing.store import NewArticle, Store, url_key
from briefing.text.normalize import fold, has_arabic

USER_AGENT = "briefing/0.1 (Arabic news brief; +https://github.com/)"
# An RSS description this long is taken as the whole article rather than a teaser.
FULL_SUMMARY_CHARS = 1500
FILE_SUFFIXES = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
}


@dataclass(frozen=True)
class Failure:
    """An input (file, URL, feed entry, JSONL line) that could not become an article."""

    source: str
    reason: str

    def message(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Notice:
    """Something about an input that was still used (decoded as Windows-1256 …)."""

    source: str
    text: str

    def message(self) -> str:
        return f"{self.source}: {self.text}"


@dataclass(frozen=True)
class Known:
    """A feed entry whose URL is already stored: counted as a duplicate, its page not fetched."""

    source: str
    article_id: str


Item = NewArticle | Failure | Notice | Known


# --- boilerplate ------------------------------------------------------------------------------

_LEAD = re.compile(r"^[\s\W_]+")  # bullets, dashes, quotes, spaces before a phrase
_LETTER = re.compile(r"\w")


@dataclass(frozen=True)
class BoilerplateRule:
    id: str
    match: str  # "line" | "tail"
    phrases: tuple[str, ...]  # folded
    then: str = "boundary"
    max_chars: int = 250
    alone_takes_next: bool = False


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[tuple[str, str], ...]  # (rule id, line)


class Boilerplate:
    """The rules of boilerplate.yaml, and `clean(text)` that applies them."""

    def __init__(self, rules: Sequence[BoilerplateRule]) -> None:
        self.rules = tuple(rules)

    @classmethod
    def load(cls, path: Path | None = None) -> Boilerplate:
        import srsly

        path = path or RESOURCES_DIR / "boilerplate.yaml"
        try:
            doc = srsly.read_yaml(path)
        except Exception as exc:
            raise ResourceError(f"{path.name}: cannot read: {exc}") from exc
        return cls.from_data(doc, path.name)

    @classmethod
    def from_data(cls, doc: Any, fname: str = "boilerplate.yaml") -> Boilerplate:
        items = doc.get("boilerplate") if isinstance(doc, dict) else None
        if not isinstance(items, list) or not items:
            raise ResourceError(f"{fname}: expected a non-empty list under 'boilerplate'")
        rules: list[BoilerplateRule] = []
        seen: set[str] = set()
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not item.get("id"):
                raise ResourceError(f"{fname}: entry #{i + 1} has no id")
            eid = str(item["id"])
            if eid in seen:
                raise ResourceError(f"{fname}: {eid}: duplicate id")
            seen.add(eid)
            if not item.get("en") or not item.get("ar"):
                raise ResourceError(f"{fname}: {eid}: both 'en' and 'ar' are required")
            if item.get("match") not in ("line", "tail"):
                raise ResourceError(f"{fname}: {eid}: match must be 'line' or 'tail'")
            phrases = item.get("starts_ar")
            if (
                not isinstance(phrases, list)
                or not phrases
                or not all(isinstance(p, str) and has_arabic(p) for p in phrases)
            ):
                raise ResourceError(f"{fname}: {eid}: starts_ar must be a list of Arabic phrases")
            then = item.get("then", "boundary")
            if then not in ("boundary", "punctuation"):
                raise ResourceError(f"{fname}: {eid}: then must be 'boundary' or 'punctuation'")
            max_chars = item.get("max_chars", 250)
            if not isinstance(max_chars, int) or max_chars <= 0:
                raise ResourceError(f"{fname}: {eid}: max_chars must be a positive integer")
            folded = tuple(sorted({fold(p) for p in phrases}, key=len, reverse=True))
            rules.append(
                BoilerplateRule(
                    id=eid,
                    match=item["match"],
                    phrases=folded,
                    then=then,
                    max_chars=max_chars,
                    alone_takes_next=bool(item.get("alone_takes_next", False)),
                )
            )
        return cls(rules)

    def _match(self, line: str) -> tuple[BoilerplateRule, bool] | None:
        """The rule a line matches, and whether the phrase stands alone on it."""
        head = _LEAD.sub("", fold(line))
        for rule in self.rules:
            if rule.match == "line" and len(line.strip()) > rule.max_chars:
                continue
            for phrase in rule.phrases:
                if not head.startswith(phrase):
                    continue
                rest = head[len(phrase) :]
                nxt = rest[:1]
                if nxt and _LETTER.match(nxt):
                    continue  # a longer word: اشتركت, شاهدين
                if rule.then == "punctuation" and not re.match(r"\s*[^\w\s]", rest):
                    continue
                return rule, not _LETTER.search(rest)
        return None

    def clean(self, text: str) -> Cleaned:
        """`text` without its boilerplate lines; every other line is kept exactly."""
        lines = text.splitlines(keepends=True)
        content = [i for i, line in enumerate(lines) if line.strip()]
        keep = [True] * len(lines)
        removed: list[tuple[str, str]] = []
        skip_next_content = False
        for rank, i in enumerate(content):
            line = lines[i]
            if skip_next_content:
                skip_next_content = False
                stripped = line.strip()
                if len(stripped) <= 160 and not stripped.endswith((".", "!", "؟", "?", ":")):
                    keep[i] = False
                    removed.append((removed[-1][0], stripped))
                    continue
            found = self._match(line)
            if found is None:
                continue
            rule, alone = found
            if rule.match == "tail":
                after = content[rank + 1 :]
                if rank >= len(content) / 2 and all(len(lines[j].strip()) <= 200 for j in after):
                    for j in (i, *after):
                        keep[j] = False
                        removed.append((rule.id, lines[j].strip()))
                    break
                continue
            keep[i] = False
            removed.append((rule.id, line.strip()))
            skip_next_content = alone and rule.alone_takes_next
        if not removed:
            return Cleaned(text, ())
        out = "".join(line for line, k in zip(lines, keep, strict=True) if k)
        out = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", out).strip()
        return Cleaned(out, tuple(removed))


# --- title and dateline -----------------------------------------------------------------------

_AR_WORD = r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3]+"
_DASH = r"[-–—]"
# "طهران - ", "دمشق – (رويترز) -", "القدس (أ ف ب) -", "بيروت، لبنان (CNN) --"
DATELINE = re.compile(
    rf"^(?P<place>{_AR_WORD}(?:[ ،,]+{_AR_WORD}){{0,4}})[ \t]*"
    rf"(?:\((?P<agency1>[^()\n]{{1,40}})\)[ \t]*)?{_DASH}{{1,2}}[ \t]*"
    rf"(?:\((?P<agency2>[^()\n]{{1,40}})\)[ \t]*{_DASH}{{1,2}}[ \t]*)?"
)


@dataclass(frozen=True)
class Head:
    title: str | None  # the leading title line, when there is one
    dateline: str | None  # "دمشق – (رويترز) -" as written
    place: str | None
    agency: str | None


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= 200 and not line.endswith((".", ":", "،", "؛")) and has_arabic(line)


def read_head(text: str, known_title: str | None = None) -> Head:
    """The title line and the dateline at the head of an article, when they are there."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if not lines:
        return Head(None, None, None, None)
    title = None
    body_first = lines[0]
    if known_title:
        first_is_title = fold(" ".join(lines[0].split())) == fold(" ".join(known_title.split()))
    else:
        first_is_title = len(lines) > 1 and _looks_like_title(lines[0]) and not DATELINE.match(lines[0])
    if first_is_title:
        title = lines[0].strip()
        body_first = lines[1] if len(lines) > 1 else ""
    match = DATELINE.match(body_first.strip())
    # A dateline is followed by the sentence it opens, not by the end of the line.
    if not match or len(body_first.strip()) - match.end() < 20:
        return Head(title, None, None, None)
    return Head(
        title=title,
        dateline=match.group(0).strip(),
        place=match.group("place"),
        agency=match.group("agency1") or match.group("agency2"),
    )


# --- dates ------------------------------------------------------------------------------------


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


# --- fetching ---------------------------------------------------------------------------------


class FetchError(Exception):
    """A URL that could not be fetched; the message is the reason."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise FetchError(f"redirected to a non-HTTP URL: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """HTTP(S) GET with a total time limit and a size cap, nothing else (no file:, no ftp:)."""

    def __init__(self, *, timeout: float = 20.0, max_bytes: int = 5_000_000) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects())

    def fetch(self, url: str) -> Fetched:
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError("only http:// and https:// URLs are fetched")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        deadline = time.monotonic() + self.timeout
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise FetchError(f"too large: {_mb(int(length))} (limit {_mb(self.max_bytes)})")
                chunks: list[bytes] = []
                size = 0
                while True:
                    if time.monotonic() > deadline:
                        raise FetchError(f"timed out after {self.timeout:g}s")
                    chunk = response.read(65536)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"too large: more than {_mb(self.max_bytes)}")
                    chunks.append(chunk)
                ctype = response.headers.get_content_type() or ""
                charset = response.headers.get_content_charset()
                return Fetched(response.geturl(), ctype, charset, b"".join(chunks))
        except FetchError:
            raise
        except urllib.error.HTTPError as exc:
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise FetchError(f"timed out after {self.timeout:g}s") from None
            raise FetchError(f"cannot connect: {exc.reason}") from None
        except TimeoutError:
            raise FetchError(f"timed out after {self.timeout:g}s") from None
        except (OSError, ValueError) as exc:  # connection reset, IncompleteRead, bad URL
            raise FetchError(f"fetch failed: {exc.__class__.__name__}: {exc}") from None


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _hash_id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


# --- decoding ---------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def decode_document(raw: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Text of an HTML or feed document: its declared charset, else UTF-8, else Windows-1256."""
    from briefing.extract import decode

    if not declared:
        m = _META_CHARSET.search(raw[:4096])
        declared = m.group(1).decode("ascii") if m else None
    if declared:
        try:
            return raw.decode(declared), None
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to sniffing
    return decode(raw)


class _TextParser(HTMLParser):
    BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "blockquote",
            "section",
            "article",
            "header",
            "footer",
            "ul",
            "ol",
            "table",
            "figure",
        }
    )
    SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one line per block."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


# --- readers ----------------------------------------------------------------------------------


@dataclass
class Reader:
    """Reads one input at a time into Items; holds what the readers share."""

    boilerplate: Boilerplate
    fetcher: Fetcher
    max_bytes: int = 5_000_000
    clean: bool = True
    known_url: Callable[[str], str | None] = lambda url: None
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    # -- dispatch --

    def read(self, source: str) -> Iterator[Item]:
        """Every item of one named input: a URL, a file, or a folder of inputs."""
        if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://", source):
            yield from self.read_url(source)
            return
        path = Path(source).expanduser()
        if path.is_dir():
            files = sorted(
                p
                for p in path.iterdir()
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in FILE_SUFFIXES
            )
            if not files:
                yield Failure(source, "folder holds no .txt, .html, .xml/.rss/.atom or .jsonl files")
            for p in files:
                yield from self.read_file(p)
            return
        yield from self.read_file(path)

    def read_file(self, path: Path) -> Iterator[Item]:
        name = str(path)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            yield Failure(name, "no such file or URL")
            return
        except OSError as exc:
            yield Failure(name, f"cannot read: {exc.strerror or exc}")
            return
        kind = FILE_SUFFIXES.get(path.suffix.lower())
        if kind == "jsonl":
            yield from self.read_jsonl(path)
            return
        if size > self.max_bytes:
            yield Failure(name, f"too large: {_mb(size)} (limit {_mb(self.max_bytes)}; see --max-bytes)")
            return
        try:
            raw = path.read_bytes()
        except OSError as exc:
            yield Failure(name, f"cannot read: {exc.strerror or exc}")
            return
        if kind is None:
            kind = _sniff(raw)
        if kind == "html":
            yield from self._html(raw, None, name, url=None, fallback_id=path.stem)
        elif kind == "feed":
            yield from self._feed(raw, None, name)
        else:
            yield from self.read_text(path, raw)

    def read_url(self, url: str) -> Iterator[Item]:
        try:
            got = self.fetcher.fetch(url)
        except FetchError as exc:
            yield Failure(url, str(exc))
            return
        kind = _sniff(got.body)
        if "html" in got.content_type and kind != "feed":
            kind = "html"
        elif any(k in got.content_type for k in ("rss", "atom")):
            kind = "feed"
        if kind == "feed":
            yield from self._feed(got.body, got.charset, url)
        elif kind == "html":
            yield from self._html(got.body, got.charset, url, url=got.url, fallback_id=None)
        else:
            yield Failure(url, f"neither an HTML page nor an RSS/Atom feed ({got.content_type or 'no type'})")

    # -- kinds --

    def read_text(self, path: Path, raw: bytes) -> Iterator[Item]:
        from briefing.extract import decode

        name = str(path)
        try:
            text, notice = decode(raw)
        except ValueError as exc:
            yield Failure(name, str(exc))
            return
        if notice:
            yield Notice(name, notice)
        text = text.lstrip("\ufeff")
        meta: dict[str, Any] = {}
        sidecar = path.with_suffix(".json")
        if sidecar.is_file():
            try:
                loaded = json.loads(sidecar.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                yield Failure(name, f"sidecar {sidecar.name}: not readable JSON: {exc}")
                return
            if not isinstance(loaded, dict):
                yield Failure(name, f"sidecar {sidecar.name}: expected a JSON object")
                return
            meta.update(loaded)
        if re.match(r"---[ \t]*\r?\n", text):
            found = _front_matter(text)
            if isinstance(found, str):
                yield Failure(name, found)
                return
            front, text = found
            meta.update(front)
        published = parse_published(meta.get("published") or meta.get("date"))
        yield from self._article(
            text,
            source=name,
            fallback_id=str(meta.get("id") or path.stem),
            title=meta.get("title"),
            outlet=meta.get("source") or meta.get("outlet"),
            url=meta.get("url"),
            published=published,
            published_from="source",
            file_date=None if published else date_from_file(path),
        )

    def read_jsonl(self, path: Path) -> Iterator[Item]:
        name = str(path)
        try:
            fh = path.open("rb")
        except OSError as exc:
            yield Failure(name, f"cannot read: {exc.strerror or exc}")
            return
        with fh:
            for lineno, raw in enumerate(fh, 1):
                where = f"{name}:{lineno}"
                if not raw.strip():
                    continue
                if len(raw) > self.max_bytes:
                    yield Failure(where, f"line too large: {_mb(len(raw))} (limit {_mb(self.max_bytes)})")
                    continue
                try:
                    rec = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, ValueError) as exc:
                    yield Failure(where, f"not a JSON object: {exc}")
                    continue
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    yield Failure(where, "expected a JSON object with a 'text' string")
                    continue
                published = parse_published(rec.get("published") or rec.get("date"))
                if rec.get("published") and published is None:
                    yield Notice(where, f"published {rec['published']!r} is not a date; using today")
                yield from self._article(
                    rec["text"],
                    source=where,
                    fallback_id=str(rec.get("id") or ""),
                    title=rec.get("title"),
                    outlet=rec.get("source"),
                    url=rec.get("url"),
                    published=published,
                    published_from="source",
                    origin=name,
                )

    def _html(
        self,
        raw: bytes,
        charset: str | None,
        source: str,
        *,
        url: str | None,
        fallback_id: str | None,
        outlet: str | None = None,
        published: tuple[str, datetime | None] | None = None,
    ) -> Iterator[Item]:
        import trafilatura

        try:
            html, notice = decode_document(raw, charset)
        except ValueError as exc:
            yield Failure(source, str(exc))
            return
        if notice:
            yield Notice(source, notice)
        try:
            doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        except Exception as exc:  # trafilatura raises many kinds on broken markup
            yield Failure(source, f"malformed HTML: {exc.__class__.__name__}: {exc}")
            return
        if doc is None:
            yield Failure(source, "no article text found in this HTML page")
            return
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = data.get("text") or ""
        if not text.strip():
            yield Failure(source, "no article text found in this HTML page")
            return
        page_date = parse_published(data.get("date"))
        yield from self._article(
            text,
            source=source,
            fallback_id=fallback_id,
            title=data.get("title"),
            outlet=outlet or data.get("sitename") or data.get("hostname"),
            url=url or data.get("url"),
            published=published or page_date,
            published_from="source",
        )

    def _feed(self, raw: bytes, charset: str | None, source: str) -> Iterator[Item]:
        import feedparser

        try:
            parsed = feedparser.parse(
                raw, response_headers={"content-type": f"text/xml; charset={charset}"} if charset else None
            )
        except Exception as exc:
            yield Failure(source, f"malformed feed: {exc}")
            return
        if not parsed.entries:
            if parsed.get("bozo"):
                yield Failure(source, f"malformed feed: {parsed.get('bozo_exception')}")
            else:
                yield Failure(
                    source,
                    "an RSS/Atom feed with no entries"
                    if parsed.get("version")
                    else "not an RSS or Atom feed",
                )
            return
        outlet = (parsed.feed.get("title") or "").strip() or None
        for n, entry in enumerate(parsed.entries, 1):
            yield from self._entry(entry, outlet, f"{source} #{n}")

    def _entry(self, entry: Any, outlet: str | None, where: str) -> Iterator[Item]:
        link = (entry.get("link") or "").strip() or None
        if link:
            where = f"{where} ({link})"
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = parse_published(datetime.fromtimestamp(calendar.timegm(stamp), UTC)) if stamp else None
        title = (entry.get("title") or "").strip() or None
        contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
        summary = entry.get("summary") or ""
        body = max(contents, key=len) if contents else ""
        if not body and len(html_fragment_text(summary)) >= FULL_SUMMARY_CHARS:
            body = summary
        if body:
            text = html_fragment_text(body)
            yield from self._article(
                text,
                source=where,
                fallback_id=None,
                title=title,
                outlet=outlet,
                url=link,
                published=published,
                published_from="source",
            )
            return
        # Only a teaser: the article is on the entry's page.
        if not link:
            yield Failure(where, "entry has only a summary and no link to its page")
            return
        known = self.known_url(link)
        if known is not None:
            yield Known(where, known)
            return
        try:
            got = self.fetcher.fetch(link)
        except FetchError as exc:
            yield Failure(where, f"entry page: {exc}")
            return
        if "html" not in got.content_type and _sniff(got.body) != "html":
            yield Failure(where, f"entry page is not HTML ({got.content_type or 'no type'})")
            return
        for item in self._html(
            got.body, got.charset, where, url=link, fallback_id=None, outlet=outlet, published=published
        ):
            if isinstance(item, NewArticle) and title and not item.article.title:
                item = NewArticle(
                    Article(**{**item.article.__dict__, "title": title}),
                    item.published_from,
                    item.published_at,
                    item.origin,
                    item.dateline,
                )
            yield item

    # -- the common end --

    def _article(
        self,
        text: str,
        *,
        source: str,
        fallback_id: str | None,
        title: Any,
        outlet: Any,
        url: Any,
        published: tuple[str, datetime | None] | None,
        published_from: str,
        file_date: str | None = None,
        origin: str | None = None,
    ) -> Iterator[Item]:
        if self.clean:
            text = self.boilerplate.clean(text).text
        text = text.strip()
        if not text:
            yield Failure(source, "empty text")
            return
        if not has_arabic(text):
            yield Failure(source, "no Arabic text")
            return
        title = str(title).strip() if title else None
        head = read_head(text, title)
        title = title or head.title
        url = str(url).strip() if url else None
        article_id = fallback_id or _hash_id("web" if url else "text", url_key(url) or text)
        day, moment, came_from = None, None, "ingested"
        if published:
            (day, moment), came_from = published, published_from
        elif file_date:
            day, came_from = file_date, "file"
        yield NewArticle(
            Article(
                id=article_id,
                text=text,
                title=title,
                source=str(outlet).strip() if outlet else None,
                published=day,
                url=url,
                path=origin or source,
            ),
            published_from=came_from,  # type: ignore[arg-type]
            published_at=moment,
            origin=origin or source,
            dateline=head.dateline,
        )


def _sniff(raw: bytes) -> str:
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or re.search(rb"<(html|head|body)[\s>]", head):
        return "html"
    return "text"


def _front_matter(text: str) -> tuple[dict[str, Any], str] | str:
    """(metadata, body) of a text that opens with `---` YAML `---`, or the reason it is malformed."""
    import yaml

    m = re.match(r"---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", text, re.S)
    if not m:
        return "front matter: opened with --- but never closed"
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return f"front matter: not valid YAML{where}"
    if not isinstance(meta, dict):
        return "front matter: expected key: value lines"
    return meta, text[m.end() :]


# --- the run ----------------------------------------------------------------------------------


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
    reporter: Reporter,
    *,
    progress_every: float = 2.0,
) -> IngestReport:
    """Read every source into the store; one transaction per article, so a kill loses at most one.

    Failures are reported (one line each) and counted; the run goes on. A StoreError stops it:
    what was committed before stays.
    """
    report = IngestReport()
    reader.known_url = store.find_by_url
    started = last = time.monotonic()
    for source in sources:
        for item in reader.read(source):
            if isinstance(item, Notice):
                reporter.warn(item.message())
                continue
            if isinstance(item, Failure):
                report.failed += 1
                reporter.error(item.message())
            elif isinstance(item, Known):
                store.count_duplicate(item.article_id)
                report.duplicate += 1
            else:
                result = store.add_article(item, now=reader.now())
                if result.status == "added":
                    report.added += 1
                    report.added_ids.append(result.id)
                else:
                    report.duplicate += 1
            now = time.monotonic()
            if now - last >= progress_every:
                last = now
                rate = report.done / max(now - started, 1e-9)
                reporter.info(
                    f"ingest: {report.done} so far ({report.added} added, {report.duplicate} duplicate, "
                    f"{report.failed} failed; {rate:.0f}/s)"
                )
    return report


def run_ingest(settings: Settings, sources: Sequence[str], reporter: Reporter, *, clean: bool = True) -> int:
    """`briefing ingest`: read `sources` into the store named by `settings`; returns the exit status."""
    from briefing.errors import ExitCode

    reader = Reader(
        Boilerplate.load(),
        Fetcher(timeout=settings.timeout, max_bytes=settings.max_bytes),
        max_bytes=settings.max_bytes,
        clean=clean,
    )
    with Store.open(settings.db) as store:
        report = ingest(store, sources, reader, reporter)
    reporter.info(f"{report.summary()} (store: {settings.db})")
    return ExitCode.INPUT if report.failed else ExitCode.OK


__all__ = [
    "Boilerplate",
    "Failure",
    "Fetcher",
    "IngestReport",
    "Reader",
    "StoreError",
    "ingest",
    "read_head",
    "run_ingest",
]
