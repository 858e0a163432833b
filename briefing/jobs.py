"""The jobs the commands run, made safe to start from cron: the run lock, time windows, messages.

Exit codes and the exceptions behind them are in briefing.errors.
"""

from __future__ import annotations

import fcntl
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from briefing.errors import BriefingError, ExitCode, InputError, LockedError
from briefing.model.window import Window

if TYPE_CHECKING:
    from briefing.build import BuildOptions
    from briefing.config import Settings
    from briefing.model.contract import Article, Extraction
    from briefing.resources import Resources


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
    make_extractor: Callable[[Resources], Callable[[list[Article]], Iterable[Extraction]]] | None = None,
) -> int:
    """`briefing build --since …`: the brief of the articles published in a window of the store.

    Extracts what has no extraction yet (or one made with other resources), saves it, composes
    and renders through build.build_brief, and records the build, so that `--since last` starts
    where the last successful one ended. Returns the exit status.
    """
    from briefing.build import build_brief
    from briefing.errors import RenderError, WriteError
    from briefing.resources import Resources
    from briefing.store import Store

    now = now or datetime.now(UTC)
    with Store.open(settings.db) as store:
        last = store.last_build()
        if since.strip().lower() == "last" and last is None:
            reporter.info(f"--since last: no build recorded yet, so the first covers {settings.first_since}")
            since = settings.first_since
        try:
            window = make_window(since, until, now, last.window_end if last else None)
        except ValueError as exc:
            raise InputError(str(exc)) from exc
        articles = store.articles_in(window)
        reporter.info(f"{len(articles)} articles published {window.describe()} (store: {settings.db})")
        resources = resources or Resources.load()
        todo = set(store.needing_extraction([a.id for a in articles], resources.version))
        if todo:
            extract = (make_extractor or _pipeline_extractor)(resources)
            pending = [a for a in articles if a.id in todo]
            done = 0
            for i in range(0, len(pending), EXTRACT_BATCH):
                batch = pending[i : i + EXTRACT_BATCH]
                done += store.save_extractions(extract(batch))
                reporter.info(f"extracted {done}/{len(pending)}")
        extractions = store.load_extractions(articles)
        build_id = store.start_build(window, now=now)
        period_end = (window.end - timedelta(microseconds=1)) if window.end else now
        try:
            day_dir = build_brief(
                extractions,
                settings.out,
                period=(window.start.date(), period_end.date()),
                options=options,
                progress=reporter.info,
            )
        except (RenderError, WriteError) as exc:
            store.finish_build(build_id, ok=False, message=str(exc))
            reporter.error(f"build failed: {exc}")
            return ExitCode.BUILD
        except BaseException as exc:
            store.finish_build(build_id, ok=False, message=f"{exc.__class__.__name__}: {exc}")
            raise
        store.finish_build(build_id, ok=True, articles=len(extractions), output=str(day_dir))
    reporter.info(f"wrote {day_dir}/ ({len(extractions)} articles, {len(todo)} newly extracted)")
    if not extractions:
        reporter.info("no articles in this window: the brief says so")
        return ExitCode.INPUT if fail_empty else ExitCode.OK
    return ExitCode.OK


def _pipeline_extractor(resources: Resources) -> Callable[[list[Article]], Iterable[Extraction]]:
    """The real pipeline, built once (only when something needs extracting)."""
    from briefing.extract import extract_articles
    from briefing.pipeline import build_nlp

    nlp = build_nlp(resources)
    return lambda batch: list(extract_articles(nlp, batch, resources.version))
