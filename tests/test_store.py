"""The SQLite store: migrations, duplicates, windows, extraction round trips, faults, kill -9."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.errors import StoreError
from briefing.model.contract import Actor, Article, Claim, Extraction, Figure, Mention, Speaker, ThemeScore
from briefing.model.window import Window
from briefing.store import MIGRATIONS, NewArticle, Store, text_hash
from briefing.text.urls import url_key

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "طهران - أعلنت إيران اليوم عن مناورات عسكرية واسعة في الخليج تشارك فيها قوات بحرية وجوية.\n"
    "وقال المتحدث باسم الجيش إن المناورات تستمر ثلاثة أيام."
)


def new(
    text: str = TEXT,
    *,
    id: str = "a1",
    url: str | None = None,
    published: str | None = "2026-11-10",
    at: datetime | None = None,
) -> NewArticle:
    return NewArticle(
        Article(id=id, text=text, title="عنوان", source="وكالة", published=published, url=url),
        published_from="source",
        published_at=at,
        origin="test",
    )


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "briefing.db") as s:
        yield s


def test_store_created_on_first_use_with_migrations_recorded_in_order(tmp_path):
    path = tmp_path / "deep" / "folder" / "b.db"
    with Store.open(path) as s:
        assert path.is_file()
        assert s.applied_migrations() == [name for name, _ in MIGRATIONS]
        tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"_migrations", "articles", "extractions", "builds"} <= tables


def test_store_migrations_are_idempotent(tmp_path):
    path = tmp_path / "b.db"
    with Store.open(path) as s:
        s.add_article(new())
    with Store.open(path) as s:
        assert s.migrate() == []
        # Each migration body can run again on the migrated schema without harm.
        for _name, fn in MIGRATIONS:
            with s.transaction() as conn:
                fn(conn)
        assert s.article_count() == 1
        assert len(s.applied_migrations()) == len(MIGRATIONS)


def test_store_refuses_a_database_from_a_newer_version(tmp_path):
    path = tmp_path / "b.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _migrations VALUES ('9999_future', '2030-01-01T00:00:00Z')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer briefing"):
        Store.open(path)


def test_store_same_text_after_folding_is_stored_once_and_counted(store):
    assert store.add_article(new()).status == "added"
    variant = TEXT.replace("أعلنت", "اعلنت").replace("إيران", "إيرانَ").replace(" ", "  \n ", 3)
    result = store.add_article(new(variant, id="a2"))
    assert (result.status, result.id, result.reason) == ("duplicate", "a1", "same text")
    assert store.article_count() == 1
    assert store.stats()["duplicates_seen"] == 1


def test_store_same_url_is_stored_once(store):
    store.add_article(new(url="https://News.example.org/a/1/?utm_source=x#top"))
    result = store.add_article(new(TEXT + " تحديث.", id="a2", url="http://news.example.org/a/1"))
    assert (result.status, result.reason) == ("duplicate", "same URL")
    assert store.find_by_url("https://news.example.org/a/1/") == "a1"


def test_store_url_key_keeps_what_tells_pages_apart():
    assert url_key("https://x.org/a?id=1") != url_key("https://x.org/a?id=2")
    assert url_key("https://x.org:8080/a") != url_key("https://x.org/a")
    assert url_key(None) is None


def test_store_same_id_with_other_text_keeps_both(store):
    store.add_article(new())
    other = store.add_article(new("نص آخر مختلف تماما عن الخبر الأول في موضوعه.", id="a1"))
    assert other.status == "added"
    assert other.id.startswith("a1-")
    assert other.id != "a1"
    assert store.article_count() == 2


def test_store_records_where_the_date_came_from(store):
    now = datetime(2026, 11, 15, 6, 0, tzinfo=UTC)
    store.add_article(new(published=None), now=now)
    row = store.conn.execute("SELECT published, published_from, ingested_at FROM articles").fetchone()
    assert row == ("2026-11-15", "ingested", "2026-11-15T06:00:00Z")


def test_store_window_selects_by_published_date_and_time(store):
    store.add_article(new("الخبر الأول عن غزة.", id="d9", published="2026-11-09"))
    store.add_article(new("الخبر الثاني عن غزة.", id="d10", published="2026-11-10"))
    store.add_article(new("الخبر الثالث عن غزة.", id="d14", published="2026-11-14"))
    store.add_article(new("الخبر الرابع عن غزة.", id="d15", published="2026-11-15"))
    late = datetime(2026, 11, 14, 23, 30, tzinfo=UTC)
    store.add_article(new("الخبر الخامس عن غزة.", id="t14", published="2026-11-14", at=late))
    window = Window(datetime(2026, 11, 10, tzinfo=UTC), datetime(2026, 11, 15, tzinfo=UTC))
    assert [a.id for a in store.articles_in(window)] == ["d10", "d14", "t14"]
    after = Window(datetime(2026, 11, 14, 23, 45, tzinfo=UTC))
    assert [a.id for a in store.articles_in(after)] == ["d14", "d15"]


def _extraction(article: Article, version: str = "v1") -> Extraction:
    return Extraction(
        article=article,
        actors=(
            Actor("Q794", "GPE", "Iran", "إيران", (Mention(8, 13, "إيران"), Mention(40, 45, "إيران"))),
            Actor("x-person", "PERSON", "Ali", "علي", (Mention(60, 63, "علي"),), transliterated=True),
        ),
        figures=(
            Figure(3.0e9, None, "USD", "money", "more_than", 70, 80, "3 مليارات", "more than $3 billion", 1),
            Figure(2.5, 3.5, None, "percent", "range", 90, 99, "2.5 و3.5", "2.5–3.5%", 2),
        ),
        claims=(
            Claim(
                Speaker("Q794", "Iran", "إيران", 8, 13),
                Mention(20, 24, "أعلن"),
                "assert",
                Mention(25, 50, "عن مناورات"),
                "Iran announced manoeuvres",
                0,
            ),
            Claim(None, Mention(30, 33, "قيل"), "report", Mention(34, 40, "شيء ما"), "It was said", 1),
        ),
        themes=(ThemeScore("military", "Military", "عسكري", 0.6154, "military-presence"),),
        sentences=((0, 50), (51, 100)),
        resources_version=version,
    )


def test_store_extraction_round_trip_rebuilds_the_dataclasses(store):
    store.add_article(new())
    article = store.get_article("a1")
    assert article is not None
    ext = _extraction(article)
    assert Extraction.from_contract(json.loads(json.dumps(ext.to_contract())), article) == ext
    store.save_extractions([ext])
    assert store.load_extractions([article]) == [ext]


def test_store_extraction_is_stale_when_the_resources_version_changes(store):
    store.add_article(new())
    store.add_article(new("خبر ثان لا علاقة له بالأول.", id="a2"))
    a1, a2 = store.get_article("a1"), store.get_article("a2")
    assert a1
    assert a2
    assert store.needing_extraction(["a1", "a2"], "v1") == ["a1", "a2"]
    store.save_extractions([_extraction(a1, "v1")])
    assert store.needing_extraction(["a1", "a2"], "v1") == ["a2"]
    assert store.needing_extraction(["a1", "a2"], "v2") == ["a1", "a2"]
    store.save_extractions([_extraction(a1, "v2")])
    assert store.needing_extraction(["a1"], "v2") == []
    assert store.stats("v2")["extractions_current"] == 1


def test_store_failed_write_leaves_nothing_behind(store):
    def interrupted_write() -> None:
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO articles (id, published, published_from, ingested_at, text, text_hash)"
                " VALUES ('x', '2026-01-01', 'source', 'now', 'نص', 'h')"
            )
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted_write()
    assert store.article_count() == 0


def test_store_corrupt_file_gives_one_line_error(tmp_path):
    path = tmp_path / "b.db"
    path.write_bytes(b"this is not a database at all\n" * 200)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    assert "corrupt" in message


def test_store_locked_database_gives_one_line_error(tmp_path):
    path = tmp_path / "b.db"
    Store.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        s = Store.open(path, timeout=0.2)  # reading the schema needs no write lock
        with pytest.raises(StoreError, match="locked"):
            s.add_article(new())
        s.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_store_last_build_is_the_latest_successful_one(store):
    assert store.last_build() is None
    w1 = Window(datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 8, tzinfo=UTC))
    b1 = store.start_build(w1)
    store.finish_build(b1, ok=True, articles=3, output="out/x")
    b2 = store.start_build(Window(datetime(2026, 11, 8, tzinfo=UTC)), now=datetime(2026, 11, 9, tzinfo=UTC))
    store.finish_build(b2, ok=False, message="render failed")
    last = store.last_build()
    assert last is not None
    assert last.id == b1
    assert last.window_end == datetime(2026, 11, 8, tzinfo=UTC)
    b3 = store.start_build(
        Window(datetime(2026, 11, 8, tzinfo=UTC)), now=datetime(2026, 11, 10, 6, tzinfo=UTC)
    )
    store.finish_build(b3, ok=True, articles=1)
    last = store.last_build()
    assert last is not None
    assert last.window_end == datetime(2026, 11, 10, 6, tzinfo=UTC)


def _many_articles(path: Path, n: int) -> None:
    words = ["غزة", "طهران", "دمشق", "الرياض", "بيروت", "صنعاء", "بغداد", "أنقرة", "القاهرة", "عمان"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = (
                f"أعلنت السلطات في {words[i % 10]} اليوم أن الاجتماع رقم {i} انتهى باتفاق على خطوات جديدة.\n"
                f"وقال مسؤول إن {words[(i // 10) % 10]} ستستضيف جولة أخرى من المحادثات الأسبوع المقبل. "
                + "وأضاف أن المفاوضات تناولت ملفات الأمن والاقتصاد والمساعدات الإنسانية. "
                * 5
            )
            fh.write(
                json.dumps(
                    {
                        "id": f"k-{i:05d}",
                        "title": f"اجتماع رقم {i}",
                        "published": f"2026-11-{1 + i % 28:02d}",
                        "source": "وكالة الاختبار",
                        "url": f"https://example.org/news/{i}",
                        "text": text,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


def test_store_survives_kill_9_in_the_middle_of_an_ingest(tmp_path):
    n = 3000
    feed = tmp_path / "many.jsonl"
    _many_articles(feed, n)
    db = tmp_path / "b.db"
    env = {**os.environ, "BRIEFING_CONFIG": os.devnull}
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", "ingest", str(feed), "--db", str(db), "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        seen = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as probe:
                        seen = probe.execute("SELECT count(*) FROM articles").fetchone()[0]
                except sqlite3.Error:
                    seen = 0
                if seen >= 200:
                    break
            time.sleep(0.02)
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read()!r}"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with Store.open(db) as s:
        assert s.check() == []
        kept = s.article_count()
        assert 200 <= kept < n
        rows = s.conn.execute("SELECT id, text, text_hash, url_key FROM articles").fetchall()
        assert all(text_hash(text) == digest for _id, text, digest, _u in rows)  # none half-written
        assert len({r[2] for r in rows}) == len({r[3] for r in rows}) == kept
        assert s.applied_migrations() == [name for name, _ in MIGRATIONS]

    again = subprocess.run(
        [sys.executable, "-m", "briefing", "ingest", str(feed), "--db", str(db)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert f"ingested {n}: {n - kept} added, {kept} duplicate, 0 failed" in again.stderr
    with Store.open(db) as s:
        assert s.check() == []
        assert s.article_count() == n
