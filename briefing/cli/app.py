"""The Typer application, and the one place where an exception becomes an exit code.

Commands live in the modules beside this one, one per command group; each is a thin wrapper
that resolves settings and calls a job of briefing.jobs. Heavy libraries (spaCy, camel-tools,
WeasyPrint) are imported inside the commands, so that `briefing --help` answers at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, NoReturn

import typer

from briefing import __version__
from briefing.errors import BriefingError

app = typer.Typer(
    name="briefing",
    help=(
        "Turn Arabic news into a bilingual Arabic/English intelligence brief.\n\n"
        "Pipeline: ingest → store → extract (actors, claims, figures, themes) → compose → "
        "render (HTML, PDF) → deliver (files under out/, email).\n\n"
        "Exit status of every command: 0 ok; 1 an input failed (the others went on); 2 usage (a bad "
        "option or --since); 3 store; 4 build; 5 mail not delivered; 75 another run holds the lock; "
        "78 config or resources.\n\n"
        "Example: briefing extract seeds/ --format table"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion [bash|zsh|fish|powershell]
    pretty_exceptions_enable=False,
    # Plain click help: paragraphs are re-flowed to the terminal instead of keeping source line breaks.
    rich_markup_mode=None,
)


def say(message: str) -> None:
    """A message for the person at the terminal (standard error)."""
    typer.echo(message, err=True)


def run(job: Callable[[], int]) -> NoReturn:
    """Run `job` and exit with its status; a BriefingError becomes its message and its exit code."""
    try:
        status = job()
    except BriefingError as exc:
        say(str(exc))
        raise typer.Exit(int(exc.exit_code)) from exc
    raise typer.Exit(int(status))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn Arabic news into a bilingual Arabic/English intelligence brief."""
