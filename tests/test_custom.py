"""Customising without editing the package, through the CLI: the user layer (gazetteer, themes,
watch-list, templates), the title and logo, the tagged PDF and the HTML on a small screen."""

from __future__ import annotations

import email
import json
import re
from email import policy
from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from typer.testing import CliRunner

from briefing.cli import app
from briefing.config import Paths
from briefing.errors import ExitCode
from briefing.resources import Resources, default_user_dir, layer_hash

ARTICLE = """---
title: مؤسسة الفجر الجديد تحذر من نقص المياه في إيران
date: 2018-05-10
outlet: Test Wire
---
حذرت مؤسسة الفجر الجديد من أن نقص المياه في إيران يهدد أكثر من مليوني مزارع هذا العام.
وقال المتحدث باسم المؤسسة إن الجفاف ضرب 12 محافظة، وإن السدود فقدت نصف مخزونها.
وأعلنت طهران أنها ستنفق 300 مليون دولار على مشاريع الري.
"""

GAZETTEER = """actors:
  - id: user:new-dawn
    type: ORG
    en: New Dawn Foundation
    ar: مؤسسة الفجر الجديد
    country: Q794
"""

THEMES = """themes:
  - id: water
    label_en: Water and drought
    label_ar: المياه والجفاف
    keywords:
      "المياه": 3
      "الجفاف": 3
      "السدود": 2
      "الري": 2
  - id: economy-funding
    keywords:
      "مزارع*": 1
"""

# Q30 (the United States) is not named in ARTICLE: the brief must say so.
WATCHLIST = "watch:\n  - user:new-dawn\n  - Q794\n  - Q30\n"
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
    '<rect width="40" height="20" fill="#1f4e79"/></svg>'
)
MARKER = '<meta name="x-user-template" content="mine">'
TEXT_MARKER = "Sent by the Gulf desk."


def _layer(root: Path) -> Path:
    layer = root / "layer"
    (layer / "templates").mkdir(parents=True)
    (layer / "actors_mine.yaml").write_text(GAZETTEER, encoding="utf-8")
    (layer / "themes.yaml").write_text(THEMES, encoding="utf-8")
    (layer / "watchlist.yaml").write_text(WATCHLIST, encoding="utf-8")
    base = (Paths.default().templates / "base.html").read_text(encoding="utf-8")
    (layer / "templates" / "base.html").write_text(
        base.replace("<head>", "<head>\n" + MARKER), encoding="utf-8"
    )
    text = (Paths.default().templates / "digest.txt").read_text(encoding="utf-8")
    (layer / "templates" / "digest.txt").write_text(TEXT_MARKER + "\n" + text, encoding="utf-8")
    return layer


def _env(root: Path, **extra: str) -> dict[str, str]:
    """A private config file and user data folder, so that the developer's own never leak in."""
    config = root / "config.toml"
    if not config.exists():  # a BRIEFING_CONFIG naming a missing file is an error
        config.write_text("", encoding="utf-8")
    return {"BRIEFING_CONFIG": str(config), "XDG_DATA_HOME": str(root / "data"), **extra}


def _article(root: Path) -> Path:
    inbox = root / "inbox"
    inbox.mkdir(exist_ok=True)
    path = inbox / "new_dawn.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build through the CLI with the layer, a title and a logo from the config file, the PDF."""
    root = tmp_path_factory.mktemp("custom")
    layer = _layer(root)
    (root / "logo.svg").write_text(LOGO, encoding="utf-8")
    (root / "config.toml").write_text(
        f'resources = "{layer}"\nlogo = "{root / "logo.svg"}"\ntitle = "Ignored: --title wins"\n',
        encoding="utf-8",
    )
    out = root / "out"
    result = CliRunner().invoke(
        app, ["build", str(_article(root)), "--out", str(out), "--title", "Gulf desk"], env=_env(root)
    )
    assert result.exit_code == ExitCode.OK, result.output
    return root, out / "latest"


@pytest.fixture(scope="module")
def soup(built):
    return BeautifulSoup((built[1] / "brief.html").read_text(encoding="utf-8"), "html.parser")


# --- 1. the user layer -----------------------------------------------------------------------------


def test_custom_user_gazetteer_and_themes_reach_the_extraction(tmp_path):
    layer = _layer(tmp_path)
    assert "user:new-dawn" not in {a.id for a in Resources.load().actors}
    result = CliRunner().invoke(
        app,
        ["extract", str(_article(tmp_path)), "--format", "jsonl", "--resources", str(layer)],
        env=_env(tmp_path),
    )
    assert result.exit_code == ExitCode.OK, result.output
    record = json.loads(result.stdout.splitlines()[0])
    actors = {a["id"]: a for a in record["actors"]}
    assert actors["user:new-dawn"]["name_en"] == "New Dawn Foundation"
    assert "water" in {t["id"] for t in record["themes"]}


def test_custom_user_theme_keywords_add_to_a_packaged_theme(tmp_path):
    resources = Resources.load(user=_layer(tmp_path))
    economy = next(t for t in resources.themes if t.id == "economy-funding")
    packaged = next(t for t in Resources.load().themes if t.id == "economy-funding")
    assert dict(economy.keywords) == {**dict(packaged.keywords), "مزارع*": 1.0}
    assert economy.label_en == packaged.label_en
    water = next(t for t in resources.themes if t.id == "water")
    assert water.eval_id is None


def test_custom_user_entry_replaces_a_packaged_id(tmp_path):
    layer = tmp_path / "layer"
    layer.mkdir()
    (layer / "actors.yaml").write_text(
        "actors:\n  - id: Q30\n    type: GPE\n    en: USA\n    ar: الولايات المتحدة الأمريكية\n",
        encoding="utf-8",
    )
    usa = [a for a in Resources.load(user=layer).actors if a.id == "Q30"]
    assert [(a.en, a.ar) for a in usa] == [("USA", "الولايات المتحدة الأمريكية")]


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("actors_mine.yaml", "actors:\n  - id: user:x\n    type: ORG\n    en: X\n", "user:x: ar"),
        (
            "actors_mine.yaml",
            "actors:\n  - id: user:x\n    type: BAND\n    en: X\n    ar: س\n",
            "user:x: type",
        ),
        ("themes.yaml", "themes:\n  - id: water\n    label_en: Water\n    keywords: {}\n", "water: label_ar"),
        ("watchlist.yaml", "watch:\n  - Q794\n  - no-such-actor\n", "no-such-actor: not an actor id"),
        ("gazeteer.yaml", "actors: []\n", "not a user resource file"),
    ],
)
def test_custom_bad_user_file_is_a_config_error_naming_file_and_entry(tmp_path, name, text, reason):
    layer = tmp_path / "layer"
    layer.mkdir()
    (layer / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "build",
            str(_article(tmp_path)),
            "--out",
            str(tmp_path / "out"),
            "--no-pdf",
            "--resources",
            str(layer),
        ],
        env=_env(tmp_path),
    )
    assert result.exit_code == ExitCode.CONFIG, result.output
    assert str(layer / name) in result.output
    assert reason in result.output
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].startswith(str(layer / name))  # one line says it
    assert not (tmp_path / "out" / "latest").exists()


def test_custom_missing_resources_folder_is_a_config_error(tmp_path):
    result = CliRunner().invoke(
        app,
        ["extract", str(_article(tmp_path)), "--resources", str(tmp_path / "nowhere")],
        env=_env(tmp_path),
    )
    assert result.exit_code == ExitCode.CONFIG
    assert str(tmp_path / "nowhere") in result.output
    assert "no such folder" in result.output


def test_custom_default_layer_is_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_user_dir() == tmp_path / "data" / "briefing"
    help_text = CliRunner().invoke(app, ["build", "--help"], env={"COLUMNS": "200"}).output
    assert "--resources" in help_text
    assert "user data folder" in help_text
    assert re.search(r"user data folder \(/\S*briefing\)", " ".join(help_text.split()))  # the real path


def test_custom_layer_hash_follows_what_the_extraction_reads(tmp_path):
    layer = _layer(tmp_path)
    first = layer_hash(layer)
    assert first
    assert Resources.load(user=layer).version != Resources.load().version
    (layer / "watchlist.yaml").write_text("watch:\n  - Q794\n", encoding="utf-8")
    assert layer_hash(layer) == first  # the watch-list is the brief's, not the extraction's
    (layer / "actors_mine.yaml").write_text(GAZETTEER.replace("New Dawn", "Dawn"), encoding="utf-8")
    assert layer_hash(layer) != first
    assert layer_hash(None) == ""
    assert layer_hash(tmp_path / "empty") == ""


def test_custom_stored_extractions_are_refreshed_when_the_layer_changes(tmp_path):
    layer = _layer(tmp_path)
    env = _env(tmp_path, BRIEFING_DB=str(tmp_path / "news.db"), BRIEFING_OUT=str(tmp_path / "out"))
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(_article(tmp_path))], env=env).exit_code == ExitCode.OK
    build = ["build", "--since", "2018-05-01", "--until", "2018-05-31", "--no-pdf", "--resources", str(layer)]

    def newly_extracted() -> str:
        result = runner.invoke(app, build, env=env)
        assert result.exit_code == ExitCode.OK, result.output
        return re.search(r"(\d+) newly extracted", result.output).group(1)  # type: ignore[union-attr]

    assert newly_extracted() == "1"
    assert newly_extracted() == "0"
    (layer / "actors_mine.yaml").write_text(GAZETTEER.replace("New Dawn", "Dawn"), encoding="utf-8")
    assert newly_extracted() == "1"


def test_custom_user_template_replaces_the_packaged_one(soup):
    assert soup.find("meta", attrs={"name": "x-user-template", "content": "mine"}) is not None


# --- 2. the watch-list -------------------------------------------------------------------------------


def test_custom_watch_list_reports_every_watched_actor_in_both_languages(soup):
    section = soup.find("section", id="watch")
    assert section is not None
    assert soup.find("a", href="#watch") is not None  # in the contents
    blocks = section.find_all("div", class_="watched")
    names = [b.find(["h3"]).find(lang="en").get_text() for b in blocks]
    assert names == ["New Dawn Foundation", "Iran", "United States"]
    dawn, iran, usa = blocks
    assert "الفجر" in dawn.find("h3").find(lang="ar").get_text()
    # its warning about the water: in full, or a link to the story that already prints it
    shown = dawn.find("tr", class_="claim") or dawn.find("tr", class_="claim-link")
    assert shown is not None
    if "claim-link" in shown["class"]:
        story = soup.find(id=shown.find("a")["href"][1:])
        assert story is not None
        assert story.select(".claim-text")
    assert "mention" in dawn.find("p", class_="meta").get_text()
    assert any("300" in td.get_text() for td in iran.find_all("td"))  # the money Tehran announced
    assert [p.get_text(strip=True) for p in usa.find_all("p", class_="not-mentioned")] == [
        "Not mentioned this period.",
        "لم يُذكر في هذه الفترة.",
    ]


def test_custom_watch_list_is_kept_in_brief_json(built):
    brief = json.loads((built[1] / "brief.json").read_text(encoding="utf-8"))
    assert [(w["actor"]["id"], w["mentions"] > 0) for w in brief["watch"]] == [
        ("user:new-dawn", True),
        ("Q794", True),
        ("Q30", False),
    ]


# --- 3. title and logo -----------------------------------------------------------------------------


def test_custom_title_and_logo_on_the_cover(soup):
    brand = soup.find("div", class_="cover-brand")
    assert brand.find(class_="user-title").get_text() == "Gulf desk"  # --title over the config file
    assert brand.find("img", class_="logo")["src"].startswith("data:image/svg+xml;base64,")
    assert soup.title.get_text().startswith("Gulf desk")


def test_custom_title_and_logo_in_the_digest(built):
    root, latest = built
    result = CliRunner().invoke(
        app, ["email", "--from-brief", str(latest), "--to", "desk@example.org", "--dry-run"], env=_env(root)
    )
    assert result.exit_code == ExitCode.OK, result.output
    eml = next(latest.resolve().glob("*.eml"))
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    html = message.get_body(("html",))
    page = BeautifulSoup(html.get_content(), "html.parser")
    assert page.find(class_="user-title").get_text() == "Gulf desk"
    assert page.find("img", class_="logo")["src"] == "cid:logo@briefing"
    logos = [p for p in message.walk() if p.get("Content-ID") == "<logo@briefing>"]
    assert len(logos) == 1
    assert logos[0].get_content_type() == "image/svg+xml"
    assert message.get_body(("plain",)).get_content().startswith(TEXT_MARKER)  # the user's digest.txt


@pytest.mark.parametrize("logo", ["missing.png", "logo.txt"])
def test_custom_unusable_logo_is_a_config_error_naming_it(tmp_path, logo):
    (tmp_path / "logo.txt").write_text("not an image", encoding="utf-8")
    path = tmp_path / logo
    result = CliRunner().invoke(
        app,
        ["build", str(_article(tmp_path)), "--out", str(tmp_path / "out"), "--no-pdf"],
        env=_env(tmp_path, BRIEFING_LOGO=str(path)),
    )
    assert result.exit_code == ExitCode.CONFIG
    assert str(path) in result.output
    assert "Traceback" not in result.output


# --- 4. the tagged PDF ----------------------------------------------------------------------------


def _struct_langs(node, found: set[str]) -> set[str]:
    node = node.get_object()
    if isinstance(node, dict):
        if "/Lang" in node:
            found.add(str(node["/Lang"]))
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            for kid in kids if isinstance(kids, list) else [kids]:
                _struct_langs(kid, found)
    return found


def test_custom_pdf_is_tagged_with_arabic_marked_as_arabic(built):
    reader = PdfReader(BytesIO((built[1] / "brief.pdf").read_bytes()))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "en"
    assert {"ar", "en"} <= _struct_langs(catalog["/StructTreeRoot"], set())


# --- 5. small screens -----------------------------------------------------------------------------


def test_custom_html_has_a_viewport_and_tables_fit_a_phone(soup):
    viewport = soup.find("meta", attrs={"name": "viewport"})
    assert viewport is not None
    assert "width=device-width" in viewport["content"]
    css = soup.find("style", media="screen").get_text()  # the PDF renderer skips it
    phone = re.search(r"@media \(max-width: 40rem\) \{(.*?)\n\}", css, re.S)
    assert phone is not None  # 40rem: a 390 px phone and a little more
    rules = phone.group(1)
    assert re.search(
        r"table\.index, table\.changes-table[^{]*\{[^}]*display: block;[^}]*overflow-x: auto", rules
    )
    assert re.search(r"table\.pairs td[^{]*\{[^}]*display: block", rules)


def _overflowing_boxes(html: str) -> list[str]:
    """Boxes that reach past a 390 px screen, outside any box that clips or scrolls its content.

    WeasyPrint lays the page out as a screen would (media_type="screen"); it does not evaluate
    media features, so the phone rules are applied as plain screen rules.
    """
    from weasyprint import CSS, HTML

    size = "{ size: 390px 20000px !important; margin: 0 !important }"
    page = f"@page {size} @page cover {size}"
    document = HTML(string=html, media_type="screen").render(stylesheets=[CSS(string=page)])
    found: list[str] = []

    def walk(box, clipped: bool) -> None:
        if not clipped and box.position_x + box.margin_width() > 390.5:
            found.append(f"{box.element_tag}.{box.element.get('class') if box.element is not None else ''}")
        for child in getattr(box, "children", []):
            walk(child, clipped or box.style["overflow"] != "visible")

    for p in document.pages:
        walk(p._page_box, False)
    return found


def test_custom_nothing_reaches_past_a_390px_screen(built):
    html = (built[1] / "brief.html").read_text(encoding="utf-8")
    assert _overflowing_boxes(html.replace("@media (max-width: 40rem) {", "@media screen {")) == []
    assert _overflowing_boxes(html)  # without the phone rules the figures table does
