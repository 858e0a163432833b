"""Rendering: HTML structure and bidi markup, escaping, catalogs and plurals, PDF text, the fetcher."""

from __future__ import annotations

import re
import unicodedata
from configparser import ConfigParser
from dataclasses import replace
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from brief_samples import HOSTILE, ref_number, sample_changes, sample_extractions, story_brief
from bs4 import BeautifulSoup, NavigableString
from pypdf import PdfReader

from briefing.compose import compose
from briefing.config import Paths
from briefing.model.contract import Background, EventDate
from briefing.render import Renderer, make_url_fetcher

ROOT = Path(__file__).resolve().parent.parent
ARABIC = re.compile(r"[\u0600-\u06FF]")
GENERATED = datetime(2018, 5, 12, 9, 0)


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


@pytest.fixture(scope="module")
def brief():
    exts = sample_extractions()
    return story_brief(compose(exts, generated=GENERATED), exts, changes=sample_changes())


@pytest.fixture(scope="module")
def html(renderer, brief):
    return renderer.html(brief)


@pytest.fixture(scope="module")
def soup(html):
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def appendix(renderer, brief):
    return BeautifulSoup(renderer.appendix_html(brief), "html.parser")


@pytest.fixture(scope="module")
def printed(renderer, brief):
    """The page the appendix's PDF is made from."""
    return BeautifulSoup(renderer.appendix_html(brief, proper="brief.pdf", printed=True), "html.parser")


@pytest.fixture(scope="module")
def printed_brief(renderer, brief):
    """The page brief.pdf is made from."""
    return BeautifulSoup(renderer.html(brief, printed=True), "html.parser")


@pytest.fixture(scope="module")
def pdf_text(renderer, html):
    reader = PdfReader(BytesIO(renderer.pdf(html)))
    return [unicodedata.normalize("NFKC", page.extract_text() or "") for page in reader.pages]


def _nearest_lang(node):
    for parent in node.parents:
        if getattr(parent, "attrs", None) and parent.get("lang"):
            return parent
    return None


def _check_arabic_blocks(page):
    for el in page.find_all(attrs={"lang": "ar"}):
        assert el.get("dir") == "rtl", el
    for el in page.find_all(attrs={"dir": "rtl"}):
        assert el.get("lang") == "ar", el
    checked = 0
    for text in page.body.find_all(string=ARABIC):
        if not isinstance(text, NavigableString) or text.parent.name in ("style", "title"):
            continue
        block = _nearest_lang(text)
        assert block is not None, text
        assert (block["lang"], block.get("dir")) == ("ar", "rtl"), (text, text.parent)
        checked += 1
    return checked


def test_render_arabic_blocks_carry_dir_and_lang(soup, appendix, printed, printed_brief):
    assert _check_arabic_blocks(soup) > 50
    assert _check_arabic_blocks(appendix) > 30
    assert _check_arabic_blocks(printed) > 30
    assert _check_arabic_blocks(printed_brief) > 50


def test_render_english_blocks_carry_lang(soup, appendix, printed, printed_brief):
    for page in (soup, appendix, printed, printed_brief):
        assert page.html["lang"] == "en"
        for text in page.body.find_all(string=re.compile(r"[A-Za-z]{3}")):
            block = _nearest_lang(text)
            assert block is not None, text
            assert block.name != "html", (text, text.parent)  # inside an explicit block


def test_render_links_resolve_in_the_brief_and_into_the_appendix(soup, appendix):
    ids = {el["id"] for el in soup.find_all(id=True)}
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    inner = [h for h in hrefs if h.startswith("#")]
    assert any(h.startswith("#ref-") for h in inner)
    assert any(h.startswith("#story-") for h in inner)
    assert not [h for h in inner if h[1:] not in ids]
    outer = [h for h in hrefs if h.startswith("appendix.html#")]
    appendix_ids = {el["id"] for el in appendix.find_all(id=True)}
    assert outer
    assert not [h for h in outer if h.split("#", 1)[1] not in appendix_ids]
    assert appendix.find("a", href="brief.html") is not None  # and back


def test_render_inline_citations_in_both_languages(soup, brief):
    first = soup.find(id="story-iran-syria")
    rows = first.select("tr.claim")
    assert len(rows) == 3
    en, ar = rows[2].find("td", class_="en"), rows[2].find("td", class_="ar")
    # The same statement from two outlets: one line, both cited, each linking to its reference.
    assert "(Al Arabiya, 9 May; BBC, 11 May)" in " ".join(en.get_text().split())
    assert "(العربية، 9 مايو؛ بي بي سي، 11 مايو)" in " ".join(ar.get_text().split())
    expected = [f"#ref-{ref_number(brief, name)}" for name in ("russia-a", "russia-b")]
    assert [a["href"] for a in en.select("a.cite-link")] == expected
    assert [a["href"] for a in ar.select("a.cite-link")] == expected


def test_render_story_heading_dates_and_outlets(soup):
    first = soup.find(id="story-iran-syria")
    assert "1. Iran says it stays in Syria" in first.find("h3").get_text()
    meta = " ".join(first.find(class_="story-meta").get_text().split())
    assert "9 May – 11 May · Al Arabiya, BBC · 2 articles" in meta
    assert "العربية، بي بي سي" in meta


def test_render_conflicting_reports_side_by_side(soup):
    line = soup.select_one("#key-figures tr.figure-line.conflict")
    en = " ".join(line.find("td", class_="en").get_text().split())
    assert en.startswith("Iran: more than $30 billion")
    assert "(Al Arabiya, 9 May) · more than $30.1 billion" in en
    assert "reports differ" in en
    ar = " ".join(line.find("td", class_="ar").get_text().split())
    assert "أكثر من 30 مليار دولار (العربية، 9 مايو) · أكثر من 30.1 مليار دولار" in ar
    assert "روايات متباينة" in ar


def test_render_agreeing_reports_say_how_many_outlets(renderer, brief):
    money = brief.key_figure_lines[0]
    cites = money.reports[0].citations + money.reports[1].citations
    agreed = replace(money, reports=(replace(money.reports[0], citations=cites),), conflict=False)
    soup = BeautifulSoup(renderer.html(replace(brief, key_figure_lines=(agreed,))), "html.parser")
    line = soup.select_one("#key-figures tr.figure-line")
    assert "2 outlets agree" in line.find("td", class_="en").get_text()
    assert "تتفق وسيلتا إعلام" in line.find("td", class_="ar").get_text()
    assert "reports differ" not in line.get_text()


def test_render_first_page_has_the_opening_in_both_languages(soup, brief):
    cover = soup.find(id="cover")
    assert cover.find("p", lang="en", class_="opening-en").get_text() == brief.opening_en
    ar = cover.find("p", class_="opening-ar")
    assert (ar["lang"], ar["dir"], ar.get_text()) == ("ar", "rtl", brief.opening_ar)
    assert "3 articles" in cover.get_text()
    assert "3 مقالات" in cover.get_text()


def test_render_sections_link_key_developments_and_show_the_others(soup):
    military = soup.find(id="section-military-presence")
    assert military.find("a", href="#story-iran-syria") is not None
    assert not military.select(".claim-text")  # only linked: its claims are printed once, above
    casualties = soup.find(id="section-casualties")
    assert casualties.find("a", href="#story-deir") is not None
    assert casualties.find(id="story-official") is not None  # not a key development: in full


def test_render_no_claim_text_printed_twice(soup):
    texts = [" ".join(el.get_text().split()) for el in soup.select(".claim-text")]
    assert len(texts) >= 8
    assert len(texts) == len(set(texts))


def test_render_sources_list_holds_the_reference_anchors(soup, brief):
    outlets = soup.select("ul.source-list > li")
    names = [li.find(class_="outlet").get_text() for li in outlets]
    assert names[:2] == ["Al Arabiya", "BBC"]  # by outlet, alphabetical
    assert [el["id"] for el in soup.select("ul.source-list .src")] == ["src-1", "src-3", "src-2"]
    first = soup.find(id="src-1")
    assert "May 9, 2018" in first.get_text()
    assert first.find("a", href="https://example.org/a") is not None  # the article on the web
    cited = sorted(ref_number(brief, name) for name in ("deny", "russia-a", "killed-12"))
    assert [a["href"] for a in first.select(".ref-links a")] == [f"appendix.html#ref-{n}" for n in cited]
    assert [a["id"] for a in first.select(".ref-links a")] == [f"ref-{n}" for n in cited]
    assert "العربية" in outlets[0].get_text()
    hostile = soup.find(id="src-2")
    assert hostile.find("a", href=re.compile("javascript")) is None
    assert soup.find(id="articles") is None  # the per-article listing is the appendix


def test_render_sources_of_files_name_each_article_as_citations_do(renderer):
    """Files with no outlet and no date (seeds/): "article 1" in the sources list, not a row of
    "undated" that tells the articles apart by nothing."""
    exts = [
        replace(e, article=replace(e.article, source=None, url=None, published=None))
        for e in sample_extractions()
    ]
    soup = BeautifulSoup(renderer.html(compose(exts, generated=GENERATED)), "html.parser")
    dates = [el.get_text() for el in soup.select("ul.source-list .src-date")]
    assert dates
    assert all(re.fullmatch(r"article \d+", d) for d in dates)
    assert "undated" not in soup.select_one("ul.source-list").get_text()


def test_render_sections_show_other_stories_short(renderer, brief):
    story = brief.stories[0]
    long = replace(story, claims=story.claims * 3, figures=story.figures * 2)
    soup = BeautifulSoup(renderer.html(replace(brief, stories=(long,))), "html.parser")
    entry = soup.find(id="story-official")
    assert len(entry.select("tr.claim")) == 1
    assert len(entry.select("tr.figure-line")) == 1


def test_render_appendix_shows_every_reference_with_its_passage(appendix, brief):
    for ref in brief.refs:
        li = appendix.find(id=ref.anchor)
        assert li is not None
        marks = [m.get_text() for m in li.find_all("mark")]
        assert marks == [s.text for s in ref.segments if s.mark]
    assert len(appendix.select("article.source")) == 3


def test_render_printed_appendix_has_the_same_items_in_lighter_markup(appendix, printed):
    """The appendix's PDF is made from lighter markup: each claim's or figure's reference marks
    once, on its Arabic line (printed under the English one), no isolating element, an article's
    actors a line per language in the same order, no screen stylesheet. appendix.html keeps
    all of it."""

    def marks(page, side):
        blocks = page.select(f"div.pairs > div.{side}, div.pair > div.{side}")
        return [[a["href"] for a in block.select("a[href^='#ref-']")] for block in blocks]

    assert marks(printed, "ar") == marks(appendix, "ar") == marks(appendix, "en")
    assert len(marks(printed, "ar")) > 5
    assert not [hrefs for hrefs in marks(printed, "en") if hrefs]
    english = [b.get_text(" ", strip=True) for b in printed.select("div.pairs > div.en")]
    assert [t.rsplit("[", 1)[0].strip() for t in english] == english  # no mark left as text either
    # Each item's two blocks, English then Arabic, without a block around them.
    assert not printed.select("div.pair")
    for block in printed.select("div.pairs > div.en"):
        assert block.find_next_sibling("div")["lang"] == "ar"
    kinds = [b["class"] for b in printed.select("div.pairs > div.en")]
    assert kinds == [["en", pair["class"][1]] for pair in appendix.select("div.pair")]  # claim, figure
    assert appendix.select("bdi")
    assert not printed.select("bdi")
    quotes = [q.get_text() for q in appendix.select("bdi.quote")]
    assert quotes
    assert all(f"«{q}»" in printed.get_text() for q in quotes)
    for shown, plain in zip(appendix.select("article.source"), printed.select("article.source"), strict=True):
        names = [b.get_text() for b in shown.select("p.source-actors bdi.name-ar")]
        line = plain.select_one("p.source-actors.ar")
        assert (line.get_text().split(" · ") if line else []) == names
        english = shown.select_one("p.source-actors[lang=en]")
        if english:
            for bdi in english.select("bdi"):
                bdi.decompose()
            text = " ".join(english.get_text().split())
            assert " ".join(plain.select_one("p.source-actors[lang=en]").get_text().split()) == text
    assert appendix.find("style", media="screen")
    assert not printed.find("style", media="screen")


def test_render_printed_brief_has_the_same_claims_without_their_wrappers(soup, printed_brief):
    """brief.pdf is made from the brief's page without the elements around a claim's words (a
    browser's, WeasyPrint ignores them) and without the screen's stylesheet."""
    rows = [" ".join(row.get_text().split()) for row in soup.select("tr.claim")]
    plain = [" ".join(row.get_text().split()) for row in printed_brief.select("tr.claim")]
    assert len(rows) > 3
    assert plain == rows
    assert soup.select("tr.claim .claim-text")
    assert not printed_brief.select("tr.claim .claim-text, tr.claim bdi")
    assert soup.find("style", media="screen")
    assert not printed_brief.find("style", media="screen")


def test_render_appendix_marks_earlier_events_as_background(renderer):
    """A claim of a background sentence, or a figure dated before the period, is tagged
    "background" / "خلفية" in the appendix; the others are not."""
    exts = sample_extractions()
    first = exts[0]
    claim = first.claims[0]
    figure = first.figures[0]
    early = replace(figure, date=EventDate("2017-12", "month"))
    first = replace(
        first,
        background=(Background(claim.sentence, "pluperfect"),),
        figures=(early, *first.figures[1:]),
    )
    soup = BeautifulSoup(
        renderer.appendix_html(compose([first, *exts[1:]], generated=GENERATED)), "html.parser"
    )
    tagged = soup.select(".pair:has(.background-tag)")
    texts = " ".join(row.get_text(" ") for row in tagged)
    assert claim.content.text in texts
    assert figure.text in texts
    assert "خلفية" in texts
    others = [row for row in soup.select(".pair.claim") if row not in tagged]
    assert others  # the news stays untagged


def test_render_appendix_link_in_the_pdf_version(renderer, brief):
    soup = BeautifulSoup(renderer.html(brief, appendix="appendix.pdf"), "html.parser")
    outer = [a["href"] for a in soup.find_all("a", href=True) if not a["href"].startswith("#")]
    assert any(h.startswith("appendix.pdf#ref-") for h in outer)
    assert not [h for h in outer if h.startswith("appendix.html")]


def test_render_what_changed_with_and_without_an_earlier_window(renderer, brief, soup):
    table = soup.select_one("#changes table.changes-table")
    rows = [" ".join(tr.get_text().split()) for tr in table.select("tbody tr")]
    assert rows[0].startswith("By country")
    assert "Syria سوريا 1 → 2 1 → 3 0 → 12 ▲ up ارتفاع" in rows[1]
    assert "▼ down" in rows[3]
    assert "Masoud Jazayeri" in soup.select_one("#changes .new-actors").get_text()
    none = BeautifulSoup(renderer.html(replace(brief, changes=sample_changes(0))), "html.parser")
    assert "No earlier window in the store" in none.find(id="changes").get_text()
    assert none.select_one("#changes table") is None
    assert "لا توجد فترة سابقة" in none.find(id="changes").get_text()
    files = BeautifulSoup(renderer.html(replace(brief, changes=None)), "html.parser")
    assert files.find(id="changes") is None


def test_render_escapes_hostile_article_text(soup, html, appendix):
    assert soup.find("script") is None
    assert "<script>" not in html
    for page in (soup, appendix):
        text = page.get_text()
        assert "<script>alert('x')</script>" in text
        assert "{{ 7 * 7 }}" in text  # shown, never evaluated
        assert "{% raw %}" in text
        hrefs = [a["href"] for a in page.find_all("a", href=True)]
        assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert HOSTILE.split()[0] in appendix.get_text()


def test_render_pdf_text_reads_in_logical_order(pdf_text):
    text = "\n".join(pdf_text)
    assert "Masoud Jazayeri" in text
    assert "مسعود جزايري" in text  # logical order, not reversed glyph runs
    assert "يرازج" not in text
    assert "إيران باقية في سوريا" in text
    assert "<script>alert('x')</script>" in text.replace("\n", "")


def test_render_pdf_page_footers_and_contents(pdf_text):
    n = len(pdf_text)
    assert n >= 2
    for i, page in enumerate(pdf_text[1:], 2):
        flat = " ".join(page.split())
        assert f"Page {i} of {n}" in flat
        # Extractors order the digits of a mixed RTL margin box differently; the words must be there.
        assert "صفحة" in flat
        assert " من" in flat
    first = " ".join(pdf_text[0].split())
    assert "Page 1 of" not in first  # the first page has no footer
    assert "Key developments" in first  # they start on the first page, after the opening
    assert re.search(r"Sources\D*\d", pdf_text[0])


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
    assert "بين ٩ و١١ مايو" in ar_e  # the opening is the brief's own text
    story = BeautifulSoup(renderer.html(brief, arabic_digits=True), "html.parser").find(id="story-iran-syria")
    assert "(العربية، ٩ مايو؛ بي بي سي، ١١ مايو)" in " ".join(story.get_text().split())


def test_render_empty_brief(renderer):
    brief = compose([], generated=GENERATED)
    html = renderer.html(brief)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(id="empty") is not None
    assert soup.find(id="developments") is None
    assert "No articles were found" in soup.get_text()
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(renderer.pdf(html))).pages)
    assert "No articles were found" in text
    appendix = BeautifulSoup(renderer.appendix_html(brief), "html.parser")
    assert appendix.find(id="empty") is not None
    assert appendix.find(id="articles") is None


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


def test_render_citation_of_an_article_without_outlet_names_it_by_number(renderer, brief):
    story = brief.stories[0]
    claim = story.claims[0]
    nameless = replace(
        claim, citations=tuple(replace(c, outlet_en="", outlet_ar="") for c in claim.citations)
    )
    soup = BeautifulSoup(
        renderer.html(replace(brief, stories=(replace(story, claims=(nameless,)),))), "html.parser"
    )
    row = soup.select_one("#story-official tr.claim")
    assert "(article 2, 10 May)" in " ".join(row.find("td", class_="en").get_text().split())
    assert "(المقال 2، 10 مايو)" in " ".join(row.find("td", class_="ar").get_text().split())
