"""The files of a built brief through the command line: the brief proper and its appendix, the
appendix PDF and the links to it, no claim text printed twice, brief.json against its schema.

Extraction is the real pipeline, built once for the session (the `env` fixture of test_outputs).
"""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from test_outputs import cli, env  # noqa: F401  (a fixture)

from briefing.errors import ExitCode
from briefing.model.brief import Brief
from briefing.model.schema import brief_schema
from briefing.store import Store

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "brief.schema.json"
# The seeds as a store's articles: two outlets, dated within one week.
OUTLETS = ("BBC News Arabic", "Al Arabiya (alarabiya.net)")


def _seed_jsonl(tmp: Path) -> Path:
    path = tmp / "seeds.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for n, seed in enumerate(sorted((ROOT / "seeds").glob("*.txt"))):
            row = {
                "id": f"seed-{n}",
                "title": seed.read_text(encoding="utf-8").split("،")[0][:80],
                "published": f"2018-05-{8 + n:02d}",
                "source": OUTLETS[n % 2],
                "url": f"https://example.org/{n}",
                "text": seed.read_text(encoding="utf-8"),
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def store_brief(env):  # noqa: F811
    """A brief built from a store (the seeds, dated), HTML only: its folder and the store."""
    db, out = env / "b.db", env / "out"
    assert cli("ingest", _seed_jsonl(env), "--db", db, "--quiet").exit_code == ExitCode.OK
    window = ("--since", "2018-05-07", "--until", "2018-05-13")
    built = cli("build", *window, "--db", db, "--out", out, "--no-pdf")
    assert built.exit_code == ExitCode.OK, built.output
    return out / "2018-05-07_2018-05-13", db


def test_brief_json_follows_its_schema_and_cites_the_stored_text(store_brief):
    folder, db = store_brief
    data = json.loads((folder / "brief.json").read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["schema_version"] == 2
    stories = data["key_developments"]
    assert 1 <= len(stories) <= 8
    refs = [ref for story in stories for ref in story["refs"]]
    assert refs
    with Store.open_existing(db) as store:
        for ref in refs:
            article = store.get_article(ref["article"])
            assert article is not None, ref
            assert article.text[ref["start"] : ref["end"]] == ref["text"]
    # email --from-brief reads it back
    assert json.loads(json.dumps(Brief.from_json(data).to_json())) == data


def test_brief_schema_file_is_fresh():
    on_disk = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert on_disk == brief_schema(), "run scripts/update_brief_schema.py"
    story = on_disk["$defs"]["Story"]
    assert {"headline_en", "headline_ar", "date", "outlets", "refs"} <= set(story["required"])
    assert set(on_disk["$defs"]["CitedSentence"]["required"]) == {"article", "start", "end", "text"}


def test_brief_schema_refuses_a_brief_without_headlines(store_brief):
    folder, _db = store_brief
    data = json.loads((folder / "brief.json").read_text(encoding="utf-8"))
    del data["key_developments"][0]["headline_ar"]
    with pytest.raises(jsonschema.ValidationError, match="headline_ar"):
        jsonschema.validate(data, brief_schema(), cls=jsonschema.Draft202012Validator)


def test_brief_proper_prints_no_claim_text_twice(store_brief):
    folder, _db = store_brief
    soup = BeautifulSoup((folder / "brief.html").read_text(encoding="utf-8"), "html.parser")
    texts = [" ".join(el.get_text().split()) for el in soup.select(".claim-text")]
    assert texts, "no claim in the brief proper"
    repeated = sorted({t for t in texts if texts.count(t) > 1})
    assert not repeated
    assert soup.select("#developments article.story")
    assert soup.find(id="articles") is None  # the per-article listing is the appendix


def test_build_writes_the_appendix_beside_the_brief_and_links_it(store_brief):
    folder, _db = store_brief
    assert sorted(p.name for p in folder.iterdir()) == ["appendix.html", "brief.html", "brief.json"]
    brief = BeautifulSoup((folder / "brief.html").read_text(encoding="utf-8"), "html.parser")
    appendix = BeautifulSoup((folder / "appendix.html").read_text(encoding="utf-8"), "html.parser")
    ids = {el["id"] for el in appendix.find_all(id=True)}
    links = [a["href"] for a in brief.find_all("a", href=True) if a["href"].startswith("appendix.html#")]
    assert links
    assert not [h for h in links if h.split("#", 1)[1] not in ids]
    assert appendix.select("article.source mark")  # the cited sentences, highlighted


def test_build_appendix_pdf_on_request(env, seeds_dir):  # noqa: F811
    out = env / "out"
    result = cli("build", seeds_dir, "--out", out, "--appendix-pdf", "--quiet")
    assert result.exit_code == ExitCode.OK, result.output
    folder = out / "latest"
    assert (folder / "appendix.pdf").read_bytes().startswith(b"%PDF")
    uris = set()
    for page in PdfReader(BytesIO((folder / "brief.pdf").read_bytes())).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    assert not [u for u in uris if "appendix" in u and not u.startswith("appendix.pdf")]
    assert any(u.startswith("appendix.pdf#ref-") for u in uris)
    named = PdfReader(BytesIO((folder / "appendix.pdf").read_bytes())).named_destinations
    assert any(name.startswith("ref-") for name in named)


def test_build_appendix_pdf_needs_the_pdf(env, seeds_dir):  # noqa: F811
    result = cli("build", seeds_dir, "--out", env / "out", "--appendix-pdf", "--no-pdf")
    assert result.exit_code == ExitCode.USAGE
    assert "--appendix-pdf needs the PDF" in result.output
    assert not (env / "out").exists()
