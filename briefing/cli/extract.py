"""`briefing extract`: actors, claims, figures and themes of each article, as the contract or a table."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from briefing.cli.app import app
from briefing.cli.options import QuietOption, ResourcesOption, Sources, VerboseOption
from briefing.cli.session import Session


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    sources: Sources = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one contract object per article (CONTRACT.md); table: for people; e.g. -f jsonl.",
        ),
    ] = Format.table,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    resources: ResourcesOption = None,
) -> None:
    """Extract actors, claims, figures and themes from Arabic articles.

    Prints one result per article, in input order; offsets are into each text as read (after
    front matter). A file that cannot be read gives a one-line reason on standard error (and an
    {"article", "error"} line in jsonl); the others go on. Claims and figures carry the date their
    sentence states ("date"; "أمس" and "الأحد الماضي" count from the article's date, published in
    the front matter, sidecar or record), and "background" lists the sentences about earlier
    events (pluperfect, في وقت سابق, dated before the article's week, embedded headlines).
    `-` reads one article (text, front
    matter allowed, HTML or JSONL) from standard input. With --quiet, notices (a legacy encoding)
    are not printed, errors are. Exit status 1 if any input failed; 78 when the config or a data
    file (yours under --resources too) is unusable.

    Example: briefing extract seeds/ --format jsonl > out/seeds.jsonl

    Example: curl -s https://www.example.com/article.html | briefing extract -
    """
    session = Session("extract", quiet=quiet, verbose=verbose)

    def job() -> int:
        from briefing.config import Settings
        from briefing.jobs import run_extract, run_job, user_layer

        jsonl = fmt is Format.jsonl
        layer = user_layer(Settings.resolve(resources=resources))
        return run_job(
            lambda reporter: run_extract(sources or [], reporter, jsonl=jsonl, layer=layer),
            reporter=session.reporter(),
        )

    session.run(job)
