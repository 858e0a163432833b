"""Mailing from the command line: recipients and SMTP settings checked first, then the digest sent."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.cli.app import say
from briefing.config import Settings
from briefing.errors import ExitCode

if TYPE_CHECKING:
    from briefing.deliver.digest import MailPlan
    from briefing.jobs import Reporter

MailTo = Annotated[
    str | None,
    typer.Option(
        "--to",
        help="Recipients, e.g. a@example.org,b@example.org (else BRIEFING_MAIL_TO).",
        show_default=False,
    ),
]


def plan(to: str | None, *, dry_run: bool, no_pdf: bool, resources: Path | None = None) -> MailPlan:
    """Recipients and SMTP settings, checked before anything is built (AddressError, ConfigError);
    the digest's templates come from the user's layer too (`resources`, else as configured)."""
    from dataclasses import replace

    from briefing.deliver.digest import plan_mail
    from briefing.jobs import user_layer

    layer = user_layer(Settings.resolve(resources=resources))
    templates = layer / "templates" if layer is not None and (layer / "templates").is_dir() else None
    return replace(plan_mail(to, dry_run=dry_run, attach_pdf=not no_pdf), templates=templates)


def mail_after_build(
    mail: MailPlan,
    directory: Path,
    *,
    max_age_hours: float | None = None,
    quiet: bool = False,
    arabic_digits: bool = False,
    reporter: Reporter | None = None,
) -> int:
    """Send (or write, for a dry run) the digest of the brief in `directory`; the exit status.

    With a `reporter`, its messages and outcome go where the run's do (quiet or not, the log).
    """
    from briefing.deliver.digest import mail_built_brief

    status = mail_built_brief(
        mail,
        directory,
        max_age=timedelta(hours=max_age_hours) if max_age_hours else None,
        arabic_digits=arabic_digits,
        say=reporter.info if reporter else (lambda _m: None) if quiet else say,
        error=reporter.error if reporter else say,
    )
    if reporter is not None:
        done = "written" if mail.dry_run else "sent"
        reporter.record(mail=done if status == ExitCode.OK else "failed", recipients=len(mail.recipients))
    return status
