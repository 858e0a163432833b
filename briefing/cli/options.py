"""Options several commands share, defined once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import platformdirs
import typer

from briefing.config import convert
from briefing.errors import ConfigError

T = TypeVar("T")


def setting_check(kind: str) -> Callable[[T | None], T | None]:
    """A callback that refuses a flag's value the way the config file's would be (nan, inf, out of
    range), but as a usage error: click prints it and exits with its usage code."""

    def check(value: T | None) -> T | None:
        if value is not None:
            try:
                convert(value, kind, "value")
            except ConfigError as exc:
                raise typer.BadParameter(str(exc).removeprefix("value: ")) from None
        return value

    return check


Sources = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders or http(s) URLs: text (.txt, with front matter or a sidecar <stem>.json), "
        "HTML pages, RSS/Atom feeds, JSONL (one article per line). In a folder: *.txt, *.html, *.jsonl "
        "and saved feeds; - reads standard input. E.g. seeds/ or news.jsonl https://example.org/rss.xml",
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Build from the store: articles published since e.g. 7d, 24h, 2026-11-14, or last "
        "(where the last successful --since last build ended; only such a build moves it).",
        show_default=False,
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        help="With --since: up to this date (included) or time, e.g. 2026-11-20.",
        show_default=False,
    ),
]
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="SQLite store, e.g. news.db (else BRIEFING_DB, the config file's db, ~/.local/share/briefing).",
        show_default=False,
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on success (errors still).")]
LogOption = Annotated[
    Path | None,
    typer.Option(
        "--log",
        help="Append every message, timestamped, and one outcome line per run to this file, "
        "e.g. ~/briefing/cron.log.",
        show_default=False,
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Folder for <first>_<last>/ briefs and latest, e.g. ~/briefs (else BRIEFING_OUT, the "
        "config's out, or ./out).",
        show_default=False,
    ),
]
NoPdfOption = Annotated[bool, typer.Option("--no-pdf", help="Write brief.html and brief.json only.")]
ArabicDigitsOption = Annotated[
    bool, typer.Option("--arabic-digits", help="Arabic-Indic digits (٠١٢…) in Arabic text, not in quotes.")
]
VerboseOption = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="Say more on stderr: empty sources (nothing to do), whether the extraction pipeline "
        "was loaded from its cache or built, other details.",
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option(
        "--json",
        help="Then print one JSON object on stdout: counts, paths, warnings, errors, exit_status "
        "(e.g. briefing ingest inbox/ --json | jq .added).",
    ),
]
ResourcesOption = Annotated[
    Path | None,
    typer.Option(
        "--resources",
        help="Your own data over the packaged data, entry by entry: a folder with actors*.yaml "
        "(gazetteer entries: new ids, or packaged ids replaced), themes.yaml (new themes or keywords), "
        "watchlist.yaml (actor ids always reported) and templates/ (a template of the same name "
        "replaces the packaged one). Else BRIEFING_RESOURCES, the config file's resources, or the "
        f"user data folder ({platformdirs.user_data_dir('briefing')}) when it exists. "
        "E.g. ~/briefing-data",
        show_default=False,
    ),
]
