"""`briefing articles`, `briefing show`, `briefing export`: the store looked at without SQL."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefing.cli.app import app, run
from briefing.cli.options import DbOption
from briefing.config import Settings
from briefing.errors import ExitCode, InputError, StoreError, UsageError

if TYPE_CHECKING:
    from briefing.model.window import Window
    from briefing.store import Store

Since = Annotated[
    str | None,
    typer.Option(
        "--since", help="Published since 7d, 24h, 2w, today, a date or an ISO time, e.g. 2018-05-07."
    ),
]
Until = Annotated[
    str | None, typer.Option("--until", help="Published up to this date (included) or time, e.g. 2018-05-13.")
]
AsJson = Annotated[bool, typer.Option("--json", help="JSON instead of lines for people.")]


def _open(db: Path | None) -> Store:
    """The configured store; one that does not exist is an error, never created empty."""
    from briefing.store import Store

    path = Settings.resolve(db=db).db
    if not path.exists():
        raise StoreError(f"{path}: no store there yet (`briefing ingest` creates it)")
    return Store.open(path)


def _window(store: Store, since: str | None, until: str | None) -> Window | None:
    from datetime import UTC, datetime

    from briefing.jobs import make_window

    if since is None:
        if until is not None:
            raise UsageError("--until needs --since")
        return None
    last = store.cursor_build()  # where `build --since last` would start
    try:
        return make_window(since, until, datetime.now(UTC), last.window_end if last else None)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    except OverflowError:
        raise UsageError(f"--since {since} / --until {until}: beyond the calendar") from None


@app.command(short_help="List the stored articles: id, date, outlet, title.")
def articles(
    db: DbOption = None,
    since: Since = None,
    until: Until = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Outlets whose name holds this, e.g. arabiya.")
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            "--text", help="Articles whose title or text holds this (أ/إ/ا, ة/ه … match), e.g. ظريف."
        ),
    ] = None,
    undated: Annotated[
        bool, typer.Option("--undated", help="Only the articles whose date could not be read.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many (0: all), e.g. 20.")] = 50,
    as_json: AsJson = False,
) -> None:
    """List the stored articles, newest first: id, date, outlet, title.

    An undated article (its source gave a date that could not be read) is shown as "undated";
    no --since window takes it in. --json prints one JSON array (with the date's source and
    precision, and the URL).

    Example: briefing articles --since 2018-05-07 --until 2018-05-13 --outlet reuters
    """
    from briefing.browse import ArticleFilter, list_articles

    def job() -> int:
        with _open(db) as store:
            f = ArticleFilter(_window(store, since, until), outlet, text, undated, limit or None)
            found = list_articles(store, f)
        if as_json:
            typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
            return ExitCode.OK
        for a in found:
            day = a["published"] or "undated"
            if a["date_precision"] in ("month", "year"):
                day = day[:7] if a["date_precision"] == "month" else day[:4]
            typer.echo(f"{a['id']}\t{day}\t{a['outlet'] or '-'}\t{' '.join((a['title'] or '').split())}")
        count = f"{len(found)} article" + ("" if len(found) == 1 else "s")
        typer.echo(count + (" (--limit reached)" if len(found) == limit else ""), err=True)
        return ExitCode.OK

    run(job)


@app.command(short_help="One stored article with its extraction.")
def show(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="An article's id (`briefing articles`), e.g. ant2-0116.")
    ],
    db: DbOption = None,
    as_json: AsJson = False,
) -> None:
    """One stored article, its text and its extraction: actors, claims, figures, themes.

    The extraction is the one the last `build --since` made; an article never built into a brief
    has none yet (`briefing build --since` makes it). Exit status 1: no such article.

    Example: briefing show reuters-2018-05-13-1 --json
    """
    from briefing.browse import show_article

    def job() -> int:
        with _open(db) as store:
            found = show_article(store, article_id)
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1) if as_json else _shown(found))
        return ExitCode.OK

    run(job)


def _shown(found: dict[str, Any]) -> str:
    from briefing.model.contract import Article, Extraction
    from briefing.table import format_extraction

    a = found["article"]
    when = a["published"] or "undated"
    if a["published"]:
        when += f" ({a['date_precision']}, from {a['date_source']})"
    head = [
        f"id:        {a['id']}",
        f"title:     {a['title'] or '-'}",
        f"outlet:    {a['outlet'] or '-'}",
        f"published: {when}",
        f"url:       {a['url'] or '-'}",
        f"read from: {a['origin'] or '-'}",
        "",
        a["text"],
        "",
    ]
    if found["extraction"] is None:
        return "\n".join([*head, "no extraction yet (`briefing build --since` makes it)"])
    article = Article(
        id=a["id"], text=a["text"], title=a["title"], source=a["outlet"], published=a["published"]
    )
    return "\n".join([*head, format_extraction(Extraction.from_contract(found["extraction"], article))])


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


class Kind(StrEnum):
    actors = "actors"
    claims = "claims"
    figures = "figures"
    themes = "themes"


@app.command(short_help="The stored extractions as CSV or JSONL tables.")
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", help="csv: one table (needs --kind); jsonl: one row a line; e.g. csv."
        ),
    ] = ExportFormat.jsonl,
    kind: Annotated[
        Kind | None,
        typer.Option(
            "--kind", help="Which extractions (jsonl without it: all, with a kind field), e.g. claims."
        ),
    ] = None,
    since: Since = None,
    until: Until = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write to this file (whole, or not at all); else stdout. E.g. claims.csv."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """The stored extractions as tables: a row per actor, claim, figure or theme of each article.

    Rows carry the article's id, date and outlet, and `n`, the item's place in its article.
    Only articles already extracted (by `build --since`) have rows. The same tables are views
    of the store (actors, claims, figures, themes) for sqlite-utils or datasette.

    Example: briefing export --format csv --kind actors --since 2018-05-07 --out actors.csv
    """
    from briefing.browse import KINDS, csv_lines, export_rows

    def job() -> int:
        if fmt is ExportFormat.csv and kind is None:
            raise UsageError(
                "--format csv needs --kind (actors, claims, figures or themes): one table per kind"
            )
        with _open(db) as store:
            window = _window(store, since, until)
            kinds = [kind.value] if kind else list(KINDS)

            def lines() -> Iterator[str]:
                for k in kinds:
                    rows = export_rows(store, k, window)
                    if fmt is ExportFormat.csv:
                        yield from csv_lines(rows, k)
                    else:
                        yield from (json.dumps(r, ensure_ascii=False) + "\n" for r in rows)

            _write(out, lines)
        return ExitCode.OK

    run(job)


def _write(out: Path | None, lines: Callable[[], Iterator[str]]) -> None:
    """To stdout, or to `out` through a temporary file renamed over it: never half-written."""
    if out is None:
        for line in lines():
            sys.stdout.write(line)
        sys.stdout.flush()
        return
    folder = out.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{out}: cannot write there: {exc.strerror or exc}") from exc
    try:
        with open(fd, "w", encoding="utf-8", newline="") as fh:
            for line in lines():
                fh.write(line)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{out}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
