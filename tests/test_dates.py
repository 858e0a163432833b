"""Article dates: the parser (Arabic, English, Hijri, regional month names), where a date came from
and how precise it is in the store, undated articles, and the upgrade of an existing store."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import test_cron
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefing import store as store_module
from briefing.cli import app
from briefing.errors import ExitCode
from briefing.ingest.dates import BadDate, Published, read_date
from briefing.store import Store

env = test_cron.env  # the fixture: no config file, no BRIEFING_* variable, a tmp_path
TEXT = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المنطقة."


@pytest.mark.parametrize(
    ("value", "day", "precision"),
    [
        ("13 مايو 2018", "2018-05-13", "day"),
        ("الأحد 13 مايو 2018", "2018-05-13", "day"),
        ("13/05/2018", "2018-05-13", "day"),
        ("١٣ مايو ٢٠١٨", "2018-05-13", "day"),
        ("2018-05-13", "2018-05-13", "day"),
        ("2018-05-13T10:00:00+03:00", "2018-05-13", "time"),
        ("Sun, 13 May 2018 10:00:00 GMT", "2018-05-13", "time"),
        ("13 أيار 2018", "2018-05-13", "day"),
        ("13 ماي 2018", "2018-05-13", "day"),
        ("الجمعة 13 يوليوز 2018", "2018-07-13", "day"),
        ("13 كانون الثاني 2018", "2018-01-13", "day"),
        ("13 آب 2018", "2018-08-13", "day"),
        ("13 جوان 2018", "2018-06-13", "day"),
        ("13 دجمبر 2018", "2018-12-13", "day"),
        ("5 ابريل 2019", "2019-04-05", "day"),
        ("1439-08-27", "2018-05-13", "day"),
        ("1439-08-27 هـ", "2018-05-13", "day"),
        ("27 شعبان 1439 هـ", "2018-05-13", "day"),
        ("الأحد 27 شعبان 1439هـ", "2018-05-13", "day"),
        ("الأحد 13 مايو 2018 الموافق 27 شعبان 1439 هـ", "2018-05-13", "day"),
        ("مايو 2018", "2018-05-01", "month"),
        ("June 2018", "2018-06-01", "month"),
        ("2018", "2018-01-01", "year"),
    ],
)
def test_dates_parse_as_the_press_writes_them(value, day, precision):
    found = read_date(value, "ar")
    assert isinstance(found, Published), found
    assert (found.day, found.precision) == (day, precision)


def test_dates_time_of_day_is_kept_in_utc():
    found = read_date("2018-05-13T10:00:00+03:00")
    assert isinstance(found, Published)
    assert found.at == datetime(2018, 5, 13, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("أمس", "not a date"),
        ("yesterday", "not a date"),
        ("13 مايو", "not a date"),  # no year: never this year by default
        ("12", "not a date"),
        ("2018-02-30", "not a date"),
        ("1439-13-40", "not a date"),
        ("9999-12-31T23:00:00-05:00", "out of range"),
        ("0001-01-01T01:00:00+05:00", "out of range"),
        ("x" * 5000, "not a date"),
    ],
)
def test_dates_unreadable_values_are_bad_dates_not_today(value, reason):
    found = read_date(value)
    assert isinstance(found, BadDate)
    assert reason in found.reason


def test_dates_missing_is_no_date():
    assert read_date(None) is None
    assert read_date("  ") is None


_OFFSETS = st.builds(timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23)))
_MONTHS = st.sampled_from(["مايو", "أيار", "ماي", "يوليوز", "شعبان", "رمضان", "كانون الثاني", "May", "xyz"])
_DATEISH = st.builds(
    lambda d, m, y, tail: f"{d} {m} {y}{tail}",
    st.integers(-5, 40),
    _MONTHS,
    st.integers(0, 99999),
    st.sampled_from(["", " هـ", " 10:30", " +0300", "Z"]),
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=40), _DATEISH, st.datetimes(timezones=st.one_of(st.none(), _OFFSETS))))
def test_dates_property_never_raises_and_never_gives_today(value):
    found = read_date(value)
    assert found is None or isinstance(found, Published | BadDate)
    if isinstance(found, Published) and not isinstance(value, datetime):
        # junk never becomes the day of the run
        assert found.day != date.today().isoformat()
        assert found.day == date.fromisoformat(found.day).isoformat()


# --- through the CLI, into a real store ------------------------------------------------------------


def _ingest(db: Path, *paths: Path):
    return CliRunner().invoke(app, ["ingest", *map(str, paths), "--db", str(db)])


def _dates(db: Path) -> dict[str, tuple]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT id, published, published_from, date_source, date_precision FROM articles"
        ).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def test_dates_ingest_stores_source_and_precision_and_leaves_bad_dates_undated(env):
    inbox = env / "inbox"
    inbox.mkdir()
    for name, front, extra in [
        ("a.txt", "title: أ\npublished: الأحد 13 مايو 2018", ""),
        ("b.txt", "date: 1439-08-27 هـ", " ثانية"),
        ("b2.txt", "published: 1439-08-27", " ثانية مكررة"),  # YAML reads a date object
        ("c.txt", "published: 9999-12-31T23:00:00-05:00", " ثالثة"),
    ]:
        (inbox / name).write_text(f"---\n{front}\n---\n{TEXT}{extra}", encoding="utf-8")
    (inbox / "2018-05-20-d.txt").write_text(f"{TEXT} رابعة", encoding="utf-8")
    (inbox / "e.txt").write_text(f"{TEXT} ثامنة", encoding="utf-8")
    (inbox / "e.json").write_text('{"published": "13 ماي 2018"}', encoding="utf-8")
    (inbox / "f.html").write_text(
        '<html><head><meta property="article:published_time" content="2018-05-13T10:00:00+03:00">'
        f"<title>خبر</title></head><body><article><h1>خبر</h1><p>{TEXT} تاسعة</p>"
        f"<p>{TEXT} عاشرة، وتفاصيل أخرى.</p></article></body></html>",
        encoding="utf-8",
    )
    records = [
        {"id": "j1", "text": f"{TEXT} خامسة", "published": "13 أيار 2018 10:30 +0300"},
        {"id": "j2", "text": f"{TEXT} سادسة", "published": "0001-01-01T01:00:00+05:00"},
        {"id": "j3", "text": f"{TEXT} سابعة", "published": "مايو 2018"},
    ]
    (inbox / "batch.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    db = env / "news.db"
    result = _ingest(db, inbox)
    assert result.exit_code == ExitCode.OK, result.output
    # one line per bad date, naming the input and the value; the rest of the run went on
    out = result.output
    assert f"{inbox / 'c.txt'}: published '9999-12-31T23:00:00-05:00' is out of range" in out
    assert f"{inbox / 'batch.jsonl'}:2: published '0001-01-01T01:00:00+05:00' is out of range" in out
    assert "Traceback" not in result.output
    assert _dates(db) == {
        "a": ("2018-05-13", "source", "front matter", "day"),
        "b": ("2018-05-13", "source", "front matter", "day"),
        "b2": ("2018-05-13", "source", "front matter", "day"),
        "c": (None, "undated", None, None),
        "2018-05-20-d": ("2018-05-20", "file", "file name", "day"),
        "e": ("2018-05-13", "source", "sidecar", "day"),
        "f": ("2018-05-13", "source", "html meta", "day"),
        "j1": ("2018-05-13", "source", "jsonl", "time"),
        "j2": (None, "undated", None, None),
        "j3": ("2018-05-01", "source", "jsonl", "month"),
    }


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة</title>
<item><title>أول</title><link>http://example.org/1</link><pubDate>Sun, 13 May 2018 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{t} الأول {pad}</p>]]></description></item>
<item><title>ثان</title><link>http://example.org/2</link><pubDate>الأحد 13 مايو 2018</pubDate>
<description><![CDATA[<p>{t} الثاني {pad}</p>]]></description></item>
<item><title>ثالث</title><link>http://example.org/3</link><pubDate>قريبا</pubDate>
<description><![CDATA[<p>{t} الثالث {pad}</p>]]></description></item>
</channel></rss>
"""


def test_dates_feed_entries_in_words_and_unreadable(env):
    feed = env / "feed.xml"
    feed.write_text(FEED.format(t=TEXT, pad="تفاصيل إضافية عن الخطة. " * 80), encoding="utf-8")
    db = env / "news.db"
    result = _ingest(db, feed)
    assert result.exit_code == ExitCode.OK, result.output
    assert "published 'قريبا' is not a date briefing can read; stored undated" in result.output
    dates = sorted(_dates(db).values(), key=str)
    assert dates == [
        ("2018-05-13", "source", "feed", "day"),
        ("2018-05-13", "source", "feed", "time"),
        (None, "undated", None, None),
    ]


def test_dates_build_says_how_many_undated_it_left_out(env):
    inbox = env / "inbox"
    inbox.mkdir()
    (inbox / "bad.txt").write_text(f"---\npublished: قريبا\n---\n{TEXT}", encoding="utf-8")
    db = env / "news.db"
    assert _ingest(db, inbox).exit_code == ExitCode.OK
    result = CliRunner().invoke(
        app, ["build", "--since", "2018-05-01", "--db", str(db), "--out", str(env / "out"), "--no-pdf"]
    )
    # An empty window is an error (nothing written); the undated article is still accounted for.
    assert result.exit_code == ExitCode.INPUT, result.output
    assert "0 articles published" in result.output
    assert "1 undated articles left out" in result.output


def test_dates_a_store_of_the_previous_schema_is_upgraded_in_place(env, monkeypatch):
    db = env / "old.db"
    # The store as the code before article dates made it: migrations 0001-0003 only.
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:3])
    with Store.open(db) as old:
        old.conn.execute(
            """INSERT INTO articles (id, title, outlet, published, published_at, published_from,
                   ingested_at, text, text_hash) VALUES
               ('a1', 'T', 'O', '2018-05-13', '2018-05-13T07:00:00Z', 'source', 'x', 'نص', 'h1'),
               ('a2', 'T', 'O', '2018-05-14', NULL, 'ingested', 'x', 'نص آخر', 'h2')"""
        )
        old.conn.execute("INSERT INTO extractions VALUES ('a1', 'v-old', '{}', '2018-05-13T08:00:00Z')")
    monkeypatch.undo()
    result = CliRunner().invoke(app, ["db", "stats", "--db", str(db), "--json"])
    assert result.exit_code == ExitCode.OK, result.output
    assert "0005_article_dates" in json.loads(result.output)["migrations"]
    assert _dates(db) == {
        "a1": ("2018-05-13", "source", "source", "time"),
        "a2": ("2018-05-14", "ingested", "ingested", "day"),
    }
    with sqlite3.connect(db) as conn:
        # the rebuild kept the extraction (no cascade) and the foreign key still holds
        assert conn.execute("SELECT article_id FROM extractions").fetchall() == [("a1",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert CliRunner().invoke(app, ["db", "check", "--db", str(db)]).exit_code == ExitCode.OK
