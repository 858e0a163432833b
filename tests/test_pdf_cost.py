"""What the PDF no longer pays for (issue 15): work the reader never sees, checked by what it
leaves in the files or by what the engine is asked to do, never by timing.

The build goes through the command line with the session's pipeline (the `env` fixture)."""

from __future__ import annotations

import io
from contextlib import nullcontext
from io import BytesIO
from pathlib import Path

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otBase
from pypdf import PdfReader
from test_outputs import cli, env, folder  # noqa: F401  (a fixture)

from briefing.errors import ExitCode
from briefing.render.fonts import lean_subsetting

AMIRI = Path("/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf")


def embedded_fonts(pdf: bytes) -> dict[str, TTFont]:
    """The fonts a PDF embeds, by base name, parsed."""
    fonts: dict[str, TTFont] = {}
    for page in PdfReader(BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts") or []:
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                data = descriptor["/FontFile2"].get_object().get_data()
                fonts[str(font["/BaseFont"])] = TTFont(BytesIO(data))
    return fonts


@pytest.fixture
def built_pdf(env, monkeypatch):  # noqa: F811
    """brief.pdf of a build, and which layout tables fontTools decompiled while it was made."""
    read: list[str] = []
    decompile = otBase.BaseTTXConverter.decompile

    def spy(self, data, font):
        read.append(self.tableTag)
        return decompile(self, data, font)

    monkeypatch.setattr(otBase.BaseTTXConverter, "decompile", spy)
    out = env / "out"
    result = cli("build", folder(env, "in", ["2018-05-07", "2018-05-09"]), "--out", out, "--quiet")
    assert result.exit_code == ExitCode.OK, result.output
    return (out / "latest" / "brief.pdf").read_bytes(), read


def test_pdf_fonts_are_subset_without_reading_their_shaping_tables(built_pdf):
    pdf, read = built_pdf
    fonts = embedded_fonts(pdf)
    assert any("Amiri" in name for name in fonts)
    assert any("Noto" in name for name in fonts)
    for name, font in fonts.items():
        assert name[7:8] == "+", name  # a subset: /ABCDEF+Name
        assert name[1:7].isupper(), name
        assert "glyf" in font, name
        assert not {"GPOS", "GSUB"} & set(font.keys()), name
    # The text was shaped by Pango/HarfBuzz; the subsetter never needed GSUB or GPOS.
    assert "GPOS" not in read
    assert "GSUB" not in read


def _subset(path: Path) -> TTFont:
    """Amiri subset as WeasyPrint asks fontTools for it (weasyprint/pdf/fonts.py)."""
    options = subset.Options(
        retain_gids=True,
        passthrough_tables=True,
        ignore_missing_glyphs=True,
        hinting=False,
        desubroutinize=True,
    )
    options.drop_tables += ["GSUB", "GPOS", "SVG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=list(range(3, 300)))
    font = TTFont(io.BytesIO(path.read_bytes()))
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    return TTFont(io.BytesIO(buf.getvalue()))


def test_pdf_lean_subsetting_makes_the_same_subset():
    if not AMIRI.is_file():
        pytest.skip(f"{AMIRI} is absent (Debian's fonts-hosny-amiri)")
    plain = _subset(AMIRI)
    with lean_subsetting():
        lean = _subset(AMIRI)
    assert sorted(lean.keys()) == sorted(plain.keys())
    # `head` holds the file's timestamp and checksum; every other table is byte for byte equal.
    assert [
        t
        for t in plain.keys()
        if t not in ("head", "GlyphOrder") and lean.getTableData(t) != plain.getTableData(t)
    ] == []
    assert subset.Subsetter.subset.__name__ == "subset"  # put back afterwards


def test_pdf_no_synthesized_font_variants(built_pdf):
    """The gist tag is small uppercase, not small-caps: Pango makes small caps a font of its
    own, subset and embedded once more."""
    pdf, _ = built_pdf
    assert [name for name in embedded_fonts(pdf) if "Small-Caps" in name] == []


def test_pdf_rules_are_lines_not_dots(built_pdf):
    """The contents and the actors index are ruled with hairlines: a dotted rule was drawn dot
    by dot, a Bézier circle each (tens of thousands per page, most of the file)."""
    pdf, _ = built_pdf
    first = PdfReader(BytesIO(pdf)).pages[0]
    operators = first.get_contents().get_data().split()
    # The rules are there, as stroked lines; the tags have square corners (no curves at all).
    assert operators.count(b"l") > 10
    assert operators.count(b"S") > 10
    assert operators.count(b"c") < 2000, operators.count(b"c")  # a dotted rule: tens of thousands


def _struct_pages(pdf: bytes) -> list[int]:
    """The page of every structure element that names one (/Pg), in the tree's order."""
    reader = PdfReader(BytesIO(pdf))
    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    found: list[int] = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
            return
        if not hasattr(node, "get"):
            return
        if "/Pg" in node:
            found.append(numbers[node.raw_get("/Pg").idnum])
        if "/K" in node:
            walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_pdf_page_references_listed_once_per_write(monkeypatch):
    """The tagger asks for the pages' references once per tagged box; pydyf lists every page
    each time (boxes times pages). Listed once per write, the tags name the same pages."""
    import pydyf

    from briefing.render import Renderer

    html = "".join(
        f'<p style="break-before: page">page {n} <b>bold</b> <a href="#p{n}" id="p{n}">link</a></p>'
        for n in range(6)
    )
    renderer = Renderer()
    listed = 0
    compute = pydyf.PDF.page_references.fget

    def counted(pdf):
        nonlocal listed
        listed += 1
        return compute(pdf)

    monkeypatch.setattr(pydyf.PDF, "page_references", property(counted))
    monkeypatch.setattr("briefing.render.page_references_once", nullcontext)
    plain = renderer.pdf(html)
    every_box = listed
    monkeypatch.undo()
    monkeypatch.setattr(pydyf.PDF, "page_references", property(counted))
    listed = 0
    once = renderer.pdf(html)
    assert every_box > 20  # the tagger's lookups: more than one per page
    assert listed <= 2, listed  # the outline's and the tags' (the pages are all added by then)
    assert _struct_pages(once) == _struct_pages(plain)
    assert sorted(set(_struct_pages(once))) == list(range(6))
    assert isinstance(pydyf.PDF.__dict__["page_references"], property)
    assert pydyf.PDF.page_references.fget is counted  # put back afterwards


def test_pdf_one_regular_face_per_language(built_pdf):
    """No bold or italic face: each is a font subset of its own, made again for every PDF."""
    pdf, _ = built_pdf
    names = [name.split("+", 1)[1] for name in embedded_fonts(pdf)]
    assert [n for n in names if "Bold" in n or "Italic" in n or "Oblique" in n] == []
    assert any(n.startswith("Amiri") for n in names)
    assert any(n.startswith("Noto-Sans") for n in names)


def test_pdf_stylesheet_carries_values_not_custom_properties():
    """WeasyPrint resolves a var() at every computed style that uses it (one per element) and
    parses the colour again each time: the pages carry the values; styles/brief.css keeps its
    variables."""
    from brief_samples import sample_extractions

    from briefing.compose import compose
    from briefing.config import Paths
    from briefing.render import Renderer

    assert "var(--accent)" in (Paths.default().styles / "brief.css").read_text(encoding="utf-8")
    renderer = Renderer()
    brief = compose(sample_extractions())
    for page in (renderer.html(brief), renderer.appendix_html(brief, proper="brief.pdf")):
        style = page[page.index("<style>") : page.index("</style>")]
        assert "var(" not in style
        assert "--accent" not in style
        assert "color: #1f4e79" in style  # :root's --accent, in the links' rule


def test_pdf_stylesheet_variables_resolved_in_order_and_checked():
    from briefing.errors import RenderError
    from briefing.render.css import resolve_variables

    css = ":root { --ink: red; --rule: 1px solid var(--ink); }\n"
    css += "p { border: var(--rule); color: var( --ink ); }"
    assert resolve_variables(css) == "p { border: 1px solid red; color: red; }"
    assert resolve_variables("p { color: red; }") == "p { color: red; }"
    with pytest.raises(RenderError, match=r"var\(--nope\)"):
        resolve_variables(":root { --ink: red; }\np { color: var(--nope); }")
    # A property scoped to a rule, and a fallback, are WeasyPrint's to resolve: left as written.
    scoped = ":root { --ink: red; }\n.box { --pad: 2mm; padding: var(--pad); color: var(--ink); }"
    assert resolve_variables(scoped) == ".box { --pad: 2mm; padding: var(--pad); color: red; }"
    fallback = ":root { --ink: red; }\np { color: var(--hue, rgb(0, 0, 1)); border-color: var(--ink, blue); }"
    assert resolve_variables(fallback) == "p { color: var(--hue, rgb(0, 0, 1)); border-color: red; }"


def test_pdf_collector_passes_fewer_while_a_pdf_is_made(monkeypatch):
    """WeasyPrint keeps nearly every object it makes to the end of the document: young
    collections far apart while a PDF is made (the collector's passes found next to nothing),
    the process's thresholds as before afterwards, after a failure too."""
    import gc

    from briefing import collector
    from briefing.errors import RenderError
    from briefing.render import Renderer

    renderer = Renderer()
    page = "".join(f"<p>paragraph {n} <b>bold</b> <a href='#p{n}' id='p{n}'>link</a></p>" for n in range(300))
    renderer.pdf(page)  # the engine's first use
    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []
    made = Renderer._pdf

    def spy(self, *args, **kwargs):
        seen.append(gc.get_threshold())
        return made(self, *args, **kwargs)

    def passes() -> int:
        collections = 0

        def count(phase, info):
            nonlocal collections
            collections += phase == "start"

        gc.callbacks.append(count)
        try:
            renderer.pdf(page)
        finally:
            gc.callbacks.remove(count)
        return collections

    monkeypatch.setattr(Renderer, "_pdf", spy)
    fewer = passes()
    assert seen == [(collector.RENDER_YOUNG_THRESHOLD, *before[1:])]
    assert gc.get_threshold() == before
    monkeypatch.setattr(collector, "fewer_passes", nullcontext)
    assert fewer * 5 < passes()

    def fail(self, *args, **kwargs):
        raise ValueError("broken")

    monkeypatch.undo()
    monkeypatch.setattr(Renderer, "_pdf", fail)
    with pytest.raises(RenderError, match="broken"):
        renderer.pdf("<p>x</p>")
    assert gc.get_threshold() == before


def test_pdf_arabic_letters_of_a_url_in_amiri_not_a_third_font():
    """An article's URL may hold Arabic letters, in an English line: Amiri draws them, so that
    the appendix embeds the two faces of the design and no font fontconfig would find for them
    (DejaVu Sans: one more font subset per PDF); a URL that is no link (the samples' hostile
    one) or a file name is in the same face, not a monospace one (DejaVu Sans Mono)."""
    from dataclasses import replace

    from brief_samples import sample_extractions

    from briefing.compose import compose
    from briefing.render import Renderer

    exts = sample_extractions()
    url = "https://example.org/ar/article/إيران-باقية-في-سوريا/106"
    exts[0] = replace(exts[0], article=replace(exts[0].article, url=url))
    renderer = Renderer()
    page = renderer.appendix_html(compose(exts), proper="brief.pdf", printed=True)
    assert f'class="link" href="{url}"' in page
    names = sorted(name.split("+", 1)[1] for name in embedded_fonts(renderer.pdf(page)))
    assert names == ["Amiri", "Noto-Sans"]
