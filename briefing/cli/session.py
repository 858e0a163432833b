"""How a command talks: --quiet, -v/--verbose, --json, progress bars, and the log's outcome line.

One Session per command run. It makes the run's Reporter (briefing.jobs) once the log file is
known (a flag, BRIEFING_LOG or the config file), so that every step of the run (the build and
then the mail) writes to the same log and adds to the same summary. When the command ends,
however it ends, the log gets one `DONE <command> <counts> exit=<status>` line and, with --json,
standard output gets one JSON object. Progress bars are drawn only for a person: never with
--quiet and never when standard error is not a terminal (cron's mail stays clean).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from briefing.cli.app import run
from briefing.errors import BriefingError, ConfigError, ExitCode

if TYPE_CHECKING:  # briefing.jobs loads camel-tools: `briefing --help` must answer at once
    from briefing.jobs import Advance, ProgressFactory, Reporter


class Session:
    def __init__(
        self,
        command: str,
        *,
        quiet: bool = False,
        verbose: bool = False,
        as_json: bool = False,
        log: Path | None = None,
    ) -> None:
        self.command = command
        self.quiet = quiet
        self.verbose = verbose
        self.as_json = as_json
        self.log = log
        self._reporter: Reporter | None = None

    def reporter(self, log: Path | None = None) -> Reporter:
        """The run's Reporter, made on first use with `log` (else the --log flag)."""
        if self._reporter is None:
            from briefing.jobs import Reporter

            where = log or self.log
            try:
                self._reporter = Reporter(
                    quiet=self.quiet,
                    log=where,
                    verbose=self.verbose,
                    progress_factory=bar_factory(quiet=self.quiet),
                )
            except OSError as exc:
                raise ConfigError(f"{where}: cannot open the log file: {exc.strerror or exc}") from exc
        return self._reporter

    def run(self, job: Callable[[], int]) -> NoReturn:
        """Run `job` as briefing.cli.app.run does, then say how it ended (log line, --json)."""

        def ended() -> int:
            try:
                status = job()
            except BriefingError as exc:
                self.finish(int(exc.exit_code), str(exc))
                raise
            self.finish(status)
            reporter = self._reporter
            if status == ExitCode.OK and reporter is not None and reporter.log_error:
                # Done, but the log the user asked for is lost (a full disk): the run_job rule,
                # for every command (the mail's too), so that cron mails it.
                return int(ExitCode.CONFIG)
            return status

        run(ended)

    def finish(self, status: int, error: str | None = None) -> None:
        """The outcome line in the log and, with --json, the summary on standard output."""
        reporter = self._reporter
        if reporter is None and self.log is not None:
            try:
                reporter = self.reporter()
            except ConfigError:
                reporter = None  # the run fails anyway, and says why on standard error
        if reporter is not None:
            reporter.outcome(self.command, status, error=error)
            reporter.close()
        if self.as_json:
            typer.echo(json.dumps(self.summary(status, error), ensure_ascii=False))

    def summary(self, status: int, error: str | None = None) -> dict[str, object]:
        reporter = self._reporter
        errors = list(reporter.errors) if reporter else []
        if error is not None and error not in errors:
            errors.append(error)
        return {
            "command": self.command,
            **(reporter.summary if reporter else {}),
            "warnings": list(reporter.warnings) if reporter else [],
            "errors": errors,
            "exit_status": int(status),
        }


def shows_progress(*, quiet: bool) -> bool:
    """Progress bars are for a person at a terminal: not with --quiet, not into a pipe or cron's mail."""
    return not quiet and sys.stderr.isatty()


def bar_factory(*, quiet: bool) -> ProgressFactory | None:
    return terminal_bar if shows_progress(quiet=quiet) else None


@contextmanager
def terminal_bar(label: str, total: int | None) -> Iterator[Advance]:
    """A rich progress bar on standard error: done/total, elapsed time and the time left (ETA)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    # transient: the finished bar goes away and leaves the messages printed above it.
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total)

        def advance(n: int = 1, note: str | None = None) -> None:
            progress.update(task, advance=n, description=f"{label}: {note}" if note else label)

        yield advance
