"""Looking inside the store: `briefing articles`, `briefing show`, `briefing export`, and the views
that let sqlite-utils or datasette read the extractions."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
import test_cron
from brief_samples import sample_extractions
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode
from briefing.model.contract import Article
from briefing.store import NewArticle, Store

env = test_cron.env  # the fixture: no config file, no BRIEFING_* variable, a tmp_path


@pytest.fixture
def db(env):
    """A real store: three extracted articles (sample_extractions) and one undated, unextracted."""
    path = env / "news.db"
    extractions = sample_extractions()
    with Store.open(path) as store:
        for e in extractions:
            store.add_article(NewArticle(e.article, published_from="source", date_source="jsonl"))
        store.save_extractions(extractions)
        store.add_article(
            NewArticle(
                Article("no-date", "خبر بلا تاريخ مقروء عن إيران.", title="بلا تاريخ", source="Reuters"),
                published_from="source",
                undated=True,
            )
        )
    return path


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def test_look_articles_lists_newest_first_undated_last(db):
    result = cli("articles", "--db", str(db))
    assert result.exit_code == ExitCode.OK, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(line[0], line[1]) for line in lines] == [
        ("art-b", "2018-05-11"),
        ("art-c", "2018-05-10"),
        ("art-a", "2018-05-09"),
        ("no-date", "undated"),
    ]
    assert lines[2][2:] == ["Al Arabiya", "إيران باقية في سوريا"]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--since", "2018-05-10", "--until", "2018-05-10"], ["art-c"]),
        (["--since", "2018-05-01"], ["art-b", "art-c", "art-a"]),  # never the undated one
        (["--undated"], ["no-date"]),
        (["--outlet", "bbc"], ["art-b"]),
        (["--text", "ايران باقيه"], ["art-a"]),  # folded: إيران باقية
        (["--text", "جزايري", "--limit", "1"], ["art-b"]),
        (["--limit", "0"], ["art-b", "art-c", "art-a", "no-date"]),
    ],
)
def test_look_articles_filters(db, args, ids):
    result = cli("articles", "--db", str(db), "--json", *args)
    assert result.exit_code == ExitCode.OK, result.output
    found = json.loads(result.stdout)
    assert [a["id"] for a in found] == ids


def test_look_articles_json_carries_the_date_source_and_precision(db):
    found = json.loads(cli("articles", "--db", str(db), "--json", "--outlet", "arabiya").stdout)
    assert found[0]["date_source"] == "jsonl"
    assert found[0]["date_precision"] == "day"
    assert found[0]["url"] == "https://example.org/a"


def test_look_articles_bad_window_and_missing_store_are_one_line_errors(env, db):
    result = cli("articles", "--db", str(db), "--since", "soon")
    assert result.exit_code == ExitCode.USAGE
    assert "'soon'" in result.output
    for huge in ("9999999w", "99999999999d"):
        result = cli("export", "--db", str(db), "--since", huge)
        assert result.exit_code == ExitCode.USAGE
        assert "out of range" in result.output
    missing = env / "nowhere.db"
    result = cli("articles", "--db", str(missing))
    assert result.exit_code == ExitCode.STORE
    assert f"{missing}: no store there yet" in result.output
    assert not missing.exists()


def test_look_show_gives_the_article_and_its_extraction(db):
    result = cli("show", "art-a", "--db", str(db))
    assert result.exit_code == ExitCode.OK, result.output
    assert "published: 2018-05-09 (day, from jsonl)" in result.stdout
    assert "أعلنت إيران أنها باقية في سوريا." in result.stdout  # the text
    assert "Masoud Jazayeri" in result.stdout
    assert "military-presence" in result.stdout
    data = json.loads(cli("show", "art-a", "--db", str(db), "--json").stdout)
    assert data["article"]["outlet"] == "Al Arabiya"
    assert {a["name_en"] for a in data["extraction"]["actors"]} >= {"Iran", "Masoud Jazayeri"}
    assert [c["stance"] for c in data["extraction"]["claims"]] == ["deny", "assert"]
    assert len(data["extraction"]["figures"]) == 2


def test_look_show_an_unextracted_or_unknown_article(db):
    result = cli("show", "no-date", "--db", str(db))
    assert result.exit_code == ExitCode.OK
    assert "published: undated" in result.stdout
    assert "no extraction yet" in result.stdout
    result = cli("show", "nope", "--db", str(db))
    assert result.exit_code == ExitCode.INPUT
    assert "nope: no such article" in result.output


def test_look_export_csv_of_one_kind(db, env):
    out = env / "actors.csv"
    result = cli("export", "--format", "csv", "--kind", "actors", "--db", str(db), "--out", str(out))
    assert result.exit_code == ExitCode.OK, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    art_a = [r for r in rows if r["article_id"] == "art-a"]
    assert [(r["actor"], r["name_en"], r["outlet"], r["published"]) for r in art_a][:2] == [
        ("Q794", "Iran", "Al Arabiya", "2018-05-09"),
        ("Q858", "Syria", "Al Arabiya", "2018-05-09"),
    ]
    assert all(int(r["mentions"]) >= 1 for r in art_a)
    assert not list(env.glob(".actors.csv.*"))  # no temporary file left


def test_look_export_jsonl_all_kinds_in_a_window(db):
    result = cli("export", "--db", str(db), "--since", "2018-05-11", "--until", "2018-05-11")
    assert result.exit_code == ExitCode.OK, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["article_id"] for r in rows} == {"art-b"}
    assert {r["kind"] for r in rows} >= {"actors", "claims", "figures"}
    figures = [r for r in rows if r["kind"] == "figures"]
    assert figures
    assert all(r["category"] and r["text"] for r in figures)


def test_look_export_refuses_csv_without_a_kind_and_writes_nothing(db, env):
    out = env / "all.csv"
    result = cli("export", "--format", "csv", "--db", str(db), "--out", str(out))
    assert result.exit_code == ExitCode.USAGE
    assert "--format csv needs --kind" in result.output
    assert not out.exists()


def test_look_views_read_with_plain_sql(db):
    with sqlite3.connect(db) as conn:
        views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
        assert views >= {"actors", "claims", "figures", "themes"}
        speakers = conn.execute(
            "SELECT speaker_en, stance FROM claims WHERE article_id = 'art-a' ORDER BY n"
        ).fetchall()
        assert speakers == [("Masoud Jazayeri", "deny"), ("Russia", "assert")]
        themes = conn.execute("SELECT count(*) FROM themes WHERE theme = 'military-presence'").fetchone()
        assert themes[0] >= 1
