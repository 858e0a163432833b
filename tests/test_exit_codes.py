"""One exit-code table: the code, briefing --help, the README and click's usage errors agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ConfigError, ExitCode, ResourceError, UsageError

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_exit_codes_are_distinct_and_follow_sysexits():
    assert len({int(c) for c in ExitCode}) == len(ExitCode)
    assert (ExitCode.USAGE, ExitCode.LOCKED, ExitCode.CONFIG) == (2, 75, 78)
    assert ConfigError.exit_code is ResourceError.exit_code is ExitCode.CONFIG
    assert UsageError.exit_code is ExitCode.USAGE


def test_exit_codes_table_in_the_readme_and_the_help_lists_every_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d+) \| (.+) \|$", readme, re.M))
    assert {int(code) for code in table} == {int(c) for c in ExitCode}
    assert "usage" in table["2"]
    assert "config" in table["78"]
    summary = " ".join(runner.invoke(app, ["--help"]).stdout.split())
    for code in ExitCode:
        assert re.search(rf"\b{int(code)} [a-z]", summary), code


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--no-such-option"],
        ["ingest", "--timeout", "soon"],
        ["build", "--since", "fortnight", "--db", "{tmp}/b.db"],
        ["build", "--until", "2026-11-14"],
        ["email", "--since", "7d", "--from-brief", "out/latest", "--to", "a@example.org"],
    ],
)
def test_exit_codes_usage_errors_exit_2(args, tmp_path, monkeypatch):
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.delenv("BRIEFING_SMTP_HOST", raising=False)
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "Traceback" not in result.output


def test_exit_codes_config_error_is_not_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / "config.toml").write_text("timeout = -1\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG", str(tmp_path / "config.toml"))
    result = runner.invoke(app, ["ingest", "x.txt", "--db", str(tmp_path / "b.db")])
    assert result.exit_code == ExitCode.CONFIG
    assert result.output.strip().startswith(str(tmp_path / "config.toml"))
