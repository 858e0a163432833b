"""What changed and the sections, through the CLI on a real SQLite store (issue 14, part D).

Two weeks of small hand-written articles are ingested with their dates; the brief of the second
week compares it with the first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode
from briefing.store import Store

SYRIA, IRAQ, LEBANON = "Q858", "Q796", "Q822"

BEFORE = [  # 2–8 April 2018
    (
        "p1",
        "2018-04-03",
        "BBC News Arabic",
        "قصف على دوما",
        "قتل 12 مدنيا في قصف على مدينة دوما في سوريا يوم الثلاثاء. "
        "وقال المرصد السوري لحقوق الإنسان إن القصف استهدف سوقا شعبية في دوما.",
    ),
    (
        "p2",
        "2018-04-05",
        "Al Arabiya (alarabiya.net)",
        "خطة الكهرباء في لبنان",
        "أعلنت الحكومة اللبنانية في بيروت خطة جديدة للكهرباء في لبنان. "
        "وقال وزير الطاقة اللبناني إن الخطة ستنفذ في لبنان خلال عام.",
    ),
]
NOW = [  # 9–15 April 2018
    (
        "c1",
        "2018-04-09",
        "BBC News Arabic",
        "هجوم كيميائي على دوما",
        "قتل 40 شخصا في هجوم كيميائي على مدينة دوما في سوريا. "
        "وقالت منظمة الصحة العالمية إن 500 مصاب في دوما ظهرت عليهم أعراض التعرض لمواد سامة.",
    ),
    (
        "c2",
        "2018-04-10",
        "France 24 Arabic",
        "عشرات القتلى في دوما",
        "قتل 40 شخصا على الأقل في هجوم كيميائي على مدينة دوما في سوريا. "
        "وقال مسعفون في دوما إن بين القتلى أطفالا.",
    ),
    (
        "c3",
        "2018-04-11",
        "Sky News Arabia",
        "تفجير في الموصل",
        "انفجرت سيارة مفخخة في مدينة الموصل شمال العراق. "
        "وقالت الشرطة العراقية إن خمسة أشخاص قتلوا في الموصل.",
    ),
]


def cli(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def ingest(env: Path, articles: list[tuple[str, str, str, str, str]]) -> None:
    path = env / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for aid, day, outlet, title, text in articles:
            record = {"id": aid, "published": day, "source": outlet, "title": title, "text": text}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    result = cli("ingest", path, "--db", env / "b.db", "--quiet")
    assert result.exit_code == ExitCode.OK, result.output


def build_week(env: Path, *extra: str) -> dict[str, Any]:
    out = env / "out"
    args = ("build", "--since", "2018-04-09", "--until", "2018-04-15", "--db", env / "b.db", "--out", out)
    result = cli(*args, "--no-pdf", "--quiet", *extra)
    assert result.exit_code == ExitCode.OK, result.output
    data: dict[str, Any] = json.loads((out / "latest" / "brief.json").read_text(encoding="utf-8"))
    return data


def rows(changes: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in changes["rows"] if r["kind"] == kind}


def test_what_changed_compares_the_week_with_the_week_before(pipeline_env):
    ingest(pipeline_env, BEFORE + NOW)
    brief = build_week(pipeline_env)
    changes = brief["changes"]
    assert (changes["previous_start"], changes["previous_end"], changes["previous_articles"]) == (
        "2018-04-02",
        "2018-04-08",
        2,
    )
    countries = rows(changes, "country")
    syria = countries[SYRIA]
    assert syria["label_en"] == "Syria"
    assert syria["label_ar"] == "سوريا"
    assert syria["stories"] >= 1
    assert syria["stories_before"] >= 1
    assert syria["casualties"] > syria["casualties_before"] > 0  # 40 killed against 12
    assert syria["marker"] in ("up", "same")
    assert countries[IRAQ]["marker"] == "new"
    assert countries[IRAQ]["stories_before"] == 0
    assert countries[LEBANON]["marker"] == "gone"
    assert countries[LEBANON]["stories"] == 0
    assert rows(changes, "theme")  # the themes are compared too
    with Store.open(pipeline_env / "b.db") as store:
        earlier = {
            a.id
            for e in store.load_extractions(store.all_articles())
            if e.article.id.startswith("p")
            for a in e.actors
        }
    assert SYRIA in earlier
    new = [a["id"] for a in brief["actors"] if a["id"] not in earlier]  # prominent, absent before
    assert new
    assert [a["id"] for a in changes["new_actors"]] == new


def test_what_changed_says_when_the_store_holds_nothing_earlier(pipeline_env):
    ingest(pipeline_env, NOW)
    changes = build_week(pipeline_env)["changes"]
    assert changes["previous_articles"] == 0
    assert (changes["previous_start"], changes["previous_end"]) == ("2018-04-02", "2018-04-08")
    assert changes["rows"] == []
    assert changes["new_actors"] == []


def test_a_brief_from_files_has_no_changes(pipeline_env, seeds_dir):
    out = pipeline_env / "out"
    result = cli("build", seeds_dir, "--out", out, "--no-pdf", "--quiet")
    assert result.exit_code == ExitCode.OK, result.output
    assert json.loads((out / "latest" / "brief.json").read_text(encoding="utf-8"))["changes"] is None


def test_sections_by_country_and_by_theme(pipeline_env):
    ingest(pipeline_env, NOW)
    by_country = build_week(pipeline_env, "--group-by", "country")
    stories = {s["id"]: s for s in (*by_country["key_developments"], *by_country["stories"])}
    assert by_country["group_by"] == "country"
    sections = by_country["sections"]
    assert [s["kind"] for s in sections] == ["country"] * len(sections)
    assert sections[0]["id"] == SYRIA
    assert sections[0]["label_en"] == "Syria"
    assert IRAQ in {s["id"] for s in sections}
    placed = [sid for s in sections for sid in s["stories"]]
    assert sorted(placed) == sorted(stories)  # every story in exactly one section
    for section in sections:
        for sid in section["stories"]:
            assert (stories[sid]["countries"] or ["other"])[0] == section["id"]
    by_theme = build_week(pipeline_env)  # the default
    assert by_theme["group_by"] == "theme"
    assert {s["kind"] for s in by_theme["sections"]} == {"theme"}
    for section in by_theme["sections"]:
        for sid in section["stories"]:
            story = next(s for s in (*by_theme["key_developments"], *by_theme["stories"]) if s["id"] == sid)
            assert (story["themes"] or ["other"])[0] == section["id"]


def test_group_by_from_the_config_file(pipeline_env):
    ingest(pipeline_env, NOW)
    (pipeline_env / "config.toml").write_text('group_by = "country"\n', encoding="utf-8")
    assert build_week(pipeline_env)["group_by"] == "country"
    assert build_week(pipeline_env, "--group-by", "theme")["group_by"] == "theme"  # the flag wins


def test_a_bad_group_by_is_a_one_line_usage_error(pipeline_env):
    result = cli("build", "--since", "7d", "--db", pipeline_env / "b.db", "--group-by", "region")
    assert result.exit_code == ExitCode.USAGE
    assert result.output.strip() == "--group-by 'region': expected theme or country"
    assert not (pipeline_env / "b.db").exists()
    (pipeline_env / "config.toml").write_text('group_by = "continent"\n', encoding="utf-8")
    result = cli("build", "--since", "7d", "--db", pipeline_env / "b.db")
    assert result.exit_code == ExitCode.CONFIG
    assert "group_by: 'continent': expected theme or country" in result.output
