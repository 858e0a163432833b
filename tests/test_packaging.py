"""The wheel: every package listed, templates and styles inside, and a brief rendered from an install.

The install test builds the wheel, installs it without dependencies into a fresh virtual
environment that sees this environment's installed packages (a .pth line, so the checkout's
editable install is not picked up), and builds a brief from a folder outside the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_packaging_lists_every_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "briefing").rglob("__init__.py")}
    shipped = set(config["package-dir"])
    assert set(config["packages"]) == found | shipped
    assert shipped == {"briefing.templates", "briefing.styles"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh environment with the built wheel installed in it."""
    base = tmp_path_factory.mktemp("wheel")
    wheels = base / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, ROOT],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("briefing-*.whl")
    env_dir = base / "env"
    venv.create(env_dir, with_pip=False)
    purelib = Path(sysconfig.get_paths(vars={"base": str(env_dir), "platbase": str(env_dir)})["purelib"])
    # Only the directory itself: its .pth files (the checkout's editable install) are not read.
    (purelib / "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    return env_dir / "bin"


def test_packaging_installed_wheel_renders_a_brief(installed, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "seeds" / "000_38c86639bf4f062a.txt", work / "a.txt")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("BRIEFING_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no config file: every default applies
    where = subprocess.run(
        [installed / "python", "-c", "import briefing.config as c; print(c.Paths.default().templates)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout
    result = subprocess.run(
        [installed / "briefing", "build", "a.txt"],  # no --out: out/ in the current directory
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = [p for p in (work / "out").iterdir() if p.is_dir() and not p.is_symlink()]
    html = (built / "brief.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html
    assert (built / "brief.pdf").read_bytes().startswith(b"%PDF")
