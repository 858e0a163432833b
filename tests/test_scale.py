"""bench/bench_scale.py's corpus repeated into distinct articles, and the build's stage timings
(BRIEFING_TIMINGS) it reads."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode
from briefing.store import Store

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "bench_scale.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_scale", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def corpus(shared_dir) -> Path:
    path = shared_dir / "corpus" / "articles.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the shared corpus is not available")
    return path


def _ingest(records: list[dict], tmp_path: Path) -> Path:
    source, db = tmp_path / "copies.jsonl", tmp_path / "news.db"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(source), "--db", str(db)])
    assert result.exit_code == ExitCode.OK, result.output
    assert "6 added, 0 duplicate" in result.output
    return db


def test_three_copies_of_two_articles_are_six_articles_the_store_keeps(corpus, tmp_path, pipeline_env):
    bench = _bench()
    two = bench.read_corpus(corpus)[:2]
    copies = bench.repeat_corpus(two, 6)
    db = _ingest(copies, tmp_path)
    with Store.open(db) as store:
        stored = store.all_articles()
        rows = store.query("SELECT published_at, url FROM articles")
    assert len(stored) == 6
    assert len({a.id for a in stored}) == 6
    assert len({r["published_at"] for r in rows}) == 6
    assert len({r["url"] for r in rows}) == 6
    # Every copy is inside the benchmark's week, and says which copy it is.
    start, end = bench.WINDOW_START, bench.WINDOW_START + timedelta(days=bench.WINDOW_DAYS)
    for r in rows:
        assert start.strftime("%Y-%m-%dT%H:%M:%SZ") <= r["published_at"] < end.strftime("%Y-%m-%dT%H:%M:%SZ")
    by_copy = {a.id: a for a in stored}
    assert by_copy[f"{two[0]['id']}-c0002"].text.endswith("c0002.")
    assert by_copy[f"{two[0]['id']}-c0000"].text.startswith(two[0]["text"][:200])


def test_a_build_writes_its_stage_timings_where_briefing_timings_says(
    corpus, tmp_path, pipeline_env, monkeypatch
):
    bench = _bench()
    db = _ingest(bench.repeat_corpus(bench.read_corpus(corpus)[:2], 6), tmp_path)
    timings = tmp_path / "timings.jsonl"
    monkeypatch.setenv("BRIEFING_TIMINGS", str(timings))
    args = ["build", "--since", "2019-01-07", "--until", "2019-01-13", "--db", str(db), "--no-pdf", "--quiet"]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == ExitCode.OK, result.output
    records = [json.loads(line) for line in timings.read_text(encoding="utf-8").splitlines()]
    stages = [r["stage"] for r in records]
    assert stages == [
        "read articles",
        "extract",
        "load extractions",
        "previous window",
        "compose",
        "brief HTML",
        "appendix HTML",
        "write",
    ]
    assert all(r["seconds"] >= 0 and r["cpu_seconds"] >= 0 and r["peak_rss_mb"] > 0 for r in records)
    monkeypatch.delenv("BRIEFING_TIMINGS")
    timings.unlink()
    again = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "out2")])
    assert again.exit_code == ExitCode.OK, again.output
    assert not timings.exists()


def test_the_benchmark_prints_its_table_for_a_small_window(corpus, tmp_path, capsys):
    bench = _bench()
    assert bench.main(["--sizes", "4", "--no-pdf", "--keep", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("| 4 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[4] == "–"  # no brief PDF asked for
    assert cells[9] == "–"  # so no pages
    assert cells[7].endswith("×")  # after extraction / extraction
    own, tree = (float(c[:-3].replace(",", "")) for c in cells[10:12])
    assert cells[10].endswith(" MB")
    assert cells[11].endswith(" MB")
    assert 50 < own <= tree + 50  # sampled every 50 ms, the tree's peak may miss the last rise
    assert (tmp_path / "n4" / "out" / "latest" / "appendix.html").is_file()


def test_the_benchmark_skips_without_the_corpus(tmp_path, capsys):
    assert _bench().main(["--corpus", str(tmp_path / "absent.jsonl")]) == 0
    assert "skipped:" in capsys.readouterr().out


def test_extractions_read_back_from_the_store_are_those_saved_with_their_names_shared(
    tmp_path, nlp, resources, seeds_dir
):
    from briefing.extract import extract_articles
    from briefing.ingest.items import Document
    from briefing.ingest.read import Reader
    from briefing.model.contract import Extraction
    from briefing.store import NewArticle

    articles = [i.article for i in Reader().read_all([seeds_dir]) if isinstance(i, Document)]
    extractions = list(extract_articles(nlp, articles, resources.version))
    with Store.open(tmp_path / "news.db") as store:
        for a in articles:
            store.add_article(NewArticle(a, published_from="source"))
        store.save_extractions(extractions)
        back = store.load_extractions(list(reversed(articles)))
    assert [e.article.id for e in back] == [a.id for a in reversed(articles)]
    by_id = {e.article.id: e for e in extractions}
    for e in back:
        saved = by_id[e.article.id]
        assert e == Extraction.from_contract(saved.to_contract(), saved.article)
        assert json.dumps(e.to_contract()) == json.dumps(saved.to_contract())
    # An actor named in two articles has one name string, not a copy per article.
    ids = [a.id for e in back for a in e.actors]
    repeated = {i for i in ids if ids.count(i) > 1}
    assert repeated, "the seeds name some actor in more than one article"
    for actor_id in repeated:
        assert len({id(a.name_en) for e in back for a in e.actors if a.id == actor_id}) == 1


@pytest.mark.parametrize("until", [datetime(2017, 5, 8, tzinfo=UTC), None], ids=["bounded", "open-ended"])
def test_a_window_is_found_by_the_indexes_not_by_reading_the_store(tmp_path, until):
    from briefing.model.contract import Article
    from briefing.model.window import Window
    from briefing.store import NewArticle, window_query

    window = Window(datetime(2017, 5, 1, tzinfo=UTC), until)
    with Store.open(tmp_path / "news.db") as store:
        for i, (day, at) in enumerate(
            [("2017-05-03", None), ("2017-05-02", datetime(2017, 5, 2, 9, tzinfo=UTC)), ("2017-05-02", None)]
            + [("2016-01-01", None)] * 3
        ):
            store.add_article(
                NewArticle(Article(id=f"a{i}", text=f"نص {i}", published=day), "source", published_at=at)
            )
        clause, params = window_query(window)
        explain = f"EXPLAIN QUERY PLAN SELECT id FROM articles {clause}"
        plan = [row[3] for row in store.conn.execute(explain, params)]
        assert [a.id for a in store.articles_in(window)] == ["a2", "a1", "a0"]
    assert not [step for step in plan if step.startswith("SCAN")], plan
    assert any("articles_window" in step for step in plan), plan


def test_a_build_frees_the_pipeline_once_its_articles_are_extracted(corpus, tmp_path, monkeypatch):
    """The pipeline is frozen out of the collector while it works (pipeline.freeze); a build
    from the store lets it go before the window's extractions are loaded and composed."""
    import gc
    import weakref

    import briefing.pipeline.cache
    from briefing.config import Settings
    from briefing.jobs import BuildOptions, Reporter, build_since

    bench = _bench()
    db = _ingest(bench.repeat_corpus(bench.read_corpus(corpus)[:2], 6), tmp_path)
    made = []
    real = briefing.pipeline.cache.cached_nlp

    def watched_nlp(*args, **kwargs):
        nlp = real(*args, **kwargs)
        made.append(weakref.ref(nlp))
        return nlp

    monkeypatch.setattr(briefing.pipeline.cache, "cached_nlp", watched_nlp)
    alive_at_load = []
    load = Store.load_extractions

    def loading(store, articles):
        alive_at_load.append([ref() is not None for ref in made])
        return load(store, articles)

    monkeypatch.setattr(Store, "load_extractions", loading)
    settings = Settings(db=db, out=tmp_path / "out")
    reporter = Reporter(quiet=True)
    status = build_since(settings, "2019-01-07", "2019-01-13", reporter, options=BuildOptions(pdf=False))
    assert status == ExitCode.OK
    assert len(made) == 1
    assert alive_at_load[0] == [False]
    assert gc.isenabled()
