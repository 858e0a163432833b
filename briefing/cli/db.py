"""`briefing db`: look after the store (counts, integrity)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.app import app, run
from briefing.cli.options import DbOption
from briefing.config import Settings
from briefing.errors import ExitCode, ResourceError, StoreError

db_app = typer.Typer(
    help="Look after the store: counts, integrity.\n\nExample: briefing db stats --db news.db",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(db_app, name="db")


@db_app.command("stats")
def db_stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object instead of lines.")] = False,
) -> None:
    """Counts of the store: articles, duplicates seen, dates, extractions (current ones too), builds.

    Example: briefing db stats --db news.db
    """
    run(lambda: _stats(db, as_json))


def _stats(db: Path | None, as_json: bool) -> int:
    from briefing.resources import Resources
    from briefing.store import Store

    settings = Settings.resolve(db=db)
    if not settings.db.exists():
        raise StoreError(f"{settings.db}: no store there yet (`briefing ingest` creates it)")
    try:
        from briefing.jobs import user_layer

        version: str | None = Resources.load(user=user_layer(settings)).version  # as builds make it
    except ResourceError:
        version = None  # the counts are still worth showing
    with Store.open(settings.db) as store:
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


@db_app.command("check")
def db_check(db: DbOption = None) -> None:
    """SQLite's integrity and foreign-key checks; exit status 3 when they find a problem.

    Example: briefing db check --db news.db
    """

    def job() -> int:
        from briefing.store import Store

        settings = Settings.resolve(db=db)
        with Store.open(settings.db) as store:
            problems = store.check()
        for problem in problems:
            typer.echo(f"{settings.db}: {problem}", err=True)
        if problems:
            return ExitCode.STORE
        typer.echo(f"{settings.db}: ok")
        return ExitCode.OK

    run(job)
