"""`briefing ingest`: read articles into the store, for cron or by hand."""

from __future__ import annotations

from typing import Annotated

import typer

from briefing.cli.app import app
from briefing.cli.options import DbOption, JsonOption, LogOption, QuietOption, VerboseOption, setting_check
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

TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        help="Seconds one URL may take in all, connecting and reading (default 20; at most 3600), e.g. 60.",
        show_default=False,
        callback=setting_check("timeout"),
    ),
]
MaxBytesOption = Annotated[
    int | None,
    typer.Option(
        "--max-bytes",
        help="Largest file, page or feed, e.g. 20000000 (default 5 MB).",
        show_default=False,
        callback=setting_check("size"),
    ),
]
AllowPrivateOption = Annotated[
    bool | None,
    typer.Option(
        "--allow-private-networks/--no-private-networks",
        help="Follow redirects and feed links to private, loopback and link-local addresses "
        "(10.x, 192.168.x, 127.x, 169.254.x, fc00::/7 …; default: refused, or the config file's "
        "allow_private). A URL you name is fetched wherever it is, with the links of its own server.",
        show_default=False,
    ),
]
RunTimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--run-timeout",
        help=(
            "Seconds all the fetches of this run may take together (default 1800; later URLs fail), e.g. 600."
        ),
        show_default=False,
        callback=setting_check("run_timeout"),
    ),
]


@app.command(short_help="Read articles, pages and feeds into the store (for cron).")
def ingest(
    sources: IngestSources = None,
    db: DbOption = None,
    quiet: QuietOption = False,
    log: LogOption = None,
    timeout: TimeoutOption = None,
    max_bytes: MaxBytesOption = None,
    allow_private: AllowPrivateOption = None,
    run_timeout: RunTimeoutOption = None,
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

    Dates (published, else date) are read in Arabic or English words, ISO, RFC 822 or Hijri
    (1439-08-27 هـ); one that cannot be read is a warning and the article is stored undated
    (`briefing articles --undated`), never dated today.

    Example: briefing ingest ../shared/corpus/articles.jsonl https://www.example.com/rss.xml --db news.db
    """

    session = Session("ingest", quiet=quiet, verbose=verbose, as_json=as_json, log=log)

    def job() -> int:
        from briefing.jobs import run_ingest, run_job

        settings = Settings.resolve(
            db=db,
            log=log,
            timeout=timeout,
            max_bytes=max_bytes,
            allow_private=allow_private,
            run_timeout=run_timeout,
        )
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
