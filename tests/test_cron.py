"""Running from cron: the lock, --since parsing, settings precedence, exit codes, --quiet and --log."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.config import Settings
from briefing.errors import ConfigError, ExitCode, LockedError
from briefing.jobs import (
    BuildOptions,
    Reporter,
    RunLock,
    build_since,
    make_window,
    parse_when,
    run_ingest,
    run_job,
)
from briefing.model.contract import Article, Extraction
from briefing.store import NewArticle, Store

DATA = Path(__file__).resolve().parent / "data" / "ingest"
NOW = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A clean environment: no config file, no BRIEFING_* variable, a store in tmp_path."""
    for name in list(os.environ):
        if name.startswith("BRIEFING_"):
            monkeypatch.delenv(name)
    (tmp_path / "config.toml").touch()  # a BRIEFING_CONFIG that names a missing file is an error
    monkeypatch.setenv("BRIEFING_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


# --- --since / --until ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7d", datetime(2026, 11, 14, 6, 30, tzinfo=UTC)),
        ("24h", datetime(2026, 11, 20, 6, 30, tzinfo=UTC)),
        ("2w", datetime(2026, 11, 7, 6, 30, tzinfo=UTC)),
        ("today", datetime(2026, 11, 21, tzinfo=UTC)),
        ("yesterday", datetime(2026, 11, 20, tzinfo=UTC)),
        ("2026-11-14", datetime(2026, 11, 14, tzinfo=UTC)),
        ("2026-11-14T08:00:00+03:00", datetime(2026, 11, 14, 5, tzinfo=UTC)),
        ("2026-11-14T08:00", datetime(2026, 11, 14, 8, tzinfo=UTC)),
    ],
)
def test_cron_since_values(value, expected):
    assert parse_when(value, NOW) == expected


def test_cron_until_a_date_includes_that_day():
    assert parse_when("2026-11-14", NOW, end=True) == datetime(2026, 11, 15, tzinfo=UTC)


@pytest.mark.parametrize("value", ["7x", "last week", "2026-13-01", "2026-02-30", ""])
def test_cron_since_rejects_what_it_cannot_read(value):
    with pytest.raises(ValueError, match=r"expected|not a real date"):
        parse_when(value, NOW)


def test_cron_since_last_takes_the_last_build():
    last = datetime(2026, 11, 20, 6, 30, tzinfo=UTC)
    window = make_window("last", None, NOW, last)
    assert (window.start, window.end) == (last, None)
    with pytest.raises(ValueError, match="no successful build"):
        make_window("last", None, NOW, None)


def test_cron_until_must_come_after_since():
    with pytest.raises(ValueError, match="not after"):
        make_window("2026-11-14", "2026-11-10", NOW, None)
    window = make_window("2026-11-14", "2026-11-14", NOW, None)
    assert (window.first_day, window.last_day) == ("2026-11-14", "2026-11-14")


# --- the lock -------------------------------------------------------------------------------------


def test_cron_lock_excludes_a_second_run(tmp_path):
    path = tmp_path / "b.db.lock"
    with RunLock(path):
        with pytest.raises(LockedError, match=f"pid {os.getpid()}"):
            RunLock(path).acquire()
    with RunLock(path):  # free again once released
        pass


def test_cron_lock_dies_with_its_holder(tmp_path):
    path = tmp_path / "b.db.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from briefing.jobs import RunLock;"
            f"RunLock(Path({str(path)!r})).acquire(); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError):
            RunLock(path).acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        deadline = time.monotonic() + 5
        while True:
            try:
                with RunLock(path):
                    break
            except LockedError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_cron_second_ingest_says_locked_and_exits_75(env):
    db = env / "b.db"
    with RunLock(db.with_name("b.db.lock")):
        result = CliRunner().invoke(app, ["ingest", str(DATA / "sidecar.txt"), "--db", str(db)])
        quiet = CliRunner().invoke(app, ["ingest", str(DATA / "sidecar.txt"), "--db", str(db), "--quiet"])
    assert result.exit_code == ExitCode.LOCKED == 75
    assert "another briefing run holds" in result.output
    assert len(result.output.strip().splitlines()) == 1
    # cron runs the next one an hour later: a quiet run that meets the lock mails nothing
    assert quiet.exit_code == ExitCode.LOCKED
    assert quiet.output == ""


# --- settings -------------------------------------------------------------------------------------


def test_cron_settings_precedence_flag_env_file_default(env, monkeypatch):
    config = env / "config.toml"
    assert Settings.resolve().db == env / "data" / "briefing" / "briefing.db"  # default
    config.write_text('db = "~/from-file.db"\nout = "/srv/briefs"\ntimeout = 7\nsources = ["a.jsonl"]\n')
    s = Settings.resolve()
    assert (s.db, s.out, s.timeout, s.sources) == (
        Path("~/from-file.db").expanduser(),
        Path("/srv/briefs"),
        7.0,
        ("a.jsonl",),
    )
    assert s.config_file == config
    monkeypatch.setenv("BRIEFING_DB", "/env/b.db")
    monkeypatch.setenv("BRIEFING_SOURCES", "x.jsonl https://example.org/rss")
    s = Settings.resolve()
    assert (s.db, s.out, s.sources) == (
        Path("/env/b.db"),
        Path("/srv/briefs"),
        ("x.jsonl", "https://example.org/rss"),
    )
    assert Settings.resolve(db=Path("/flag/b.db")).db == Path("/flag/b.db")
    assert Settings.resolve(db=Path("/flag/b.db")).lock_path == Path("/flag/b.db.lock")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("db = [unclosed", "not valid TOML"),
        ('dbb = "x.db"', "unknown setting(s) dbb"),
        ("timeout = -1", "timeout: -1: must be more than 0 and at most 3,600"),
        ('sources = "one"', None),  # a string is split on spaces, as in the environment
    ],
)
def test_cron_config_file_errors_name_the_file(env, content, message):
    (env / "config.toml").write_text(content)
    if message is None:
        assert Settings.resolve().sources == ("one",)
        return
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        Settings.resolve()
    assert str(env / "config.toml") in str(info.value)


def test_cron_bad_config_exits_78_with_one_line(env):
    (env / "config.toml").write_text("db = [unclosed")
    result = CliRunner().invoke(app, ["ingest", str(DATA / "sidecar.txt")])
    assert result.exit_code == ExitCode.CONFIG
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_cron_ingest_uses_the_config_sources_and_db(env):
    db = env / "from-config.db"
    (env / "config.toml").write_text(f'db = "{db}"\nsources = ["{DATA / "front_matter.txt"}"]\n')
    result = CliRunner().invoke(app, ["ingest", "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert db.is_file()


def test_cron_nothing_to_ingest_is_a_usage_error(env):
    result = CliRunner().invoke(app, ["ingest"])
    assert result.exit_code == ExitCode.USAGE
    assert "nothing to ingest" in result.output


# --- exit codes, --quiet, --log -------------------------------------------------------------------


def test_cron_corrupt_store_exits_3(env):
    db = env / "b.db"
    db.write_bytes(b"garbage, not SQLite " * 100)
    result = CliRunner().invoke(app, ["ingest", str(DATA / "sidecar.txt"), "--db", str(db)])
    assert result.exit_code == ExitCode.STORE == 3
    assert result.output.strip().count("\n") == 0
    assert "corrupt" in result.output


def test_cron_log_file_gets_every_message_even_when_quiet(env):
    log = env / "logs" / "briefing.log"
    args = ["ingest", str(DATA / "sidecar.txt"), str(env / "missing.txt"), "--db", str(env / "b.db")]
    result = CliRunner().invoke(app, [*args, "--quiet", "--log", str(log)])
    assert result.exit_code == ExitCode.INPUT
    assert "missing.txt: no such file" in result.output
    assert "ingested" not in result.output  # quiet: the summary only goes to the log
    lines = log.read_text(encoding="utf-8").splitlines()
    assert any(" ERROR " in line and "missing.txt" in line for line in lines)
    assert any(" INFO " in line and "1 added" in line for line in lines)
    assert all(line[:4].isdigit() and "T" in line[:20] for line in lines)  # timestamped


def test_cron_run_job_maps_failures_to_exit_codes(tmp_path):
    from briefing.errors import ResourceError, StoreError

    def failing(exc: BaseException):
        def job(_reporter: Reporter) -> int:
            raise exc

        return job

    stream = io.StringIO()
    assert run_job(lambda r: ExitCode.OK, stream=stream) == ExitCode.OK
    assert run_job(failing(ResourceError("units.yaml: bad")), stream=stream) == ExitCode.CONFIG
    assert run_job(failing(StoreError("b.db: locked")), stream=stream) == ExitCode.STORE
    assert run_job(failing(ConfigError("config.toml: bad")), stream=stream) == ExitCode.CONFIG
    assert stream.getvalue().splitlines() == ["units.yaml: bad", "b.db: locked", "config.toml: bad"]
    with pytest.raises(KeyError):  # an unknown fault is a bug: it is not hidden
        run_job(failing(KeyError("x")), stream=stream)


# --- build --since ----------------------------------------------------------------------------------


class CountingExtractor:
    """Stands in for the pipeline: records which articles it was asked to extract."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, resources):
        def extract(batch):
            self.seen.extend(a.id for a in batch)
            return [Extraction(article=a, resources_version=resources.version) for a in batch]

        return extract


def fake_resources(version: str = "test-v1"):
    from briefing.resources import Resources

    return Resources(directory=Path("."), version=version, actors=(), titles=(), themes=())


def settings_for(tmp_path: Path) -> Settings:
    return Settings(db=tmp_path / "b.db", out=tmp_path / "out")


def build(settings, since, until=None, *, extractor=None, version="test-v1", now=NOW, stream=None):
    reporter = Reporter(stream=stream or io.StringIO())
    return build_since(
        settings,
        since,
        until,
        reporter,
        options=BuildOptions(pdf=False),
        now=now,
        resources=fake_resources(version),
        make_extractor=extractor or CountingExtractor(),
    )


def brief_sources(settings: Settings) -> list[str]:
    data = json.loads((settings.out / "latest" / "brief.json").read_text(encoding="utf-8"))
    return [s["id"] for s in data["sources"]]


def add(store: Store, n: int, day: str) -> None:
    store.add_article(
        NewArticle(
            Article(id=f"n{n}", text=f"خبر رقم {n} عن المفاوضات في المنطقة.", published=day),
            published_from="source",
        )
    )


def test_cron_build_since_cites_the_window_and_extracts_only_what_is_new(tmp_path):
    settings = settings_for(tmp_path)
    with Store.open(settings.db) as store:
        for n, day in enumerate(["2026-11-12", "2026-11-14", "2026-11-17", "2026-11-20", "2026-11-21"]):
            add(store, n, day)
    first = CountingExtractor()
    assert build(settings, "2026-11-14", "2026-11-20", extractor=first) == ExitCode.OK
    assert brief_sources(settings) == ["n1", "n2", "n3"]
    # n0 is of the window before (7 days to 13 November), never extracted: what changed needs it.
    assert sorted(first.seen) == ["n0", "n1", "n2", "n3"]
    again = CountingExtractor()
    assert build(settings, "7d", extractor=again) == ExitCode.OK  # 2026-11-14T06:30 onwards
    assert brief_sources(settings) == ["n1", "n2", "n3", "n4"]
    assert again.seen == ["n4"]
    stale = CountingExtractor()
    assert build(settings, "7d", extractor=stale, version="test-v2") == ExitCode.OK
    assert sorted(stale.seen) == ["n1", "n2", "n3", "n4"]


def test_cron_build_since_last_resumes_where_the_last_build_ended(tmp_path):
    settings = settings_for(tmp_path)
    with Store.open(settings.db) as store:
        add(store, 1, "2026-11-10")
    err = io.StringIO()
    assert build(settings, "last", now=datetime(2026, 11, 14, 6, tzinfo=UTC), stream=err) == ExitCode.OK
    assert "no build recorded yet" in err.getvalue()  # first run: settings.first_since (7d)
    assert brief_sources(settings) == ["n1"]
    with Store.open(settings.db) as store:
        add(store, 2, "2026-11-15")
        add(store, 3, "2026-11-13")  # published before the last build: not in the next window
    assert build(settings, "last", now=datetime(2026, 11, 21, 6, tzinfo=UTC)) == ExitCode.OK
    assert brief_sources(settings) == ["n2"]
    with Store.open(settings.db) as store:
        last = store.last_build()
        assert last is not None
        assert last.window_end == datetime(2026, 11, 21, 6, tzinfo=UTC)


def test_cron_build_failure_is_recorded_and_exits_4(tmp_path, monkeypatch):
    import briefing.jobs
    from briefing.errors import RenderError

    def broken(*args, **kwargs):
        raise RenderError("template brief.html: boom")

    monkeypatch.setattr(briefing.jobs, "build_brief", broken)
    settings = settings_for(tmp_path)
    with Store.open(settings.db) as store:
        add(store, 1, "2026-11-20")
    err = io.StringIO()
    assert build(settings, "7d", stream=err) == ExitCode.BUILD == 4
    assert "build failed: template brief.html: boom" in err.getvalue()
    with Store.open(settings.db) as store:
        assert store.last_build() is None
        assert store.stats()["builds_failed"] == 1


def test_cron_build_a_week_of_the_corpus_cites_exactly_its_articles(shared_dir, tmp_path):
    corpus = shared_dir / "corpus" / "articles.jsonl"
    settings = settings_for(tmp_path)
    assert run_ingest(settings, [str(corpus)], Reporter(stream=io.StringIO())) == ExitCode.OK
    records = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    inside = sorted(r["id"] for r in records if "2018-05-07" <= r["published"] <= "2018-05-13")
    assert len(inside) > 5
    assert build(settings, "2018-05-07", "2018-05-13") == ExitCode.OK
    assert sorted(brief_sources(settings)) == inside


def test_cron_build_command_refuses_bad_windows_and_mixed_inputs(env):
    runner = CliRunner()
    bad = runner.invoke(app, ["build", "--since", "fortnight", "--db", str(env / "b.db")])
    assert bad.exit_code == ExitCode.USAGE
    assert bad.output.strip() == (
        "'fortnight': expected 7d, 24h, 2w, today, yesterday, last, a date (2026-11-14) or an ISO time"
    )
    mixed = runner.invoke(app, ["build", str(DATA), "--since", "7d"])
    assert mixed.exit_code == ExitCode.USAGE
    assert "not both" in mixed.output
    nothing = runner.invoke(app, ["build"])
    assert nothing.exit_code == ExitCode.USAGE
    assert "nothing to build" in nothing.output


def test_cron_second_build_says_locked_and_exits_75(env):
    db = env / "b.db"
    Store.open(db).close()  # a store that is there (a missing one is exit 3 before any lock)
    with RunLock(db.with_name("b.db.lock")):
        result = CliRunner().invoke(app, ["build", "--since", "last", "--db", str(db)])
        quiet = CliRunner().invoke(app, ["build", "--since", "last", "--db", str(db), "--quiet"])
    assert result.exit_code == ExitCode.LOCKED
    assert "another briefing run holds" in result.output
    assert quiet.exit_code == ExitCode.LOCKED
    assert quiet.output == ""


def test_cron_build_command_on_a_corpus_week_with_the_real_pipeline(shared_dir, env):
    """The whole cron path: ingest the corpus, build a week from the store, quietly."""
    corpus = shared_dir / "corpus" / "articles.jsonl"
    db, out = env / "b.db", env / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--quiet"]).exit_code == 0
    args = ["build", "--since", "2018-05-07", "--until", "2018-05-13", "--db", str(db), "--out", str(out)]
    result = runner.invoke(app, [*args, "--no-pdf", "--quiet", "--log", str(env / "cron.log")])
    assert result.exit_code == ExitCode.OK, result.output
    assert result.output == ""
    records = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    inside = sorted(r["id"] for r in records if "2018-05-07" <= r["published"] <= "2018-05-13")
    assert sorted(brief_sources(Settings(db=db, out=out))) == inside
    assert "articles published" in (env / "cron.log").read_text(encoding="utf-8")
    with Store.open(db) as store:
        # The window and the week before it (what changed compares them), nothing else.
        before = [r["id"] for r in records if "2018-04-30" <= r["published"] <= "2018-05-06"]
        assert len(store.load_extractions(store.all_articles())) == len(inside) + len(before)


def test_cron_library_warnings_stay_out_of_quiet_runs(tmp_path):
    import warnings

    def job(_reporter: Reporter) -> int:
        warnings.warn("[W028] something a library noticed", UserWarning, stacklevel=1)
        return ExitCode.OK

    stream = io.StringIO()
    assert run_job(job, quiet=True, log=tmp_path / "cron.log", stream=stream) == ExitCode.OK
    assert stream.getvalue() == ""
    assert "WARN UserWarning: [W028] something a library noticed" in (tmp_path / "cron.log").read_text(
        "utf-8"
    )
