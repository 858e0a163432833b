"""Write a rendered brief under out/ atomically: out/<date>/ is replaced whole, out/latest follows.

Everything is first written to a temporary directory inside out/ (same file system), then
renamed into place, so a run that fails at any point leaves the previous brief as it was.
A directory cannot be renamed over a non-empty one, so the old date directory is first moved
aside and removed only once the new one is in place (and put back if that rename fails).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from briefing.errors import WriteError
from briefing.model.brief import Brief

DATE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LATEST = "latest"


def _swap_dir(new: Path, target: Path) -> None:
    """Put directory `new` at `target`, replacing whatever is there (dir, file or link)."""
    if target.is_symlink() or target.is_file():
        target.unlink()
        os.rename(new, target)
        return
    if not target.exists():
        os.rename(new, target)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".old-{target.name}-", dir=target.parent))
    aside.rmdir()
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def newest_date_dir(out_dir: Path) -> Path | None:
    dirs = [p for p in out_dir.iterdir() if DATE_DIR.match(p.name) and p.is_dir() and not p.is_symlink()]
    return max(dirs, key=lambda p: p.name) if dirs else None


def point_latest(out_dir: Path) -> Path | None:
    """Make out/latest name the newest date directory: a relative symlink, else a copy."""
    newest = newest_date_dir(out_dir)
    if newest is None:
        return None
    latest = out_dir / LATEST
    tmp_link = out_dir / f".latest-{os.getpid()}"
    try:
        if tmp_link.is_symlink() or tmp_link.exists():
            tmp_link.unlink()
        os.symlink(newest.name, tmp_link, target_is_directory=True)
    except OSError:
        # No symlinks here (some file systems, Windows without privilege): copy instead.
        tmp_copy = Path(tempfile.mkdtemp(prefix=".latest-", dir=out_dir))
        shutil.copytree(newest, tmp_copy, dirs_exist_ok=True)
        _swap_dir(tmp_copy, latest)
        return latest
    if latest.is_dir() and not latest.is_symlink():
        aside = Path(tempfile.mkdtemp(prefix=".old-latest-", dir=out_dir))
        aside.rmdir()
        os.rename(latest, aside)
        os.replace(tmp_link, latest)
        shutil.rmtree(aside, ignore_errors=True)
    else:
        os.replace(tmp_link, latest)  # atomic over an old link
    return latest


def brief_json(brief: Brief) -> bytes:
    """brief.json: the Brief as JSON (Brief.from_json reads it back)."""
    return (json.dumps(brief.to_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_brief(out_dir: Path, day: str, files: Mapping[str, bytes]) -> Path:
    """Write `files` (name → bytes) as out_dir/<day>/, replacing that directory whole.

    Returns the date directory. Raises WriteError with a one-line reason on failure; the
    previous content of out_dir/<day> is then untouched.
    """
    if not DATE_DIR.match(day):
        raise WriteError(f"not a YYYY-MM-DD day: {day!r}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".tmp-{day}-", dir=out_dir))
    except OSError as exc:
        raise WriteError(f"{out_dir}: cannot write here ({exc.strerror or exc})") from exc
    try:
        for name, data in files.items():
            with (staging / name).open("wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(staging, 0o755)  # mkdtemp makes it 0700
        target = out_dir / day
        _swap_dir(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteError(f"{out_dir / day}: cannot write the brief ({exc.strerror or exc})") from exc
    try:
        point_latest(out_dir)
    except OSError as exc:
        raise WriteError(f"{out_dir / LATEST}: cannot update ({exc.strerror or exc})") from exc
    return target
