"""Send a digest by email: SMTP settings, address checks, the MIME message, delivery with retries.

Nothing here knows what a brief is: the caller hands over a subject, a text and an HTML body
and the attachments. Headers are built with `email.message.EmailMessage` (RFC 2047 encoding of
the bilingual subject, RFC 5322 addresses) and every value that reaches a header is checked
first, so a line break smuggled into a subject or an address is refused, not sent.

Delivery follows SMTP's own split: a 4xx reply, a refused or timed-out connection are
temporary and retried with exponential backoff; a 5xx reply is permanent and stops at once.
"""

from __future__ import annotations

import ipaddress
import os
import re
import smtplib
import socket
import ssl
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from typing import Any

from briefing.config import config_file_path, convert, read_toml
from briefing.errors import AddressError, ConfigError, HeaderInjectionError, MailDeliveryError
from briefing.net import Deadline

SECURITY_MODES = ("starttls", "ssl", "none")
# A whole SMTP session may take this many times BRIEFING_SMTP_TIMEOUT (which bounds each operation).
SESSION_TIMEOUTS = 4
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}

# Control characters end or fold a header line in one mail program or another.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")


# ----------------------------------------------------------------------------- addresses


def check_header_value(name: str, value: str) -> str:
    """`value` unchanged, or HeaderInjectionError when it could end the header line."""
    if _CONTROL.search(value):
        raise HeaderInjectionError(f"{name}: refused, it holds a line break or control character: {value!r}")
    return value


def parse_address(text: str, *, what: str = "address") -> Address:
    """One mailbox, `a@example.org` or `Name <a@example.org>`; AddressError when it is not one."""
    check_header_value(what, text)
    item = text.strip()
    if not item:
        raise AddressError(f"{what}: empty address")
    if "<" in item or ">" in item:
        name, spec = parseaddr(item)
        if not spec or not item.endswith(">"):
            raise AddressError(f"{what}: not an address: {text!r}")
    else:
        name, spec = "", item
    if any(ch.isspace() for ch in spec) or spec.count("@") != 1:
        raise AddressError(f"{what}: not an address: {text!r}")
    if not spec.isascii():
        raise AddressError(f"{what}: only ASCII addresses are supported: {text!r}")
    try:
        address = Address(display_name=name, addr_spec=spec)
    except (ValueError, IndexError, HeaderParseError) as exc:
        raise AddressError(f"{what}: not an address: {text!r} ({exc})") from None
    if not address.username or not address.domain or address.domain.startswith(".") or ".." in address.domain:
        raise AddressError(f"{what}: not an address: {text!r}")
    return address


def parse_addresses(text: str | Sequence[str], *, what: str = "--to") -> tuple[Address, ...]:
    """Addresses from `a@x,b@y` (or a list of such strings); AddressError on any bad one or none."""
    items = [text] if isinstance(text, str) else list(text)
    out: list[Address] = []
    for chunk in items:
        check_header_value(what, chunk)
        for part in chunk.split(","):
            if part.strip():
                out.append(parse_address(part, what=what))
    if not out:
        raise AddressError(f"{what}: no address given")
    seen: set[str] = set()
    unique = []
    for a in out:
        if a.addr_spec.lower() not in seen:
            seen.add(a.addr_spec.lower())
            unique.append(a)
    return tuple(unique)


# ----------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class SmtpSettings:
    """How to reach the mail server, each from BRIEFING_<NAME>, else the config file's [smtp] table.

    host        BRIEFING_SMTP_HOST        server name (required to send; not for --dry-run)
    port        BRIEFING_SMTP_PORT        default 587 (starttls), 465 (ssl), 25 (none)
    security    BRIEFING_SMTP_SECURITY    starttls | ssl | none (default starttls)
    user        BRIEFING_SMTP_USER        login name; no login when unset
    password    BRIEFING_SMTP_PASSWORD, or the file BRIEFING_SMTP_PASSWORD_FILE / [smtp] password_file;
                never a flag, never the config file itself
    mail_from   BRIEFING_MAIL_FROM        From address (required to send)
    mail_to     BRIEFING_MAIL_TO          recipients when --to is not given (a@x,b@y)
    timeout     BRIEFING_SMTP_TIMEOUT     seconds per network operation (default 30)
    retries     BRIEFING_SMTP_RETRIES     further attempts after a temporary failure (default 3)
    backoff     BRIEFING_SMTP_BACKOFF     seconds before the first retry, doubled each time (default 30)
    """

    host: str | None = None
    port: int | None = None
    security: str = "starttls"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    mail_from: str | None = None
    mail_to: tuple[str, ...] = ()
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 30.0

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]

    def delays(self) -> list[float]:
        """Seconds to wait before each retry."""
        return [self.backoff * 2**i for i in range(self.retries)]

    @classmethod
    def resolve(
        cls, environ: Mapping[str, str] | None = None, config_path: Path | None = None
    ) -> SmtpSettings:
        """Settings from the environment over the config file's [smtp] table over the defaults."""
        env = os.environ if environ is None else environ
        path = config_path or config_file_path()
        table = _read_smtp_table(path)
        values: dict[str, Any] = {}
        for name, (var, kind) in _SETTINGS.items():
            if env.get(var):
                raw, where = env[var], var
            elif name in table:
                raw, where = table[name], f"{path}: [smtp] {name}"
            else:
                continue
            values[name] = convert(raw, kind, where)
        if "security" in values and values["security"] not in SECURITY_MODES:
            raise ConfigError(
                f"{_where('security', env, path)}: {values['security']!r}: "
                f"expected one of {', '.join(SECURITY_MODES)}"
            )
        if env.get("BRIEFING_SMTP_PASSWORD"):
            values["password"] = env["BRIEFING_SMTP_PASSWORD"]
        else:
            pw_file = env.get("BRIEFING_SMTP_PASSWORD_FILE") or table.get("password_file")
            if pw_file:
                values["password"] = _read_password(Path(str(pw_file)).expanduser())
        return cls(**values)

    def check_for_sending(self) -> None:
        """ConfigError unless everything needed to send is there and safe."""
        if not self.host:
            raise ConfigError(
                "no SMTP server: set BRIEFING_SMTP_HOST (or host in the config file's [smtp] table)"
            )
        check_header_value("BRIEFING_SMTP_HOST", self.host)
        if not self.mail_from:
            raise ConfigError("no sender: set BRIEFING_MAIL_FROM (or from in the config file's [smtp] table)")
        if self.user and self.password is None:
            raise ConfigError(
                "BRIEFING_SMTP_USER is set but there is no password: set BRIEFING_SMTP_PASSWORD "
                "or BRIEFING_SMTP_PASSWORD_FILE"
            )
        if self.user and self.security == "none" and not _is_loopback(self.host):
            raise ConfigError(
                f"refusing to send the SMTP password to {self.host} unencrypted: "
                "set BRIEFING_SMTP_SECURITY to starttls or ssl"
            )


_SETTINGS: dict[str, tuple[str, str]] = {
    "host": ("BRIEFING_SMTP_HOST", "str"),
    "port": ("BRIEFING_SMTP_PORT", "port"),
    "security": ("BRIEFING_SMTP_SECURITY", "lower"),
    "user": ("BRIEFING_SMTP_USER", "str"),
    "mail_from": ("BRIEFING_MAIL_FROM", "str"),
    "mail_to": ("BRIEFING_MAIL_TO", "addresses"),
    "timeout": ("BRIEFING_SMTP_TIMEOUT", "timeout"),
    "retries": ("BRIEFING_SMTP_RETRIES", "retries"),
    "backoff": ("BRIEFING_SMTP_BACKOFF", "backoff"),
}
# Names in the config file's [smtp] table (`from`/`to` read better there than mail_from/mail_to).
_TABLE_ALIASES = {"from": "mail_from", "to": "mail_to"}
_TABLE_KEYS = set(_SETTINGS) | set(_TABLE_ALIASES) | {"password_file"}


def _where(name: str, env: Mapping[str, str], path: Path) -> str:
    var = _SETTINGS[name][0]
    return var if env.get(var) else f"{path}: [smtp] {name}"


def _read_smtp_table(path: Path) -> dict[str, Any]:
    data = read_toml(path)
    table = data.get("smtp", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: smtp: expected a table ([smtp])")
    if "password" in table:
        raise ConfigError(
            f"{path}: [smtp] password: passwords are not read from the config file; "
            "use BRIEFING_SMTP_PASSWORD or password_file"
        )
    unknown = sorted(set(table) - _TABLE_KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: [smtp]: unknown setting(s) {', '.join(unknown)} "
            f"(known: {', '.join(sorted(_TABLE_KEYS))})"
        )
    return {(_TABLE_ALIASES[k] if k in _TABLE_ALIASES else k): v for k, v in table.items()}


def _read_password(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the SMTP password file: {exc.strerror or exc}") from exc
    return text.rstrip("\r\n")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ----------------------------------------------------------------------------- the message


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    maintype: str = "application"
    subtype: str = "pdf"


def build_message(
    *,
    sender: Address,
    recipients: Sequence[Address],
    subject: str,
    text: str,
    html: str,
    attachments: Sequence[Attachment] = (),
    date: datetime | None = None,
    languages: str = "en, ar",
) -> EmailMessage:
    """multipart/mixed [multipart/alternative [text/plain, text/html], attachments…]."""
    check_header_value("subject", subject)
    for a in (sender, *recipients):
        check_header_value("address", str(a))
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = tuple(recipients)
    msg["Date"] = format_datetime(date or datetime.now().astimezone())
    msg["Message-ID"] = make_msgid(domain=sender.domain)
    msg["Content-Language"] = languages
    # Sent by cron, not a person: vacation responders should not answer it (RFC 3834).
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    for att in attachments:
        check_header_value("attachment name", att.filename)
        msg.add_attachment(att.data, maintype=att.maintype, subtype=att.subtype, filename=att.filename)
    return msg


def write_eml(msg: EmailMessage, path: Path) -> Path:
    """Write the message as an .eml file, atomically (a temp file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(msg.as_bytes())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# ----------------------------------------------------------------------------- delivery


@dataclass(frozen=True)
class _Failure:
    temporary: bool
    reason: str


def _reply(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{code} {' '.join(text.split())}".strip()


def _classify(exc: BaseException, settings: SmtpSettings) -> _Failure | None:
    """Temporary or permanent, with a reason for people; None for exceptions that are not ours."""
    where = f"{settings.host}:{settings.effective_port}"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return _Failure(False, f"{where}: {exc} (check BRIEFING_SMTP_SECURITY and BRIEFING_SMTP_USER)")
    if isinstance(exc, smtplib.SMTPResponseException):
        temporary = 400 <= exc.smtp_code < 500
        kind = (
            "authentication failed" if isinstance(exc, smtplib.SMTPAuthenticationError) else "server replied"
        )
        return _Failure(temporary, f"{where}: {kind}: {_reply(exc.smtp_code, exc.smtp_error)}")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return _Failure(True, f"{where}: connection closed: {exc}")
    if isinstance(exc, ssl.SSLError):
        return _Failure(
            False, f"{where}: TLS failed: {exc.reason or exc} (check BRIEFING_SMTP_SECURITY and port)"
        )
    if isinstance(exc, socket.gaierror):
        return _Failure(
            exc.errno == socket.EAI_AGAIN, f"{settings.host}: cannot resolve the name: {exc.strerror}"
        )
    if isinstance(exc, _SessionTimeout):
        return _Failure(True, f"{where}: timed out: {exc}")
    if isinstance(exc, TimeoutError):
        return _Failure(True, f"{where}: timed out after {settings.timeout:g}s")
    if isinstance(exc, ConnectionRefusedError):
        return _Failure(True, f"{where}: connection refused")
    if isinstance(exc, OSError):
        return _Failure(True, f"{where}: {exc.strerror or exc}")
    if isinstance(exc, smtplib.SMTPException):
        return _Failure(False, f"{where}: {exc}")
    return None


class _WatchedSMTP(smtplib.SMTP):
    """SMTP whose socket a Deadline watches from the start: a greeting dripped a byte at a time
    ends with the session's deadline."""

    deadline: Deadline

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        return self.deadline.watch(super()._get_socket(host, port, timeout))  # type: ignore[misc]


class _WatchedSMTPSSL(smtplib.SMTP_SSL):
    deadline: Deadline

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        return self.deadline.watch(super()._get_socket(host, port, timeout))  # type: ignore[misc]


class _SessionTimeout(TimeoutError):
    """The whole SMTP session went past its deadline."""


def _open(settings: SmtpSettings, deadline: Deadline) -> smtplib.SMTP:
    host, port = settings.host or "", settings.effective_port
    context = ssl.create_default_context()
    # Made unconnected, so that the deadline is in place before the greeting is read.
    smtp: _WatchedSMTP | _WatchedSMTPSSL
    if settings.security == "ssl":
        smtp = _WatchedSMTPSSL(timeout=settings.timeout, context=context)
    else:
        smtp = _WatchedSMTP(timeout=settings.timeout)
    smtp.deadline = deadline
    try:
        code, greeting = smtp.connect(host, port)
        if code != 220:
            raise smtplib.SMTPConnectError(code, greeting)
        smtp.ehlo()
        if settings.security == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        if settings.user:
            smtp.login(settings.user, settings.password or "")
    except BaseException:
        smtp.close()
        raise
    return smtp


@dataclass
class _Delivery:
    """Where one message stands: delivered, refused for good, still to try."""

    pending: list[str]
    delivered: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    attempt: int = 0

    def error(self, reason: str, *, temporary: bool) -> MailDeliveryError:
        summary = _summary(reason, self.delivered, self.refused, self.pending, self.attempt)
        return MailDeliveryError(summary, temporary=temporary, delivered=self.delivered)

    def take(self, rejected: Mapping[str, tuple[int, bytes | str]]) -> _Failure | None:
        """Record one attempt's replies; a temporary failure for the recipients to try again."""
        self.delivered += [r for r in self.pending if r not in rejected]
        later = {}
        for rcpt, (code, text) in rejected.items():
            if 400 <= code < 500:
                later[rcpt] = _reply(code, text)
            else:
                self.refused[rcpt] = _reply(code, text)
        self.pending = list(later)
        return _Failure(True, "; ".join(f"{r}: {why}" for r, why in later.items())) if later else None


def _attempt(msg: EmailMessage, settings: SmtpSettings, sender: str, pending: list[str]) -> Any:
    """One SMTP session: the recipients it rejected (refused ones included).

    The session as a whole (greeting, TLS, login, sending) has SESSION_TIMEOUTS times the
    per-operation timeout: a server dripping its replies cannot hold a run for ever."""
    with Deadline(settings.timeout * SESSION_TIMEOUTS) as deadline:
        try:
            return _session(msg, settings, sender, pending, deadline)
        except smtplib.SMTPRecipientsRefused as exc:
            return exc.recipients
        except Exception:
            if deadline.over:
                raise _SessionTimeout(f"the session took more than {deadline.seconds:g}s") from None
            raise


def _session(
    msg: EmailMessage, settings: SmtpSettings, sender: str, pending: list[str], deadline: Deadline
) -> Any:
    smtp = _open(settings, deadline)
    try:
        return smtp.send_message(msg, from_addr=sender, to_addrs=pending)
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def send_message(
    msg: EmailMessage,
    settings: SmtpSettings,
    *,
    sleep: Callable[[float], None] = time.sleep,
    say: Callable[[str], None] = lambda _m: None,
) -> tuple[str, ...]:
    """Deliver `msg` to its To addresses; returns them. MailDeliveryError when some were not reached.

    A temporary failure (4xx reply, refused connection, timeout, dropped connection) is retried
    `settings.retries` times, waiting `settings.delays()`; only the recipients still pending are
    retried. A permanent one (5xx reply, TLS or login trouble) stops at once.
    """
    settings.check_for_sending()
    sender = parse_address(settings.mail_from or "", what="BRIEFING_MAIL_FROM").addr_spec
    state = _Delivery(pending=[a.addr_spec for a in msg["To"].addresses])
    delays = settings.delays()
    while True:
        state.attempt += 1
        try:
            failure = state.take(_attempt(msg, settings, sender, state.pending))
        except Exception as exc:
            failure = _classify(exc, settings)
            if failure is None:
                raise
        if failure is None:
            break
        if not failure.temporary:
            raise state.error(failure.reason, temporary=False)
        if state.attempt > len(delays):
            raise state.error(f"{failure.reason} (gave up after {state.attempt} attempts)", temporary=True)
        delay = delays[state.attempt - 1]
        say(f"mail: temporary failure: {failure.reason}; retry {state.attempt}/{len(delays)} in {delay:g}s")
        sleep(delay)
    if state.refused:
        state.pending = []
        raise state.error("recipients refused", temporary=False)
    return tuple(state.delivered)


def _summary(
    reason: str, delivered: Sequence[str], refused: Mapping[str, str], pending: Sequence[str], attempt: int
) -> str:
    parts = [reason]
    if refused:
        parts.append("refused: " + "; ".join(f"{r} ({why})" for r, why in refused.items()))
    if delivered:
        parts.append("delivered to " + ", ".join(delivered))
    if pending and delivered:
        parts.append("not delivered to " + ", ".join(pending))
    return "; ".join(parts)
