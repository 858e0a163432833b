"""Where briefs go: out/<period>/ never replaced, out/latest, the out/ lock, crashes, empty inputs.

Every test goes through the command line with real files (and a real SQLite file for the
store); extraction is the real pipeline, built once for the session (the `nlp` fixture).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import briefing.jobs
from briefing.cli import app
from briefing.deliver.files import LEFTOVER
from briefing.errors import ExitCode
from briefing.jobs import RunLock

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "أعلنت الحكومة اللبنانية اليوم أن الانتخابات البلدية ستجري في موعدها المحدد.",
    "قال وزير الخارجية الإيراني إن بلاده ستواصل المفاوضات مع الدول الأوروبية.",
    "أكدت الأمم المتحدة أن 200 ألف شخص نزحوا من مناطق القتال في اليمن.",
    "بحث الرئيس المصري مع نظيره الفرنسي سبل دعم الاستقرار في المنطقة.",
]


@pytest.fixture
def env(pipeline_env):
    """A clean environment (empty config file, no BRIEFING_*), and the session's pipeline."""
    return pipeline_env


def folder(root: Path, name: str, dates: list[str | None]) -> Path:
    """A folder of text files, one per date (None: no date in the front matter)."""
    path = root / name
    path.mkdir()
    for i, day in enumerate(dates):
        head = f"---\ntitle: خبر {i}\nsource: Test Wire\ndate: {day}\n---\n" if day else ""
        (path / f"{i}.txt").write_text(head + TEXTS[i % len(TEXTS)] + "\n", encoding="utf-8")
    return path


def cli(*args: str | Path, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def build(source: Path, out: Path, *extra: str):
    return cli("build", source, "--out", out, "--no-pdf", *extra)


def listing(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


def latest(out: Path) -> str:
    return os.readlink(out / "latest")


def leftovers(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if LEFTOVER.match(p.name)]


# --- 1, 2: named by period, never replaced; latest follows the period that ends last -----------


def test_outputs_a_brief_is_named_by_its_period_and_never_replaced(env):
    out = env / "out"
    may = folder(env, "may", ["2018-05-07", "2018-05-13", "2018-05-10"])
    first = build(may, out)
    assert first.exit_code == ExitCode.OK, first.output
    assert listing(out) == [".lock", "2018-05-07_2018-05-13", "latest"]
    assert latest(out) == "2018-05-07_2018-05-13"
    assert "out/latest → 2018-05-07_2018-05-13" in first.output
    kept = (out / "2018-05-07_2018-05-13" / "brief.json").read_bytes()
    brief = json.loads(kept)
    assert (brief["period_start"], brief["period_end"]) == ("2018-05-07", "2018-05-13")

    again = build(may, out)  # the same period: a second run, the first kept
    assert again.exit_code == ExitCode.OK, again.output
    assert (out / "2018-05-07_2018-05-13" / "brief.json").read_bytes() == kept
    assert latest(out) == "2018-05-07_2018-05-13-2"

    april = build(folder(env, "april", ["2018-04-02", "2018-04-05"]), out)  # an older period, later
    assert april.exit_code == ExitCode.OK, april.output
    assert (out / "2018-04-02_2018-04-05" / "brief.html").is_file()
    assert latest(out) == "2018-05-07_2018-05-13-2"  # so `email --from-brief out/latest` sends May

    undated = build(folder(env, "undated", [None, None]), out)
    assert undated.exit_code == ExitCode.OK, undated.output
    today = datetime.now().astimezone().date().isoformat()
    assert latest(out) == today  # named by its build date, which ends after May 2018
    assert listing(out) == sorted(
        [
            ".lock",
            "2018-04-02_2018-04-05",
            "2018-05-07_2018-05-13",
            "2018-05-07_2018-05-13-2",
            today,
            "latest",
        ]
    )


# --- 3: no article is an error, nothing written -----------------------------------------------------


def test_outputs_a_folder_with_no_articles_is_an_error_and_writes_nothing(env):
    out = env / "out"
    assert build(folder(env, "may", ["2018-05-07"]), out).exit_code == ExitCode.OK
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    empty = env / "empty"
    empty.mkdir()
    result = build(empty, out)
    assert result.exit_code == ExitCode.INPUT
    assert result.output.splitlines()[-1].startswith(f"{empty}: no articles")
    assert "Traceback" not in result.output
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    assert latest(out) == "2018-05-07_2018-05-07"
    fresh = env / "fresh-out"
    assert build(empty, fresh).exit_code == ExitCode.INPUT
    assert not fresh.exists()

    allowed = build(empty, out, "--allow-empty")
    assert allowed.exit_code == ExitCode.OK, allowed.output
    today = datetime.now().astimezone().date().isoformat()
    assert json.loads((out / today / "brief.json").read_text(encoding="utf-8"))["empty"] is True


# --- 4: two builds into the same out/ ----------------------------------------------------------------


def test_outputs_a_second_build_into_the_same_out_waits_its_turn(env):
    out = env / "out"
    may = folder(env, "may", ["2018-05-07", "2018-05-08"])
    holder = RunLock(out / ".lock")
    holder.acquire()  # another build is writing into out/ …
    threading.Timer(0.3, holder.release).start()  # … and finishes a moment later
    result = build(may, out)
    assert result.exit_code == ExitCode.OK, result.output
    assert latest(out) == "2018-05-07_2018-05-08"


def test_outputs_a_build_that_waits_too_long_exits_locked_and_writes_nothing(env, monkeypatch):
    out = env / "out"
    may = folder(env, "may", ["2018-05-07", "2018-05-08"])
    assert build(may, out).exit_code == ExitCode.OK
    before = listing(out)
    monkeypatch.setattr(briefing.jobs, "OUT_LOCK_WAIT", 0.2)
    with RunLock(out / ".lock"):
        result = build(may, out)
    assert result.exit_code == ExitCode.LOCKED
    assert f"another briefing run holds {out / '.lock'} (pid {os.getpid()})" in result.output
    assert listing(out) == before


# --- 2: a crash at any point leaves latest on a complete brief; leftovers are cleaned --------------

CRASH = """
import os, signal, sys
from pathlib import Path
from briefing.deliver.files import write_brief

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

setattr(os, sys.argv[2], die)
write_brief(Path(sys.argv[1]), "2018-06-01_2018-06-07", {"brief.html": b"new", "brief.json": b"{}"})
"""


@pytest.mark.parametrize("point", ["fsync", "rename", "symlink", "replace"])
def test_outputs_a_run_killed_while_writing_leaves_latest_on_a_complete_brief(env, point):
    out = env / "out"
    assert build(folder(env, "may", ["2018-05-07", "2018-05-13"]), out).exit_code == ExitCode.OK
    (out / ".tmp-notes").write_text("the user's, not a leftover", encoding="utf-8")
    killed = subprocess.run(
        [sys.executable, "-c", CRASH, str(out), point], cwd=ROOT, capture_output=True, check=False
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    shown = out / latest(out)
    assert shown.name in ("2018-05-07_2018-05-13", "2018-06-01_2018-06-07")
    assert (shown / "brief.html").is_file()
    assert (shown / "brief.json").is_file()
    if point != "symlink":
        assert leftovers(out)  # what the next run must clean

    result = build(folder(env, "june", ["2018-06-10"]), out)
    assert result.exit_code == ExitCode.OK, result.output
    assert leftovers(out) == []
    assert (out / ".tmp-notes").is_file()
    assert latest(out) == "2018-06-10_2018-06-10"


# --- 5: only a --since last run moves the cursor -------------------------------------------------


def jsonl(root: Path, days: dict[str, str]) -> Path:
    """A corpus-format JSONL file: one article per (id, date)."""
    path = root / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, (article_id, day) in enumerate(days.items()):
            record = {"id": article_id, "title": f"خبر {i}", "published": day, "source": "Test Wire"}
            fh.write(json.dumps({**record, "text": TEXTS[i % len(TEXTS)]}, ensure_ascii=False) + "\n")
    return path


def cursor(db: Path) -> tuple[int, str] | None:
    from briefing.store import Store

    with Store.open_existing(db) as store:
        found = store.cursor_build()
    return (found.id, found.window_end.isoformat()) if found else None


def test_outputs_only_a_since_last_build_moves_the_cursor(env, monkeypatch):
    db, out = env / "b.db", env / "out"
    days = {"m1": "2018-05-08", "m2": "2018-05-12", "a1": "2018-04-09", "a2": "2018-04-11"}
    assert cli("ingest", jsonl(env, days), "--db", db, "--quiet").exit_code == ExitCode.OK
    monkeypatch.setenv("BRIEFING_FIRST_SINCE", "2018-05-01")  # the first --since last window
    store_build = ("--db", db, "--out", out, "--no-pdf")
    first = cli("build", "--since", "last", *store_build)
    assert first.exit_code == ExitCode.OK, first.output
    moved = cursor(db)
    assert moved is not None

    past = cli("build", "--since", "2018-04-07", "--until", "2018-04-14", *store_build)
    assert past.exit_code == ExitCode.OK, past.output
    assert (out / "2018-04-07_2018-04-14" / "brief.json").is_file()
    assert cursor(db) == moved
    # `articles --since last` lists what the next --since last build takes: nothing new, not
    # the May articles after the past window's end.
    since_last = cli("articles", "--since", "last", "--db", db, "--json")
    assert since_last.exit_code == ExitCode.OK, since_last.output
    assert json.loads(since_last.stdout) == []
    recent = cli("build", "--since", "30d", "--allow-empty", *store_build)
    assert recent.exit_code == ExitCode.OK, recent.output
    assert cursor(db) == moved

    before = listing(out)
    nothing_new = cli("build", "--since", "last", *store_build)  # cron, with nothing new since
    assert nothing_new.exit_code == ExitCode.INPUT
    assert f"{db}: no articles published" in nothing_new.output
    assert "the --since last cursor not moved" in nothing_new.output
    assert cursor(db) == moved
    assert listing(out) == before

    # Mailing a past window sends that brief, not out/latest (which stays on the later one).
    april = ("--since", "2018-04-07", "--until", "2018-04-14")
    mailed = cli("email", *april, "--to", "a@example.org", "--dry-run", "--db", db, "--out", out, "--no-pdf")
    assert mailed.exit_code == ExitCode.OK, mailed.output
    assert (out / "2018-04-07_2018-04-14-2" / "digest.eml").is_file()
    assert not (out / "latest" / "digest.eml").exists()
    assert cursor(db) == moved


# --- 6: the store must exist; so must the config file BRIEFING_CONFIG names ----------------------


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--since", "7d"],
        ["email", "--since", "7d", "--to", "a@example.org", "--dry-run"],
        ["db", "check"],
        ["db", "stats"],
    ],
)
def test_outputs_a_missing_store_is_an_error_and_is_not_created(env, args):
    db = env / "nowhere" / "b.db"
    result = cli(*args, "--db", db, env={"BRIEFING_MAIL_FROM": "brief@example.org"})
    assert result.exit_code == ExitCode.STORE, result.output
    assert (
        result.output.strip()
        == f"{db}: no store there (`briefing ingest` or `briefing db init --db {db}` creates one)"
    )
    assert not db.parent.exists()


def test_outputs_db_init_creates_the_store_that_build_then_reads(env):
    db = env / "new" / "b.db"
    created = cli("db", "init", "--db", db)
    assert (created.exit_code, created.output) == (ExitCode.OK, f"{db}: created\n")
    assert cli("db", "init", "--db", db).output == f"{db}: already there (up to date)\n"
    empty = cli("build", "--since", "7d", "--db", db, "--out", env / "out")
    assert empty.exit_code == ExitCode.INPUT
    assert f"{db}: no articles published" in empty.output
    assert not (env / "out").exists()
    assert cli("db", "check", "--db", db).output == f"{db}: ok\n"


def test_outputs_briefing_config_naming_a_missing_file_is_an_error(env):
    missing = env / "typo.toml"
    for args in (["ingest", env / "x.jsonl", "--db", env / "b.db"], ["build", "--since", "7d"]):
        result = cli(*args, env={"BRIEFING_CONFIG": str(missing)})
        assert result.exit_code == ExitCode.CONFIG
        assert result.output.strip() == f"{missing}: no such file (named by BRIEFING_CONFIG)"
    assert not (env / "b.db").exists()


# --- 7: build records of killed runs ---------------------------------------------------------------

KILLED_BUILD = """
import os, signal, socket, sys
from datetime import UTC, datetime
from briefing.model.window import Window
from briefing.store import Store

store = Store.open_existing(sys.argv[1])
store.start_build(Window(datetime(2018, 5, 1, tzinfo=UTC)), pid=os.getpid(), host=socket.gethostname())
os.kill(os.getpid(), signal.SIGKILL)
"""


def statuses(db: Path) -> list[tuple[int, str]]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, status FROM builds ORDER BY id").fetchall()


def test_outputs_build_records_of_killed_runs_are_reported_and_marked(env):
    db = env / "b.db"
    days = {"m1": "2018-05-08", "m2": "2018-05-12"}
    assert cli("ingest", jsonl(env, days), "--db", db, "--quiet").exit_code == ExitCode.OK
    killed = subprocess.run([sys.executable, "-c", KILLED_BUILD, str(db)], cwd=ROOT, check=False)
    assert killed.returncode == -signal.SIGKILL
    assert statuses(db) == [(1, "running")]

    check = cli("db", "check", "--db", db)
    assert check.exit_code == ExitCode.OK, check.output
    assert f"{db}: build 1 started 2" in check.stderr
    assert "was killed: still marked running" in check.stderr
    assert check.stdout == f"{db}: ok (1 stale build records)\n"

    from briefing.model.window import Window
    from briefing.store import Store

    with Store.open_existing(db) as store:  # a build going on now, in this process
        store.start_build(
            Window(datetime(2018, 5, 1).astimezone()), pid=os.getpid(), host=os.uname().nodename
        )
    with RunLock(db.with_name("b.db.lock")):  # … holding the lock: only the dead pid is stale
        check = cli("db", "check", "--db", db)
    assert "build 1 " in check.stderr
    assert "build 2 " not in check.stderr

    build = cli(
        "build",
        "--since",
        "2018-05-01",
        "--until",
        "2018-05-31",
        "--db",
        db,
        "--out",
        env / "out",
        "--no-pdf",
    )
    assert build.exit_code == ExitCode.OK, build.output
    assert "build 1 started" in build.output
    assert "marked failed" in build.output
    assert statuses(db) == [(1, "failed"), (2, "failed"), (3, "ok")]  # 2's run held no lock: gone
    assert cli("db", "check", "--db", db).output == f"{db}: ok\n"
