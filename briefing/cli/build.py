"""`briefing build`: one bilingual brief, from files or from a window of the store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.cli.app import app, run
from briefing.cli.mail import MailTo, mail_after_build, plan
from briefing.cli.options import (
    ArabicDigitsOption,
    DbOption,
    LogOption,
    NoPdfOption,
    OutOption,
    QuietOption,
    ResourcesOption,
    SinceOption,
    Sources,
    UntilOption,
)
from briefing.config import Settings
from briefing.errors import InputError

if TYPE_CHECKING:
    from briefing.deliver.digest import MailPlan

OUT_DIR = Path("out")


@app.command()
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
    resources: ResourcesOption = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="The brief's title, on its cover and in the digest (else BRIEFING_TITLE or the config "
            "file's title). A logo comes from the config file's logo (an image path) or BRIEFING_LOGO.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Compose one bilingual brief from articles: out/<date>/brief.pdf, brief.html, brief.json.

    Reads the inputs (as `briefing extract` does), extracts actors, claims, figures and themes,
    composes the brief and writes it atomically (a failed run leaves the previous brief
    intact); out/latest then names the newest brief. Progress goes to standard error. Exit
    status: 0 ok; 1 an input could not be read (nothing is written) or, with --fail-empty, no
    article; 2 resources; 4 rendering or writing.

    With --since, the articles come from the store (see `briefing ingest`): those published in
    the window; only those not yet extracted (or extracted with older resources) go through the
    pipeline. That run holds a lock (a second one exits 75), is silent with --quiet and copies
    its messages to --log, for cron (briefing build --since last --quiet). Exit status there:
    0 ok; 1 bad --since; 2 config or resources; 3 store; 4 build; 75 locked.

    With --email, the digest of the new brief is then mailed (as `briefing email`); recipients
    and SMTP settings are checked before anything is built. Exit status 5: not delivered (the
    brief is kept; `briefing email --from-brief` sends it again).

    Your own gazetteer entries, themes, watch-list and templates go in a folder (--resources, or
    the user data folder): see --resources. A watch-list adds a "Watch list" section: each watched
    actor's mentions, claims and figures, or "not mentioned this period".

    Example: briefing build seeds/ --out out/
    """
    request = Request(
        sources or [], out, since, until, db, log, quiet, fail_empty, arabic_digits, no_pdf, resources, title
    )
    # Recipients and SMTP settings are checked before anything is built: a cron run fails early.
    mail = (lambda: plan(to, dry_run=False, no_pdf=no_pdf, resources=resources)) if email else None
    run(lambda: build_and_mail(request, mail() if mail else None))


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
    resources: Path | None = None
    title: str | None = None


def build_and_mail(r: Request, mail: MailPlan | None) -> int:
    """Build from the store (--since) or from files, then mail the digest when asked."""
    from briefing.jobs import BuildOptions, build_from_paths, build_since, run_job, user_layer

    if r.since is None and r.until is not None:
        raise InputError("--until needs --since")
    if r.since is not None and r.sources:
        raise InputError("name PATHs or use --since, not both")
    if r.since is None and not r.sources:
        raise InputError(
            "nothing to build: name files or folders, or take them from the store with --since 7d"
        )
    custom = Settings.resolve(resources=r.resources, title=r.title)
    options = BuildOptions(
        arabic_digits=r.arabic_digits, pdf=not r.no_pdf, title=custom.title, logo=custom.logo
    )
    if r.since is not None:
        since = r.since
        settings = Settings.resolve(db=r.db, out=r.out, log=r.log, resources=r.resources)
        target = settings.out
        status = run_job(
            lambda rep: build_since(settings, since, r.until, rep, options=options, fail_empty=r.fail_empty),
            quiet=r.quiet,
            log=settings.log,
            lock=settings.lock_path,
        )
    else:
        target = r.out or OUT_DIR
        status = run_job(
            lambda rep: build_from_paths(
                r.sources, target, rep, options=options, fail_empty=r.fail_empty, layer=user_layer(custom)
            ),
            quiet=r.quiet,
            log=r.log,
        )
    if mail is None or status != 0:
        return status
    return mail_after_build(mail, target / "latest", quiet=r.quiet, arabic_digits=r.arabic_digits)
