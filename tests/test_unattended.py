"""Running unattended: the README's cron lines as cron runs them, empty sources, --quiet, --log.

The cron test reads the lines from README.md, so that the documentation and the test cannot
drift: each runs under `env -i PATH=/usr/bin:/bin HOME=…` (cron's environment), with a config
file in that HOME, an inbox folder, a store, and a real SMTP server on 127.0.0.1.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from datetime import UTC, datetime
from email import message_from_bytes
from pathlib import Path

import pytest
from smtp_server import ScriptedHandler, running
from test_cron import env as clean_env  # noqa: F401 (no config file, no BRIEFING_*)
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_38c86639bf4f062a.txt"
EMPTY_FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title>'
    "<link>https://example.org/</link><description>none yet</description></channel></rss>"
)


def readme_cron_lines() -> list[str]:
    """The commands of the README's crontab block (the five time fields left out)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```crontab\n(.*?)```", readme, re.S)
    lines = [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [line.split(None, 5)[5] for line in lines]


def cron_run(command: str, home: Path, briefing: Path) -> subprocess.CompletedProcess[str]:
    """`command` as cron runs it: sh -c, PATH=/usr/bin:/bin, HOME, nothing else in the environment."""
    program, rest = command.split(None, 1)
    assert program.startswith("/"), f"{program}: not on cron's PATH (exit 127); write its full path"
    line = f"{shlex.quote(str(briefing))} {rest}"
    return subprocess.run(
        ["/usr/bin/env", "-i", "PATH=/usr/bin:/bin", f"HOME={home}", "sh", "-c", line],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
    )


def installed_command(where: Path) -> Path:
    """The `briefing` command of this checkout at an absolute path, as `pip install` would put it.

    A console script of the environment would run whichever checkout is installed there (the
    main one, for a worktree), so this one runs this checkout's code with this interpreter.
    """
    script = where / "briefing"
    python, checkout = shlex.quote(sys.executable), shlex.quote(str(ROOT))
    script.write_text(f'#!/bin/sh\nPYTHONPATH={checkout} exec {python} -m briefing "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    (home / ".config" / "briefing").mkdir(parents=True)
    (home / "inbox").mkdir()
    return home


def write_config(home: Path, smtp_port: int) -> None:
    (home / ".config" / "briefing" / "config.toml").write_text(
        f"""db = "~/briefing/news.db"
out = "~/briefing/out"
log = "~/briefing/cron.log"
sources = ["~/inbox", "~/quiet-feed.xml"]

[smtp]
host = "127.0.0.1"
port = {smtp_port}
security = "none"
from = "Briefing <brief@example.org>"
to = "analysts@example.org"
""",
        encoding="utf-8",
    )


def test_unattended_readme_cron_lines_run_under_crons_environment(home, tmp_path):
    ingest_line, build_line = readme_cron_lines()
    assert ingest_line.endswith("briefing ingest --quiet")
    assert build_line.endswith("briefing build --since last --email --quiet")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    briefing = installed_command(bin_dir)
    (home / "quiet-feed.xml").write_text(EMPTY_FEED, encoding="utf-8")
    handler = ScriptedHandler()
    with running(handler) as server:
        write_config(home, server.port)
        # The inbox is empty and the feed has no entries: nothing to do, nothing to mail.
        empty = cron_run(ingest_line, home, briefing)
        assert (empty.returncode, empty.stdout, empty.stderr) == (ExitCode.OK, "", "")
        today = datetime.now(UTC).date().isoformat()
        text = SEED.read_text(encoding="utf-8")
        (home / "inbox" / "a.txt").write_text(f"---\npublished: {today}\n---\n{text}", encoding="utf-8")
        ingested = cron_run(ingest_line, home, briefing)
        assert (ingested.returncode, ingested.stdout, ingested.stderr) == (ExitCode.OK, "", "")
        built = cron_run(build_line, home, briefing)
        assert (built.returncode, built.stdout, built.stderr) == (ExitCode.OK, "", "")
    (mail,) = handler.received
    assert mail.rcpt_tos == ["analysts@example.org"]
    assert any(p.get_content_type() == "application/pdf" for p in message_from_bytes(mail.data).walk())
    assert (home / "briefing" / "out" / "latest" / "brief.pdf").is_file()
    done = [
        line for line in (home / "briefing" / "cron.log").read_text("utf-8").splitlines() if " DONE " in line
    ]
    assert len(done) == 3
    assert "DONE ingest added=0 duplicate=0 failed=0" in done[0]
    assert done[0].endswith(" exit=0")
    assert "DONE ingest added=1 duplicate=0 failed=0" in done[1]
    assert "DONE build articles=1 extracted=1" in done[2]
    assert "mail=sent recipients=1 exit=0" in done[2]


def test_unattended_readme_cron_line_with_a_bare_name_is_not_found(home):
    """What the README used to say: under cron's PATH a bare `briefing` is exit 127."""
    result = subprocess.run(
        ["/usr/bin/env", "-i", "PATH=/usr/bin:/bin", f"HOME={home}", "sh", "-c", "briefing ingest --quiet"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 127


def test_unattended_empty_sources_are_nothing_to_do(clean_env):  # noqa: F811 (a fixture)
    env = clean_env
    inbox = env / "inbox"
    inbox.mkdir()
    (env / "feed.xml").write_text(EMPTY_FEED, encoding="utf-8")
    args = ["ingest", str(inbox), str(env / "feed.xml"), "--db", str(env / "b.db")]
    quiet = CliRunner().invoke(app, [*args, "--quiet"])
    assert (quiet.exit_code, quiet.output) == (ExitCode.OK, "")
    loud = CliRunner().invoke(app, [*args, "-v"])
    assert loud.exit_code == ExitCode.OK
    assert f"{inbox}: no input files in this folder: nothing to do" in loud.output
    assert f"{env / 'feed.xml'}: an RSS/Atom feed with no entries: nothing to do" in loud.output
    plain = CliRunner().invoke(app, args)
    assert "nothing to do" not in plain.output  # said only with -v
    assert "ingested 0: 0 added, 0 duplicate, 0 failed" in plain.output


def test_unattended_a_failing_run_logs_its_outcome(clean_env, monkeypatch):  # noqa: F811 (a fixture)
    env = clean_env
    monkeypatch.chdir(env)
    log = env / "cron.log"
    missing = CliRunner().invoke(app, ["ingest", "missing.txt", "--db", "b.db", "--quiet", "--log", str(log)])
    assert missing.exit_code == ExitCode.INPUT
    assert missing.output.strip() == "missing.txt: no such file or URL"
    usage = CliRunner().invoke(
        app, ["build", "--since", "fortnight", "--db", "b.db", "-q", "--log", str(log)]
    )
    assert usage.exit_code == ExitCode.USAGE
    done = [line for line in log.read_text("utf-8").splitlines() if " DONE " in line]
    assert done[0].endswith("DONE ingest added=0 duplicate=0 failed=1 store=b.db exit=1")
    assert done[1].endswith("DONE build exit=2")
    assert "ERROR 'fortnight': expected" in log.read_text("utf-8")
