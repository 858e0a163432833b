"""The email digest of a brief: its HTML (CSS inlined) and text bodies, subject, and sending it.

The digest is the brief proper cut down for a mail client, in both languages: the opening
paragraph, the key developments with their citations (linked to the articles on the web), the
key figures, and the headlines of the other stories. It is rendered with the
brief's own Jinja2 environment (render.Renderer: catalogs, filters, autoescape), from a Brief
in memory or from a built brief's brief.json, so a failed delivery can be retried later
without rebuilding anything.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from markupsafe import Markup

from briefing.deliver.mail import (
    Attachment,
    SmtpSettings,
    build_message,
    parse_address,
    parse_addresses,
    send_message,
    write_eml,
)
from briefing.errors import (
    AddressError,
    BriefFileError,
    ConfigError,
    ExitCode,
    MailDeliveryError,
    RenderError,
)
from briefing.model.brief import Brief
from briefing.render import Renderer
from briefing.render.view import brief_view

MAX_KEY_FIGURES = 8
MAX_OTHER_STORIES = 8  # headlines after the key developments; the PDF has the rest
DRY_RUN_SENDER = "briefing@localhost"
EML_NAME = "digest.eml"
LOGO_CID = "logo@briefing"  # the user's logo, a related part of the HTML body (mail clients block data: URIs)


@dataclass(frozen=True)
class Digest:
    subject: str
    html: str  # one page, every style inlined
    text: str


def _context(brief: Brief, *, arabic_digits: bool, pdf_attached: bool) -> dict[str, Any]:
    others = brief.stories[:MAX_OTHER_STORIES]
    return {
        "brief": brief,
        "period": (date.fromisoformat(brief.period_start), date.fromisoformat(brief.period_end)),
        "generated": datetime.fromisoformat(brief.generated),
        "arabic_digits": arabic_digits,
        "pdf_attached": pdf_attached,
        "key_figures": brief.key_figure_lines[:MAX_KEY_FIGURES],
        "others": others,
        "more": len(brief.stories) - len(others),
        "cited": brief_view(brief).cited,  # the text body's list of the articles it cites
        "logo_cid": LOGO_CID,
    }


def render_digest(
    brief: Brief, renderer: Renderer | None = None, *, arabic_digits: bool = False, pdf_attached: bool = True
) -> Digest:
    """Subject, inlined HTML and plain text of the digest of `brief`."""
    import css_inline

    renderer = renderer or Renderer()
    ctx = _context(brief, arabic_digits=arabic_digits, pdf_attached=pdf_attached)
    try:
        css = (renderer.paths.styles / "digest.css").read_text(encoding="utf-8")
        env = renderer.env
        html = env.get_template("digest.html").render(css=Markup(css), **ctx)  # our file, not input
        text = env.get_template("digest.txt").render(**ctx)
        subject = str(env.get_template("_digest.html").make_module(ctx).subject())  # type: ignore[attr-defined]
    except OSError as exc:
        raise RenderError(f"digest: {exc.filename}: {exc.strerror or exc}") from exc
    except Exception as exc:  # Jinja2 raises several kinds; the caller needs one
        raise RenderError(f"digest: {type(exc).__name__}: {exc}") from exc
    inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)
    try:
        html = inliner.inline(html)
    except css_inline.InlineError as exc:
        raise RenderError(f"digest: inlining styles/digest.css: {exc}") from exc
    return Digest(subject=" ".join(subject.split()), html=html, text=_tidy_text(text))


def _tidy_text(text: str) -> str:
    """No trailing blanks, at most two empty lines in a row, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and len(out) >= 2 and not out[-1] and not out[-2]:
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


# ------------------------------------------------------------------ a built brief, from disk


@dataclass(frozen=True)
class BuiltBrief:
    directory: Path  # out/<period>, links resolved
    brief: Brief
    pdf: bytes | None  # None when the build made none


def load_built_brief(directory: Path, *, max_age: timedelta | None = None) -> BuiltBrief:
    """The brief in `directory` (out/latest, out/<period>): brief.json, and brief.pdf when present.

    With `max_age`, a brief.json older than that is refused (BriefFileError), so that a stale
    brief is not mailed as this week's.
    """
    real = directory.resolve()
    path = real / "brief.json"
    try:
        stat = path.stat()
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BriefFileError(f"{directory}: no brief.json here (build one with `briefing build`)") from None
    except OSError as exc:
        raise BriefFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BriefFileError(f"{path}: not valid JSON: {exc}") from None
    if max_age is not None:
        age = time.time() - stat.st_mtime
        if age > max_age.total_seconds():
            hours = age / 3600
            raise BriefFileError(
                f"{path}: built {hours:.0f} hours ago, older than {max_age.total_seconds() / 3600:g} hours; "
                "name PATHs or --since to build a new one, or --from-brief to send it anyway"
            )
    try:
        brief = Brief.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise BriefFileError(f"{path}: not a brief of this version of briefing ({exc})") from None
    pdf_path = real / "brief.pdf"
    pdf: bytes | None = None
    # A brief.pdf older than brief.json belongs to an earlier build (written by hand, or a copy).
    if pdf_path.is_file() and pdf_path.stat().st_mtime >= stat.st_mtime - 60:
        pdf = pdf_path.read_bytes()
    return BuiltBrief(real, brief, pdf)


# ------------------------------------------------------------------ the message, and sending it


def pdf_filename(brief: Brief) -> str:
    if brief.period_start == brief.period_end:
        return f"brief-{brief.period_end}.pdf"
    return f"brief-{brief.period_start}--{brief.period_end}.pdf"


def digest_message(
    built: BuiltBrief,
    *,
    sender: Address,
    recipients: Sequence[Address],
    attach_pdf: bool = True,
    renderer: Renderer | None = None,
    arabic_digits: bool = False,
    now: datetime | None = None,
) -> EmailMessage:
    """The digest of a built brief as a MIME message (text + HTML alternatives, PDF attached)."""
    pdf = built.pdf if attach_pdf else None
    digest = render_digest(built.brief, renderer, arabic_digits=arabic_digits, pdf_attached=pdf is not None)
    attachments = [Attachment(pdf_filename(built.brief), pdf)] if pdf is not None else []
    message = build_message(
        sender=sender,
        recipients=recipients,
        subject=digest.subject,
        text=digest.text,
        html=digest.html,
        attachments=attachments,
        date=now,
    )
    if built.brief.logo:
        _relate_logo(message, built.brief.logo)
    return message


def _relate_logo(message: EmailMessage, data_uri: str) -> None:
    """The logo as an inline image of the HTML body (multipart/related), which `cid:` names."""
    import base64

    head, _, payload = data_uri.partition(",")
    maintype, _, subtype = head.removeprefix("data:").removesuffix(";base64").partition("/")
    body = message.get_body(("html",))
    if body is not None:
        image = base64.b64decode(payload)
        body.add_related(image, maintype=maintype, subtype=subtype, cid=f"<{LOGO_CID}>", disposition="inline")


@dataclass(frozen=True)
class Sent:
    message: EmailMessage
    delivered: tuple[str, ...]  # empty for a dry run
    eml: Path | None  # the .eml written by a dry run


def send_digest(
    built: BuiltBrief,
    recipients: Sequence[Address],
    settings: SmtpSettings,
    *,
    attach_pdf: bool = True,
    dry_run: bool = False,
    renderer: Renderer | None = None,
    arabic_digits: bool = False,
    say: Callable[[str], None] = lambda _m: None,
    sleep: Callable[[float], None] = time.sleep,
) -> Sent:
    """Mail the digest of `built` (or, with dry_run, write it to <brief dir>/digest.eml).

    Raises ConfigError (settings), AddressError, RenderError or mail.MailDeliveryError; the built
    brief is never touched, so the same call can simply be made again.
    """
    if dry_run:
        sender = parse_address(settings.mail_from or DRY_RUN_SENDER, what="BRIEFING_MAIL_FROM")
    else:
        settings.check_for_sending()
        sender = parse_address(settings.mail_from or "", what="BRIEFING_MAIL_FROM")
    if attach_pdf and built.pdf is None:
        say(f"{built.directory}: no brief.pdf from this build; sending the digest without it")
    msg = digest_message(
        built,
        sender=sender,
        recipients=recipients,
        attach_pdf=attach_pdf,
        renderer=renderer,
        arabic_digits=arabic_digits,
    )
    if dry_run:
        path = write_eml(msg, built.directory / EML_NAME)
        say(f"dry run: wrote {path} ({len(msg.as_bytes()) // 1024} KiB); nothing sent")
        return Sent(msg, (), path)
    size = len(msg.as_bytes())
    say(
        f"mail: sending to {', '.join(a.addr_spec for a in recipients)} via "
        f"{settings.host}:{settings.effective_port} ({size // 1024} KiB)"
    )
    delivered = send_message(msg, settings, sleep=sleep, say=say)
    return Sent(msg, delivered, None)


# ------------------------------------------------------------------ for the command line


@dataclass(frozen=True)
class MailPlan:
    """Who gets the digest and how, checked before anything is built (a cron run fails early)."""

    recipients: tuple[Address, ...]
    settings: SmtpSettings
    dry_run: bool = False
    attach_pdf: bool = True
    templates: Path | None = None  # the user's templates/ (resources/user.py), before the packaged ones


def plan_mail(
    to: str | None,
    *,
    dry_run: bool = False,
    attach_pdf: bool = True,
    environ: Mapping[str, str] | None = None,
) -> MailPlan:
    """Recipients (--to, else BRIEFING_MAIL_TO / [smtp] to) and SMTP settings, all checked.

    Raises AddressError (a bad or missing address, a header injection) or ConfigError.
    """
    settings = SmtpSettings.resolve(environ)
    if to is not None:
        recipients = parse_addresses(to, what="--to")
    elif settings.mail_to:
        recipients = parse_addresses(settings.mail_to, what="BRIEFING_MAIL_TO")
    else:
        raise AddressError("no recipient: give --to a@example.org,b@example.org or set BRIEFING_MAIL_TO")
    parse_address(settings.mail_from or DRY_RUN_SENDER, what="BRIEFING_MAIL_FROM")
    if not dry_run:
        settings.check_for_sending()
    return MailPlan(recipients, settings, dry_run=dry_run, attach_pdf=attach_pdf)


def mail_built_brief(
    plan: MailPlan,
    directory: Path,
    *,
    max_age: timedelta | None = None,
    arabic_digits: bool = False,
    say: Callable[[str], None] = lambda _m: None,
    error: Callable[[str], None] = lambda _m: None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Send (or, dry run, write) the digest of the brief built in `directory`; the exit status.

    Every failure is one line through `error`; a delivery failure also says where the brief is
    kept and the command that sends it again without rebuilding.
    """
    try:
        built = load_built_brief(directory, max_age=max_age)
    except BriefFileError as exc:
        error(str(exc))
        return ExitCode.INPUT
    try:
        sent = send_digest(
            built,
            plan.recipients,
            plan.settings,
            attach_pdf=plan.attach_pdf,
            dry_run=plan.dry_run,
            arabic_digits=arabic_digits,
            say=say,
            sleep=sleep,
            renderer=Renderer(templates=plan.templates) if plan.templates else None,
        )
    except ConfigError as exc:
        error(str(exc))
        return ExitCode.CONFIG
    except AddressError as exc:
        error(str(exc))
        return ExitCode.INPUT
    except RenderError as exc:
        error(str(exc))
        return ExitCode.BUILD
    except MailDeliveryError as exc:
        kind = "temporary failure, retries used up" if exc.temporary else "permanent failure"
        error(f"mail not delivered ({kind}): {exc}")
        to = ",".join(a.addr_spec for a in plan.recipients if a.addr_spec not in exc.delivered)
        error(
            f"the brief is kept in {built.directory}/; send it again without rebuilding: "
            f"briefing email --to {to} --from-brief {built.directory}"
        )
        return ExitCode.MAIL
    if sent.delivered:
        say(f"mail: delivered to {', '.join(sent.delivered)}")
    return 0
