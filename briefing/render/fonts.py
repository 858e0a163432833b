"""Font subsetting for the PDF without reading the tables it throws away.

WeasyPrint embeds each font as a fontTools subset and drops its shaping tables (GSUB, GPOS: the
text is already shaped). fontTools (4.6x) reads GDEF, GSUB and GPOS whole *before* it drops
anything, to convert them to a compact in-memory form; for Amiri, whose GPOS holds thousands
of mark positions, that reading was a quarter of the appendix's PDF time and most of the brief's
write. Here the tables the subsetter would drop are deleted first, by its own rule, so that the
subset is byte for byte the same and the dropped tables are never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def dropped_tables(font: Any, options: Any) -> list[str]:
    """The tables fontTools' Subsetter drops before subsetting (its _prune_pre_subset rule)."""
    has_gpos = "GPOS" in font
    return [
        tag
        for tag in font.keys()
        if tag != "GlyphOrder"
        and (
            tag.strip() in options.drop_tables
            or (tag.strip() in options.hinting_tables and not options.hinting)
            or (tag == "kern" and not options.legacy_kern and has_gpos)
        )
    ]


@contextmanager
def lean_subsetting() -> Iterator[None]:
    """While a PDF is written, the subsetter deletes the tables it will drop before it starts."""
    from fontTools import subset  # type: ignore[import-untyped]  # fontTools ships no types

    original = subset.Subsetter.subset

    def subset_after_dropping(self: Any, font: Any) -> Any:
        for tag in dropped_tables(font, self.options):
            del font[tag]
        return original(self, font)

    subset.Subsetter.subset = subset_after_dropping
    try:
        yield
    finally:
        subset.Subsetter.subset = original
