"""`briefing email`: the digest of a brief by email, building the brief first when asked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.app import app
from briefing.cli.build import Request, build_and_mail
from briefing.cli.mail import MailTo, mail_after_build, plan
from briefing.cli.options import (
    DbOption,
    LogOption,
    QuietOption,
    SinceOption,
    Sources,
    UntilOption,
    VerboseOption,
    setting_check,
)
from briefing.cli.session import Session
from briefing.config import Settings
from briefing.errors import UsageError


@app.command(short_help="Mail the brief's digest (HTML and text, PDF attached).")
def email(
    sources: Sources = None,
    to: MailTo = None,
    since: SinceOption = None,
    until: UntilOption = None,
    from_brief: Annotated[
        Path | None,
        typer.Option(
            "--from-brief",
            help="Send this built brief as it is, e.g. out/latest or out/2018-05-07_2018-05-13: no rebuild.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder of the builds, e.g. ~/briefs (else BRIEFING_OUT, the config's out, or ./out).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write digest.eml next to the brief; send nothing.")
    ] = False,
    no_pdf: Annotated[bool, typer.Option("--no-pdf", help="Do not attach (or build) brief.pdf.")] = False,
    max_age: Annotated[
        float,
        typer.Option(
            "--max-age",
            help="Hours: with no PATH, --since or --from-brief, send out/latest if no older (e.g. 168).",
            callback=setting_check("hours"),
        ),
    ] = 24.0,
    db: DbOption = None,
    quiet: QuietOption = False,
    log: LogOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Mail the brief's digest: opening, key developments, key figures, other stories, PDF attached.

    The digest follows the brief's stories: the opening paragraph, the key developments with
    their citations "(BBC, 14 Apr)" linked to the articles, key figures and the headlines of
    the other stories. It is bilingual HTML (styles inlined, Arabic right-to-left) with a plain-text
    alternative; the subject gives the period in both languages. The brief is built first from
    PATHs or from the store (--since, as `briefing build`), or taken as built: --from-brief
    DIR, or out/latest when it is fresh (--max-age). Temporary SMTP failures (4xx, refused
    connection, timeout) are retried with backoff; a permanent one (5xx) stops. Either way the
    brief is kept and --from-brief sends it again. SMTP settings: BRIEFING_SMTP_HOST, _PORT,
    _SECURITY (starttls | ssl | none), _USER, BRIEFING_SMTP_PASSWORD or _PASSWORD_FILE,
    BRIEFING_MAIL_FROM, or the config file's [smtp] table; never a password flag. Exit status:
    0 sent; 1 bad address or input; 2 usage; 3 store; 4 build; 5 not delivered; 75 locked;
    78 config.

    Example: briefing email --to a@example.org,b@example.org --since 7d
    """
    request = Request(sources or [], out, since, until, db, log, quiet, False, False, no_pdf)
    session = Session("email", quiet=quiet, verbose=verbose, log=log)
    session.run(lambda: _email(request, to, from_brief, dry_run, max_age, session))


def _email(
    r: Request, to: str | None, from_brief: Path | None, dry_run: bool, max_age: float, session: Session
) -> int:
    given = [
        name for name, v in (("PATH", r.sources), ("--since", r.since), ("--from-brief", from_brief)) if v
    ]
    if len(given) > 1:
        raise UsageError(f"name one of PATH…, --since or --from-brief, not {' and '.join(given)}")
    mail = plan(to, dry_run=dry_run, no_pdf=r.no_pdf)
    if r.sources or r.since is not None or r.until is not None:
        return build_and_mail(r, mail, session)
    settings = Settings.resolve(db=r.db, out=r.out, log=r.log)
    reporter = session.reporter(settings.log)
    if from_brief is not None:
        return mail_after_build(mail, from_brief, reporter=reporter)
    return mail_after_build(mail, settings.out / "latest", max_age_hours=max_age, reporter=reporter)
