"""Mail: addresses and header injection, SMTP settings, the MIME message, delivery against a real server."""

from __future__ import annotations

import socket
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from smtp_server import ScriptedHandler, running

from briefing.deliver.mail import (
    Attachment,
    SmtpSettings,
    build_message,
    parse_address,
    parse_addresses,
    send_message,
    write_eml,
)
from briefing.errors import AddressError, ConfigError, HeaderInjectionError, MailDeliveryError

SUBJECT = "Intelligence brief · May 9, 2018 | موجز استخباري · 9 مايو 2018"
ARABIC = "نفى مسعود جزايري وجود مطالب بانسحاب القوات الإيرانية من سوريا"


def _message(to: str = "a@example.org,b@example.org", attachments: tuple[Attachment, ...] = ()):
    return build_message(
        sender=parse_address("Briefing <brief@example.org>"),
        recipients=parse_addresses(to),
        subject=SUBJECT,
        text=f"Key developments\n{ARABIC}\n",
        html=f'<p>Key developments</p><p dir="rtl" lang="ar">{ARABIC}</p>',
        attachments=attachments,
    )


def _settings(port: int, **kw) -> SmtpSettings:
    values = {
        "host": "127.0.0.1",
        "port": port,
        "security": "none",
        "mail_from": "brief@example.org",
        "retries": 3,
        "backoff": 0.5,
        "timeout": 5.0,
    }
    values.update(kw)
    return SmtpSettings(**values)


@pytest.fixture
def sleeps() -> list[float]:
    return []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ addresses and headers


def test_mail_parse_addresses_splits_and_deduplicates():
    got = parse_addresses("a@example.org, Bob <b@example.org>,A@EXAMPLE.org")
    assert [a.addr_spec for a in got] == ["a@example.org", "b@example.org"]
    assert got[1].display_name == "Bob"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        " , ",
        "a",
        "a@",
        "@example.org",
        "a@@example.org",
        "a b@example.org",
        "a@example..org",
        "Bob <b@example.org> trailing",
        "أحمد@example.org",
    ],
)
def test_mail_parse_addresses_refuses_what_is_not_a_mailbox(bad):
    with pytest.raises(AddressError):
        parse_addresses(bad)


@pytest.mark.parametrize(
    "evil",
    ["a@example.org\nBcc: eve@evil.test", "a@example.org\r\nBcc: eve@evil.test", "a@example.org\rX: y"],
)
def test_mail_header_injection_in_an_address_is_refused(evil):
    with pytest.raises(HeaderInjectionError, match="line break"):
        parse_addresses(evil)


@pytest.mark.parametrize("evil", ["Brief\nBcc: eve@evil.test", "Brief\r\n\r\n<html>", "Brief\x00"])
def test_mail_header_injection_in_the_subject_is_refused(evil):
    with pytest.raises(HeaderInjectionError):
        build_message(
            sender=parse_address("brief@example.org"),
            recipients=parse_addresses("a@example.org"),
            subject=evil,
            text="t",
            html="<p>t</p>",
        )


def test_mail_message_structure_and_encoded_headers(tmp_path):
    pdf = b"%PDF-1.7\n% test\n"
    msg = _message(attachments=(Attachment("brief-2018-05-09.pdf", pdf),))
    raw = msg.as_bytes()
    assert raw.isascii()  # 7-bit clean: every header RFC 2047-encoded, bodies transfer-encoded
    assert b"=?utf-8?" in raw.split(b"\n\n", 1)[0]
    parsed = message_from_bytes(raw, policy=default_policy)
    assert parsed["Subject"] == SUBJECT
    assert parsed.get_content_type() == "multipart/mixed"
    alt, att = parsed.get_payload()
    assert alt.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alt.get_payload()] == ["text/plain", "text/html"]
    assert ARABIC in alt.get_payload()[0].get_content()
    assert att.get_filename() == "brief-2018-05-09.pdf"
    assert att.get_content() == pdf
    assert parsed["Auto-Submitted"] == "auto-generated"
    path = write_eml(msg, tmp_path / "x" / "digest.eml")
    assert message_from_bytes(path.read_bytes(), policy=default_policy)["Subject"] == SUBJECT


# ------------------------------------------------------------------ settings


def test_mail_settings_environment_over_config_file(tmp_path):
    pw = tmp_path / "pw"
    pw.write_text("s3cret\n")
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        'db = "x.db"\n[smtp]\nhost = "mail.example.org"\nport = 2525\nsecurity = "ssl"\nuser = "u"\n'
        f'password_file = "{pw}"\nfrom = "brief@example.org"\nto = ["a@example.org", "b@example.org"]\n'
    )
    s = SmtpSettings.resolve({"BRIEFING_SMTP_PORT": "465", "BRIEFING_SMTP_BACKOFF": "0"}, cfg)
    assert (s.host, s.port, s.security, s.user, s.password) == ("mail.example.org", 465, "ssl", "u", "s3cret")
    assert s.mail_to == ("a@example.org", "b@example.org")
    assert s.delays() == [0, 0, 0]
    assert "s3cret" not in repr(s)
    s = SmtpSettings.resolve({"BRIEFING_SMTP_PASSWORD": "env-pw", "BRIEFING_SMTP_SECURITY": "STARTTLS"}, cfg)
    assert (s.password, s.security, s.effective_port) == ("env-pw", "starttls", 2525)


def test_mail_settings_defaults_and_backoff(tmp_path):
    s = SmtpSettings.resolve(
        {"BRIEFING_SMTP_HOST": "mx", "BRIEFING_SMTP_BACKOFF": "2"}, tmp_path / "none.toml"
    )
    assert (s.security, s.effective_port, s.retries) == ("starttls", 587, 3)
    assert s.delays() == [2, 4, 8]


@pytest.mark.parametrize(
    ("env", "config", "reason"),
    [
        ({}, '[smtp]\npassword = "x"\n', "not read from the config file"),
        ({"BRIEFING_SMTP_SECURITY": "tls"}, "", "starttls, ssl, none"),
        ({"BRIEFING_SMTP_PORT": "70000"}, "", "not a port"),
        ({}, "[smtp]\nhots = 1\n", "unknown setting"),
        ({"BRIEFING_SMTP_PASSWORD_FILE": "/nonexistent/pw"}, "", "cannot read the SMTP password file"),
    ],
)
def test_mail_settings_refused_with_a_reason(tmp_path, env, config, reason):
    cfg = tmp_path / "config.toml"
    cfg.write_text(config)
    with pytest.raises(ConfigError, match=reason):
        SmtpSettings.resolve(env, cfg)


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        (SmtpSettings(mail_from="b@example.org"), "no SMTP server"),
        (SmtpSettings(host="mx.example.org"), "no sender"),
        (SmtpSettings(host="mx.example.org", mail_from="b@example.org", user="u"), "no password"),
        (
            SmtpSettings(
                host="mx.example.org", mail_from="b@example.org", user="u", password="p", security="none"
            ),
            "unencrypted",
        ),
    ],
)
def test_mail_settings_checked_before_sending(settings, reason):
    with pytest.raises(ConfigError, match=reason):
        settings.check_for_sending()


# ------------------------------------------------------------------ delivery, against a real server


def test_mail_delivers_to_a_real_server(sleeps):
    handler = ScriptedHandler()
    with running(handler) as server:
        delivered = send_message(_message(), _settings(server.port), sleep=sleeps.append)
    assert delivered == ("a@example.org", "b@example.org")
    assert sleeps == []
    (got,) = handler.received
    assert got.mail_from == "brief@example.org"
    assert got.rcpt_tos == ["a@example.org", "b@example.org"]
    parsed = message_from_bytes(got.data, policy=default_policy)
    assert parsed["Subject"] == SUBJECT
    assert ARABIC in parsed.get_body(("plain",)).get_content()


def test_mail_temporary_failure_is_retried_then_delivered(sleeps):
    handler = ScriptedHandler(data_replies=["451 4.3.0 Try again later"])
    said: list[str] = []
    with running(handler) as server:
        delivered = send_message(_message(), _settings(server.port), sleep=sleeps.append, say=said.append)
    assert delivered == ("a@example.org", "b@example.org")
    assert handler.data_attempts == 2
    assert len(handler.received) == 1
    assert sleeps == [0.5]
    assert "451" in said[0]
    assert "retry 1/3" in said[0]


def test_mail_backoff_doubles_and_gives_up_after_the_retries(sleeps):
    handler = ScriptedHandler(data_replies=["421 4.7.0 Busy"] * 10)
    with running(handler) as server:
        with pytest.raises(MailDeliveryError) as err:
            send_message(_message(), _settings(server.port), sleep=sleeps.append)
    assert err.value.temporary
    assert handler.data_attempts == 4
    assert sleeps == [0.5, 1.0, 2.0]
    assert "gave up after 4 attempts" in str(err.value)
    assert "421" in str(err.value)


def test_mail_permanent_failure_stops_at_once(sleeps):
    handler = ScriptedHandler(data_replies=["550 5.7.1 Message rejected as spam"])
    with running(handler) as server:
        with pytest.raises(MailDeliveryError) as err:
            send_message(_message(), _settings(server.port), sleep=sleeps.append)
    assert not err.value.temporary
    assert handler.data_attempts == 1
    assert sleeps == []
    assert "550 5.7.1 Message rejected as spam" in str(err.value)


def test_mail_one_refused_recipient_does_not_stop_the_others(sleeps):
    handler = ScriptedHandler(rcpt_replies={"b@example.org": "550 5.1.1 No such user"})
    with running(handler) as server:
        with pytest.raises(MailDeliveryError) as err:
            send_message(_message(), _settings(server.port), sleep=sleeps.append)
    assert not err.value.temporary
    assert err.value.delivered == ("a@example.org",)
    assert handler.received[0].rcpt_tos == ["a@example.org"]
    assert "b@example.org (550 5.1.1 No such user)" in str(err.value)


def test_mail_deferred_recipient_is_retried_alone(sleeps):
    handler = ScriptedHandler(rcpt_replies={"b@example.org": "450 4.2.1 Mailbox busy"})
    with running(handler) as server:
        with pytest.raises(MailDeliveryError) as err:
            send_message(_message(), _settings(server.port, retries=1), sleep=sleeps.append)
    assert err.value.temporary
    assert [r.rcpt_tos for r in handler.received] == [["a@example.org"]]  # a@ got one copy, not two
    assert err.value.delivered == ("a@example.org",)


def test_mail_connection_refused_is_temporary(sleeps):
    port = _free_port()
    with pytest.raises(MailDeliveryError) as err:
        send_message(_message(), _settings(port, retries=2), sleep=sleeps.append)
    assert err.value.temporary
    assert sleeps == [0.5, 1.0]
    assert f"127.0.0.1:{port}: connection refused" in str(err.value)


def test_mail_starttls_not_offered_is_permanent(sleeps):
    with running(ScriptedHandler()) as server:
        with pytest.raises(MailDeliveryError) as err:
            send_message(_message(), _settings(server.port, security="starttls"), sleep=sleeps.append)
    assert not err.value.temporary
    assert sleeps == []
    assert "STARTTLS" in str(err.value)


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"u", b"right")
    return AuthResult(success=ok, handled=False)


@pytest.mark.parametrize(("password", "delivered"), [("right", True), ("wrong", False)])
def test_mail_logs_in_with_the_password(sleeps, password, delivered):
    handler = ScriptedHandler()
    with running(handler, authenticator=_authenticator, auth_require_tls=False) as server:
        settings = _settings(server.port, user="u", password=password)
        if delivered:
            send_message(_message(), settings, sleep=sleeps.append)
        else:
            with pytest.raises(MailDeliveryError, match="authentication failed: 535") as err:
                send_message(_message(), settings, sleep=sleeps.append)
            assert not err.value.temporary
    assert len(handler.received) == (1 if delivered else 0)


def test_mail_send_needs_settings(tmp_path: Path):
    with pytest.raises(ConfigError, match="no SMTP server"):
        send_message(_message(), SmtpSettings(mail_from="b@example.org"))
