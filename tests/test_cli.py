"""The command line: help that teaches, the version, and every command documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import __version__
from briefing.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_cli_help(flag):
    result = runner.invoke(app, [flag])
    assert result.exit_code == 0
    assert "Arabic" in result.stdout


@pytest.mark.parametrize("command", _commands())
def test_cli_every_command_has_help_with_an_example_and_is_in_the_readme(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.stdout
    assert f"briefing {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from briefing.cli import app; "
        "heavy = [m for m in ('spacy', 'weasyprint', 'camel_tools', 'torch') if sys.modules.get(m)]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
