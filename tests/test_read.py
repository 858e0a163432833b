"""The one reader: `extract`, `build PATH` and `ingest` read the same inputs into the same articles."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app
from briefing.ingest.items import Document, Failure
from briefing.ingest.read import Reader
from briefing.store import Store

DATA = Path(__file__).resolve().parent / "data" / "ingest"
runner = CliRunner()
TEXT = "قال وزير الخارجية الإيراني إن طهران لن تنسحب من سوريا، وأكد أن 2000 عنصر باقون هناك."


def _extract(*paths: Path | str) -> tuple[int, list[dict], str]:
    result = runner.invoke(app, ["extract", *map(str, paths), "--format", "jsonl"])
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines() if line], result.stderr


def _slices(rec: dict, text: str) -> None:
    for actor in rec["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for claim in rec["claims"]:
        assert text[claim["content"]["start"] : claim["content"]["end"]] == claim["content"]["text"]


def test_read_jsonl_gives_one_result_per_record(tmp_path):
    records = [
        {"id": "a-1", "title": "عنوان أول", "published": "2018-06-12", "source": "وكالة", "text": TEXT},
        {"id": "a-2", "text": "أعلنت الحكومة العراقية في بغداد عن خطة جديدة."},
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    code, out, err = _extract(path)
    assert code == 0, err
    assert [r["article"] for r in out] == ["a-1", "a-2"]
    assert (out[0]["title"], out[0]["published"], out[0]["source"]) == ("عنوان أول", "2018-06-12", "وكالة")
    assert any(a["name_en"] == "Iran" for a in out[0]["actors"])
    _slices(out[0], TEXT)


def test_read_bad_jsonl_line_is_an_error_record_not_a_traceback(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "' + TEXT + '"}\nnot json\n', encoding="utf-8")
    code, out, err = _extract(path)
    assert code == 1
    assert out[0]["article"] == "ok"
    assert "actors" in out[0]
    assert "error" in out[1]
    assert "bad.jsonl:2: not a JSON object" in err
    assert "Traceback" not in err


def test_read_folder_takes_sidecars_and_skips_what_is_not_an_article(tmp_path):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "x.json").write_text(
        json.dumps({"title": "عنوان", "published": "2018-06-13", "source": "BBC", "url": "http://e.org/x"}),
        encoding="utf-8",
    )
    (tmp_path / "x.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes about these articles\n", encoding="utf-8")
    code, out, err = _extract(tmp_path)
    assert code == 0, err
    assert err == ""
    (rec,) = out
    assert (rec["article"], rec["title"], rec["published"], rec["source"], rec["url"]) == (
        "x",
        "عنوان",
        "2018-06-13",
        "BBC",
        "http://e.org/x",
    )


def test_read_front_matter_offsets_are_into_the_text_after_it(tmp_path):
    path = tmp_path / "fm.txt"
    path.write_text("---\ntitle: عنوان الخبر\npublished: 2018-06-14\n---\n" + TEXT, encoding="utf-8")
    code, out, err = _extract(path)
    assert code == 0, err
    (rec,) = out
    assert (rec["title"], rec["published"]) == ("عنوان الخبر", "2018-06-14")
    assert rec["actors"]
    _slices(rec, TEXT)


def test_read_html_file_is_an_input_of_extract():
    code, out, err = _extract(DATA / "page_manoeuvres.html")
    assert code == 0, err
    (rec,) = out
    assert rec["article"] == "page_manoeuvres"
    assert rec["actors"]


def test_read_the_text_is_never_changed(tmp_path):
    """The reader keeps the text as read (boilerplate and all); cleaning is ingestion's step."""
    text = "\ufeff" + TEXT + "\n\nاقرأ أيضا\nعنوان خبر آخر\n"
    path = tmp_path / "keep.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = Reader().read(str(path))
    assert isinstance(doc, Document)
    assert doc.article.text == text


def test_read_the_same_file_is_the_same_article_for_extract_and_ingest(tmp_path):
    path = tmp_path / "same.txt"
    path.write_text("انسحاب القوات من سوريا\n" + TEXT + "\n", encoding="utf-8")
    code, out, _ = _extract(path)
    assert code == 0
    db = tmp_path / "b.db"
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db)], env={"BRIEFING_CONFIG": ""})
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        (stored,) = store.all_articles()
    assert (
        (stored.id, stored.title)
        == (out[0]["article"], out[0]["title"])
        == ("same", "انسحاب القوات من سوريا")
    )


def test_read_missing_and_empty_inputs(tmp_path):
    items = list(Reader().read_all([str(tmp_path / "gone.txt")]))
    assert [type(i) for i in items] == [Failure]
    assert items[0].reason == "no such file or URL"
    assert items[0].article == "gone"
