"""The email digest: its HTML and text read as a mail client shows them, and `briefing email` end to end
against a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from dataclasses import replace
from datetime import date, datetime
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from brief_samples import HOSTILE, sample_extractions, story_brief
from bs4 import BeautifulSoup
from smtp_server import ScriptedHandler, running
from typer.testing import CliRunner

from briefing.cli import app
from briefing.compose import compose
from briefing.deliver.digest import MAX_OTHER_STORIES, load_built_brief, render_digest
from briefing.errors import ExitCode
from briefing.jobs import build_brief
from briefing.model.brief import Brief
from briefing.render import Renderer

GENERATED = datetime.fromisoformat("2018-05-12T09:00:00+00:00")
BRIEF_DIR = "2018-05-09_2018-05-11"  # out/<period of the sample articles>
runner = CliRunner()


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


@pytest.fixture(scope="module")
def brief():
    exts = sample_extractions()
    return story_brief(compose(exts, generated=GENERATED), exts)


@pytest.fixture(scope="module")
def digest(brief, renderer):
    return render_digest(brief, renderer)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory, renderer) -> Path:
    """A real build (brief.json, brief.html, brief.pdf) made once; tests get their own copy."""
    out = tmp_path_factory.mktemp("built") / "out"
    build_brief(sample_extractions(), out, generated=GENERATED, renderer=renderer)
    return out


@pytest.fixture
def out(built_once, tmp_path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(built_once, copy, symlinks=True)
    now = time.time()  # the copy is as fresh as a build made now
    for f in (copy / BRIEF_DIR).iterdir():
        os.utime(f, (now, now))
    return copy


@pytest.fixture
def smtp_env(monkeypatch, tmp_path):
    """Settings for a server on 127.0.0.1; the test's own config file, no user password."""
    for var in list(os.environ):
        if var.startswith(("BRIEFING_SMTP_", "BRIEFING_MAIL_")):
            monkeypatch.delenv(var)
    monkeypatch.setenv("BRIEFING_CONFIG", os.devnull)
    monkeypatch.setenv("BRIEFING_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BRIEFING_SMTP_SECURITY", "none")
    monkeypatch.setenv("BRIEFING_MAIL_FROM", "Briefing <brief@example.org>")
    monkeypatch.setenv("BRIEFING_SMTP_BACKOFF", "0")  # retries stay, waiting does not
    return monkeypatch


def _email(args: list[str], port: int | None = None, env=None):
    if port is not None:
        env.setenv("BRIEFING_SMTP_PORT", str(port))
    return runner.invoke(app, ["email", *args])


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


# ------------------------------------------------------------------ the digest itself


def test_digest_html_is_an_inlined_table_layout(digest):
    soup = BeautifulSoup(digest.html, "html.parser")
    assert soup.find("style") is None
    assert soup.find("link") is None
    assert soup.find("img") is None
    assert soup.find("script") is None
    container = soup.find("table", class_="container")
    assert container["width"] == "640"
    assert "max-width: 640px" in container["style"]
    for table in soup.find_all("table"):
        assert table.get("role") == "presentation"
    assert soup.find("div") is None or all(d.find_parent("td") for d in soup.find_all("div"))
    assert "border-left: 3px solid #1f4e79" in soup.find("td", class_="item-en")["style"]


def test_digest_every_arabic_block_is_rtl_inline(digest):
    soup = BeautifulSoup(digest.html, "html.parser")
    arabic = soup.find_all(attrs={"lang": "ar"})
    assert len(arabic) > 15
    for el in arabic:
        assert el.get("dir") == "rtl", el
        assert "direction: rtl" in el.get("style", ""), el
    for el in soup.find_all(attrs={"dir": "rtl"}):
        if el.name == "td":
            assert el.get("align") == "right"
    # Arabic text never sits in a left-to-right block of its own.
    for td in soup.find_all("td"):
        own = "".join(td.find_all(string=True, recursive=False))
        if re.search(r"[\u0600-\u06ff]{3}", own):
            assert td.get("dir") == "rtl", td


def test_digest_html_holds_the_brief_in_both_languages(digest, brief):
    soup = BeautifulSoup(digest.html, "html.parser")
    text = " ".join(soup.get_text(" ").split())
    for heading in (
        "Key developments",
        "أبرز التطورات",
        "Key figures",
        "أبرز الأرقام",
        "Other stories",
        "أحداث أخرى",
    ):
        assert heading in text
    assert brief.opening_en in text
    assert brief.opening_ar in text
    for n, story in enumerate(brief.key_developments, 1):
        assert f"{n}. {story.headline_en}" in text
        assert story.headline_ar in text
        for claim in story.claims:
            assert claim.en in text
            assert claim.content_ar in text
    for line in brief.key_figure_lines:
        for report in line.reports:
            assert report.en in text
            assert report.ar in text
    assert brief.stories[0].headline_en in text
    # The same statement from two outlets, cited once each, linked to the articles.
    russia = brief.key_developments[0].claims[2]
    row = soup.find(string=re.compile("agreement covers the south")).find_parent("td")
    assert "(Al Arabiya, 9 May; BBC, 11 May)" in " ".join(row.get_text().split())
    assert [a["href"] for a in row.find_all("a")] == ["https://example.org/a", "https://example.org/b"]
    assert russia.content_ar in text
    assert "reports differ" in text


def test_digest_links_only_to_web_sources_and_escapes_article_text(digest, brief):
    soup = BeautifulSoup(digest.html, "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    web = {s.url for s in brief.sources if s.url and s.url.startswith("https://")}
    assert web <= set(hrefs)
    assert "javascript:" not in digest.html
    assert soup.find("script") is None
    assert HOSTILE in soup.get_text()  # shown as text, not run as markup or as a template
    assert "49" not in soup.get_text()


def test_digest_subject_is_bilingual_with_the_period(digest):
    assert "\n" not in digest.subject
    assert digest.subject.startswith("Intelligence brief · May 9, 2018 – May 11, 2018")
    assert "موجز استخباري" in digest.subject
    assert "مايو 2018" in digest.subject


def test_digest_text_reads_on_its_own(digest, brief):
    text = digest.text
    assert "<td" not in text
    assert "style=" not in text
    assert "&amp;" not in text
    assert "KEY DEVELOPMENTS / أبرز التطورات" in text
    assert "(Al Arabiya, 9 May; BBC, 11 May)" in text.replace("\n    ", " ")
    assert "(العربية، 9 مايو؛ بي بي سي، 11 مايو)" in text.replace("\n    ", " ")
    assert "May 9, 2018 – May 11, 2018" in text
    assert "9 مايو 2018 – 11 مايو 2018" in text
    for s in brief.sources:
        if s.url and s.url.startswith("https://"):
            assert s.url in text
    assert "javascript:" not in text
    claim = brief.key_developments[0].claims[0]
    assert f"«{claim.content_ar}»" in text.replace("\n    ", " ")
    for line in text.splitlines():
        assert len(line) <= 78 or "://" in line or " " not in line.strip(), line
    assert "\n\n\n\n" not in text
    assert text.endswith("\n")


def test_digest_arabic_digits_when_asked(brief, renderer):
    d = render_digest(brief, renderer, arabic_digits=True)
    assert "٣٠ مليار" in d.text
    assert "٩ مايو ٢٠١٨" in d.subject
    assert "30 billion" in d.text  # English keeps Western digits


def test_digest_other_stories_are_cut_with_a_count(renderer, brief):
    other = brief.stories[0]
    many = tuple(replace(other, id=f"s{i}", headline_en=f"Story {i}") for i in range(MAX_OTHER_STORIES + 6))
    d = render_digest(replace(brief, stories=many), renderer)
    soup = BeautifulSoup(d.html, "html.parser")
    assert len(soup.find_all("td", class_="headline-en")) == MAX_OTHER_STORIES
    more = soup.find("td", class_="more").get_text(" ")
    assert "6 more stories" in more
    assert "6 أحداث أخرى" in more
    assert "+ 6 more stories / 6 أحداث أخرى" in d.text


def test_digest_of_an_empty_brief(renderer):
    d = render_digest(compose([], generated=GENERATED), renderer, pdf_attached=False)
    assert "No articles were found for this period" in d.text
    assert "لم يُعثر على أي مقال" in BeautifulSoup(d.html, "html.parser").get_text()
    assert "attached as a PDF" not in d.text
    assert "May 12, 2018" in d.subject


def test_digest_brief_json_round_trips(built_once):
    data = json.loads((built_once / "latest" / "brief.json").read_text(encoding="utf-8"))
    assert Brief.from_json(data) == compose(sample_extractions(), generated=GENERATED)
    built = load_built_brief(built_once / "latest")
    assert built.directory == (built_once / BRIEF_DIR).resolve()
    assert built.pdf is not None
    assert built.pdf.startswith(b"%PDF")


# ------------------------------------------------------------------ `briefing email`, real SMTP


def test_digest_email_delivers_the_digest(out, smtp_env):
    handler = ScriptedHandler()
    with running(handler) as server:
        result = _email(
            ["--to", "a@example.org,Bob <b@example.org>", "--from-brief", str(out / "latest")],
            server.port,
            smtp_env,
        )
    assert result.exit_code == 0, result.output
    assert "delivered to a@example.org, b@example.org" in result.output
    (got,) = handler.received
    assert got.rcpt_tos == ["a@example.org", "b@example.org"]
    head = got.data.split(b"\r\n\r\n", 1)[0]
    subject_lines = re.search(rb"^Subject: .*?(?=\r\n\S)", head, re.M | re.S).group(0)
    assert head.isascii()
    assert re.search(rb"=\?utf-8\?[bq]\?", subject_lines, re.I)
    msg = message_from_bytes(got.data, policy=default_policy)
    assert msg["From"].addresses[0].addr_spec == "brief@example.org"
    assert [a.addr_spec for a in msg["To"].addresses] == ["a@example.org", "b@example.org"]
    assert msg["To"].addresses[1].display_name == "Bob"
    assert msg["Subject"].startswith(
        "Intelligence brief · May 9, 2018 – May 11, 2018 | موجز استخباري · 9 مايو 2018"
    )
    assert msg.get_content_type() == "multipart/mixed"
    alternative, pdf = msg.get_payload()
    assert alternative.get_content_type() == "multipart/alternative"
    plain, html = alternative.get_payload()
    assert (plain.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    lead = load_built_brief(out / "latest").brief.key_developments[0]
    assert " ".join(lead.headline_ar.split()) in " ".join(plain.get_content().split())
    soup = BeautifulSoup(html.get_content(), "html.parser")
    assert soup.find(attrs={"lang": "ar", "dir": "rtl"}) is not None
    assert lead.headline_en in " ".join(soup.get_text().split())
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == "brief-2018-05-09--2018-05-11.pdf"
    assert pdf.get_content() == (out / "latest" / "brief.pdf").read_bytes()


def test_digest_email_retries_a_temporary_failure(out, smtp_env):
    handler = ScriptedHandler(data_replies=["451 4.3.0 Mail server temporarily rejected message"])
    with running(handler) as server:
        result = _email(["--to", "a@example.org", "--from-brief", str(out / "latest")], server.port, smtp_env)
    assert result.exit_code == 0, result.output
    assert "temporary failure" in result.output
    assert "451" in result.output
    assert handler.data_attempts == 2
    assert len(handler.received) == 1


def test_digest_email_permanent_failure_stops_keeps_the_brief_and_can_be_retried(out, smtp_env):
    day = out / BRIEF_DIR
    before = _files(day)
    handler = ScriptedHandler(data_replies=["550 5.7.1 Relaying denied"] * 5)
    with running(handler) as server:
        result = _email(["--to", "a@example.org", "--from-brief", str(out / "latest")], server.port, smtp_env)
    assert result.exit_code == 5
    assert handler.data_attempts == 1
    assert handler.received == []
    assert "permanent failure" in result.output
    assert "550 5.7.1 Relaying denied" in result.output
    assert f"--from-brief {day}" in result.output
    assert _files(day) == before
    # The hint's command, against a server that now accepts: no rebuild needed.
    handler = ScriptedHandler()
    with running(handler) as server:
        again = _email(["--to", "a@example.org", "--from-brief", str(day)], server.port, smtp_env)
    assert again.exit_code == 0, again.output
    assert len(handler.received) == 1


def test_digest_email_dry_run_writes_an_eml_and_sends_nothing(out, smtp_env):
    handler = ScriptedHandler()
    with running(handler) as server:
        result = _email(
            ["--to", "a@example.org", "--dry-run", "--no-pdf", "--out", str(out)], server.port, smtp_env
        )
    assert result.exit_code == 0, result.output
    assert handler.received == []
    assert handler.data_attempts == 0
    eml = out / BRIEF_DIR / "digest.eml"
    msg = message_from_bytes(eml.read_bytes(), policy=default_policy)
    assert "موجز استخباري" in msg["Subject"]
    assert msg.get_content_type() == "multipart/alternative"  # --no-pdf: nothing attached
    assert not any(p.get_content_type() == "application/pdf" for p in msg.walk())


def test_digest_email_dry_run_needs_no_smtp_server(out, smtp_env):
    smtp_env.delenv("BRIEFING_SMTP_HOST")
    result = runner.invoke(app, ["email", "--to", "a@example.org", "--dry-run", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "latest" / "digest.eml").is_file()
    result = runner.invoke(app, ["email", "--to", "a@example.org", "--out", str(out)])
    assert result.exit_code == ExitCode.CONFIG
    assert "BRIEFING_SMTP_HOST" in result.output


@pytest.mark.parametrize(
    ("args", "env_from"),
    [
        (["--to", "a@example.org\nBcc: eve@evil.test"], None),
        (["--to", "a@example.org\r\nSubject: spam"], None),
        (["--to", "a@example.org"], "brief@example.org\nBcc: eve@evil.test"),
    ],
)
def test_digest_email_refuses_header_injection(out, smtp_env, args, env_from):
    if env_from:
        smtp_env.setenv("BRIEFING_MAIL_FROM", env_from)
    handler = ScriptedHandler()
    with running(handler) as server:
        result = _email([*args, "--from-brief", str(out / "latest")], server.port, smtp_env)
    assert result.exit_code == 1
    assert "refused" in result.output
    assert "line break" in result.output
    assert handler.data_attempts == 0


def test_digest_email_refuses_bad_addresses_before_building(out, smtp_env):
    result = _email(["--to", "not-an-address", str(out / "nowhere")], None, smtp_env)
    assert result.exit_code == 1
    assert "not an address" in result.output
    smtp_env.delenv("BRIEFING_MAIL_TO", raising=False)
    result = _email(["--from-brief", str(out / "latest")], None, smtp_env)
    assert result.exit_code == 1
    assert "no recipient" in result.output


def test_digest_email_reuses_a_fresh_brief_and_refuses_a_stale_one(out, smtp_env):
    handler = ScriptedHandler()
    smtp_env.setenv("BRIEFING_MAIL_TO", "team@example.org")
    with running(handler) as server:
        fresh = _email(["--out", str(out)], server.port, smtp_env)
        old = time.time() - 3 * 86400
        os.utime(out / BRIEF_DIR / "brief.json", (old, old))
        stale = _email(["--out", str(out)], server.port, smtp_env)
        forced = _email(["--out", str(out), "--max-age", "100"], server.port, smtp_env)
    assert fresh.exit_code == 0, fresh.output
    assert stale.exit_code == 1
    assert "older than 24 hours" in stale.output
    assert forced.exit_code == 0, forced.output
    assert [r.rcpt_tos for r in handler.received] == [["team@example.org"]] * 2
    # The PDF is now newer than brief.json's faked age but still from the same build: attached.
    assert any(
        p.get_content_type() == "application/pdf"
        for p in message_from_bytes(handler.received[1].data, policy=default_policy).walk()
    )


def test_digest_build_email_mails_the_new_brief_and_keeps_it_when_refused(tmp_path, smtp_env):
    empty = tmp_path / "no-articles"
    empty.mkdir()
    out = tmp_path / "out"
    handler = ScriptedHandler(rcpt_replies={"a@example.org": "550 5.1.1 No such user"})
    with running(handler) as server:
        smtp_env.setenv("BRIEFING_SMTP_PORT", str(server.port))
        result = runner.invoke(
            app,
            [
                "build",
                str(empty),
                "--out",
                str(out),
                "--no-pdf",
                "--allow-empty",
                "--email",
                "--to",
                "a@example.org",
            ],
        )
    assert result.exit_code == 5, result.output
    assert "550 5.1.1 No such user" in result.output
    assert "--from-brief" in result.output
    kept = load_built_brief(out / "latest")
    assert kept.brief.empty
    assert kept.pdf is None
    assert (out / "latest" / "brief.html").is_file()
    today = date.today().isoformat()
    assert kept.directory.name == today
