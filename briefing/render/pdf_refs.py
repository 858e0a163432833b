"""The PDF's page references computed once per write instead of once per tagged box.

pydyf (0.13 at least) builds `PDF.page_references`, a tuple of every page's reference, each
time it is read, and WeasyPrint's tagger reads it for every box it tags: a cost of boxes times
pages, which grows with the square of a long appendix (a quarter of a second at 23 pages, most
of the tagging at 200). While a PDF is written, the tuple is kept per document and made again
only when a page has been added since.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CACHE = "_briefing_page_references"


@contextmanager
def page_references_once() -> Iterator[None]:
    """While a PDF is written, `PDF.page_references` is computed once per number of pages."""
    import pydyf  # type: ignore[import-untyped]  # WeasyPrint's PDF library ships no types

    original = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(original, property) or original.fget is None:
        yield  # another pydyf: leave it as it is
        return
    compute = original.fget

    def cached(pdf: Any) -> Any:
        pages = len(pdf.pages["Kids"])
        kept = pdf.__dict__.get(CACHE)
        if kept is None or kept[0] != pages:
            kept = (pages, compute(pdf))
            pdf.__dict__[CACHE] = kept
        return kept[1]

    pydyf.PDF.page_references = property(cached)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original
