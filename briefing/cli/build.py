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
    ResourcesOption,
    SinceOption,
    Sources,
    UntilOption,
    VerboseOption,
)
from briefing.cli.session import Session
from briefing.config import GROUP_BY, Settings
from briefing.errors import UsageError

if TYPE_CHECKING:
    from briefing.deliver.digest import MailPlan
    from briefing.jobs import BuildOptions

# The command's help, kept beside it rather than as its docstring: it is long, and it is data.
BUILD_HELP = """\
Compose one bilingual brief from articles: out/<period>/brief.pdf, brief.html, brief.json,
and its appendix, appendix.html (appendix.pdf too with --appendix-pdf).

The brief proper is a few pages: an opening paragraph, the key developments (the window's main
stories, each claim with inline citations "(BBC, 14 Apr)"), key figures (conflicting reports
side by side), what changed since the previous window (store builds), sections, the watch list,
the prominent actors and the sources it cites. The appendix lists every article with its
claims, figures and highlighted sentences; each citation's number links to it.

Reads the inputs (as `briefing extract` does), extracts actors, claims, figures and themes,
composes the brief and writes it into a new folder named by the period it covers,
out/<first day>_<last day>/ (2018-05-07_2018-05-13; a build from undated files: its build
date), with a run suffix (-2, -3) when that period was built before: a build never
replaces or deletes another brief. out/latest then names the brief whose period ends last
(rebuilding an older period leaves it alone). Two builds into the same --out take turns.
Progress goes to standard error (a bar at a terminal; nothing but errors with --quiet;
--json adds one JSON object on stdout). Exit status: 0 ok; 1 an input could not be read, or
no article at all (nothing is written; --allow-empty writes a brief that says so); 2 usage;
4 rendering or writing; 75 another build kept the --out folder busy too long; 78 resources.

With --since, the articles come from the store (see `briefing ingest`; a missing store is
exit 3, `briefing db init` makes an empty one): those published in the window; only those
not yet extracted, or extracted by another version of briefing, its resources, the lexicon
or the extraction code, go through the pipeline (--reextract: all). That run holds the
store's lock (a second one exits 75, silently with --quiet), is silent with --quiet and
copies its messages to --log, for cron (briefing build --since last --quiet). Only a
--since last build moves the cursor where the next --since last starts; an empty window
writes nothing and leaves the cursor where it was (exit 1). Exit status there: 0 ok; 1 no
article; 2 bad --since (usage); 3 store; 4 build; 75 locked; 78 config or resources.
Such a brief also says what changed since the window of the same length just before it:
per country and per theme, its stories, claims and people killed then and now (up, down,
same, new, gone), and the prominent actors new this window; or that the store holds no
article from then. Articles of that earlier window never extracted are extracted first.

With --email, the digest of the new brief is then mailed (as `briefing email`); recipients
and SMTP settings are checked before anything is built. Exit status 5: not delivered (the
brief is kept; `briefing email --from-brief` sends it again).

Your own gazetteer entries, themes, watch-list and templates go in a folder (--resources, or
the user data folder): see --resources. A watch-list adds a "Watch list" section: each watched
actor's mentions, claims and figures, or "not mentioned this period".

Example: briefing build seeds/ --out out/
"""
AllowEmptyOption = Annotated[
    bool,
    typer.Option(
        "--allow-empty", help="With no article, write a brief that says so (exit 0) instead of exit 1."
    ),
]
FailEmptyOption = Annotated[
    bool, typer.Option("--fail-empty", hidden=True, help="No article is exit 1: now the default.")
]
EmailOption = Annotated[
    bool, typer.Option("--email", help="Then mail the digest (SMTP settings: `briefing email --help`).")
]
ReextractOption = Annotated[
    bool,
    typer.Option(
        "--reextract", help="With --since: extract every article of the window again, current or not."
    ),
]
AppendixPdfOption = Annotated[
    bool,
    typer.Option(
        "--appendix-pdf",
        help="Also write appendix.pdf: every article with its claims, figures and highlighted "
        "sentences (appendix.html is always written); brief.pdf then links to it. A long window's "
        "appendix is rendered in parts of 40 articles, one process per core, and joined (outline, "
        "links and page numbers run on); on a terminal a bar counts the parts.",
    ),
]
TitleOption = Annotated[
    str | None,
    typer.Option(
        "--title",
        help="The brief's title, on its cover and in the digest (else BRIEFING_TITLE or the config "
        "file's title), e.g. 'Gulf desk'. A logo comes from the config file's logo (an image path) "
        "or BRIEFING_LOGO.",
        show_default=False,
    ),
]
GroupByOption = Annotated[
    str | None,
    typer.Option(
        "--group-by",
        metavar="theme|country",
        help="The brief's sections after the key developments: one per theme (the default) or one "
        "per country (each story under the country it is most about; 'Other' when none). Also "
        "BRIEFING_GROUP_BY or the config file's group_by; e.g. --group-by country.",
        show_default=False,
    ),
]


@app.command(short_help="Build the brief (PDF, HTML, JSON) from files or the store.", help=BUILD_HELP)
def build(
    sources: Sources = None,
    out: OutOption = None,
    allow_empty: AllowEmptyOption = False,
    fail_empty: FailEmptyOption = False,
    arabic_digits: ArabicDigitsOption = False,
    no_pdf: NoPdfOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    quiet: QuietOption = False,
    log: LogOption = None,
    email: EmailOption = False,
    to: MailTo = None,
    reextract: ReextractOption = False,
    verbose: VerboseOption = False,
    as_json: JsonOption = False,
    resources: ResourcesOption = None,
    title: TitleOption = None,
    group_by: GroupByOption = None,
    appendix_pdf: AppendixPdfOption = False,
) -> None:
    request = Request(
        sources or [],
        out,
        since,
        until,
        db,
        log,
        quiet,
        allow_empty,
        arabic_digits,
        no_pdf,
        reextract,
        resources,
        title,
        group_by,
        appendix_pdf=appendix_pdf,
    )
    session = Session("build", quiet=quiet, verbose=verbose, as_json=as_json, log=log)
    # Recipients and SMTP settings are checked before anything is built: a cron run fails early.
    mail = (lambda: plan(to, dry_run=False, no_pdf=no_pdf, resources=resources)) if email else None
    session.run(lambda: build_and_mail(request, mail() if mail else None, session))


@dataclass(frozen=True)
class Request:
    sources: list[str]
    out: Path | None
    since: str | None
    until: str | None
    db: Path | None
    log: Path | None
    quiet: bool
    allow_empty: bool
    arabic_digits: bool
    no_pdf: bool
    reextract: bool = False
    resources: Path | None = None
    title: str | None = None
    group_by: str | None = None
    appendix_pdf: bool = False


def build_and_mail(r: Request, mail: MailPlan | None, session: Session | None = None) -> int:
    """Build from the store (--since) or from files, then mail the digest when asked."""
    from briefing.jobs import build_from_paths, build_since, check_window, run_job, user_layer
    from briefing.store import require_store

    check_group_by(r.group_by)
    if r.since is None and r.until is not None:
        raise UsageError("--until needs --since")
    if r.reextract and r.since is None:
        raise UsageError("--reextract needs --since (a build from files always extracts)")
    if r.since is not None and r.sources:
        raise UsageError("name PATHs or use --since, not both")
    check_appendix_pdf(r)
    if r.since is None and not r.sources:
        raise UsageError(
            "nothing to build: name files or folders, or take them from the store with --since 7d"
        )
    # --out, else BRIEFING_OUT or the config file's out, else out/ in the current directory.
    settings = Settings.resolve(
        db=r.db, out=r.out, log=r.log, resources=r.resources, title=r.title, group_by=r.group_by
    )
    options = build_options(r, settings)
    target = settings.out
    reporter = (session or Session("build", quiet=r.quiet, log=r.log)).reporter(settings.log)
    built: list[Path] = []  # the new brief: out/latest names it only when its period ends last
    if r.since is not None:
        since = r.since
        check_window(since, r.until)  # a usage error first, whatever the store
        require_store(settings.db)  # before the lock file is made beside it
        status = run_job(
            lambda rep: build_since(
                settings,
                since,
                r.until,
                rep,
                options=options,
                allow_empty=r.allow_empty,
                on_written=built.append,
                reextract=r.reextract,
            ),
            lock=settings.lock_path,
            reporter=reporter,
        )
    else:
        status = run_job(
            lambda rep: build_from_paths(
                r.sources,
                target,
                rep,
                options=options,
                allow_empty=r.allow_empty,
                on_written=built.append,
                layer=user_layer(settings),
            ),
            reporter=reporter,
        )
    if mail is None or status != 0:
        return status
    brief_dir = built[-1] if built else target / "latest"
    return mail_after_build(mail, brief_dir, arabic_digits=r.arabic_digits, reporter=reporter)


def check_group_by(value: str | None) -> None:
    """A usage error (one line) for a --group-by other than theme or country."""
    if value is not None and value.strip().lower() not in GROUP_BY:
        raise UsageError(f"--group-by {value!r}: expected {' or '.join(GROUP_BY)}")


def build_options(r: Request, settings: Settings) -> BuildOptions:
    """What the build is asked for, from the request and the settings it resolved."""
    from briefing.jobs import BuildOptions
    from briefing.model.brief import ComposeOptions

    return BuildOptions(
        arabic_digits=r.arabic_digits,
        pdf=not r.no_pdf,
        title=settings.title,
        logo=settings.logo,
        compose=ComposeOptions(group_by=settings.group_by),
        appendix_pdf=r.appendix_pdf,
    )


def check_appendix_pdf(r: Request) -> None:
    """A usage error for --appendix-pdf with --no-pdf: brief.pdf is what links to appendix.pdf."""
    if r.appendix_pdf and r.no_pdf:
        raise UsageError("--appendix-pdf needs the PDF: drop --no-pdf (appendix.html is always written)")
