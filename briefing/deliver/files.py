"""Write a rendered brief under out/: one folder per period, never replacing another; out/latest.

A brief is named by the period it covers, out/<first-day>_<last-day>/ (a build from undated
files by its build date, out/<day>/), with a run suffix (-2, -3 …) when that name is taken:
a build never deletes or replaces another brief. Everything is first written to a temporary
directory inside out/ (same file system), then renamed into place.

out/latest is a relative symlink to the brief whose period ends last: a new brief moves it
only when its period ends on or after that one's, so rebuilding last month leaves it alone.
The link is made under a temporary name and renamed over the old one, so at every instant it
names a complete brief. Callers hold the out/ lock (jobs.build_brief does) while writing, so
that whatever .tmp-*, .old-* or .latest-* is found then is a leftover of a crashed run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from briefing.errors import WriteError
from briefing.model.brief import Brief

FileWriter = Callable[[BinaryIO], None]  # writes one file of a brief into its open file
_STREAM_CHUNK = 1 << 20  # characters of brief.json encoded per write

# <first>_<last>, or <day> for a build from undated files; -N for the N-th run of that period.
PERIOD_DIR = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:_(\d{4}-\d{2}-\d{2}))?(?:-(\d+))?$")
LATEST = "latest"
LOCK_NAME = ".lock"
LEFTOVERS = (".tmp-", ".old-", ".latest-")
# Exactly what this module makes under those prefixes (mkdtemp adds _ and [a-z0-9]): --out may
# be a folder that holds other things.
LEFTOVER = re.compile(r"^\.(?:tmp-[\d_-]+|old-(?:latest|[\d_-]+)|latest)-\w+$")
COPY_MARKER = ".brief-name"  # in a copied latest/: the name of the brief it copies
MAX_RUNS = 10_000


def brief_dir_name(brief: Brief) -> str:
    """The folder a brief is written to: its period, or its build date when no article had one."""
    if not brief.period_from_articles:
        return brief.generated[:10]
    return f"{brief.period_start}_{brief.period_end}"


def _period_key(name: str) -> tuple[date, date, int] | None:
    """(last day, first day, run) of a brief folder's name; None for anything else."""
    match = PERIOD_DIR.match(name)
    if match is None:
        return None
    try:
        first = date.fromisoformat(match.group(1))
        last = date.fromisoformat(match.group(2)) if match.group(2) else first
    except ValueError:
        return None
    return last, first, int(match.group(3) or 1)


def brief_dirs(out_dir: Path) -> list[Path]:
    """The brief folders under out_dir, in the order of their periods' ends (last one last)."""
    found = [
        (key, p)
        for p in out_dir.iterdir()
        if (key := _period_key(p.name)) is not None and p.is_dir() and not p.is_symlink()
    ]
    return [p for _key, p in sorted(found)]


def latest_brief(out_dir: Path) -> Path | None:
    """The brief out_dir/latest stands for, when it names one that is there."""
    latest = out_dir / LATEST
    if latest.is_symlink():
        name = Path(os.readlink(latest)).name
    elif latest.is_dir() and (latest / COPY_MARKER).is_file():
        name = (latest / COPY_MARKER).read_text(encoding="utf-8").strip()
    else:
        return None
    target = out_dir / name
    return target if _period_key(name) is not None and target.is_dir() else None


def clean_leftovers(out_dir: Path) -> list[str]:
    """Remove what crashed runs left (staging folders, folders moved aside, temporary links)."""
    removed = []
    for path in out_dir.iterdir():
        if not LEFTOVER.match(path.name):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path.name)
    return removed


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


def point_latest(out_dir: Path, brief_dir: Path) -> Path:
    """Make out/latest name `brief_dir`: a relative symlink swapped in atomically, else a copy."""
    latest = out_dir / LATEST
    tmp_link = out_dir / f".latest-{os.getpid()}"
    try:
        tmp_link.unlink(missing_ok=True)
        os.symlink(brief_dir.name, tmp_link, target_is_directory=True)
    except OSError:
        # No symlinks here (some file systems, Windows without privilege): copy instead.
        tmp_copy = Path(tempfile.mkdtemp(prefix=".latest-", dir=out_dir))
        shutil.copytree(brief_dir, tmp_copy, dirs_exist_ok=True)
        (tmp_copy / COPY_MARKER).write_text(brief_dir.name + "\n", encoding="utf-8")
        _swap_dir(tmp_copy, latest)
        return latest
    if latest.is_dir() and not latest.is_symlink():  # a copy made where links once failed
        aside = Path(tempfile.mkdtemp(prefix=".old-latest-", dir=out_dir))
        aside.rmdir()
        os.rename(latest, aside)
        os.replace(tmp_link, latest)
        shutil.rmtree(aside, ignore_errors=True)
    else:
        os.replace(tmp_link, latest)  # atomic over an old link
    return latest


def _update_latest(out_dir: Path, new: Path) -> None:
    """Point latest at `new` if its period ends last; repair a missing or dangling latest."""
    current = latest_brief(out_dir)
    if current is None:
        # No latest, or one whose brief was removed: the brief whose period ends last.
        briefs = brief_dirs(out_dir)
        chosen: Path | None = briefs[-1] if briefs else None
    else:
        new_key, current_key = _period_key(new.name), _period_key(current.name)
        chosen = new if new_key and current_key and new_key[0] >= current_key[0] else None
    if chosen is not None:
        point_latest(out_dir, chosen)


def brief_json(brief: Brief) -> bytes:
    """brief.json's bytes, as `brief_json_writer` writes them into the file."""
    buffer = BytesIO()
    brief_json_writer(brief)(buffer)
    return buffer.getvalue()


def brief_json_writer(brief: Brief) -> FileWriter:
    """brief.json: the Brief as indented JSON (Brief.from_json reads it back), streamed into the
    file a megabyte at a time.

    An indented dump goes through json's pure-Python encoder, which joins a list of every
    piece: for a window of 10,000 articles (a 200 MB file) that list held more memory than
    the rest of the build; written as it is encoded, it holds a megabyte."""

    def write(fh: BinaryIO) -> None:
        pieces: list[str] = []
        size = 0
        for piece in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(brief.to_json()):
            pieces.append(piece)
            size += len(piece)
            if size >= _STREAM_CHUNK:
                fh.write("".join(pieces).encode("utf-8"))
                pieces, size = [], 0
        pieces.append("\n")
        fh.write("".join(pieces).encode("utf-8"))

    return write


def _place(staging: Path, out_dir: Path, name: str) -> Path:
    """Rename `staging` to out_dir/<name>, or <name>-2, -3 … when taken; never over a brief."""
    for run in range(1, MAX_RUNS + 1):
        target = out_dir / (name if run == 1 else f"{name}-{run}")
        if not os.path.lexists(target):
            os.rename(staging, target)
            return target
    raise OSError(f"{MAX_RUNS} briefs of this period already")


def write_brief(out_dir: Path, name: str, files: Mapping[str, bytes | FileWriter]) -> Path:
    """Write `files` (name → bytes, or a function that writes them into the open file) as a new
    folder out_dir/<name>[-N]/; returns that folder.

    `name` is a period (2018-05-07_2018-05-13) or a day. Another brief of the same period is
    kept: this one gets the next run suffix. Raises WriteError with a one-line reason on
    failure; every brief already there is then untouched. The caller holds the out/ lock.
    """
    match = PERIOD_DIR.match(name)
    if match is None or match.group(3) or _period_key(name) is None:
        raise WriteError(f"not a period (2018-05-07_2018-05-13) or a day (2018-05-13): {name!r}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        clean_leftovers(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".tmp-{name}-", dir=out_dir))
    except OSError as exc:
        raise WriteError(f"{out_dir}: cannot write here ({exc.strerror or exc})") from exc
    try:
        for file_name, data in files.items():
            with (staging / file_name).open("wb") as fh:
                if isinstance(data, bytes):
                    fh.write(data)
                else:
                    data(fh)
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(staging, 0o755)  # mkdtemp makes it 0700
        target = _place(staging, out_dir, name)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteError(f"{out_dir / name}: cannot write the brief ({exc.strerror or exc})") from exc
    try:
        _update_latest(out_dir, target)
    except OSError as exc:
        raise WriteError(f"{out_dir / LATEST}: cannot update ({exc.strerror or exc})") from exc
    return target
