"""The jobs the commands run, made safe to start from cron: the stages put together.

extract files · build a brief from files · build one from a window of the store · ingest into
the store. Around them: the run lock, `--since`/`--until` windows, and the Reporter that sends a
run's messages to stderr and a log file. Every job returns its exit code; failures are
exceptions from briefing.errors, which `run_job` turns into one line and their code.
"""

from __future__ import annotations

import dataclasses
import fcntl
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import TextIO

from briefing.compose import compose
from briefing.config import Settings
from briefing.deliver.files import brief_json, write_brief
from briefing.errors import BriefingError, BuildError, ExitCode, InputError, LockedError
from briefing.extract import error_record, extract_articles, to_jsonl
from briefing.ingest import Boilerplate, ingest
from briefing.ingest.items import Document, Failure, Notice
from briefing.ingest.read import Reader
from briefing.ingest.web import Fetcher, Web
from briefing.model.brief import ComposeOptions, WatchedActor
from briefing.model.contract import Article, Extraction
from briefing.model.window import Window
from briefing.render import Renderer, logo_data_uri
from briefing.resources import Resources, default_user_dir
from briefing.store import Store
from briefing.table import format_extraction


class RunLock:
    """An exclusive, non-blocking flock on a lock file; released when the process ends, even by kill -9.

    The file itself is never deleted (deleting it would let a third run lock a fresh inode while
    the second still holds the old one); it holds the pid of the current holder, for the message.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise LockedError(f"another briefing run holds {self.path}{who}; not starting") from None
        except OSError:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


_RELATIVE = re.compile(r"^(\d+)\s*([hdw])$")
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_when(value: str, now: datetime, *, end: bool = False) -> datetime:
    """A UTC instant from `7d` / `24h` / `2w` (ago), `today`, `yesterday`, a date or an ISO time.

    A bare date means the start of that day (UTC); with end=True (for --until) it means the end
    of that day, so `--until 2026-11-14` includes the 14th.
    """
    text = value.strip().lower()
    match = _RELATIVE.match(text)
    if match:
        return now - int(match.group(1)) * _UNITS[match.group(2)]
    day: date | None = None
    if text == "today":
        day = now.date()
    elif text == "yesterday":
        day = now.date() - timedelta(days=1)
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{value!r}: not a real date") from None
    if day is not None:
        start = datetime.combine(day, time(), tzinfo=UTC)
        return start + timedelta(days=1) if end else start
    try:
        instant = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"{value!r}: expected 7d, 24h, 2w, today, yesterday, last, a date (2026-11-14) or an ISO time"
        ) from None
    return (instant if instant.tzinfo else instant.replace(tzinfo=UTC)).astimezone(UTC)


def make_window(since: str, until: str | None, now: datetime, last_build: datetime | None) -> Window:
    """The window of `--since … [--until …]`; `last` needs the last successful build's time."""
    if since.strip().lower() == "last":
        if last_build is None:
            raise ValueError("--since last: no successful build is recorded in this store yet")
        start = last_build
    else:
        start = parse_when(since, now)
    stop = parse_when(until, now, end=True) if until else None
    if stop is not None and stop <= start:
        raise ValueError(f"--until {until} is not after --since {since}")
    return Window(start, stop)


class Reporter:
    """Messages of one run: to stderr (info only when not quiet) and, when asked, to a log file."""

    def __init__(self, *, quiet: bool = False, log: Path | None = None, stream: TextIO | None = None):
        self.quiet = quiet
        self._stream = stream
        self._log: TextIO | None = None
        if log is not None:
            log.parent.mkdir(parents=True, exist_ok=True)
            self._log = log.open("a", encoding="utf-8")

    @property
    def stream(self) -> TextIO:
        return self._stream or sys.stderr

    def _write_log(self, level: str, message: str) -> None:
        if self._log is not None:
            stamp = datetime.now(UTC).astimezone().isoformat(timespec="seconds")
            self._log.write(f"{stamp} [{os.getpid()}] {level} {message}\n")
            self._log.flush()

    def info(self, message: str) -> None:
        """Progress and summaries: silent with --quiet (except in the log)."""
        self._write_log("INFO", message)
        if not self.quiet:
            self.stream.write(message + "\n")
            self.stream.flush()

    def warn(self, message: str) -> None:
        """Notices about inputs that were still used (a legacy encoding): silent with --quiet."""
        self._write_log("WARN", message)
        if not self.quiet:
            self.stream.write(message + "\n")
            self.stream.flush()

    def error(self, message: str) -> None:
        """Problems: always shown, so that cron mails them."""
        self._write_log("ERROR", message)
        self.stream.write(message + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None


def run_job(
    job: Callable[[Reporter], int],
    *,
    quiet: bool = False,
    log: Path | None = None,
    lock: Path | None = None,
    stream: TextIO | None = None,
) -> int:
    """Run `job` the cron-safe way and return its exit status.

    It gets a Reporter (stderr, and the log file when one is set), runs under the lock when
    one is named, and every known failure becomes one line and its documented exit code,
    never a traceback.
    """
    try:
        reporter = Reporter(quiet=quiet, log=log, stream=stream)
    except OSError as exc:
        (stream or sys.stderr).write(f"{log}: cannot open the log file: {exc.strerror or exc}\n")
        return ExitCode.CONFIG
    try:
        with warnings.catch_warnings():
            # Library warnings (spaCy, trafilatura) are notices: quiet runs keep them to the log,
            # so cron mails only real errors.
            warnings.showwarning = lambda message, category, *args, **kwargs: reporter.warn(
                f"{category.__name__}: {message}"
            )
            if lock is None:
                return job(reporter)
            with RunLock(lock):
                return job(reporter)
    except BriefingError as exc:
        reporter.error(str(exc))
        return exc.exit_code
    except OSError as exc:  # the lock file's folder, the out/ folder …
        reporter.error(f"{getattr(exc, 'filename', None) or 'briefing'}: {exc.strerror or exc}")
        return ExitCode.STORE if lock is not None and exc.filename == str(lock) else ExitCode.INPUT
    finally:
        reporter.close()


# --- building a brief ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildOptions:
    arabic_digits: bool = False  # Arabic-Indic digits in Arabic text (quotes stay verbatim)
    pdf: bool = True
    compose: ComposeOptions = field(default_factory=ComposeOptions)
    templates: Path | None = None  # the user's templates/, before the packaged ones
    title: str | None = None  # the user's title (config `title`, --title)
    logo: Path | None = None  # the user's logo (config `logo`)


def build_brief(
    extractions: Sequence[Extraction],
    out_dir: Path,
    *,
    generated: datetime | None = None,
    period: tuple[date, date] | None = None,
    options: BuildOptions | None = None,
    renderer: Renderer | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Compose and render one brief into out_dir/<generation date>/ and point out_dir/latest at it.

    Writes brief.html, brief.json and (unless options.pdf is False) brief.pdf. Nothing under
    out_dir changes unless every file was produced. Returns the date directory.
    """
    opts = options or BuildOptions()
    say = progress or (lambda _msg: None)
    generated = generated or datetime.now().astimezone()
    say(f"composing the brief from {len(extractions)} articles")
    brief = compose(extractions, generated=generated, period=period, options=opts.compose)
    if opts.title or opts.logo:
        logo = logo_data_uri(opts.logo) if opts.logo else None
        brief = dataclasses.replace(brief, title=opts.title, logo=logo)
    renderer = renderer or Renderer(templates=opts.templates)
    say("rendering HTML")
    html = renderer.html(brief, arabic_digits=opts.arabic_digits)
    files = {"brief.html": html.encode("utf-8"), "brief.json": brief_json(brief)}
    if opts.pdf:
        say("rendering PDF")
        files["brief.pdf"] = renderer.pdf(html)
    return write_brief(Path(out_dir), generated.date().isoformat(), files)


Extractor = Callable[[list[Article]], Iterable[Extraction]]


def pipeline_extractor(resources: Resources) -> Extractor:
    """The real pipeline, built once (only when something needs extracting)."""
    from briefing.pipeline import build_nlp  # spaCy and the tables load only when needed

    nlp = build_nlp(resources)
    return lambda batch: list(extract_articles(nlp, batch, resources.version))


# --- reading files --------------------------------------------------------------------------------


def read_inputs(
    sources: Sequence[Path | str], reporter: Reporter, *, max_bytes: int = 5_000_000
) -> list[Document | Failure]:
    """Every article of the named files, folders and URLs (the one reader), failures in place.

    Notices (a legacy encoding …) go to the reporter as warnings; failures are reported too.
    """
    out: list[Document | Failure] = []
    reader = Reader(Web(Fetcher(max_bytes=max_bytes)), max_bytes=max_bytes, empty_folder_fails=False)
    for item in reader.read_all(sources):
        if isinstance(item, Notice):
            reporter.warn(item.message())
        elif isinstance(item, Failure):
            reporter.error(item.message())
            out.append(item)
        elif isinstance(item, Document):
            out.append(item)
    return out


def run_extract(
    sources: Sequence[Path | str],
    reporter: Reporter,
    *,
    jsonl: bool,
    out: TextIO | None = None,
    layer: Path | None = None,
) -> int:
    """`briefing extract`: one result per article on `out` (stdout), in input order: contract
    JSONL, or a table for people.

    Exit status 1 if any input failed (its line is an {"article", "error"} record in jsonl).
    """
    out = out or sys.stdout
    items = read_inputs(sources, reporter)
    if not items:
        raise InputError("no input files: name text, HTML or JSONL files, folders holding them, or URLs")
    articles = [i.article for i in items if isinstance(i, Document)]
    resources = Resources.load(user=layer)
    results = iter(pipeline_extractor(resources)(articles) if articles else ())
    for item in items:
        if isinstance(item, Failure):
            if jsonl:
                out.write(to_jsonl(error_record(item.article or Path(item.source).stem, item.reason)) + "\n")
            continue
        ext = next(results)
        out.write((to_jsonl(ext.to_contract()) if jsonl else format_extraction(ext)) + "\n")
        out.flush()
    return ExitCode.INPUT if any(isinstance(i, Failure) for i in items) else ExitCode.OK


def build_from_paths(
    sources: Sequence[Path | str],
    out_dir: Path,
    reporter: Reporter,
    *,
    options: BuildOptions | None = None,
    fail_empty: bool = False,
    layer: Path | None = None,
) -> int:
    """`briefing build PATH…`: read, extract, compose, render, write; nothing when a file fails.

    `layer`: the user's resources folder (resources/user.py), over the packaged data."""
    reporter.info(f"reading {len(sources)} inputs")
    items = read_inputs(sources, reporter)
    failed = [i for i in items if isinstance(i, Failure)]
    if failed:
        raise InputError(f"{len(failed)} of {len(items)} inputs could not be read; no brief written")
    articles = [i.article for i in items if isinstance(i, Document)]
    resources = Resources.load(user=layer)
    options = customised(options, resources)
    extractions: list[Extraction] = []
    if articles:
        step = max(1, len(articles) // 10)
        for i, ext in enumerate(pipeline_extractor(resources)(articles), 1):
            extractions.append(ext)
            if i % step == 0 or i == len(articles):
                reporter.info(f"extracted {i}/{len(articles)}")
    day_dir = build_brief(extractions, out_dir, options=options, progress=reporter.info)
    reporter.info(f"wrote {day_dir}/ ({len(extractions)} articles); {out_dir / 'latest'} → {day_dir.name}")
    if not extractions:
        reporter.info("no articles: the brief says so")
        if fail_empty:
            return ExitCode.INPUT
    return ExitCode.OK


# --- building from the store ----------------------------------------------------------------------

EXTRACT_BATCH = 32  # extractions saved per transaction: a kill loses at most one batch of work


def build_since(
    settings: Settings,
    since: str,
    until: str | None,
    reporter: Reporter,
    *,
    options: BuildOptions | None = None,
    fail_empty: bool = False,
    now: datetime | None = None,
    resources: Resources | None = None,
    make_extractor: Callable[[Resources], Extractor] | None = None,
) -> int:
    """`briefing build --since …`: the brief of the articles published in a window of the store.

    Extracts what has no extraction yet (or one made with other resources), saves it, composes
    and renders through build_brief, and records the build, so that `--since last` starts where
    the last successful one ended. Returns the exit status.
    """
    now = now or datetime.now(UTC)
    with Store.open(settings.db) as store:
        window = _window(store, settings, since, until, now, reporter)
        articles = store.articles_in(window)
        reporter.info(f"{len(articles)} articles published {window.describe()} (store: {settings.db})")
        resources = resources or Resources.load(user=user_layer(settings))
        options = customised(options, resources)
        fresh = _extract_missing(store, articles, resources, make_extractor or pipeline_extractor, reporter)
        extractions = store.load_extractions(articles)
        period_end = (window.end - timedelta(microseconds=1)) if window.end else now
        day_dir = _recorded_build(
            store,
            window,
            now,
            extractions,
            settings.out,
            (window.start.date(), period_end.date()),
            options,
            reporter,
        )
    if day_dir is None:
        return ExitCode.BUILD
    reporter.info(f"wrote {day_dir}/ ({len(extractions)} articles, {fresh} newly extracted)")
    if not extractions:
        reporter.info("no articles in this window: the brief says so")
        return ExitCode.INPUT if fail_empty else ExitCode.OK
    return ExitCode.OK


def _window(
    store: Store, settings: Settings, since: str, until: str | None, now: datetime, reporter: Reporter
) -> Window:
    last = store.last_build()
    if since.strip().lower() == "last" and last is None:
        reporter.info(f"--since last: no build recorded yet, so the first covers {settings.first_since}")
        since = settings.first_since
    try:
        return make_window(since, until, now, last.window_end if last else None)
    except ValueError as exc:
        raise InputError(str(exc)) from exc


def _extract_missing(
    store: Store,
    articles: Sequence[Article],
    resources: Resources,
    make_extractor: Callable[[Resources], Extractor],
    reporter: Reporter,
) -> int:
    """Extract and save the articles with no current extraction; how many there were."""
    todo = set(store.needing_extraction([a.id for a in articles], resources.version))
    if not todo:
        return 0
    extract = make_extractor(resources)
    pending = [a for a in articles if a.id in todo]
    done = 0
    for i in range(0, len(pending), EXTRACT_BATCH):
        done += store.save_extractions(extract(pending[i : i + EXTRACT_BATCH]))
        reporter.info(f"extracted {done}/{len(pending)}")
    return len(todo)


def _recorded_build(
    store: Store,
    window: Window,
    now: datetime,
    extractions: Sequence[Extraction],
    out_dir: Path,
    period: tuple[date, date],
    options: BuildOptions | None,
    reporter: Reporter,
) -> Path | None:
    """build_brief, recorded in the store's builds; None (and reported) when rendering or writing failed."""
    build_id = store.start_build(window, now=now)
    try:
        day_dir = build_brief(extractions, out_dir, period=period, options=options, progress=reporter.info)
    except BuildError as exc:
        store.finish_build(build_id, ok=False, message=str(exc))
        reporter.error(f"build failed: {exc}")
        return None
    except BaseException as exc:
        store.finish_build(build_id, ok=False, message=f"{exc.__class__.__name__}: {exc}")
        raise
    store.finish_build(build_id, ok=True, articles=len(extractions), output=str(day_dir))
    return day_dir


# --- ingesting ------------------------------------------------------------------------------------


def run_ingest(settings: Settings, sources: Sequence[str], reporter: Reporter, *, clean: bool = True) -> int:
    """`briefing ingest`: read `sources` into the store named by `settings`; returns the exit status."""
    reader = Reader(
        Web(Fetcher(timeout=settings.timeout, max_bytes=settings.max_bytes)), max_bytes=settings.max_bytes
    )
    boilerplate = Boilerplate.from_resources(Resources.load()) if clean else None
    with Store.open(settings.db) as store:
        report = ingest(store, sources, reader, reporter, boilerplate=boilerplate)
    reporter.info(f"{report.summary()} (store: {settings.db})")
    return ExitCode.INPUT if report.failed else ExitCode.OK


# --- the user's layer -----------------------------------------------------------------------------


def user_layer(settings: Settings) -> Path | None:
    """The user's resources folder: the configured one, else the user data folder when it exists."""
    if settings.resources is not None:
        return settings.resources
    default = default_user_dir()
    return default if default.is_dir() else None


def customised(options: BuildOptions | None, resources: Resources) -> BuildOptions:
    """`options` with what the user's layer adds: the watch-list and the templates."""
    opts = options or BuildOptions()
    by_id = {a.id: a for a in resources.actors}
    watch = tuple(
        WatchedActor(a.id, a.type, a.en, a.ar) for a in (by_id[actor_id] for actor_id in resources.watch)
    )
    return dataclasses.replace(
        opts,
        templates=opts.templates or resources.templates,
        compose=dataclasses.replace(opts.compose, watch=watch) if watch else opts.compose,
    )
