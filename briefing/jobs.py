"""The jobs the commands run, made safe to start from cron: the stages put together.

extract files · build a brief from files · build one from a window of the store · ingest into
the store. Around them: the run lock, `--since`/`--until` windows, and the Reporter that sends a
run's messages to stderr and a log file. Every job returns its exit code; failures are
exceptions from briefing.errors, which `run_job` turns into one line and their code.
"""

from __future__ import annotations

import fcntl
import gc
import json
import os
import re
import socket
import sys
import time as time_module
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import Protocol, TextIO

from briefing.compose import Countries, compose
from briefing.compose.arrange import previous_period
from briefing.config import Settings
from briefing.deliver.files import (
    LOCK_NAME,
    FileWriter,
    brief_dir_name,
    brief_json_writer,
    latest_brief,
    write_brief,
)
from briefing.errors import (
    BriefingError,
    BuildError,
    ExitCode,
    InputError,
    LockedError,
    UsageError,
    WriteError,
)
from briefing.extraction_version import extraction_version
from briefing.ingest import Boilerplate, ingest
from briefing.ingest.items import MAX_CHARS, Document, Empty, Failure, Notice
from briefing.ingest.read import Reader, folder_inputs
from briefing.ingest.web import Fetcher, Web
from briefing.model.brief import Brief, ComposeOptions, WatchedActor
from briefing.model.contract import Article, Extraction
from briefing.model.window import Window
from briefing.render import APPENDIX_HTML, APPENDIX_PDF, Renderer, chunks, logo_data_uri
from briefing.resources import Resources, default_user_dir
from briefing.store import RunningBuild, Store
from briefing.table import format_extraction
from briefing.timings import stage


class RunLock:
    """An exclusive, non-blocking flock on a lock file; released when the process ends, even by kill -9.

    The file itself is never deleted (deleting it would let a third run lock a fresh inode while
    the second still holds the old one); it holds the pid of the current holder, for the message.
    With `wait` (seconds), a held lock is tried again until then before giving up.
    """

    def __init__(self, path: Path, *, wait: float = 0.0) -> None:
        self.path = path
        self.wait = wait
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _flock_within(fd, self.wait)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            who = f" (pid {holder})" if holder.isdigit() else ""
            waited = f" after waiting {self.wait:g} s" if self.wait else ""
            raise LockedError(f"another briefing run holds {self.path}{who}; not starting{waited}") from None
        except OSError:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    @staticmethod
    def held(path: Path) -> bool:
        """Whether some process holds the lock at `path` now (never creates the file)."""
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:  # no lock file (nobody ever ran), or not ours to read: nobody we can see
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # closing drops the shared lock taken to look
        return False

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


def _flock_within(fd: int, wait: float) -> None:
    """An exclusive flock on fd, tried until `wait` seconds have passed; BlockingIOError then."""
    deadline = time_module.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time_module.monotonic() >= deadline:
                raise
            time_module.sleep(0.05)


_RELATIVE = re.compile(r"^(\d+)\s*([hdw])$")
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


# --since/--until beyond these are typos (9999999w, a Hijri year read as 1439): refused, and
# never near datetime's limits, where a day more or a time zone overflows.
WHEN_RANGE = (datetime(1900, 1, 1, tzinfo=UTC), datetime(3000, 1, 1, tzinfo=UTC))


def parse_when(value: str, now: datetime, *, end: bool = False) -> datetime:
    """A UTC instant from `7d` / `24h` / `2w` (ago), `today`, `yesterday`, a date or an ISO time.

    A bare date means the start of that day (UTC); with end=True (for --until) it means the end
    of that day, so `--until 2026-11-14` includes the 14th. ValueError when it is none of these
    or falls outside the years 1900 to 2999.
    """
    try:
        instant = _parse_when(value, now, end=end)
    except OverflowError:
        instant = None
    if instant is None or not WHEN_RANGE[0] <= instant <= WHEN_RANGE[1]:
        raise ValueError(f"{value!r}: out of range (the years 1900 to 2999)")
    return instant


def _parse_when(value: str, now: datetime, *, end: bool) -> datetime:
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


class Advance(Protocol):
    """Moves a progress display on by `n` steps, saying what the step is when `note` is given."""

    def __call__(self, n: int = 1, note: str | None = None) -> None: ...


# A progress display: (label, total steps or None) → a context manager whose value advances it.
ProgressFactory = Callable[[str, "int | None"], AbstractContextManager[Advance]]


def _stay(n: int = 1, note: str | None = None) -> None:
    """The Advance of no display."""


@contextmanager
def no_progress(_label: str, _total: int | None) -> Iterator[Advance]:
    yield _stay


class Reporter:
    """Messages of one run: to stderr (info only when not quiet) and, when asked, to a log file.

    It also gathers the run's summary (counts and paths, for `--json` and the log's outcome
    line) and the warnings and errors it reported, and draws progress through `progress_factory`
    (nothing by default: the CLI passes a terminal's progress bar).
    """

    def __init__(
        self,
        *,
        quiet: bool = False,
        log: Path | None = None,
        stream: TextIO | None = None,
        verbose: bool = False,
        progress_factory: ProgressFactory | None = None,
    ):
        self.quiet = quiet
        self.verbose = verbose and not quiet
        self.summary: dict[str, object] = {}
        self.warnings: list[str] = []
        self.errors: list[str] = []
        self._progress = progress_factory or no_progress
        self._stream = stream
        self._log: TextIO | None = None
        self.log_error: str | None = None  # why the log file could not be written (a full disk)
        if log is not None:
            log.parent.mkdir(parents=True, exist_ok=True)
            self._log = log.open("a", encoding="utf-8")

    @property
    def stream(self) -> TextIO:
        return self._stream or sys.stderr

    def _write_log(self, level: str, message: str) -> None:
        if self._log is not None:
            stamp = datetime.now(UTC).astimezone().isoformat(timespec="seconds")
            try:
                self._log.write(f"{stamp} [{os.getpid()}] {level} {message}\n")
                self._log.flush()
            except OSError as exc:
                self._log_failed(exc)

    def _log_failed(self, exc: OSError) -> None:
        """Say once, always (cron mails it), that the log is lost; the run goes on without it."""
        log, self._log = self._log, None
        if log is not None:
            with suppress(OSError):
                log.close()
            self.log_error = f"{log.name}: cannot write the log file: {exc.strerror or exc}"
            self.stream.write(self.log_error + "\n")
            self.stream.flush()

    def info(self, message: str) -> None:
        """Progress and summaries: silent with --quiet (except in the log)."""
        self._write_log("INFO", message)
        if not self.quiet:
            self.stream.write(message + "\n")
            self.stream.flush()

    def detail(self, message: str) -> None:
        """What only -v/--verbose shows (and the log keeps)."""
        self._write_log("DETAIL", message)
        if self.verbose:
            self.stream.write(message + "\n")
            self.stream.flush()

    def record(self, **values: object) -> None:
        """Counts and paths of the run's summary (`--json`, the log's outcome line)."""
        self.summary.update(values)

    def progress(self, label: str, total: int | None) -> AbstractContextManager[Advance]:
        """A progress display for `total` steps (None: unknown); its value advances it by n."""
        return self._progress(label, total)

    def outcome(self, command: str, status: int, *, error: str | None = None) -> None:
        """The one log line that says how a run ended: the command, its counts, the exit status.

        `error` is a failure that ended the run before any job reported it (a bad option …).
        """
        if error is not None and error not in self.errors:
            self.errors.append(error)
            self._write_log("ERROR", error)
        counts = "".join(f" {k}={_field(v)}" for k, v in self.summary.items())
        self._write_log("DONE", f"{command}{counts} exit={int(status)}")

    def warn(self, message: str) -> None:
        """Notices about inputs that were still used (a legacy encoding): silent with --quiet."""
        self.warnings.append(message)
        self._write_log("WARN", message)
        if not self.quiet:
            self.stream.write(message + "\n")
            self.stream.flush()

    def error(self, message: str) -> None:
        """Problems: always shown, so that cron mails them."""
        self.errors.append(message)
        self._write_log("ERROR", message)
        self.stream.write(message + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._log is not None:
            try:
                self._log.close()
            except OSError as exc:  # the last buffered line met a full disk
                self._log_failed(exc)
            self._log = None


def _field(value: object) -> str:
    """A value of the outcome line, quoted when it holds a space (a window, a path)."""
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if not text or " " in text else text


def run_job(
    job: Callable[[Reporter], int],
    *,
    quiet: bool = False,
    log: Path | None = None,
    lock: Path | None = None,
    stream: TextIO | None = None,
    reporter: Reporter | None = None,
) -> int:
    """Run `job` the cron-safe way and return its exit status.

    It gets a Reporter (stderr, and the log file when one is set; or the one given, which the
    caller closes), runs under the lock when one is named, and every known failure becomes one
    line and its documented exit code, never a traceback.
    """
    own = reporter is None
    if reporter is None:
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
                status = job(reporter)
            else:
                with RunLock(lock):
                    status = job(reporter)
        if own:
            reporter.close()  # before log_error is read: the last flush may meet the full disk
        # The work was done but its log is lost: a config problem (the --log setting), for cron to mail.
        return ExitCode.CONFIG if status == ExitCode.OK and reporter.log_error else status
    except LockedError as exc:
        # The run before is still going and cron tries again next time: nothing to mail.
        (reporter.warn if reporter.quiet else reporter.error)(str(exc))
        return exc.exit_code
    except BriefingError as exc:
        reporter.error(str(exc))
        return exc.exit_code
    except OSError as exc:  # the lock file's folder, the out/ folder …
        reporter.error(f"{getattr(exc, 'filename', None) or 'briefing'}: {exc.strerror or exc}")
        return ExitCode.STORE if lock is not None and exc.filename == str(lock) else ExitCode.INPUT
    finally:
        if own:
            reporter.close()


# --- building a brief ----------------------------------------------------------------------------


OUT_LOCK_WAIT = 120.0  # seconds a build waits for another one writing into the same out/


@dataclass(frozen=True)
class BuildOptions:
    arabic_digits: bool = False  # Arabic-Indic digits in Arabic text (quotes stay verbatim)
    pdf: bool = True
    compose: ComposeOptions = field(default_factory=ComposeOptions)
    templates: Path | None = None  # the user's templates/, before the packaged ones
    title: str | None = None  # the user's title (config `title`, --title)
    logo: Path | None = None  # the user's logo (config `logo`)
    countries: Countries | None = None  # the gazetteer's states, for the stories' countries
    appendix_pdf: bool = False  # appendix.pdf beside appendix.html (build --appendix-pdf)


def build_brief(
    extractions: Sequence[Extraction],
    out_dir: Path,
    *,
    generated: datetime | None = None,
    period: tuple[date, date] | None = None,
    options: BuildOptions | None = None,
    renderer: Renderer | None = None,
    progress: Callable[[str], None] | None = None,
    bar: ProgressFactory = no_progress,
    previous: Sequence[Extraction] | None = None,
) -> Path:
    """Compose and render one brief into out_dir/<first day>_<last day>/ (deliver.files).

    Writes brief.html, brief.json, appendix.html and (unless options.pdf is False) brief.pdf
    (and appendix.pdf with options.appendix_pdf) into a new
    folder named by the brief's period (a run suffix when that period was built before), and
    moves out_dir/latest to it when its period ends last. Nothing under out_dir changes unless
    every file was produced. The writing holds out_dir/.lock: two builds into the same folder
    take turns (the second waits up to OUT_LOCK_WAIT seconds, then exits 75). Returns the folder.
    `previous`: the previous window's extractions, for what changed (compose).
    """
    opts = options or BuildOptions()
    say = progress or (lambda _msg: None)
    generated = generated or datetime.now().astimezone()
    say(f"composing the brief from {len(extractions)} articles")
    with stage("compose"):
        brief = compose(
            extractions,
            generated=generated,
            period=period,
            options=opts.compose,
            previous=previous,
            countries=opts.countries,
        )
    if opts.title or opts.logo:
        logo = logo_data_uri(opts.logo) if opts.logo else None
        brief = replace(brief, title=opts.title, logo=logo)
    renderer = renderer or Renderer(templates=opts.templates)
    say("rendering HTML")
    files = render_files(brief, renderer, opts, bar, say)
    lock = RunLock(Path(out_dir) / LOCK_NAME, wait=OUT_LOCK_WAIT)
    try:
        lock.acquire()
    except OSError as exc:
        raise WriteError(f"{out_dir}: cannot write here ({exc.strerror or exc})") from exc
    try:
        with stage("write"):
            return write_brief(Path(out_dir), brief_dir_name(brief), files)
    finally:
        lock.release()


def render_files(
    brief: Brief, renderer: Renderer, opts: BuildOptions, bar: ProgressFactory, say: Callable[[str], None]
) -> dict[str, bytes | FileWriter]:
    """The files of a brief, by name: the brief proper (HTML, JSON, PDF unless --no-pdf) and its
    appendix (appendix.html always, appendix.pdf with --appendix-pdf), which the brief links to."""
    digits = opts.arabic_digits
    with stage("brief HTML"):
        html = renderer.html(brief, arabic_digits=digits)
    with stage("appendix HTML"):
        appendix_html = renderer.appendix_html(brief, arabic_digits=digits)
    files: dict[str, bytes | FileWriter] = {
        "brief.html": html.encode("utf-8"),
        "brief.json": brief_json_writer(brief),
        "appendix.html": appendix_html.encode("utf-8"),
    }
    if not opts.pdf:
        return files
    say("rendering PDF")
    with bar("PDF", 2) as advance:  # two phases: the layout of the pages, then the file
        # The PDF's links to the appendix go to the appendix's PDF when one is written beside it.
        appendix = APPENDIX_PDF if opts.appendix_pdf else APPENDIX_HTML
        html = renderer.html(brief, arabic_digits=digits, appendix=appendix, printed=True)
        with stage("brief PDF"):
            files["brief.pdf"] = renderer.pdf(html, step=lambda note: advance(1, note))
    if opts.appendix_pdf:
        with stage("appendix PDF"):
            files[APPENDIX_PDF] = render_appendix_pdf(brief, renderer, digits, bar, say)
    return files


def render_appendix_pdf(
    brief: Brief, renderer: Renderer, digits: bool, bar: ProgressFactory, say: Callable[[str], None]
) -> bytes:
    """appendix.pdf: in parts on the available cores when the window is long (render/chunks.py),
    the bar counting parts done; else in one piece here, the bar counting its two phases."""
    if not chunks.chunked(renderer, brief):
        say("rendering the appendix PDF")
        with bar("appendix PDF", 2) as advance:
            appendix = renderer.appendix_html(brief, arabic_digits=digits, proper="brief.pdf", printed=True)
            return renderer.pdf(appendix, step=lambda note: advance(1, note))
    parts = len(chunks.split(brief, chunks.chunk_size()))
    workers = chunks.worker_count(parts)
    say(f"rendering the appendix PDF in {parts} parts ({workers} processes)")
    with bar("appendix PDF", parts) as advance:
        return chunks.appendix_pdf(
            renderer, brief, arabic_digits=digits, progress=lambda note: advance(1, note), workers=workers
        )


Extractor = Callable[[list[Article]], Iterable[Extraction]]


def pipeline_extractor(resources: Resources, note: Callable[[str], None] | None = None) -> Extractor:
    """The real pipeline, built once (only when something needs extracting) or loaded from its
    cache (pipeline/cache.py); `note` hears which (-v)."""
    from briefing.extract import extract_articles  # spaCy loads only when something is extracted
    from briefing.pipeline.cache import cached_nlp

    with stage("pipeline load"):
        nlp = cached_nlp(resources, note=note or (lambda message: None))
    return lambda batch: list(extract_articles(nlp, batch, resources.version))


def extract_batches(
    extract: Extractor, articles: Sequence[Article], reporter: Reporter, *, say: bool = True
) -> Iterator[list[Extraction]]:
    """The extractions of `articles`, in order, EXTRACT_BATCH at a time: the progress bar moves
    as the work is done, and (with `say`) each batch ends with an `extracted i/N` line."""
    done = 0
    with reporter.progress("extract", len(articles)) as advance:
        for start in range(0, len(articles), EXTRACT_BATCH):
            batch = list(extract(list(articles[start : start + EXTRACT_BATCH])))
            done += len(batch)
            advance(len(batch))
            if say:
                reporter.info(f"extracted {done}/{len(articles)}")
            yield batch


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
        if isinstance(item, Empty):
            reporter.detail(item.message())
        elif isinstance(item, Notice):
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
    from briefing.extract import error_record, to_jsonl

    out = out or sys.stdout
    items = read_inputs(sources, reporter)
    if not items:
        raise InputError("no input files: name text, HTML or JSONL files, folders holding them, or URLs")
    articles = [i.article for i in items if isinstance(i, Document)]
    resources = Resources.load(user=layer)
    batches = (
        extract_batches(pipeline_extractor(resources, reporter.detail), articles, reporter, say=False)
        if articles
        else ()
    )
    results = (ext for batch in batches for ext in batch)
    for item in items:
        if isinstance(item, Failure):
            if jsonl:
                out.write(to_jsonl(error_record(item.article or Path(item.source).stem, item.reason)) + "\n")
            continue
        ext = next(results)
        out.write((to_jsonl(ext.to_contract()) if jsonl else format_extraction(ext)) + "\n")
        out.flush()
    next(results, None)  # runs the batches to their end, which closes the progress bar
    return ExitCode.INPUT if any(isinstance(i, Failure) for i in items) else ExitCode.OK


def build_from_paths(
    sources: Sequence[Path | str],
    out_dir: Path,
    reporter: Reporter,
    *,
    options: BuildOptions | None = None,
    allow_empty: bool = False,
    on_written: Callable[[Path], None] | None = None,
    layer: Path | None = None,
) -> int:
    """`briefing build PATH…`: read, extract, compose, render, write; nothing when a file fails.

    No article at all is an input error (nothing written) unless allow_empty. `on_written`
    gets the new brief's folder (which out/latest may not name: an older period). `layer`: the
    user's resources folder (resources/user.py), over the packaged data.
    """
    reporter.info(f"reading {len(sources)} inputs")
    items = read_inputs(sources, reporter)
    failed = [i for i in items if isinstance(i, Failure)]
    if failed:
        raise InputError(f"{len(failed)} of {len(items)} inputs could not be read; no brief written")
    articles = [i.article for i in items if isinstance(i, Document)]
    if not articles and not allow_empty:
        names = ", ".join(str(s) for s in sources)
        raise InputError(
            f"{names}: no articles (text, HTML, feeds or JSONL) found; no brief written "
            "(--allow-empty writes one that says so)"
        )
    resources = Resources.load(user=layer)
    options = customised(options, resources)
    extractions: list[Extraction] = []
    if articles:
        for batch in extract_batches(pipeline_extractor(resources, reporter.detail), articles, reporter):
            extractions.extend(batch)
    day_dir = build_brief(
        extractions, out_dir, options=options, progress=reporter.info, bar=reporter.progress
    )
    reporter.record(articles=len(extractions), brief=str(day_dir))
    reporter.info(f"wrote {day_dir}/ ({len(extractions)} articles); {describe_latest(out_dir)}")
    if on_written is not None:
        on_written(day_dir)
    return ExitCode.OK


def describe_latest(out_dir: Path) -> str:
    """Where out/latest points after a build, for the run's last line."""
    target = latest_brief(out_dir)
    return f"{out_dir / 'latest'} → {target.name if target else 'nothing'}"


# --- building from the store ----------------------------------------------------------------------

EXTRACT_BATCH = 32  # extractions saved per transaction: a kill loses at most one batch of work


def build_since(
    settings: Settings,
    since: str,
    until: str | None,
    reporter: Reporter,
    *,
    options: BuildOptions | None = None,
    allow_empty: bool = False,
    now: datetime | None = None,
    resources: Resources | None = None,
    make_extractor: Callable[[Resources], Extractor] | None = None,
    on_written: Callable[[Path], None] | None = None,
    reextract: bool = False,
) -> int:
    """`briefing build --since …`: the brief of the articles published in a window of the store.

    Extracts what has no extraction yet (or one made with other resources), saves it, composes
    and renders through build_brief, and records the build. Only a `--since last` build moves
    the cursor, so that the next `--since last` starts where it ended. The store must exist;
    a window with no article is an input error (nothing written, the cursor left where it
    was) unless allow_empty. Runs under the store's lock, so any build record still marked
    running is one of a killed run: it is marked failed. Returns the exit status.
    """
    now = now or datetime.now(UTC)
    check_window(since, until, now)
    with Store.open_existing(settings.db) as store:
        mark_stale_builds(store, settings.lock_path, reporter, lock_is_ours=True)
        window = _window(store, settings, since, until, now, reporter)
        articles = _window_articles(store, window, settings, since, reporter, allow_empty=allow_empty)
        resources = resources or Resources.load(user=user_layer(settings))
        options = customised(options, resources)
        make_extractor = make_extractor or (lambda res: pipeline_extractor(res, reporter.detail))
        fresh, extractions = _extracted(store, articles, resources, make_extractor, reporter, reextract)
        period_end = (window.end - timedelta(microseconds=1)) if window.end else now
        period = (window.start.date(), period_end.date())
        with stage("previous window"):
            previous = previous_extractions(store, period, resources, make_extractor, reporter)
        day_dir = _recorded_build(
            store,
            window,
            now,
            extractions,
            settings.out,
            period,
            options,
            reporter,
            moves_cursor=_is_last(since),
            previous=previous,
        )
    if day_dir is None:
        return ExitCode.BUILD
    reporter.info(f"wrote {day_dir}/ ({len(extractions)} articles, {fresh} newly extracted)")
    reporter.record(articles=len(extractions), extracted=fresh, window=window.describe(), brief=str(day_dir))
    reporter.info(describe_latest(settings.out))
    if on_written is not None:
        on_written(day_dir)
    return ExitCode.OK


def _window_articles(
    store: Store, window: Window, settings: Settings, since: str, reporter: Reporter, *, allow_empty: bool
) -> list[Article]:
    """The articles published in `window`, said with the undated ones left out; none is an input
    error (nothing written, the cursor not moved) unless allow_empty."""
    with stage("read articles"):
        articles = store.articles_in(window)
    reporter.info(f"{len(articles)} articles published {window.describe()} (store: {settings.db})")
    undated = store.undated_count()
    if undated:
        reporter.info(f"{undated} undated articles left out (`briefing articles --undated` lists them)")
    if not articles and not allow_empty:
        raise InputError(
            f"{settings.db}: no articles published {window.describe()}; no brief written"
            + (", the --since last cursor not moved" if _is_last(since) else "")
            + " (--allow-empty writes one that says so)"
        )
    return articles


def _is_last(since: str) -> bool:
    return since.strip().lower() == "last"


def check_window(since: str, until: str | None, now: datetime | None = None) -> None:
    """UsageError for a --since/--until that cannot be read, told before the store is looked at."""
    if not _is_last(since):
        _parse_window(since, until, now or datetime.now(UTC), None)


def _window(
    store: Store, settings: Settings, since: str, until: str | None, now: datetime, reporter: Reporter
) -> Window:
    last = store.cursor_build()
    if _is_last(since) and last is None:
        reporter.info(f"--since last: no build recorded yet, so the first covers {settings.first_since}")
        since = settings.first_since
    return _parse_window(since, until, now, last.window_end if last else None)


def _parse_window(since: str, until: str | None, now: datetime, cursor: datetime | None) -> Window:
    try:
        return make_window(since, until, now, cursor)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def _extracted(
    store: Store,
    articles: Sequence[Article],
    resources: Resources,
    make_extractor: Callable[[Resources], Extractor],
    reporter: Reporter,
    reextract: bool,
) -> tuple[int, list[Extraction]]:
    """How many of `articles` were extracted now (_extract_missing), and all their extractions."""
    with stage("extract"):
        fresh = _extract_missing(store, articles, resources, make_extractor, reporter, reextract=reextract)
    if fresh:
        _release_pipeline()
    with stage("load extractions"):
        return fresh, store.load_extractions(articles)


def _release_pipeline() -> None:
    """Free the pipeline the extraction is done with (hundreds of thousands of objects in
    cycles, kept out of the collector by pipeline.freeze), so that the window's extractions and
    compose reuse its memory instead of adding to it (issue 15: peak memory at scale)."""
    gc.unfreeze()
    gc.collect()


def _extract_missing(
    store: Store,
    articles: Sequence[Article],
    resources: Resources,
    make_extractor: Callable[[Resources], Extractor],
    reporter: Reporter,
    *,
    reextract: bool = False,
) -> int:
    """Extract and save the articles with no current extraction (all of them with `reextract`);
    how many there were. Current: made with this extraction_version (code, lexicon, resources)."""
    version = extraction_version(resources)
    ids = [a.id for a in articles]
    todo = set(ids if reextract else store.needing_extraction(ids, version))
    if not todo:
        return 0
    pending = [a for a in articles if a.id in todo]
    # Stored before ingestion refused such texts: each is left out of the brief, never the run.
    for a in pending:
        if len(a.text) > MAX_CHARS:
            reporter.error(f"article {a.id}: text too long: {len(a.text):,} characters (limit {MAX_CHARS:,})")
    pending = [a for a in pending if len(a.text) <= MAX_CHARS]
    if not pending:
        return 0
    for batch in extract_batches(make_extractor(resources), pending, reporter):
        # Stored under the whole version (in the contract's resources_version too): the store
        # compares it, and a brief never shows it.
        store.save_extractions(replace(e, resources_version=version) for e in batch)
    return len(pending)


def _recorded_build(
    store: Store,
    window: Window,
    now: datetime,
    extractions: Sequence[Extraction],
    out_dir: Path,
    period: tuple[date, date],
    options: BuildOptions | None,
    reporter: Reporter,
    *,
    moves_cursor: bool = False,
    previous: Sequence[Extraction] | None = None,
) -> Path | None:
    """build_brief, recorded in the store's builds; None (and reported) when rendering or writing failed."""
    build_id = store.start_build(
        window, now=now, moves_cursor=moves_cursor, pid=os.getpid(), host=socket.gethostname()
    )
    try:
        day_dir = build_brief(
            extractions,
            out_dir,
            period=period,
            options=options,
            progress=reporter.info,
            bar=reporter.progress,
            previous=previous,
        )
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
    fetcher = Fetcher(
        timeout=settings.timeout,
        max_bytes=settings.max_bytes,
        allow_private=settings.allow_private,
        run_timeout=settings.run_timeout,
    )
    reader = Reader(
        Web(fetcher),
        max_bytes=settings.max_bytes,
        empty_folder_fails=False,  # an empty inbox is nothing to do, not an hourly error mail
    )
    boilerplate = Boilerplate.from_resources(Resources.load()) if clean else None
    inputs = _listed(sources)
    with Store.open(settings.db) as store, reporter.progress("ingest", len(inputs)) as advance:
        report = ingest(store, _ticking(inputs, advance), reader, reporter, boilerplate=boilerplate)
    reporter.info(f"{report.summary()} (store: {settings.db})")
    reporter.record(
        added=report.added, duplicate=report.duplicate, failed=report.failed, store=str(settings.db)
    )
    return ExitCode.INPUT if report.failed else ExitCode.OK


def _listed(sources: Sequence[str]) -> list[str]:
    """The inputs one by one (a folder's files in its place; an empty folder stays, to be said)."""
    out: list[str] = []
    for source in sources:
        path = Path(source).expanduser()
        files = folder_inputs(path) if "://" not in source and path.is_dir() else []
        out.extend([str(f) for f in files] or [source])
    return out


def _ticking(inputs: Sequence[str], advance: Advance) -> Iterator[str]:
    """`inputs`, advancing the progress each time the next one is asked for (the last is done)."""
    for name in inputs:
        yield name
        advance(1)


# --- build records of killed runs -----------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def stale_builds(store: Store, lock: Path, *, lock_is_ours: bool = False) -> list[RunningBuild]:
    """Build records marked running whose run is gone (killed, or the machine went down).

    Builds run under the store's lock, so when nobody holds it (or we do) none is running;
    while another process holds it, a record is stale when its pid is gone from this host.
    """
    running = store.running_builds()
    if not running or lock_is_ours or not RunLock.held(lock):
        return running
    host = socket.gethostname()
    return [b for b in running if b.host == host and b.pid is not None and not _alive(b.pid)]


def describe_stale(build: RunningBuild) -> str:
    where = f" by pid {build.pid} on {build.host}" if build.pid is not None else ""
    return f"build {build.id} started {build.started_at.isoformat()}{where} was killed: still marked running"


def mark_stale_builds(store: Store, lock: Path, reporter: Reporter, *, lock_is_ours: bool = False) -> int:
    """Mark the build records of killed runs failed (and say so); how many there were."""
    stale = stale_builds(store, lock, lock_is_ours=lock_is_ours)
    for build in stale:
        reporter.warn(f"{store.path}: {describe_stale(build)}; marked failed")
    store.mark_builds_failed([b.id for b in stale], "interrupted: the run was killed before it finished")
    return len(stale)


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
    return replace(
        opts,
        templates=opts.templates or resources.templates,
        compose=replace(opts.compose, watch=watch) if watch else opts.compose,
        countries=opts.countries or Countries.from_resources(resources),
    )


# --- the previous window, for what changed -------------------------------------------------------


def previous_extractions(
    store: Store,
    period: tuple[date, date],
    resources: Resources,
    make_extractor: Callable[[Resources], Extractor],
    reporter: Reporter,
) -> list[Extraction]:
    """The extractions of the window of the same length before `period` (whole days).

    Stored extractions are used as they are, whatever version made them: the comparison needs
    counts, not today's exact output, and a cron build then costs no extraction beyond its own
    window. Only articles never extracted go through the pipeline (and are saved)."""
    start, end = previous_period(*period)
    window = Window(
        datetime.combine(start, time(), UTC), datetime.combine(end + timedelta(days=1), time(), UTC)
    )
    articles = store.articles_in(window)
    stored = store.load_extractions(articles)
    done = {e.article.id for e in stored}
    missing = [a for a in articles if a.id not in done]
    fresh = (
        _extract_missing(store, missing, resources, make_extractor, reporter, reextract=True)
        if missing
        else 0
    )
    reporter.info(
        f"what changed: {len(articles)} articles published {start} – {end}, the window before"
        + (f" ({fresh} newly extracted)" if fresh else "")
    )
    return store.load_extractions(articles) if fresh else stored
