"""The one reader: every input `ingest`, `extract` and `build PATH` take, as Documents.

Inputs: text files (with `---` YAML front matter, or a sidecar `<stem>.json` giving title,
published, source, url, id), HTML pages (files or URLs), RSS/Atom feeds (files or URLs) and JSONL
in the corpus format (one article per line: id, title, published, source, url, text). In a
folder, the article files are the inputs (`*.txt`, `*.html`, `*.jsonl`, and saved feeds); a
README, a sidecar or a `*.gold.json` beside them is neither an article nor a failure.

Reading never changes a text but for its bidi embedding/override controls (U+202A-E, U+2066-9,
taken out so that no name displays reversed): offsets are into the file's text as read (after
its front matter, if any; a JSONL record's `text`), less those controls. A text over 1,000,000
characters (spaCy's limit) is refused. Cleaning (boilerplate, the title line, the dateline) is a
separate step of ingestion (briefing.ingest.clean). Each input that fails gives a Failure with a
one-line reason, and reading goes on with the others.
"""

from __future__ import annotations

import json
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from briefing.ingest.dates import date_from_file, date_from_name, read_date
from briefing.ingest.decode import decode, sniff
from briefing.ingest.items import Empty, Failure, Item, Notice, date_notices, document
from briefing.ingest.web import Fetcher, Web, html_items, mb

# Suffixes a file named on the command line is read by (others: sniffed from the content).
FILE_KINDS = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
}
# Suffixes of the article files inside a folder (a README.md is not one).
FOLDER_SUFFIXES = frozenset(FILE_KINDS) - {".md"}
STDIN = "-"  # the input name that means standard input
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_FRONT = re.compile(r"\ufeff?---[ \t]*\r?\n")


@dataclass
class Reader:
    """Reads named inputs into Items; `web` fetches URLs and feed entries' pages."""

    web: Web = field(default_factory=lambda: Web(Fetcher()))
    max_bytes: int = 5_000_000
    # A folder with no article file in it is a failure to ingest (a mistyped inbox), and simply
    # no input to extract or build.
    empty_folder_fails: bool = True

    def read_all(self, sources: Iterable[str | Path]) -> Iterator[Item]:
        for source in sources:
            yield from self.read(str(source))

    def read(self, source: str) -> Iterator[Item]:
        """Every item of one named input: a URL, a file, a folder of inputs, or `-` (standard input)."""
        if source == STDIN:
            yield from self.read_stream(sys.stdin.buffer)
            return
        if _URL.match(source):
            yield from self.web.url_items(source)
            return
        path = Path(source).expanduser()
        if not path.is_dir():
            yield from self.read_file(path)
            return
        files = folder_inputs(path)
        if not files and self.empty_folder_fails:
            yield Failure(
                source, "no input files in this folder (it is read for *.txt, *.html, *.jsonl and feeds)"
            )
        elif not files:
            yield Empty(source, "no input files in this folder: nothing to do")
        for p in files:
            yield from self.read_file(p)

    def read_file(self, path: Path) -> Iterator[Item]:
        name = str(path)
        try:
            st = path.stat()
        except FileNotFoundError:
            yield Failure(name, "no such file or URL", path.stem)
            return
        except OSError as exc:
            yield Failure(name, f"cannot read: {exc.strerror or exc}", path.stem)
            return
        if not stat.S_ISREG(st.st_mode):
            # Opening a FIFO blocks until a writer comes, a device may never end: only files are read.
            reason = f"not a regular file ({_file_kind(st.st_mode)}); only files are read"
            yield Failure(name, reason, path.stem)
            return
        size = st.st_size
        kind = FILE_KINDS.get(path.suffix.lower())
        if kind == "jsonl":
            yield from self.read_jsonl(path)
            return
        if size > self.max_bytes:
            limit = f"limit {mb(self.max_bytes)}; see --max-bytes"
            yield Failure(name, f"too large: {mb(size)} ({limit})", path.stem)
            return
        try:
            raw = path.read_bytes()
        except OSError as exc:
            yield Failure(name, f"cannot read: {exc.strerror or exc}", path.stem)
            return
        kind = kind or sniff(raw)
        if kind == "html":
            yield from html_items(raw, None, name, url=None, fallback_id=path.stem)
        elif kind == "feed":
            yield from self.web.feed_items(raw, None, name)
        else:
            yield from self.read_text(path, raw)

    def read_stream(self, stream: BinaryIO) -> Iterator[Item]:
        """`-`: one text (front matter allowed), HTML page or feed piped in; JSONL line by line."""
        raw = stream.read(self.max_bytes + 1)
        if len(raw) > self.max_bytes:
            yield Failure(STDIN, f"too large: over {mb(self.max_bytes)} (see --max-bytes)", "stdin")
            return
        kind = sniff(raw)
        if kind == "html":
            yield from html_items(raw, None, STDIN, url=None, fallback_id="stdin")
        elif kind == "feed":
            yield from self.web.feed_items(raw, None, STDIN)
        elif raw.lstrip().startswith(b"{"):
            for lineno, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    yield from self._record(line, f"{STDIN}:{lineno}", STDIN)
        else:
            yield from self.read_text(Path(STDIN), raw)

    def read_text(self, path: Path, raw: bytes) -> Iterator[Item]:
        """A text file, with its metadata from a sidecar `<stem>.json` and front matter."""
        name = str(path)
        try:
            text, notice = decode(raw)
        except ValueError as exc:
            yield Failure(name, str(exc), path.stem)
            return
        if notice:
            yield Notice(name, notice)
        meta = {} if name == STDIN else _sidecar(path)
        if isinstance(meta, str):
            yield Failure(name, meta, path.stem)
            return
        date_source = "sidecar" if meta else None
        if _FRONT.match(text):
            found = _front_matter(text)
            if isinstance(found, str):
                yield Failure(name, found, path.stem)
                return
            front, text = found
            meta.update(front)
            date_source = "front matter" if _date_field(front) is not None else date_source
        published = read_date(_date_field(meta), _language(meta))
        yield from date_notices(name, published)
        yield document(
            text,
            source=name,
            fallback_id=str(meta.get("id") or ("stdin" if name == STDIN else path.stem)),
            title=meta.get("title"),
            outlet=meta.get("source") or meta.get("outlet"),
            url=meta.get("url"),
            date=published,
            date_source=date_source if published else _file_date_source(path),
            file_date=None if published or name == STDIN else date_from_file(path),
        )

    def read_jsonl(self, path: Path) -> Iterator[Item]:
        """One article per line; a bad line fails alone."""
        name = str(path)
        try:
            fh = path.open("rb")
        except OSError as exc:
            yield Failure(name, f"cannot read: {exc.strerror or exc}", path.stem)
            return
        with fh:
            for lineno, raw in enumerate(fh, 1):
                if raw.strip():
                    yield from self._record(raw, f"{name}:{lineno}", name)

    def _record(self, raw: bytes, where: str, origin: str) -> Iterator[Item]:
        if len(raw) > self.max_bytes:
            yield Failure(where, f"line too large: {mb(len(raw))} (limit {mb(self.max_bytes)})")
            return
        try:
            rec = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            yield Failure(where, f"not a JSON object: {exc}")
            return
        except RecursionError:
            yield Failure(where, "not a JSON object: nested too deeply")
            return
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield Failure(where, "expected a JSON object with a 'text' string")
            return
        published = read_date(_date_field(rec), _language(rec))
        yield from date_notices(where, published)
        yield document(
            rec["text"],
            source=where,
            fallback_id=str(rec.get("id") or ""),
            title=rec.get("title"),
            outlet=rec.get("source"),
            url=rec.get("url"),
            date=published,
            date_source="jsonl",
            origin=origin,
        )


def _date_field(meta: dict[str, Any]) -> Any:
    """The date a record or front matter gives (`published`, else `date`), None without one."""
    for key in ("published", "date"):
        if meta.get(key) not in (None, ""):
            return meta[key]
    return None


def _file_date_source(path: Path) -> str:
    return "file name" if date_from_name(path) else "file modified"


def _language(meta: dict[str, Any]) -> str:
    """The article's language as a record gives it (`lang`/`language`), else Arabic."""
    return str(meta.get("lang") or meta.get("language") or "ar")[:2].lower()


def folder_inputs(path: Path) -> list[Path]:
    """The article files of a folder, in name order (hidden files, READMEs and sidecars left out)."""
    return sorted(
        p
        for p in path.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in FOLDER_SUFFIXES
    )


def _sidecar(path: Path) -> dict[str, Any] | str:
    """The metadata of `<stem>.json` beside a text file ({} when there is none), or why it is bad."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        loaded = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return f"sidecar {sidecar.name}: not readable JSON: {exc}"
    except RecursionError:
        return f"sidecar {sidecar.name}: not readable JSON: nested too deeply"
    if not isinstance(loaded, dict):
        return f"sidecar {sidecar.name}: expected a JSON object"
    return loaded


def _front_matter(text: str) -> tuple[dict[str, Any], str] | str:
    """(metadata, body) of a text that opens with `---` YAML `---`, or the reason it is malformed."""
    import yaml

    m = re.match(r"\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", text, re.S)
    if not m:
        return "front matter: opened with --- but never closed"
    try:
        meta = yaml.load(m.group(1), Loader=_no_alias_loader()) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None)
        return f"front matter: not valid YAML{where}" + (f": {problem}" if problem else "")
    except RecursionError:
        return "front matter: nested too deeply"
    if not isinstance(meta, dict):
        return "front matter: expected key: value lines"
    return meta, text[m.end() :]


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


@cache
def _no_alias_loader() -> type:
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        """SafeLoader that refuses aliases: a few hundred bytes of nested aliases expand to gigabytes."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.events.AliasEvent):
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(None, None, "aliases (*name) are not accepted", mark)
            return super().compose_node(parent, index)

    return NoAliasLoader
