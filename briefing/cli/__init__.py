"""The `briefing` command line: one thin wrapper per job; the work lives in the library modules.

Heavy libraries (spaCy, camel-tools, WeasyPrint) are imported inside the commands, so that
`briefing --help` answers at once.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefing import __version__

if TYPE_CHECKING:
    from briefing.build import BuildOptions

app = typer.Typer(
    name="briefing",
    help=(
        "Turn Arabic news into a bilingual Arabic/English intelligence brief.\n\n"
        "Pipeline: ingest → store → extract (actors, claims, figures, themes) → compose → "
        "render (HTML, PDF) → deliver (files under out/, email).\n\n"
        "Example: briefing extract seeds/ --format table"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: paragraphs are re-flowed to the terminal instead of keeping source line breaks.
    rich_markup_mode=None,
)


def _err(message: str) -> None:
    typer.echo(message, err=True)


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


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Text files, or folders whose *.txt files are read.", show_default=False),
    ],
    fmt: Annotated[
        ExtractFormat,
        typer.Option(
            "--format", "-f", help="jsonl: one contract object per article (CONTRACT.md); table: for people."
        ),
    ] = ExtractFormat.table,
) -> None:
    """Extract actors, claims, figures and themes from Arabic articles.

    Prints one result per article. A file that cannot be read gives a one-line reason on
    standard error (and an {"article", "error"} line in jsonl); the others go on. Exit status
    1 if any file failed, else 0.

    Example: briefing extract seeds/ --format jsonl > out/seeds.jsonl
    """
    from briefing.errors import ResourceError
    from briefing.extract import ReadError, collect_paths, extract_articles, read_article, to_jsonl
    from briefing.pipeline import build_nlp
    from briefing.resources import Resources
    from briefing.table import format_extraction

    files = collect_paths(paths)
    if not files:
        _err("no input files: name text files or folders holding *.txt files")
        raise typer.Exit(1)
    records = [read_article(p, _err) for p in files]
    failed = 0
    for rec in records:
        if isinstance(rec, ReadError):
            failed += 1
            _err(rec.message())
    try:
        resources = Resources.load()
    except ResourceError as exc:
        _err(f"resources: {exc}")
        raise typer.Exit(2) from exc
    nlp = build_nlp(resources)
    articles = [r for r in records if not isinstance(r, ReadError)]
    results = iter(extract_articles(nlp, articles, resources.version))
    out = sys.stdout
    for rec in records:
        item = rec if isinstance(rec, ReadError) else next(results)
        if fmt is ExtractFormat.jsonl:
            out.write(to_jsonl(item) + "\n")
        elif not isinstance(item, ReadError):
            out.write(format_extraction(item) + "\n")
        out.flush()
    raise typer.Exit(1 if failed else 0)


OUT_DIR = Path("out")

# The store window, shared by `build` and `email`.
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


@app.command()
def build(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Text files, or folders whose *.txt files are read (none with --since).",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder for <date>/ and latest (default out/; with --since, BRIEFING_OUT …).",
            show_default=False,
        ),
    ] = None,
    fail_empty: Annotated[
        bool,
        typer.Option("--fail-empty", help="Exit 1 when there is no article (the brief still says so)."),
    ] = False,
    arabic_digits: Annotated[
        bool,
        typer.Option("--arabic-digits", help="Arabic-Indic digits (٠١٢…) in Arabic text, not in quotes."),
    ] = False,
    no_pdf: Annotated[bool, typer.Option("--no-pdf", help="Write brief.html and brief.json only.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    quiet: QuietOption = False,
    log: LogOption = None,
    email: Annotated[
        bool, typer.Option("--email", help="Then mail the digest (SMTP settings: `briefing email --help`).")
    ] = False,
    to: Annotated[
        str | None,
        typer.Option("--to", help="With --email: a@x,b@y (else BRIEFING_MAIL_TO).", show_default=False),
    ] = None,
) -> None:
    """Compose one bilingual brief from articles: out/<date>/brief.pdf, brief.html, brief.json.

    Reads the files, extracts actors, claims, figures and themes, composes the brief and writes
    it atomically (a failed run leaves the previous brief intact); out/latest then names the
    newest brief. Progress goes to standard error. Exit status: 0 ok; 1 a file could not be read
    (nothing is written) or, with --fail-empty, no article; 2 resources; 4 rendering or writing.

    With --since, the articles come from the store (see `briefing ingest`): those published in
    the window; only those not yet extracted (or extracted with older resources) go through the
    pipeline. That run holds a lock (a second one exits 75), is silent with --quiet and copies
    its messages to --log, for cron (briefing build --since last --quiet). Exit status there:
    0 ok; 1 bad --since; 2 config or resources; 3 store; 4 build; 75 locked.

    With --email, the digest of the new brief is then mailed (as `briefing email`); recipients
    and SMTP settings are checked before anything is built. Exit status 5: not delivered (the
    brief is kept; `briefing email --from-brief` sends it again).

    Example: briefing build seeds/ --out out/
    """
    from briefing.build import BuildOptions, build_brief
    from briefing.errors import RenderError, WriteError
    from briefing.extract import ReadError, collect_paths, extract_articles, read_article
    from briefing.model.contract import Extraction

    mail = _plan_mail(to, dry_run=False, no_pdf=no_pdf) if email else None
    if since is not None or until is not None:
        options = BuildOptions(arabic_digits=arabic_digits, pdf=not no_pdf)
        status = _build_since(paths, since, until, out, db, quiet, log, fail_empty, options)
        if mail is not None and status == 0:
            latest = _settings_out(out, db, log) / "latest"
            status = _mail_built(mail, latest, quiet=quiet, arabic_digits=arabic_digits)
        raise typer.Exit(status)
    if not paths:
        _err("nothing to build: name text files or folders, or take them from the store with --since 7d")
        raise typer.Exit(1)
    out = out or OUT_DIR
    files = collect_paths(paths)
    _err(f"reading {len(files)} files")
    records = [read_article(p, _err) for p in files]
    failed = [r for r in records if isinstance(r, ReadError)]
    for rec in failed:
        _err(rec.message())
    if failed:
        _err(f"{len(failed)} of {len(records)} files could not be read; no brief written")
        raise typer.Exit(1)
    articles = [r for r in records if not isinstance(r, ReadError)]
    extractions: list[Extraction] = []
    if articles:
        from briefing.errors import ResourceError
        from briefing.pipeline import build_nlp
        from briefing.resources import Resources

        try:
            resources = Resources.load()
        except ResourceError as exc:
            _err(f"resources: {exc}")
            raise typer.Exit(2) from exc
        nlp = build_nlp(resources)
        step = max(1, len(articles) // 10)
        for i, ext in enumerate(extract_articles(nlp, articles, resources.version), 1):
            extractions.append(ext)
            if i % step == 0 or i == len(articles):
                _err(f"extracted {i}/{len(articles)}")
    try:
        day_dir = build_brief(
            extractions, out, options=BuildOptions(arabic_digits=arabic_digits, pdf=not no_pdf), progress=_err
        )
    except (RenderError, WriteError) as exc:
        _err(f"build failed: {exc}")
        raise typer.Exit(4) from exc
    _err(f"wrote {day_dir}/ ({len(extractions)} articles); {out / 'latest'} → {day_dir.name}")
    if not extractions:
        _err("no articles: the brief says so")
        if fail_empty:
            raise typer.Exit(1)
    if mail is not None:
        raise typer.Exit(_mail_built(mail, day_dir, arabic_digits=arabic_digits))


# --- ingest and the store (cron-safe: a lock, exit codes, --quiet, --log) ---------------------

EXIT_CODES_HELP = (
    "Exit status: 0 ok; 1 an input failed (the others went on); 2 config or resources; "
    "3 store (corrupt or locked database); 4 build; 75 another run holds the lock."
)

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


def _build_since(
    paths: list[Path] | None,
    since: str | None,
    until: str | None,
    out: Path | None,
    db: Path | None,
    quiet: bool,
    log: Path | None,
    fail_empty: bool,
    options: BuildOptions,
) -> int:
    """`build --since`: settings resolved, then cron.build_since under the store's lock."""
    from briefing.config import Settings
    from briefing.errors import ConfigError, ExitCode
    from briefing.jobs import build_since, run_job

    if paths:
        _err("name PATHs or use --since, not both")
        return ExitCode.INPUT
    if since is None:
        _err("--until needs --since")
        return ExitCode.INPUT
    try:
        settings = Settings.resolve(db=db, out=out, log=log)
    except ConfigError as exc:
        _err(str(exc))
        return ExitCode.CONFIG
    return run_job(
        lambda reporter: build_since(
            settings,
            since,
            until,
            reporter,
            options=options,
            fail_empty=fail_empty,
        ),
        quiet=quiet,
        log=settings.log,
        lock=settings.lock_path,
    )


# --- the email digest --------------------------------------------------------------------------


def _plan_mail(to: str | None, *, dry_run: bool, no_pdf: bool) -> object:
    """Recipients and SMTP settings, checked before anything is built; bad ones exit 1 or 2."""
    from briefing.deliver.digest import plan_mail
    from briefing.errors import AddressError, ConfigError

    try:
        return plan_mail(to, dry_run=dry_run, attach_pdf=not no_pdf)
    except AddressError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc


def _settings_out(out: Path | None, db: Path | None, log: Path | None) -> Path:
    from briefing.config import Settings
    from briefing.errors import ConfigError

    try:
        return Settings.resolve(db=db, out=out, log=log).out
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc


def _mail_built(
    plan: object,
    directory: Path,
    *,
    max_age_hours: float | None = None,
    quiet: bool = False,
    arabic_digits: bool = False,
) -> int:
    from datetime import timedelta

    from briefing.deliver.digest import MailPlan, mail_built_brief

    assert isinstance(plan, MailPlan)
    return mail_built_brief(
        plan,
        directory,
        max_age=timedelta(hours=max_age_hours) if max_age_hours else None,
        arabic_digits=arabic_digits,
        say=(lambda _m: None) if quiet else _err,
        error=_err,
    )


@app.command()
def email(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Build the brief from these files or folders first (as `briefing build`).",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Recipients: a@example.org,b@example.org (else BRIEFING_MAIL_TO).",
            show_default=False,
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    from_brief: Annotated[
        Path | None,
        typer.Option(
            "--from-brief",
            help="Send this built brief as it is (out/latest, out/<date>): no rebuild.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Folder of the builds (default out/, or BRIEFING_OUT …).", show_default=False
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write digest.eml next to the brief; send nothing.")
    ] = False,
    no_pdf: Annotated[bool, typer.Option("--no-pdf", help="Do not attach (or build) brief.pdf.")] = False,
    max_age: Annotated[
        float,
        typer.Option(
            "--max-age", help="Hours: with no PATH, --since or --from-brief, send out/latest if no older."
        ),
    ] = 24.0,
    db: DbOption = None,
    quiet: QuietOption = False,
    log: LogOption = None,
) -> None:
    """Mail the brief's digest: key developments, key figures and headlines, PDF attached.

    The digest is bilingual HTML (styles inlined, Arabic right-to-left) with a plain-text
    alternative; the subject gives the period in both languages. The brief is built first from
    PATHs or from the store (--since, as `briefing build`), or taken as built: --from-brief
    DIR, or out/latest when it is fresh (--max-age). Temporary SMTP failures (4xx, refused
    connection, timeout) are retried with backoff; a permanent one (5xx) stops. Either way the
    brief is kept and --from-brief sends it again. SMTP settings: BRIEFING_SMTP_HOST, _PORT,
    _SECURITY (starttls | ssl | none), _USER, BRIEFING_SMTP_PASSWORD or _PASSWORD_FILE,
    BRIEFING_MAIL_FROM, or the config file's [smtp] table; never a password flag. Exit status:
    0 sent; 1 bad address or input; 2 config; 3 store; 4 build; 5 not delivered; 75 locked.

    Example: briefing email --to a@example.org,b@example.org --since 7d
    """
    given = [name for name, v in (("PATH", paths), ("--since", since), ("--from-brief", from_brief)) if v]
    if len(given) > 1:
        _err(f"name one of PATH…, --since or --from-brief, not {' and '.join(given)}")
        raise typer.Exit(1)
    plan = _plan_mail(to, dry_run=dry_run, no_pdf=no_pdf)
    if from_brief is not None:
        raise typer.Exit(_mail_built(plan, from_brief, quiet=quiet))
    if paths or since is not None or until is not None:
        try:
            build(paths=paths, out=out, no_pdf=no_pdf, since=since, until=until, db=db, quiet=quiet, log=log)
        except typer.Exit as exc:
            if exc.exit_code:
                raise
        base = (out or OUT_DIR) if paths else _settings_out(out, db, log)
        raise typer.Exit(_mail_built(plan, base / "latest", quiet=quiet))
    latest = (out or _settings_out(out, db, log)) / "latest"
    raise typer.Exit(_mail_built(plan, latest, max_age_hours=max_age, quiet=quiet))


@app.command()
def ingest(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders, or http(s) URLs: text (.txt, front matter or sidecar .json), HTML pages, "
            "RSS/Atom feeds, corpus JSONL. None: the config file's sources.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    quiet: QuietOption = False,
    log: LogOption = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", help="Seconds to wait for one URL (default 20).", show_default=False),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", help="Largest file, page or feed (default 5 MB).", show_default=False),
    ] = None,
    keep_boilerplate: Annotated[
        bool, typer.Option("--keep-boilerplate", help="Store texts as read ('read also' links and all).")
    ] = False,
) -> None:
    """Read articles into the store; duplicates (same text or URL) are stored once and counted.

    Reports added / duplicate / failed counts and, on long runs, progress (stderr). A file, URL
    or feed entry that fails gives one line and the rest goes on. Settings come from flags, then
    BRIEFING_* variables, then the config file (BRIEFING_CONFIG or ~/.config/briefing/config.toml).
    Exit status: 0 ok; 1 an input failed; 2 config; 3 store; 75 another run holds the lock.

    Example: briefing ingest ../shared/corpus/articles.jsonl https://www.example.com/rss.xml --db news.db
    """
    from briefing.config import Settings
    from briefing.errors import ConfigError, ExitCode
    from briefing.ingest import run_ingest
    from briefing.jobs import run_job

    try:
        settings = Settings.resolve(db=db, log=log, timeout=timeout, max_bytes=max_bytes)
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(ExitCode.CONFIG) from exc
    names = list(sources or settings.sources)
    if not names:
        _err("nothing to ingest: name files, folders or URLs, or set `sources` in the config file")
        raise typer.Exit(ExitCode.INPUT)
    status = run_job(
        lambda reporter: run_ingest(settings, names, reporter, clean=not keep_boilerplate),
        quiet=quiet,
        log=settings.log,
        lock=settings.lock_path,
    )
    raise typer.Exit(status)


db_app = typer.Typer(
    help="Look after the store: counts, integrity.\n\nExample: briefing db stats --db news.db",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(db_app, name="db")


@db_app.command("stats")
def db_stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object instead of lines.")] = False,
) -> None:
    """Counts of the store: articles, duplicates seen, dates, extractions (current ones too), builds.

    Example: briefing db stats --db news.db
    """
    import json

    from briefing.config import Settings
    from briefing.errors import ConfigError, ExitCode, ResourceError, StoreError
    from briefing.resources import Resources
    from briefing.store import Store

    try:
        settings = Settings.resolve(db=db)
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(ExitCode.CONFIG) from exc
    if not settings.db.exists():
        _err(f"{settings.db}: no store there yet (`briefing ingest` creates it)")
        raise typer.Exit(ExitCode.STORE)
    try:
        version: str | None = Resources.load().version
    except ResourceError:
        version = None
    try:
        with Store.open(settings.db) as store:
            stats = store.stats(version)
    except StoreError as exc:
        _err(str(exc))
        raise typer.Exit(ExitCode.STORE) from exc
    if as_json:
        typer.echo(json.dumps(stats, ensure_ascii=False))
        return
    for key, value in stats.items():
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        typer.echo(f"{key:<20} {value}")


@db_app.command("check")
def db_check(db: DbOption = None) -> None:
    """SQLite's integrity and foreign-key checks; exit status 3 when they find a problem.

    Example: briefing db check --db news.db
    """
    from briefing.config import Settings
    from briefing.errors import ConfigError, ExitCode, StoreError
    from briefing.store import Store

    try:
        settings = Settings.resolve(db=db)
        with Store.open(settings.db) as store:
            problems = store.check()
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(ExitCode.CONFIG) from exc
    except StoreError as exc:
        _err(str(exc))
        raise typer.Exit(ExitCode.STORE) from exc
    for problem in problems:
        _err(f"{settings.db}: {problem}")
    if problems:
        raise typer.Exit(ExitCode.STORE)
    typer.echo(f"{settings.db}: ok")
