"""The web side of reading: fetching URLs, main text of HTML pages, RSS/Atom feeds.

HTML pages (files or URLs) go through trafilatura for their main text, title, site and date;
feeds through feedparser, where an entry that carries only a summary has its page fetched. The
fetcher speaks only HTTP(S), with a total time limit and a size cap.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from http.client import HTTPMessage
from typing import IO, Any

from briefing import net
from briefing.ingest.dates import DateResult, Published, read_date
from briefing.ingest.decode import decode_document, sniff
from briefing.ingest.items import Document, Empty, Failure, Item, Known, Notice, date_notices, document
from briefing.net import Deadline, PrivateAddressError

USER_AGENT = "briefing/0.1 (Arabic news brief; +https://github.com/)"
# An RSS description this long is taken as the whole article rather than a teaser.
FULL_SUMMARY_CHARS = 1500


class FetchError(Exception):
    """A URL that could not be fetched; the message is the reason."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.lower().startswith(("http://", "https://")):
            raise FetchError(f"redirected to a non-HTTP URL: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass(frozen=True)
class _Guard:
    """What every connection of one fetch obeys, each redirect hop included."""

    deadline: Deadline
    allowed: Callable[[str, int], bool]

    def connect(self, address: tuple[str, int], timeout: object, source: object = None) -> socket.socket:
        host, port = address
        return net.connect(host, port, timeout, allowed=self.allowed, deadline=self.deadline)


class _GuardedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, *, guard: _Guard, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._create_connection = guard.connect


class _GuardedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, *, guard: _Guard, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._create_connection = guard.connect


class _GuardedHandler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """Every connection (each redirect hop's too) through `guard`: its addresses and its deadline."""

    def __init__(self, guard: _Guard) -> None:
        urllib.request.HTTPHandler.__init__(self)
        urllib.request.HTTPSHandler.__init__(self)
        self.guard = guard

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_GuardedHTTP, guard=self.guard), req)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(
            functools.partial(_GuardedHTTPS, guard=self.guard),
            req,
            context=self._context,  # type: ignore[attr-defined]
        )


class Fetcher:
    """HTTP(S) GET with a total time limit and a size cap, nothing else (no file:, no ftp:).

    `timeout` bounds each fetch as a whole (connecting, redirects, every read), `run_timeout`
    all the fetches of one run together. Private, loopback and link-local addresses are
    refused unless `allow_private`, except on the servers the user named (`trust`): a URL
    typed on the command line or in `sources` is fetched wherever it is, and so are its
    redirects and its feed's links on that same host and port.
    """

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        max_bytes: int = 5_000_000,
        allow_private: bool = False,
        run_timeout: float | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self.run_timeout = run_timeout
        self._run_end: float | None = None  # set by the first fetch: the run's fetching starts there
        self._trusted: set[tuple[str, int]] = set()
        # A proxy the environment names (http_proxy …) is the user's choice, often on their network.
        for proxy in urllib.request.getproxies().values():
            if "://" in proxy:
                self.trust(proxy)

    def trust(self, url: str) -> None:
        """The server of `url` (host and port) may be on a private network: the user named it."""
        parts = urllib.parse.urlsplit(url)
        with contextlib.suppress(ValueError):
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
            self._trusted.add(((parts.hostname or "").lower(), port))

    def _allowed(self, host: str, port: int) -> bool:
        return self.allow_private or (host.lower(), port) in self._trusted

    def fetch(self, url: str) -> Fetched:
        """The body of `url` after redirects; FetchError with a one-line reason otherwise."""
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError("only http:// and https:// URLs are fetched")
        limit = self.timeout
        if self.run_timeout is not None:
            if self._run_end is None:
                self._run_end = time.monotonic() + self.run_timeout
            limit = min(limit, self._run_end - time.monotonic())
            if limit <= 0:
                raise FetchError(f"not fetched: the run's time limit ({seconds(self.run_timeout)}s) is spent")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        with Deadline(limit) as deadline:
            opener = urllib.request.build_opener(
                _HttpOnlyRedirects(), _GuardedHandler(_Guard(deadline, self._allowed))
            )
            try:
                return self._open(opener, request, deadline)
            except FetchError:
                raise
            except Exception as exc:
                if deadline.over:
                    raise FetchError(f"timed out after {seconds(limit)}s in all") from None
                raise FetchError(self._reason(exc)) from None

    def _open(
        self, opener: urllib.request.OpenerDirector, request: urllib.request.Request, deadline: Deadline
    ) -> Fetched:
        with opener.open(request, timeout=self.timeout) as response:
            body = self._body(response, deadline)
            ctype = response.headers.get_content_type() or ""
            charset = response.headers.get_content_charset()
            return Fetched(response.geturl(), ctype, charset, body)

    def _reason(self, exc: Exception) -> str:
        if isinstance(exc, urllib.error.HTTPError):
            return f"HTTP {exc.code} {exc.reason}"
        if isinstance(exc, urllib.error.URLError):
            if isinstance(exc.reason, TimeoutError):
                return f"timed out after {self.timeout:g}s"
            if isinstance(exc.reason, PrivateAddressError):
                return f"refused: {exc.reason}"
            return f"cannot connect: {exc.reason}"
        if isinstance(exc, PrivateAddressError):
            return f"refused: {exc}"
        if isinstance(exc, TimeoutError):
            return f"timed out after {self.timeout:g}s"
        if isinstance(exc, OSError | ValueError | http.client.HTTPException):  # reset, IncompleteRead
            return f"fetch failed: {exc.__class__.__name__}: {exc}"
        raise exc

    def _body(self, response: Any, deadline: Deadline) -> bytes:
        """The response body, read in chunks so that the size cap and the deadline hold."""
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(f"too large: {mb(int(length))} (limit {mb(self.max_bytes)})")
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read(65536):
            if deadline.over:
                raise FetchError(f"timed out after {seconds(deadline.seconds)}s in all")
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"too large: more than {mb(self.max_bytes)}")
            chunks.append(chunk)
        if deadline.over:
            raise FetchError(f"timed out after {seconds(deadline.seconds)}s in all")
        # A connection closed early leaves a short body that http.client returns as it is: a cut
        # page must fail (and so not be stored, nor its URL taken as seen), not be decoded.
        if length and length.isdigit() and size < int(length):
            raise FetchError(f"cut short: {size} of {int(length)} bytes received")
        return b"".join(chunks)


def seconds(n: float | None) -> str:
    """A duration for messages: 0.6, 20, 1800."""
    return f"{round(n or 0.0, 1):g}"


def mb(n: int) -> str:
    """A size in megabytes, for messages."""
    return f"{n / 1_000_000:.1f} MB"


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


def html_items(
    raw: bytes,
    charset: str | None,
    source: str,
    *,
    url: str | None,
    fallback_id: str | None,
    outlet: str | None = None,
    published: DateResult = None,
    date_source: str | None = None,
) -> Iterator[Item]:
    """The article of an HTML page: its main text, title, site and date (trafilatura)."""
    import trafilatura

    try:
        html, notice = decode_document(raw, charset)
    except ValueError as exc:
        yield Failure(source, str(exc), fallback_id or "")
        return
    if notice:
        yield Notice(source, notice)
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        yield Failure(source, f"malformed HTML: {exc.__class__.__name__}: {exc}", fallback_id or "")
        return
    data = {} if doc is None else doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    if published is None:  # no date from the feed that links here: the page's own metadata
        published, date_source = read_date(data.get("date")), "html meta"
        yield from date_notices(source, published)
    text = data.get("text") or ""
    if not text.strip():
        yield Failure(source, "no article text found in this HTML page", fallback_id or "")
        return
    yield document(
        text,
        source=source,
        fallback_id=fallback_id,
        title=data.get("title"),
        outlet=outlet or data.get("sitename") or data.get("hostname"),
        url=url or data.get("url"),
        date=published,
        date_source=date_source,
    )


@dataclass(frozen=True)
class Web:
    """Fetching, and what to skip: `known_url` names the stored article a URL already gave."""

    fetcher: Fetcher
    known_url: Callable[[str], str | None] = lambda url: None

    def url_items(self, url: str) -> Iterator[Item]:
        """The articles of a URL the user named: a page, or every entry of a feed."""
        self.fetcher.trust(url)
        try:
            got = self.fetcher.fetch(url)
        except FetchError as exc:
            yield Failure(url, str(exc))
            return
        kind = sniff(got.body)
        if "html" in got.content_type and kind != "feed":
            kind = "html"
        elif any(k in got.content_type for k in ("rss", "atom")):
            kind = "feed"
        if kind == "feed":
            yield from self.feed_items(got.body, got.charset, url)
        elif kind == "html":
            yield from html_items(got.body, got.charset, url, url=got.url, fallback_id=None)
        else:
            yield Failure(url, f"neither an HTML page nor an RSS/Atom feed ({got.content_type or 'no type'})")

    def feed_items(self, raw: bytes, charset: str | None, source: str) -> Iterator[Item]:
        """The articles of an RSS or Atom feed, one per entry."""
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
            elif parsed.get("version"):
                yield Empty(source, "an RSS/Atom feed with no entries: nothing to do")
            else:
                yield Failure(source, "not an RSS or Atom feed")
            return
        outlet = (parsed.feed.get("title") or "").strip() or None
        for n, entry in enumerate(parsed.entries, 1):
            yield from self._entry(entry, outlet, f"{source} #{n}")

    def _entry(self, entry: Any, outlet: str | None, where: str) -> Iterator[Item]:
        link = (entry.get("link") or "").strip() or None
        if link:
            where = f"{where} ({link})"
        published = _entry_date(entry)
        yield from date_notices(where, published)
        title = (entry.get("title") or "").strip() or None
        contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
        summary = entry.get("summary") or ""
        body = max(contents, key=len) if contents else ""
        if not body and len(html_fragment_text(summary)) >= FULL_SUMMARY_CHARS:
            body = summary
        if body:
            yield document(
                html_fragment_text(body),
                source=where,
                fallback_id=None,
                title=title,
                outlet=outlet,
                url=link,
                date=published,
                date_source="feed",
            )
            return
        yield from self._entry_page(link, where, title, outlet, published)

    def _entry_page(
        self,
        link: str | None,
        where: str,
        title: str | None,
        outlet: str | None,
        published: DateResult,
    ) -> Iterator[Item]:
        """An entry that is only a teaser: the article is on its page."""
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
        if "html" not in got.content_type and sniff(got.body) != "html":
            yield Failure(where, f"entry page is not HTML ({got.content_type or 'no type'})")
            return
        for item in html_items(
            got.body,
            got.charset,
            where,
            url=link,
            fallback_id=None,
            outlet=outlet,
            published=published,
            date_source="feed" if published is not None else None,
        ):
            if isinstance(item, Document) and title and not item.article.title:
                item = replace(item, article=replace(item.article, title=title), title_from_text=False)
            yield item


def _entry_date(entry: Any) -> DateResult:
    """A feed entry's date: its text as the feed wrote it (RFC 822, ISO, or Arabic words), else
    the time feedparser made of it."""
    # dict.get: feedparser's own get() maps updated to published with a DeprecationWarning.
    raw = dict.get(entry, "published") or dict.get(entry, "updated")
    found = read_date(raw)
    stamp = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if not isinstance(found, Published) and stamp:
        try:
            return read_date(datetime(*stamp[:6]).replace(tzinfo=UTC))
        except (TypeError, ValueError):
            pass  # feedparser's own reading of it is no date either
    return found
