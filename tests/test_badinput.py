"""Bad input through the command line: one line naming the input and the reason, never a
traceback, never a hang; the other inputs go on and nothing is half-written."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode
from briefing.ingest.items import MAX_CHARS
from briefing.model.contract import Article
from briefing.store import NewArticle, Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_38c86639bf4f062a.txt"
ARABIC = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."


@pytest.fixture
def env(tmp_path):
    """A store of the test's own and no config file."""
    return {"BRIEFING_CONFIG": os.devnull, "BRIEFING_DB": str(tmp_path / "b.db")}


def invoke(args: list[str], env: dict[str, str]):
    result = CliRunner().invoke(app, args, env=env)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _ids(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT id FROM articles ORDER BY id")]


def record(rec_id: str, text: str, **extra: object) -> str:
    rec = {"id": rec_id, "title": "عنوان", "published": "2026-11-10", "text": text, **extra}
    return json.dumps(rec, ensure_ascii=False)


# --- 1. texts over spaCy's limit ----------------------------------------------------------------


def test_a_2mb_jsonl_record_is_refused_at_ingest_and_the_others_are_stored(tmp_path, env):
    huge = (ARABIC + "\n\n") * (MAX_CHARS // len(ARABIC) + 10)
    lines = [record("small-1", ARABIC), record("huge", huge), record("small-2", ARABIC + " أيضا")]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke(["ingest", str(path), "--quiet"], env)
    assert result.exit_code == ExitCode.INPUT
    assert result.output.strip() == (
        f"{path}:2: text too long: {len(huge):,} characters (limit {MAX_CHARS:,})"
    )
    assert _ids(Store.open(Path(env["BRIEFING_DB"]))) == ["small-1", "small-2"]


def test_extract_on_a_folder_with_one_huge_file_goes_on_with_the_others(tmp_path, env):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_huge.txt").write_text((ARABIC + "\n\n") * (MAX_CHARS // len(ARABIC) + 10), encoding="utf-8")
    (folder / "b_seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(["extract", str(folder), "--format", "jsonl"], env)
    assert result.exit_code == ExitCode.INPUT
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines[0]["article"] == "a_huge"
    assert "text too long" in lines[0]["error"]
    assert lines[1]["article"] == "b_seed"
    assert "actors" in lines[1]


def test_build_since_leaves_out_a_huge_article_stored_before_the_limit(tmp_path, env):
    db = Path(env["BRIEFING_DB"])
    day = datetime(2026, 11, 10, tzinfo=UTC)
    with Store.open(db) as store:
        for art_id, text in (("huge", ARABIC * (MAX_CHARS // len(ARABIC) + 10)), ("small", ARABIC)):
            article = Article(id=art_id, text=text, title="عنوان", published="2026-11-10")
            store.add_article(NewArticle(article, published_from="source"), now=day)
    out = tmp_path / "out"
    result = invoke(
        ["build", "--since", "2026-11-09", "--until", "2026-11-11", "--no-pdf", "--out", str(out)], env
    )
    assert result.exit_code == ExitCode.OK, result.output
    assert "article huge: text too long" in result.output
    assert "(1 articles, 1 newly extracted)" in result.output


# --- 2, 3. nesting and alias bombs ----------------------------------------------------------------


def test_deeply_nested_json_line_fails_alone(tmp_path, env):
    path = tmp_path / "in.jsonl"
    nested = "[" * 200_000 + "]" * 200_000
    path.write_text("\n".join([record("one", ARABIC), nested, record("two", ARABIC + " ثانيا")]) + "\n")
    result = invoke(["ingest", str(path), "--quiet"], env)
    assert result.exit_code == ExitCode.INPUT
    assert result.output.strip() == f"{path}:2: not a JSON object: nested too deeply"
    assert _ids(Store.open(Path(env["BRIEFING_DB"]))) == ["one", "two"]


BOMB = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "title: عنوان\n"
    "---\n"
)


def test_a_yaml_alias_bomb_in_front_matter_is_refused(tmp_path, env):
    bomb = tmp_path / "bomb.txt"
    bomb.write_text(BOMB + ARABIC + "\n", encoding="utf-8")
    assert len(BOMB.encode()) < 1024
    good = tmp_path / "good.txt"
    good.write_text("---\ntitle: عنوان\n---\n" + ARABIC + "\n", encoding="utf-8")
    result = invoke(["ingest", str(bomb), str(good), "--quiet"], env)
    assert result.exit_code == ExitCode.INPUT
    assert result.output.strip() == (
        f"{bomb}: front matter: not valid YAML (line 3): aliases (*name) are not accepted"
    )
    assert _ids(Store.open(Path(env["BRIEFING_DB"]))) == ["good"]


def test_front_matter_anchors_without_aliases_still_read(tmp_path, env):
    path = tmp_path / "anchor.txt"
    path.write_text("---\ntitle: &t عنوان\n---\n" + ARABIC + "\n", encoding="utf-8")
    result = invoke(["ingest", str(path), "--quiet"], env)
    assert result.exit_code == ExitCode.OK, result.output


# --- 6. FIFOs, sockets, devices -------------------------------------------------------------------


def test_a_fifo_or_a_socket_is_refused_instead_of_blocking(tmp_path, env):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.jsonl"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    good = tmp_path / "good.txt"
    good.write_text(ARABIC + "\n", encoding="utf-8")
    try:
        result = invoke(["ingest", str(fifo), str(sock_path), "/dev/zero", str(good), "--quiet"], env)
    finally:
        sock.close()
    assert result.exit_code == ExitCode.INPUT
    assert result.output.splitlines() == [
        f"{fifo}: not a regular file (a FIFO); only files are read",
        f"{sock_path}: not a regular file (a socket); only files are read",
        "/dev/zero: not a regular file (a device); only files are read",
    ]
    assert _ids(Store.open(Path(env["BRIEFING_DB"]))) == ["good"]


# --- 10. bidi controls --------------------------------------------------------------------------


def test_bidi_controls_are_stripped_from_titles_outlets_and_names(tmp_path, env):
    rlo, pdf, rlm = "\u202e", "\u202c", "\u200f"
    text = f"قال {rlo}محمد بن سلمان{pdf} إن الرياض ستستضيف القمة.{rlm}\n"
    path = tmp_path / "in.jsonl"
    path.write_text(
        record("bidi", text, title=f"{rlo}عنوان\u2067 مقلوب\u2069", source=f"\u202bوكالة{pdf}") + "\n",
        encoding="utf-8",
    )
    assert invoke(["ingest", str(path), "--quiet"], env).exit_code == ExitCode.OK
    with Store.open(Path(env["BRIEFING_DB"])) as store:
        article = store.get_article("bidi")
    assert article is not None
    assert (article.title, article.source) == ("عنوان مقلوب", "وكالة")
    assert article.text == text.replace(rlo, "").replace(pdf, "").strip()
    assert rlm in article.text  # the marks stay
    extracted = invoke(["extract", str(path), "--format", "jsonl"], env)
    (line,) = [json.loads(x) for x in extracted.stdout.splitlines() if x.startswith("{")]
    assert line["actors"], line
    assert rlo not in json.dumps(line, ensure_ascii=False)


# --- 4. numeric settings ----------------------------------------------------------------------------

# The cron/UX work gives usage errors their own exit code; until it lands a bad --since is an input error.
USAGE = ExitCode.USAGE


@pytest.mark.parametrize(
    ("args", "value"),
    [
        (["--since", "9999999w"], "9999999w"),
        (["--since", "99999999999d"], "99999999999d"),
        (["--since", "7d", "--until", "9999-12-31"], "9999-12-31"),
        (["--since", "0001-01-01T01:00:00+05:00"], "0001-01-01T01:00:00+05:00"),
    ],
)
def test_windows_out_of_range_are_one_line_usage_errors(tmp_path, env, args, value):
    result = invoke(["build", *args, "--out", str(tmp_path / "out")], env)
    assert result.exit_code == USAGE
    assert result.output.strip() == f"{value!r}: out of range (the years 1900 to 2999)"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("flag", "value", "reason"),
    [
        ("--timeout", "inf", "inf: must be more than 0 and at most 3,600"),
        ("--timeout", "nan", "nan: must be more than 0 and at most 3,600"),
        ("--timeout", "-1", "-1.0: must be more than 0 and at most 3,600"),
        ("--max-bytes", "0", "0: must be more than 0 and at most 1,000,000,000"),
    ],
)
def test_numeric_flags_out_of_range_are_click_usage_errors(tmp_path, env, flag, value, reason):
    import click

    result = invoke(["ingest", str(tmp_path), flag, value], env)
    assert result.exit_code == click.UsageError.exit_code
    assert f"Error: Invalid value for '{flag}': {reason}" in result.output
    assert not Path(env["BRIEFING_DB"]).exists()


def test_email_max_age_must_be_finite(tmp_path, env):
    import click

    result = invoke(["email", "--max-age", "inf", "--dry-run", "--to", "a@example.org"], env)
    assert result.exit_code == click.UsageError.exit_code
    assert "Invalid value for '--max-age': inf: must be from 0 to 8,784" in result.output


@pytest.mark.parametrize(
    ("var", "value", "reason"),
    [
        ("BRIEFING_SMTP_BACKOFF", "nan", "must be from 0 to 3,600"),
        ("BRIEFING_SMTP_BACKOFF", "inf", "must be from 0 to 3,600"),
        ("BRIEFING_SMTP_TIMEOUT", "inf", "must be more than 0 and at most 3,600"),
        ("BRIEFING_SMTP_RETRIES", "1000000", "must be from 0 to 10"),
        ("BRIEFING_SMTP_RETRIES", "2.5", "expected a whole number"),
    ],
)
def test_smtp_numbers_from_the_environment_are_config_errors(tmp_path, env, var, value, reason):
    mail_env = {**env, "BRIEFING_SMTP_HOST": "127.0.0.1", "BRIEFING_MAIL_FROM": "b@example.org", var: value}
    result = invoke(["email", "--from-brief", str(tmp_path), "--to", "a@example.org"], mail_env)
    assert result.exit_code == ExitCode.CONFIG
    assert result.output.strip() == f"{var}: {value!r}: {reason}"


@pytest.mark.parametrize(
    ("line", "key", "shown", "reason"),
    [
        ("timeout = inf", "timeout", "inf", "must be more than 0 and at most 3,600"),
        ("timeout = nan", "timeout", "nan", "must be more than 0 and at most 3,600"),
        ("max_bytes = 1e99", "max_bytes", "1e+99", "must be more than 0 and at most 1,000,000,000"),
        ("[smtp]\nretries = 1000000", "[smtp] retries", "1000000", "must be from 0 to 10"),
        ("[smtp]\nbackoff = -inf", "[smtp] backoff", "-inf", "must be from 0 to 3,600"),
    ],
)
def test_config_file_numbers_are_config_errors_naming_the_key(tmp_path, env, line, key, shown, reason):
    config = tmp_path / "config.toml"
    config.write_text(line + "\n", encoding="utf-8")
    env = {**env, "BRIEFING_CONFIG": str(config), "BRIEFING_SMTP_HOST": "127.0.0.1"}
    env["BRIEFING_MAIL_FROM"] = "b@example.org"
    args = (
        ["email", "--from-brief", str(tmp_path), "--to", "a@example.org"]
        if "smtp" in line
        else [
            "ingest",
            str(tmp_path),
        ]
    )
    result = invoke(args, env)
    assert result.exit_code == ExitCode.CONFIG
    assert result.output.strip() == f"{config}: {key}: {shown}: {reason}"


# --- 5. a log on a full disk ----------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is a Linux device")
def test_a_log_on_a_full_disk_is_one_line_and_the_run_goes_on(tmp_path, env):
    good = tmp_path / "good.txt"
    good.write_text(ARABIC + "\n", encoding="utf-8")
    result = invoke(["ingest", str(good), "--log", "/dev/full", "--quiet"], env)
    assert result.output.strip() == "/dev/full: cannot write the log file: No space left on device"
    assert result.exit_code == ExitCode.CONFIG  # stored, but the log the user asked for is lost
    assert _ids(Store.open(Path(env["BRIEFING_DB"]))) == ["good"]
    failed = invoke(["ingest", str(tmp_path / "missing.txt"), "--log", "/dev/full"], env)
    assert failed.exit_code == ExitCode.INPUT  # the run's own failure comes first
    assert failed.output.splitlines() == [
        "/dev/full: cannot write the log file: No space left on device",
        f"{tmp_path / 'missing.txt'}: no such file or URL",
        "ingested 1: 0 added, 0 duplicate, 1 failed (store: " + env["BRIEFING_DB"] + ")",
    ]


def test_an_email_whose_log_meets_a_full_disk_says_so_and_exits_config(tmp_path, env):
    brief = tmp_path / "out"
    built = invoke(["build", str(SEED), "--out", str(brief), "--no-pdf", "--quiet"], env)
    assert built.exit_code == ExitCode.OK, built.output
    args = ["email", "--from-brief", str(brief / "latest"), "--to", "a@example.org", "--dry-run"]
    result = invoke([*args, "--log", "/dev/full", "--quiet"], env)
    assert "/dev/full: cannot write the log file: No space left on device" in result.output
    assert "Traceback" not in result.output
    assert result.exit_code == ExitCode.CONFIG  # the digest was written, the log is lost
    assert list(brief.glob("*/digest.eml"))


# --- a server on 127.0.0.1 that misbehaves on purpose --------------------------------------------

PAGE = (
    "<html><head><title>عنوان الخبر</title></head><body><article><p>"
    + " ".join([ARABIC] * 6)
    + "</p></article></body></html>"
).encode()


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: bytes, headers: dict[str, str] | None = None, length: int | None = None):
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        if self.path.startswith("/drip"):
            self._drip()
        elif self.path.startswith("/cut"):
            # The first answer is cut short, the next ones are whole.
            self._send(200, PAGE[:120] if self.hits[self.path] == 1 else PAGE, length=len(PAGE))
            self.close_connection = True
        elif self.path.startswith("/redirect?"):
            self._send(302, b"", {"Location": self.path.split("?", 1)[1]})
        elif self.path == "/page":
            self._send(200, PAGE)
        else:
            self._send(404, b"not found")

    def _drip(self) -> None:
        """The page a byte every 0.05 s (headers too): each read is quick, the whole is not."""
        body = PAGE
        raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)
        with contextlib.suppress(OSError):
            for i in range(len(raw)):
                self.wfile.write(raw[i : i + 1])
                self.wfile.flush()
                time.sleep(0.05)
            self.wfile.write(body)
        self.close_connection = True


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# --- 7. deadlines --------------------------------------------------------------------------------


def test_a_dripping_server_is_bounded_by_the_whole_fetch_timeout(server, env):
    """Each byte comes well within --timeout; the fetch as a whole does not."""
    result = invoke(["ingest", f"{server}/drip", "--timeout", "0.5", "--quiet"], env)
    assert result.exit_code == ExitCode.INPUT
    assert result.output.strip() == f"{server}/drip: timed out after 0.5s in all"


def test_a_run_has_a_deadline_too_and_the_later_urls_fail(server, env):
    urls = [f"{server}/drip?1", f"{server}/page"]
    result = invoke(["ingest", *urls, "--timeout", "5", "--run-timeout", "0.4", "--quiet"], env)
    assert result.exit_code == ExitCode.INPUT
    assert result.output.splitlines() == [
        f"{urls[0]}: timed out after 0.4s in all",
        f"{urls[1]}: not fetched: the run's time limit (0.4s) is spent",
    ]


def test_an_smtp_greeting_dripped_a_byte_at_a_time_is_bounded(tmp_path, env):
    from brief_samples import sample_extractions

    from briefing.jobs import BuildOptions, build_brief

    build_brief(sample_extractions(), tmp_path / "out", options=BuildOptions(pdf=False))
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def drip() -> None:
        conn, _ = listener.accept()
        with conn, contextlib.suppress(OSError):
            for byte in b"220 slow.example.org ESMTP a very slow greeting indeed\r\n":
                if stop.wait(0.05):
                    return
                conn.sendall(bytes([byte]))

    threading.Thread(target=drip, daemon=True).start()
    mail_env = {
        **env,
        "BRIEFING_SMTP_HOST": "127.0.0.1",
        "BRIEFING_SMTP_PORT": str(listener.getsockname()[1]),
        "BRIEFING_SMTP_SECURITY": "none",
        "BRIEFING_MAIL_FROM": "b@example.org",
        "BRIEFING_SMTP_TIMEOUT": "0.4",  # each byte comes in 0.05 s; the session may take 1.6 s
        "BRIEFING_SMTP_RETRIES": "0",
    }
    try:
        result = invoke(
            ["email", "--from-brief", str(tmp_path / "out" / "latest"), "--to", "a@example.org"], mail_env
        )
    finally:
        stop.set()
        listener.close()
    assert result.exit_code == ExitCode.MAIL
    port = mail_env["BRIEFING_SMTP_PORT"]
    assert f"127.0.0.1:{port}: timed out: the session took more than 1.6s" in result.output


# --- 8. private networks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/x",
        "http://172.16.5.4/x",
        "http://192.168.1.1/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.2:9/x",
        "http://[::1]:9/x",
        "http://[fc00::1]/x",
        "http://[fe80::1]/x",
    ],
)
def test_redirects_to_private_addresses_are_refused(server, env, target):
    url = f"{server}/redirect?{target}"
    result = invoke(["ingest", url, "--quiet"], env)
    assert result.exit_code == ExitCode.INPUT
    assert result.output.startswith(f"{url}: refused: ")
    assert "a private, loopback or link-local address" in result.output
    assert len(result.output.splitlines()) == 1


def test_a_redirect_on_the_named_server_is_followed_and_the_flag_allows_the_others(server, env):
    same = invoke(["ingest", f"{server}/redirect?/page", "--quiet"], env)
    assert same.exit_code == ExitCode.OK, same.output
    other = server.replace("127.0.0.1", "localhost")  # the same server under another name
    url = f"{server}/redirect?{other}/page"
    refused = invoke(["ingest", url, "--quiet"], env)
    assert refused.exit_code == ExitCode.INPUT
    assert "refused: localhost resolves to" in refused.output
    allowed = invoke(["ingest", url, "--quiet", "--allow-private-networks"], env)
    assert allowed.exit_code == ExitCode.OK, allowed.output  # stored before: a duplicate, not a failure


def test_feed_links_to_private_addresses_are_refused_unless_the_config_allows(server, tmp_path, env):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>وكالة</title>'
        f"<item><title>خبر</title><link>{server}/page</link><description>مقتطف</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    refused = invoke(["ingest", str(feed), "--quiet"], env)
    assert refused.exit_code == ExitCode.INPUT
    assert (
        f"{feed} #1 ({server}/page): entry page: refused: 127.0.0.1 resolves to 127.0.0.1" in refused.output
    )
    config = tmp_path / "config.toml"
    config.write_text("allow_private = true\n", encoding="utf-8")
    allowed = invoke(["ingest", str(feed), "--quiet"], {**env, "BRIEFING_CONFIG": str(config)})
    assert allowed.exit_code == ExitCode.OK, allowed.output


# --- 9. decoding ----------------------------------------------------------------------------------


def test_a_body_cut_short_is_refused_and_does_not_block_the_whole_page(server, env):
    url = f"{server}/cut"
    first = invoke(["ingest", url, "--quiet"], env)
    assert first.exit_code == ExitCode.INPUT
    assert first.output.strip() == f"{url}: cut short: 120 of {len(PAGE)} bytes received"
    again = invoke(["ingest", url], env)
    assert again.exit_code == ExitCode.OK, again.output
    assert "1 added, 0 duplicate" in again.output


def test_damaged_utf8_is_refused_and_utf16_without_bom_is_read(tmp_path, env):
    text = ARABIC + "\n" + ARABIC.replace("الأسبوع", "الشهر") + "\n"
    damaged = tmp_path / "damaged.txt"
    raw = text.encode()
    damaged.write_bytes(raw[:20] + b"\xff\xfe\xfd\xfc" + raw[20:])
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.replace("الخارجية", "الداخلية").encode("utf-16-le"))
    cp1256 = tmp_path / "cp1256.txt"
    cp1256.write_bytes(text.replace("الخارجية", "المالية").encode("cp1256"))
    result = invoke(["ingest", str(damaged), str(utf16), str(cp1256)], env)
    assert result.exit_code == ExitCode.INPUT
    assert (
        f"{damaged}: invalid UTF-8: 4 bad byte sequence(s), the first at byte 20; not decoded"
        in result.output.splitlines()
    )
    assert f"{utf16}: decoded as UTF-16 (no byte order mark)" in result.output
    assert f"{cp1256}: decoded as Windows-1256 (not UTF-8)" in result.output
    with Store.open(Path(env["BRIEFING_DB"])) as store:
        assert store.get_article("utf16").text == text.replace("الخارجية", "الداخلية").strip()
        assert store.get_article("cp1256").text == text.replace("الخارجية", "المالية").strip()
        assert store.get_article("damaged") is None
