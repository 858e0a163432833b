"""`briefing extract`: actors, claims, figures and themes of each article, as the contract or a table."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from briefing.cli.app import app, run
from briefing.cli.options import ResourcesOption, Sources


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    sources: Sources = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="jsonl: one contract object per article (CONTRACT.md); table: for people."
        ),
    ] = Format.table,
    resources: ResourcesOption = None,
) -> None:
    """Extract actors, claims, figures and themes from Arabic articles.

    Prints one result per article, in input order; offsets are into each text as read (after
    front matter). A file that cannot be read gives a one-line reason on standard error (and an
    {"article", "error"} line in jsonl); the others go on. Exit status 1 if any input failed;
    2 when the config or a data file (yours under --resources too) is unusable.

    Example: briefing extract seeds/ --format jsonl > out/seeds.jsonl
    """
    from briefing.config import Settings
    from briefing.jobs import run_extract, run_job, user_layer

    run(
        lambda: run_job(
            lambda reporter: run_extract(
                sources or [],
                reporter,
                jsonl=fmt is Format.jsonl,
                layer=user_layer(Settings.resolve(resources=resources)),
            )
        )
    )
