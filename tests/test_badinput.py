"""Bad input through the command line: one line naming the input and the reason, never a
traceback, never a hang; the other inputs go on and nothing is half-written."""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path

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
    return {"BRIEFING_CONFIG": str(tmp_path / "none.toml"), "BRIEFING_DB": str(tmp_path / "b.db")}


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
USAGE = getattr(ExitCode, "USAGE", ExitCode.INPUT)


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
