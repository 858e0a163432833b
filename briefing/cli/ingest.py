"""`briefing ingest`: read articles into the store, for cron or by hand."""

from __future__ import annotations

from typing import Annotated

import typer

from briefing.cli.app import app
from briefing.cli.options import DbOption, JsonOption, LogOption, QuietOption, VerboseOption
from briefing.cli.session import Session
from briefing.config import Settings
from briefing.errors import UsageError

IngestSources = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders, or http(s) URLs: text (.txt, front matter or sidecar .json), HTML pages, "
        "RSS/Atom feeds, corpus JSONL; - reads standard input. None: the config file's sources. "
        "E.g. ~/inbox https://www.example.org/rss.xml",
        show_default=False,
    ),
]


@app.command(short_help="Read articles, pages and feeds into the store (for cron).")
def ingest(
    sources: IngestSources = None,
    db: DbOption = None,
    quiet: QuietOption = False,
    log: LogOption = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout", help="Seconds to wait for one URL, e.g. 60 (default 20).", show_default=False
        ),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes",
            help="Largest file, page or feed, e.g. 20000000 (default 5 MB).",
            show_default=False,
        ),
    ] = None,
    keep_boilerplate: Annotated[
        bool, typer.Option("--keep-boilerplate", help="Store texts as read ('read also' links and all).")
    ] = False,
    verbose: VerboseOption = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles into the store; duplicates (same text or URL) are stored once and counted.

    Reports added / duplicate / failed counts (stderr; with --json, one JSON object on stdout)
    and, at a terminal, a progress bar. A file, URL or feed entry that fails gives one line and
    the rest goes on; an empty folder or feed is nothing to do (exit 0; said with -v). With
    --quiet only errors are printed, and a run that meets the lock of another says nothing and
    exits 75; --log FILE keeps every message and one outcome line per run. Settings come from flags, then
    BRIEFING_* variables, then the config file (BRIEFING_CONFIG or ~/.config/briefing/config.toml).
    Exit status: 0 ok; 1 an input failed; 2 usage; 3 store; 75 another run holds the lock; 78 config.

    Example: briefing ingest ../shared/corpus/articles.jsonl https://www.example.com/rss.xml --db news.db
    """

    session = Session("ingest", quiet=quiet, verbose=verbose, as_json=as_json, log=log)

    def job() -> int:
        from briefing.jobs import run_ingest, run_job

        settings = Settings.resolve(db=db, log=log, timeout=timeout, max_bytes=max_bytes)
        names = list(sources or settings.sources)
        if not names:
            raise UsageError(
                "nothing to ingest: name files, folders or URLs, or set `sources` in the config file"
            )
        return run_job(
            lambda reporter: run_ingest(settings, names, reporter, clean=not keep_boilerplate),
            lock=settings.lock_path,
            reporter=session.reporter(settings.log),
        )

    session.run(job)
