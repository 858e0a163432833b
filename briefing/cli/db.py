"""`briefing db`: look after the store (counts, integrity)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.app import app, run
from briefing.cli.options import DbOption
from briefing.config import Settings
from briefing.errors import ExitCode, ResourceError

db_app = typer.Typer(
    help="Look after the store: create it, counts, integrity.\n\nExample: briefing db stats --db news.db",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(db_app, name="db")


@db_app.command("stats", short_help="Counts: articles, duplicates, dates, extractions, builds.")
def db_stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object instead of lines.")] = False,
) -> None:
    """Counts of the store: articles, duplicates seen, dates, extractions (current ones too), builds.

    Example: briefing db stats --db news.db
    """
    run(lambda: _stats(db, as_json))


def _stats(db: Path | None, as_json: bool) -> int:
    from briefing.extraction_version import extraction_version
    from briefing.resources import Resources
    from briefing.store import Store

    settings = Settings.resolve(db=db)
    try:
        from briefing.jobs import user_layer

        # As builds make it: the user layer is part of the resources' version.
        version: str | None = extraction_version(Resources.load(user=user_layer(settings)))
    except ResourceError:
        version = None  # the counts are still worth showing
    with Store.open_existing(settings.db) as store:
        stats = store.stats(version)
    if as_json:
        typer.echo(json.dumps(stats, ensure_ascii=False))
        return ExitCode.OK
    for key, value in stats.items():
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        typer.echo(f"{key:<20} {value}")
    return ExitCode.OK


@db_app.command("check", short_help="Integrity of the store (exit status 3 on a problem).")
def db_check(db: DbOption = None) -> None:
    """SQLite's integrity and foreign-key checks; exit status 3 when they find a problem.

    Also reports build records left "running" by a killed run (the lock is free, or the
    recorded pid is gone from this host): a warning, not a problem; the next `build --since`
    marks them failed. A store that does not exist is exit 3 (nothing is created).

    Example: briefing db check --db news.db
    """

    def job() -> int:
        from briefing.jobs import describe_stale, stale_builds
        from briefing.store import Store

        settings = Settings.resolve(db=db)
        with Store.open_existing(settings.db) as store:
            problems = store.check()
            stale = [] if problems else stale_builds(store, settings.lock_path)
        for problem in problems:
            typer.echo(f"{settings.db}: {problem}", err=True)
        if problems:
            return ExitCode.STORE
        for build in stale:
            typer.echo(f"{settings.db}: {describe_stale(build)} (the next build marks it failed)", err=True)
        typer.echo(f"{settings.db}: ok" + (f" ({len(stale)} stale build records)" if stale else ""))
        return ExitCode.OK

    run(job)


@db_app.command("init", short_help="Create an empty store (and its folder), or bring one up to date.")
def db_init(db: DbOption = None) -> None:
    """Create an empty store (its folder too); an existing one is only brought up to date.

    `briefing ingest` creates the store as well; every other command needs it to exist.

    Example: briefing db init --db news.db
    """

    def job() -> int:
        from briefing.store import Store

        settings = Settings.resolve(db=db)
        existed = settings.db.exists()
        Store.open(settings.db).close()  # opening creates and migrates
        typer.echo(f"{settings.db}: {'already there (up to date)' if existed else 'created'}")
        return ExitCode.OK

    run(job)
