"""Rendering: HTML structure and bidi markup, escaping, catalogs and plurals, PDF text, the fetcher."""

from __future__ import annotations

import re
import unicodedata
from configparser import ConfigParser
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from brief_samples import HOSTILE, sample_extractions
from bs4 import BeautifulSoup, NavigableString
from pypdf import PdfReader

from briefing.compose import compose
from briefing.config import Paths
from briefing.render import Renderer, make_url_fetcher

ROOT = Path(__file__).resolve().parent.parent
ARABIC = re.compile(r"[\u0600-\u06FF]")
GENERATED = datetime(2018, 5, 12, 9, 0)


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


@pytest.fixture(scope="module")
def brief():
    return compose(sample_extractions(), generated=GENERATED)


@pytest.fixture(scope="module")
def html(renderer, brief):
    return renderer.html(brief)


@pytest.fixture(scope="module")
def soup(html):
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def pdf_text(renderer, html):
    reader = PdfReader(BytesIO(renderer.pdf(html)))
    return [unicodedata.normalize("NFKC", page.extract_text() or "") for page in reader.pages]


def _nearest_lang(node):
    for parent in node.parents:
        if getattr(parent, "attrs", None) and parent.get("lang"):
            return parent
    return None


def test_render_arabic_blocks_carry_dir_and_lang(soup):
    for el in soup.find_all(attrs={"lang": "ar"}):
        assert el.get("dir") == "rtl", el
    for el in soup.find_all(attrs={"dir": "rtl"}):
        assert el.get("lang") == "ar", el
    checked = 0
    for text in soup.body.find_all(string=ARABIC):
        if not isinstance(text, NavigableString) or text.parent.name in ("style", "title"):
            continue
        block = _nearest_lang(text)
        assert block is not None, text
        assert (block["lang"], block.get("dir")) == ("ar", "rtl"), (text, text.parent)
        checked += 1
    assert checked > 50


def test_render_english_blocks_carry_lang(soup):
    assert soup.html["lang"] == "en"
    for text in soup.body.find_all(string=re.compile(r"[A-Za-z]{3}")):
        block = _nearest_lang(text)
        assert block is not None, text
        assert block.name != "html", (text, text.parent)  # inside an explicit block


def test_render_reference_links_resolve(soup):
    ids = {el["id"] for el in soup.find_all(id=True)}
    hrefs = [a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith("#")]
    assert any(h.startswith("#ref-") for h in hrefs)
    assert any(h.startswith("#src-") for h in hrefs)
    missing = [h for h in hrefs if h[1:] not in ids]
    assert not missing


def test_render_every_reference_shows_its_passage(soup, brief):
    for ref in brief.refs:
        li = soup.find(id=ref.anchor)
        assert li is not None
        marks = [m.get_text() for m in li.find_all("mark")]
        assert marks == [s.text for s in ref.segments if s.mark]


def test_render_sections_present(soup, brief):
    for anchor in ("developments", "key-figures", "chart", "actors", "articles"):
        assert soup.find(id=anchor) is not None, anchor
    for theme in brief.themes:
        assert soup.find(id=theme.anchor) is not None
    assert soup.select("section.chart-section svg rect")
    assert len(soup.select("article.source")) == 3


def test_render_escapes_hostile_article_text(soup, html):
    assert soup.find("script") is None
    assert "<script>" not in html
    text = soup.get_text()
    assert "<script>alert('x')</script>" in text
    assert "{{ 7 * 7 }}" in text  # shown, never evaluated
    assert "{% raw %}" in text
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert HOSTILE.split()[0] in text


def test_render_pdf_text_reads_in_logical_order(pdf_text):
    text = "\n".join(pdf_text)
    assert "Masoud Jazayeri" in text
    assert "مسعود جزايري" in text  # logical order, not reversed glyph runs
    assert "يرازج" not in text
    assert "إيران باقية في سوريا" in text
    assert "<script>alert('x')</script>" in text.replace("\n", "")


def test_render_pdf_page_footers_and_toc(pdf_text):
    n = len(pdf_text)
    for i, page in enumerate(pdf_text[1:], 2):
        flat = " ".join(page.split())
        assert f"Page {i} of {n}" in flat
        # Extractors order the digits of a mixed RTL margin box differently; the words must be there.
        assert "صفحة" in flat
        assert " من" in flat
    assert "Page 1 of" not in " ".join(pdf_text[0].split())  # the cover has no footer
    toc = pdf_text[0]
    assert "Key figures" in toc
    assert re.search(r"Articles\D*\d", toc)


def test_render_fetcher_refuses_other_files_and_network(tmp_path):
    paths = Paths.default()
    fetch = make_url_fetcher([paths.templates, paths.styles])
    for url in (
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://example.com/font.woff",
        (paths.styles / ".." / "pyproject.toml").as_uri(),
        "ftp://example.com/x",
        "data:text/plain,hi",
    ):
        with pytest.raises(ValueError, match="refused"):
            fetch.fetch(url)
    ok = fetch.fetch((paths.styles / "brief.css").as_uri())
    assert b"@page" in ok.read()


def test_render_pdf_does_not_fetch_what_an_article_names(renderer, tmp_path, monkeypatch):
    import briefing.render as render

    seen: list[str] = []
    real = render.make_url_fetcher

    def spy(roots):
        fetcher = real(roots)
        inner = fetcher.fetch

        def fetch(url, headers=None):
            seen.append(url)
            return inner(url, headers)

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(render, "make_url_fetcher", spy)
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    html = f'<html><body><img src="{secret.as_uri()}"><img src="http://example.com/a.png"></body></html>'
    assert renderer.pdf(html).startswith(b"%PDF")
    assert seen  # WeasyPrint asked, and the fetcher refused (no exception escaped)


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "لا مقالات"), (1, "مقال واحد"), (2, "مقالان"), (3, "٣ مقالات"), (11, "١١ مقالًا"), (100, "١٠٠ مقال")],
)
def test_render_arabic_plural_forms(renderer, count, expected):
    template = renderer.env.from_string(
        "{% trans count=k, n=k|num(lang), lang=lang %}{{ n }} article{% pluralize count %}"
        "{{ n }} articles{% endtrans %}"
    )
    assert template.render(k=count, lang="ar", arabic_digits=True) == expected


@pytest.mark.parametrize(("count", "expected"), [(1, "1 article"), (2, "2 articles"), (11, "11 articles")])
def test_render_english_plural_forms(renderer, count, expected):
    template = renderer.env.from_string(
        "{% trans count=k, n=k|num(lang), lang=lang %}{{ n }} article{% pluralize count %}"
        "{{ n }} articles{% endtrans %}"
    )
    assert template.render(k=count, lang="en", arabic_digits=True) == expected


def test_render_cover_counts_in_both_languages(soup):
    cover = soup.find(id="cover")
    assert "3 articles" in cover.get_text()
    assert "3 مقالات" in cover.get_text()


def test_render_arabic_digits_option(renderer, brief):
    western = BeautifulSoup(renderer.html(brief), "html.parser").find(id="cover")
    eastern = BeautifulSoup(renderer.html(brief, arabic_digits=True), "html.parser").find(id="cover")
    ar_w = " ".join(el.get_text() for el in western.find_all(attrs={"lang": "ar"}))
    ar_e = " ".join(el.get_text() for el in eastern.find_all(attrs={"lang": "ar"}))
    assert "2018" in ar_w
    assert "٢٠١٨" not in ar_w
    assert "٢٠١٨" in ar_e
    assert "2018" not in ar_e
    en_e = " ".join(el.get_text() for el in eastern.find_all(attrs={"lang": "en"}))
    assert "2018" in en_e  # English keeps Western digits


def test_render_empty_brief(renderer):
    brief = compose([], generated=GENERATED)
    html = renderer.html(brief)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(id="empty") is not None
    assert soup.find(id="articles") is None
    assert "No articles were found" in soup.get_text()
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(renderer.pdf(html))).pages)
    assert "No articles were found" in text


def _extracted_messages() -> set[str | tuple[str, str]]:
    cfg = ConfigParser()
    cfg.read(ROOT / "babel.cfg")
    method_map = [
        (section.split(":", 1)[1].strip(), section.split(":", 1)[0].strip()) for section in cfg.sections()
    ]
    options_map = {pattern: dict(cfg[f"{method}: {pattern}"]) for pattern, method in method_map}
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=method_map, options_map=options_map
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def test_render_every_message_is_translated_and_the_pot_is_fresh():
    locales = Paths.default().locales
    extracted = _extracted_messages()
    assert len(extracted) > 40
    with (locales / "messages.pot").open("rb") as fh:
        pot = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(fh) if m.id}
    assert pot == extracted, "run scripts/update_catalogs.py"
    for lang, forms in (("ar", 6), ("en", 2)):
        with (locales / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        assert catalog.num_plurals == forms
        for msgid in extracted:
            msg = catalog.get(msgid if isinstance(msgid, str) else msgid[0])
            assert msg is not None, (lang, msgid)
            strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
            assert all(strings), (lang, msgid)
            assert len(strings) == (forms if isinstance(msgid, tuple) else 1), (lang, msgid)
