"""Render a Brief: the one Jinja2 environment (HTML) and WeasyPrint (PDF), both languages at once.

Article text is untrusted: autoescape is on, StrictUndefined turns a missing field into an
error, and WeasyPrint may fetch only files under templates/ and styles/ (no network, no other
path). Template text is translated per block: `_("…", lang="ar")` and
`{% trans lang=lang %}` pick the catalog, so one page holds both languages. Catalogs are the
committed .po files, compiled to .mo in memory when the renderer is built.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterable
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
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from briefing.config import Paths
from briefing.errors import RenderError
from briefing.model.brief import Brief
from briefing.model.vocab import LABELS

LANGUAGES = ("en", "ar")
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
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise ValueError(f"refused (only local template and style files): {url}")
            path = Path(unquote(parts.path)).resolve()
            if not _is_within(path, allowed) or not path.is_file():
                raise ValueError(f"refused (outside templates/ and styles/): {url}")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

    return LocalOnlyFetcher(allowed_protocols=("file",))


class Renderer:
    """Templates, catalogs and fonts, loaded once; render any number of briefs."""

    def __init__(self, paths: Paths | None = None) -> None:
        self.paths = paths or Paths.default()
        self.translations = {lang: load_translations(self.paths.locales, lang) for lang in LANGUAGES}
        self.env = self._environment()
        self._font_config: Any = None

    def _environment(self) -> Environment:
        env = Environment(
            loader=FileSystemLoader(str(self.paths.templates)),
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

        env.globals.update(gettext=gettext, ngettext=ngettext, label=self._label)
        env.tests["web_url"] = _is_web_url
        env.filters.update(
            num=_num,
            fdate=_fdate,
            digits=_digits,
            split_placeholders=_split_placeholders,
        )
        return env

    def _label(self, kind: str, key: str | None, lang: str = "en") -> str:
        """The translated label of a category, stance, qualifier or actor type."""
        if key is None:
            return ""
        message = LABELS[kind].get(key, key)
        return self.translations[lang].gettext(message)

    def html(self, brief: Brief, *, arabic_digits: bool = False) -> str:
        """The brief as one self-contained HTML page (styles inlined)."""
        try:
            css = (self.paths.styles / "brief.css").read_text(encoding="utf-8")
            template = self.env.get_template("brief.html")
            return template.render(
                brief=brief,
                css=Markup(css),
                arabic_digits=arabic_digits,
                generated=datetime.fromisoformat(brief.generated),
                period=(date.fromisoformat(brief.period_start), date.fromisoformat(brief.period_end)),
            )
        except (OSError, TemplateError) as exc:
            raise RenderError(f"HTML: {type(exc).__name__}: {exc}") from exc

    def pdf(self, html: str, *, step: Callable[[str], None] | None = None) -> bytes:
        """The PDF of an HTML page made by `html()`; `step` hears when each phase is done."""
        from weasyprint import HTML
        from weasyprint.text.fonts import FontConfiguration

        if self._font_config is None:
            self._font_config = FontConfiguration()
        fetcher = make_url_fetcher([self.paths.templates, self.paths.styles])
        document = HTML(string=html, base_url=self.paths.styles.as_uri() + "/", url_fetcher=fetcher)
        try:
            laid_out = document.render(font_config=self._font_config)
            if step is not None:
                step(f"{len(laid_out.pages)} pages laid out")
            pdf: bytes = laid_out.write_pdf()
            if step is not None:
                step("written")
            return pdf
        except Exception as exc:  # WeasyPrint raises many kinds; the caller needs one
            raise RenderError(f"PDF: {type(exc).__name__}: {exc}") from exc


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


@pass_context
def _fdate(ctx: Context, value: date | datetime | str, lang: str = "en", fmt: str = "long") -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    text = babel_format_date(value, fmt, locale=lang)
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
