"""`briefing build`: one bilingual brief, from files or from a window of the store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.cli.app import app
from briefing.cli.mail import MailTo, mail_after_build, plan
from briefing.cli.options import (
    ArabicDigitsOption,
    DbOption,
    JsonOption,
    LogOption,
    NoPdfOption,
    OutOption,
    QuietOption,
    SinceOption,
    Sources,
    UntilOption,
    VerboseOption,
)
from briefing.cli.session import Session
from briefing.config import Settings
from briefing.errors import UsageError

if TYPE_CHECKING:
    from briefing.deliver.digest import MailPlan


@app.command(short_help="Build the brief (PDF, HTML, JSON) from files or the store.")
def build(
    sources: Sources = None,
    out: OutOption = None,
    fail_empty: Annotated[
        bool,
        typer.Option("--fail-empty", help="Exit 1 when there is no article (the brief still says so)."),
    ] = False,
    arabic_digits: ArabicDigitsOption = False,
    no_pdf: NoPdfOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    quiet: QuietOption = False,
    log: LogOption = None,
    email: Annotated[
        bool, typer.Option("--email", help="Then mail the digest (SMTP settings: `briefing email --help`).")
    ] = False,
    to: MailTo = None,
    verbose: VerboseOption = False,
    as_json: JsonOption = False,
) -> None:
    """Compose one bilingual brief from articles: out/<date>/brief.pdf, brief.html, brief.json.

    Reads the inputs (as `briefing extract` does), extracts actors, claims, figures and themes,
    composes the brief and writes it atomically (a failed run leaves the previous brief
    intact); out/latest then names the newest brief. Progress goes to standard error. Exit
    status: 0 ok; 1 an input could not be read (nothing is written) or, with --fail-empty, no
    article; 2 usage; 4 rendering or writing; 78 resources.

    With --since, the articles come from the store (see `briefing ingest`): those published in
    the window; only those not yet extracted (or extracted with older resources) go through the
    pipeline. That run holds a lock (a second one exits 75), is silent with --quiet and copies
    its messages to --log, for cron (briefing build --since last --quiet). Exit status there:
    0 ok; 2 bad --since (usage); 3 store; 4 build; 75 locked; 78 config or resources.

    With --email, the digest of the new brief is then mailed (as `briefing email`); recipients
    and SMTP settings are checked before anything is built. Exit status 5: not delivered (the
    brief is kept; `briefing email --from-brief` sends it again).

    Example: briefing build seeds/ --out out/
    """
    request = Request(sources or [], out, since, until, db, log, quiet, fail_empty, arabic_digits, no_pdf)
    session = Session("build", quiet=quiet, verbose=verbose, as_json=as_json, log=log)
    # Recipients and SMTP settings are checked before anything is built: a cron run fails early.
    session.run(
        lambda: build_and_mail(request, plan(to, dry_run=False, no_pdf=no_pdf) if email else None, session)
    )


@dataclass(frozen=True)
class Request:
    sources: list[str]
    out: Path | None
    since: str | None
    until: str | None
    db: Path | None
    log: Path | None
    quiet: bool
    fail_empty: bool
    arabic_digits: bool
    no_pdf: bool


def build_and_mail(r: Request, mail: MailPlan | None, session: Session | None = None) -> int:
    """Build from the store (--since) or from files, then mail the digest when asked."""
    from briefing.jobs import BuildOptions, build_from_paths, build_since, run_job

    if r.since is None and r.until is not None:
        raise UsageError("--until needs --since")
    if r.since is not None and r.sources:
        raise UsageError("name PATHs or use --since, not both")
    if r.since is None and not r.sources:
        raise UsageError(
            "nothing to build: name files or folders, or take them from the store with --since 7d"
        )
    options = BuildOptions(arabic_digits=r.arabic_digits, pdf=not r.no_pdf)
    # --out, else BRIEFING_OUT or the config file's out, else out/ in the current directory.
    settings = Settings.resolve(db=r.db, out=r.out, log=r.log)
    target = settings.out
    session = session or Session("build", quiet=r.quiet, log=r.log)
    reporter = session.reporter(settings.log)
    if r.since is not None:
        since = r.since
        status = run_job(
            lambda rep: build_since(settings, since, r.until, rep, options=options, fail_empty=r.fail_empty),
            lock=settings.lock_path,
            reporter=reporter,
        )
    else:
        status = run_job(
            lambda rep: build_from_paths(r.sources, target, rep, options=options, fail_empty=r.fail_empty),
            reporter=reporter,
        )
    if mail is None or status != 0:
        return status
    return mail_after_build(mail, target / "latest", arabic_digits=r.arabic_digits, reporter=reporter)
