"""Render a Brief: the one Jinja2 environment (HTML) and WeasyPrint (PDF), both languages at once.

Article text is untrusted: autoescape is on, StrictUndefined turns a missing field into an
error, and WeasyPrint may fetch only files under templates/ and styles/ (no network, no other
path). Template text is translated per block: `_("…", lang="ar")` and
`{% trans lang=lang %}` pick the catalog, so one page holds both languages. Catalogs are the
committed .po files, compiled to .mo in memory when the renderer is built.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from babel.dates import format_date as babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal as babel_format_decimal
from babel.support import Translations
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from briefing import collector
from briefing.config import Paths
from briefing.errors import ConfigError, RenderError
from briefing.model.brief import ArticleSummary, Brief
from briefing.model.vocab import LABELS
from briefing.render.css import resolve_variables
from briefing.render.fonts import lean_subsetting
from briefing.render.pdf_refs import page_references_once
from briefing.render.view import (
    MAX_INLINE_CITATIONS,
    brief_view,
    distinct_citations,
    latin_name,
    outlet_count,
)
from briefing.text.normalize import has_arabic

LANGUAGES = ("en", "ar")
APPENDIX_HTML = "appendix.html"
APPENDIX_PDF = "appendix.pdf"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def load_translations(locales: Path, lang: str) -> Translations:
    """The committed catalog for `lang`, compiled in memory (no .mo file on disk)."""
    po_path = locales / lang / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(fp=buf)


def _is_within(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def make_url_fetcher(roots: Iterable[Path]) -> Any:
    """A WeasyPrint fetcher serving only files under `roots`; everything else is refused."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = tuple(Path(r).resolve() for r in roots)

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":  # the user's logo, embedded by logo_data_uri
                mime, data = _decode_data_uri(url)
                return URLFetcherResponse(url, data, {"Content-Type": mime})
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise ValueError(f"refused (only local template and style files): {url}")
            path = Path(unquote(parts.path)).resolve()
            if not _is_within(path, allowed) or not path.is_file():
                raise ValueError(f"refused (outside templates/ and styles/): {url}")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

    return LocalOnlyFetcher(allowed_protocols=("file", "data"))


def logo_data_uri(path: Path) -> str:
    """The image at `path` as a data: URI, so that brief.html stands alone and the PDF renderer
    fetches nothing else; a ConfigError names the file when it cannot be read."""
    import base64

    mime = mimetypes.guess_type(path.name)[0]
    if mime is None or not mime.startswith("image/"):
        raise ConfigError(f"{path}: logo: not an image file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: logo: {exc.strerror or exc}") from exc
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _decode_data_uri(url: str) -> tuple[str, bytes]:
    """(mime type, bytes) of a base64 image data: URI; ValueError for anything else."""
    import base64
    import binascii

    head, sep, payload = url.partition(",")
    mime = head.removeprefix("data:").removesuffix(";base64")
    if not sep or not head.endswith(";base64") or not mime.startswith("image/"):
        raise ValueError("refused (only base64 images as data: URIs)")
    try:
        return mime, base64.b64decode(payload, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"refused (bad base64 in a data: URI): {exc}") from None


@dataclass(frozen=True)
class AppendixPart:
    """Some of the appendix: its articles, whether it has the cover (the first part) and the
    actors index (the last), and CSS added after the brief's (render/chunks.py)."""

    articles: Sequence[ArticleSummary]
    cover: bool = True
    index: bool = True
    css: str = ""


class Renderer:
    """Templates, catalogs and fonts, loaded once; render any number of briefs."""

    def __init__(self, paths: Paths | None = None, templates: Path | None = None) -> None:
        """`templates`: the user's templates/ (resources/user.py), searched before the packaged ones."""
        self.paths = paths or Paths.default()
        self.user_templates = templates
        self.translations = {lang: load_translations(self.paths.locales, lang) for lang in LANGUAGES}
        self.env = self._environment()
        self._font_config: Any = None

    def _environment(self) -> Environment:
        env = Environment(
            loader=ChoiceLoader(
                [FileSystemLoader(str(d)) for d in (self.user_templates, self.paths.templates) if d]
            ),
            autoescape=True,
            undefined=StrictUndefined,
            extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
            trim_blocks=True,
            lstrip_blocks=True,
        )
        # Newstyle: `{% trans %}` passes its variables (and lang=) to our gettext as keywords.
        env.newstyle_gettext = True  # type: ignore[attr-defined]
        translations = self.translations

        @pass_context
        def gettext(ctx: Context, message: str, /, lang: str = "en", **variables: Any) -> str:
            rv = translations[lang].gettext(message)
            if ctx.eval_ctx.autoescape:
                rv = Markup(rv)
            return rv % variables if variables else rv

        @pass_context
        def ngettext(
            ctx: Context, singular: str, plural: str, n: int, /, lang: str = "en", **variables: Any
        ) -> str:
            variables.setdefault("num", n)
            rv = translations[lang].ngettext(singular, plural, n)
            if ctx.eval_ctx.autoescape:
                rv = Markup(rv)
            return rv % variables

        env.globals.update(
            gettext=gettext, ngettext=ngettext, label=self._label, max_citations=MAX_INLINE_CITATIONS
        )
        env.tests["web_url"] = _is_web_url
        env.tests["arabic"] = lambda value: isinstance(value, str) and has_arabic(value)  # the user's title
        env.filters.update(
            num=_num,
            fdate=_fdate,
            digits=_digits,
            split_placeholders=_split_placeholders,
            distinct_citations=distinct_citations,
            outlet_count=outlet_count,
            latin=latin_name,
        )
        return env

    def _label(self, kind: str, key: str | None, lang: str = "en") -> str:
        """The translated label of a category, stance, qualifier or actor type."""
        if key is None:
            return ""
        message = LABELS[kind].get(key, key)
        return self.translations[lang].gettext(message)

    def html(
        self,
        brief: Brief,
        *,
        arabic_digits: bool = False,
        appendix: str = APPENDIX_HTML,
        printed: bool = False,
    ) -> str:
        """The brief proper as one self-contained HTML page (styles inlined).

        `appendix`: the file its links to the per-article listing go to (relative, beside it).
        `printed`: the page brief.pdf is made from, without what only a browser uses (the
        screen's stylesheet, the elements around a claim's words)."""
        view = brief_view(brief, appendix)
        return self._page("brief.html", brief, arabic_digits, view=view, printed=printed)

    def appendix_html(
        self,
        brief: Brief,
        *,
        arabic_digits: bool = False,
        proper: str = "brief.html",
        part: AppendixPart | None = None,
        printed: bool = False,
    ) -> str:
        """The appendix: every article with its claims, figures and highlighted sentences.

        `proper`: the brief it belongs to (a relative link back). `part`: only some of it, for
        the appendix's PDF rendered in parts (render/chunks.py); the whole of it by default.
        `printed`: the page its PDF is made from, with less markup where print shows no
        difference (each inline element costs WeasyPrint a style and boxes to lay out) and
        without the screen's stylesheet; appendix.html keeps the richer markup."""
        part = part or AppendixPart(brief.articles)
        return self._page(
            "appendix.html",
            brief,
            arabic_digits,
            proper=proper,
            articles=part.articles,
            cover=part.cover,
            index=part.index,
            css_extra=part.css,
            printed=printed,
        )

    def appendix_pages_html(self, brief: Brief, pages: int, *, arabic_digits: bool = False) -> str:
        """`pages` blank pages with the appendix's running header and footer ("Page N of M"):
        laid over the pages of an appendix rendered in parts, so that their numbers run on."""
        return self._page("appendix_pages.html", brief, arabic_digits, pages=pages)

    def _page(
        self,
        name: str,
        brief: Brief,
        arabic_digits: bool,
        css_extra: str = "",
        printed: bool = False,
        **extra: Any,
    ) -> str:
        """`printed`: a page a PDF is made from, without the screen's stylesheet."""
        try:
            css = resolve_variables((self.paths.styles / "brief.css").read_text(encoding="utf-8"))
            screen_css = (self.paths.styles / "screen.css").read_text(encoding="utf-8") if not printed else ""
            template = self.env.get_template(name)
            return template.render(
                brief=brief,
                css=Markup(css + css_extra),
                screen_css=Markup(screen_css),
                arabic_digits=arabic_digits,
                generated=datetime.fromisoformat(brief.generated),
                period=(date.fromisoformat(brief.period_start), date.fromisoformat(brief.period_end)),
                printed=printed,
                **extra,
            )
        except (OSError, TemplateError) as exc:
            raise RenderError(f"HTML: {type(exc).__name__}: {exc}") from exc

    def pdf(
        self,
        html: str,
        *,
        step: Callable[[str], None] | None = None,
        laid_out: Callable[[Any], None] | None = None,
    ) -> bytes:
        """The PDF of an HTML page made by `html()`; `step` hears when each phase is done.

        `laid_out` gets WeasyPrint's Document between layout and writing (render/chunks.py reads
        its pages and bookmarks there, and points links to other parts at their names)."""
        from weasyprint.text.fonts import FontConfiguration

        if self._font_config is None:
            self._font_config = FontConfiguration()
        try:
            with collector.fewer_passes():  # its boxes live to the end of the document
                return self._pdf(html, step, laid_out)
        except Exception as exc:  # WeasyPrint raises many kinds; the caller needs one
            raise RenderError(f"PDF: {type(exc).__name__}: {exc}") from exc

    def _pdf(
        self, html: str, step: Callable[[str], None] | None, laid_out: Callable[[Any], None] | None
    ) -> bytes:
        from weasyprint import HTML

        fetcher = make_url_fetcher([self.paths.templates, self.paths.styles])
        # No base URL: nothing packaged is fetched by a relative URL, and a relative link (the
        # brief's to appendix.pdf) must stay relative in the PDF, to the file written beside it.
        document = HTML(string=html, url_fetcher=fetcher)
        rendered = document.render(font_config=self._font_config, pdf_tags=True)
        if step is not None:
            step(f"{len(rendered.pages)} pages laid out")
        if laid_out is not None:
            laid_out(rendered)
        # Tagged (a structure tree for screen readers and reflow), each block in its language;
        # fonts subset without reading the shaping tables they drop (render/fonts.py); the
        # pages' references listed once, not once per tagged box (render/pdf_refs.py).
        with _structure_languages(), lean_subsetting(), page_references_once():
            pdf: bytes = rendered.write_pdf(pdf_tags=True)
        if step is not None:
            step("written")
        return pdf


@contextmanager
def _structure_languages() -> Iterator[None]:
    """While a PDF is written: every structure element made for an HTML element with its own
    lang= gets a /Lang entry, so that a screen reader reads the Arabic blocks as Arabic.

    WeasyPrint (up to 70 at least) writes the document's language in the catalog only. Its
    tagger builds the tree through one recursive module function, which is wrapped here for the
    duration of the write; a version without that function still writes a tagged PDF, with the
    document's language only (tests/test_custom.py says so at once).
    """
    from weasyprint.pdf import tags

    build = getattr(tags, "_build_box_tree", None)
    if build is None:
        yield
        return

    def with_lang(box: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        element = getattr(box, "element", None)
        own = None
        if element is not None and getattr(box, "element_tag", None) not in ("html", "body"):
            own = element.get("lang")
        for struct in build(box, *args, **kwargs):
            if own and "Lang" not in struct:
                struct["Lang"] = tags.pydyf.String(own)  # the PDF library WeasyPrint writes with
            yield struct

    tags._build_box_tree = with_lang
    try:
        yield
    finally:
        tags._build_box_tree = build


def _to_digits(ctx: Context, text: Any) -> str:
    s = str(text)
    return s.translate(ARABIC_INDIC) if ctx.get("arabic_digits") else s


@pass_context
def _digits(ctx: Context, text: Any) -> str:
    """Arabic text with Arabic-Indic digits when the brief asks for them (quotes stay verbatim)."""
    return _to_digits(ctx, text)


@pass_context
def _num(ctx: Context, value: float | int, lang: str = "en") -> str:
    """A number in the locale's format; Arabic-Indic digits in Arabic when the brief asks for them."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = babel_format_decimal(value, locale=lang)
    return _to_digits(ctx, text) if lang == "ar" else text


# The day of an inline citation, "(BBC, 14 Apr)" / "(بي بي سي، 14 أبريل)": no year, the period says it.
DAY_FORMATS = {"en": "d MMM", "ar": "d MMMM"}


@pass_context
def _fdate(ctx: Context, value: date | datetime | str, lang: str = "en", fmt: str = "long") -> str:
    """A date in `lang`: Babel's formats (long, medium …), or "day" for a citation's day and month."""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    text = babel_format_date(value, DAY_FORMATS[lang] if fmt == "day" else fmt, locale=lang)
    return _to_digits(ctx, text) if lang == "ar" else text


def _is_web_url(value: Any) -> bool:
    """Only http(s) links become hrefs: an article's URL may be anything (javascript:, file:)."""
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


def _split_placeholders(message: str, *names: str) -> list[str]:
    """'Page {page} of {pages}' → ['Page ', ' of ', ''] for CSS counters placed between the parts."""
    parts: list[str] = []
    rest = str(message)
    for name in names:
        head, sep, rest = rest.partition("{" + name + "}")
        if not sep:
            raise RenderError(f"translation {message!r} lacks the {{{name}}} placeholder")
        parts.append(head)
    parts.append(rest)
    return parts
