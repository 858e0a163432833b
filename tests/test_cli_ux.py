"""Pleasant by hand: help with examples, shell completion, `extract -`, --json, progress bars only
on a terminal, and --quiet silent on every command that talks."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import typer.main
from test_cron import env as clean_env  # noqa: F401 (no config file, no BRIEFING_*)
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode
from briefing.jobs import BuildOptions, build_brief

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_38c86639bf4f062a.txt"
runner = CliRunner()


def _walk(command: Any, path: str) -> Iterator[tuple[str, Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, f"{path} {name}")


COMMANDS = list(_walk(typer.main.get_command(app), "briefing"))


@pytest.mark.parametrize(("path", "command"), COMMANDS[1:], ids=[p for p, _ in COMMANDS[1:]])
def test_cli_ux_every_option_has_help_with_an_example(path, command):
    assert "Example:" in (command.help or ""), path
    for param in command.params:
        text = getattr(param, "help", None) or ""
        assert text.strip(), f"{path} {param.name}: no help"
        if not getattr(param, "is_flag", False):  # it takes a value: show one
            assert "e.g." in text.lower(), f"{path} {param.name}: no example in {text!r}"


def test_cli_ux_command_summaries_are_whole():
    for args in ([], ["db"]):
        listing = runner.invoke(app, [*args, "--help"]).stdout.split("Commands:")[1]
        assert "..." not in listing, listing


def test_cli_ux_shell_completion_is_on():
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        # Without this, typer reads --show-completion as a flag, ignores "bash" and asks
        # shellingham for the parent process's shell: none when the tests run under a non-shell
        # parent, and the script comes out empty ("Shell  not supported").
        env={**os.environ, "PYTHONPATH": str(ROOT), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "_BRIEFING_COMPLETE=complete_bash" in result.stdout
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout


def test_cli_ux_extract_reads_standard_input():
    text = SEED.read_text(encoding="utf-8")
    table = runner.invoke(app, ["extract", "-"], input=text)
    assert table.exit_code == ExitCode.OK, table.output
    assert table.stdout.startswith("== stdin\n")
    framed = f"---\nid: piped\ntitle: عنوان\n---\n{text}"
    jsonl = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=framed)
    assert jsonl.exit_code == ExitCode.OK, jsonl.output
    record = json.loads(jsonl.stdout)
    assert record["article"] == "piped"
    assert record["actors"]
    empty = runner.invoke(app, ["extract", "-"], input="")
    assert empty.exit_code == ExitCode.INPUT
    assert empty.output.startswith("-: empty")


def test_cli_ux_ingest_json_summary(clean_env):  # noqa: F811 (a fixture)
    db = clean_env / "b.db"
    result = runner.invoke(
        app, ["ingest", str(SEED), str(clean_env / "missing.txt"), "--db", str(db), "--json"]
    )
    assert result.exit_code == ExitCode.INPUT
    summary = json.loads(result.stdout)
    assert summary == {
        "command": "ingest",
        "added": 1,
        "duplicate": 0,
        "failed": 1,
        "store": str(db),
        "warnings": [],
        "errors": [f"{clean_env / 'missing.txt'}: no such file or URL"],
        "exit_status": ExitCode.INPUT,
    }
    usage = runner.invoke(app, ["ingest", "--json"])  # nothing named: the JSON says so too
    assert json.loads(usage.stdout)["exit_status"] == ExitCode.USAGE


def test_cli_ux_quiet_build_and_email_say_nothing_and_log_their_outcome(clean_env, monkeypatch):  # noqa: F811
    monkeypatch.chdir(clean_env)
    log = clean_env / "run.log"
    build = runner.invoke(app, ["build", str(SEED), "--no-pdf", "--quiet", "--json", "--log", str(log)])
    assert build.exit_code == ExitCode.OK, build.output
    assert build.stderr == ""
    summary = json.loads(build.stdout)
    # No --out and no configured out: the current directory's out/.
    assert Path(summary["brief"]).parent == Path("out")
    assert (clean_env / "out" / "latest" / "brief.json").is_file()
    assert (summary["articles"], summary["exit_status"]) == (1, ExitCode.OK)
    email = runner.invoke(
        app,
        [
            "email",
            "--to",
            "a@example.org",
            "--dry-run",
            "--from-brief",
            "out/latest",
            "-q",
            "--log",
            str(log),
        ],
    )
    assert (email.exit_code, email.output) == (ExitCode.OK, "")
    assert (clean_env / "out" / "latest" / "digest.eml").is_file()
    done = [line.split(" DONE ", 1)[1] for line in log.read_text("utf-8").splitlines() if " DONE " in line]
    assert done[0].startswith("build articles=1 brief=out/")
    assert done[1] == "email mail=written recipients=1 exit=0"


@contextmanager
def on_a_terminal(args: list[str], cwd: Path) -> Iterator[list[bytes]]:
    """Run `python -m briefing ARGS` with its standard error on a pseudo-terminal; what it drew."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=child,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", "COLUMNS": "120"},
    )
    os.close(child)
    drawn: list[bytes] = []
    try:
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            drawn.append(chunk)
        yield drawn
    finally:
        os.close(main)
        assert proc.wait(timeout=120) == ExitCode.OK


def test_cli_ux_progress_bar_only_on_a_terminal(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for n in range(12):
        (inbox / f"{n:02}.txt").write_text(f"{text}\nخبر رقم {n}", encoding="utf-8")
    env_args = ["--db", str(tmp_path / "b.db")]
    with on_a_terminal(["ingest", str(inbox), *env_args], tmp_path) as drawn:
        pass
    screen = b"".join(drawn).decode("utf-8", "replace")
    assert "ingest" in screen
    assert "ETA" in screen
    assert "12/12" in screen
    assert "━" in screen  # the bar itself
    with on_a_terminal(["ingest", str(inbox), *env_args, "--quiet"], tmp_path) as drawn:
        pass
    assert b"".join(drawn) == b""
    piped = runner.invoke(app, ["ingest", str(inbox), *env_args])  # stderr is not a terminal
    assert "ETA" not in piped.output
    assert "━" not in piped.output


def test_cli_ux_build_draws_extraction_and_pdf_bars_on_a_terminal(tmp_path):
    with on_a_terminal(["build", str(SEED), "--out", str(tmp_path / "out")], tmp_path) as drawn:
        pass
    screen = b"".join(drawn).decode("utf-8", "replace")
    lines = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen).replace("\r", "\n").split("\n")
    bars = [line for line in lines if "━" in line and "ETA" in line]
    assert any(line.startswith("extract ") and " 1/1 " in line for line in bars), bars
    assert any(line.startswith("PDF: ") and "pages laid out" in line for line in bars), bars
    assert (tmp_path / "out" / "latest" / "brief.pdf").is_file()


def test_cli_ux_pdf_progress_has_two_phases(tmp_path):
    notes: list[str | None] = []

    @contextmanager
    def recording(label, total):
        assert (label, total) == ("PDF", 2)
        yield lambda n=1, note=None: notes.append(note)

    build_brief([], tmp_path, generated=datetime(2026, 11, 21), options=BuildOptions(), bar=recording)
    assert len(notes) == 2
    assert notes[0] is not None
    assert notes[0].endswith("pages laid out")
    assert notes[1] == "written"


def test_cli_ux_verbose_says_what_became_of_each_article(clean_env):  # noqa: F811 (a fixture)
    args = ["ingest", str(SEED), "--db", str(clean_env / "b.db")]
    plain = runner.invoke(app, args)
    assert "added as" not in plain.output
    again = runner.invoke(app, [*args, "-v"])
    assert again.exit_code == ExitCode.OK
    assert f"{SEED}: already stored as " in again.output
    assert "ingested 1: 0 added, 1 duplicate, 0 failed" in again.output
    fresh = runner.invoke(app, ["ingest", str(SEED), "--db", str(clean_env / "c.db"), "-v"])
    assert f"{SEED}: added as " in fresh.output
