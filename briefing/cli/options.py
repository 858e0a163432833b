"""Options several commands share, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import platformdirs
import typer

Sources = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders or http(s) URLs: text (.txt, with front matter or a sidecar <stem>.json), "
        "HTML pages, RSS/Atom feeds, JSONL (one article per line). In a folder: *.txt, *.html, *.jsonl "
        "and saved feeds.",
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Build from the store: articles published since 7d, 24h, 2026-11-14, or last "
        "(the end of the last successful build).",
        show_default=False,
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", help="With --since: up to this date (included) or time.", show_default=False),
]
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="SQLite store (else BRIEFING_DB, the config file's db, ~/.local/share/briefing).",
        show_default=False,
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on success (errors still).")]
LogOption = Annotated[
    Path | None,
    typer.Option("--log", help="Append every message, timestamped, to this file.", show_default=False),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Folder for <date>/ and latest (default out/; with --since, BRIEFING_OUT …).",
        show_default=False,
    ),
]
NoPdfOption = Annotated[bool, typer.Option("--no-pdf", help="Write brief.html and brief.json only.")]
ArabicDigitsOption = Annotated[
    bool, typer.Option("--arabic-digits", help="Arabic-Indic digits (٠١٢…) in Arabic text, not in quotes.")
]
ResourcesOption = Annotated[
    Path | None,
    typer.Option(
        "--resources",
        help="Your own data over the packaged data, entry by entry: a folder with actors*.yaml "
        "(gazetteer entries: new ids, or packaged ids replaced), themes.yaml (new themes or keywords), "
        "watchlist.yaml (actor ids always reported) and templates/ (a template of the same name "
        "replaces the packaged one). Else BRIEFING_RESOURCES, the config file's resources, or the "
        f"user data folder ({platformdirs.user_data_dir('briefing')}) when it exists.",
        show_default=False,
    ),
]
