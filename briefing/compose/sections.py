"""The appendix's article entries, built from the selection.

Building reads the selection and the reference numbers and decides nothing: what is shown is
settled by selection.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.compose.actors import merge_actors
from briefing.compose.claims import claim_item
from briefing.compose.figures import figure_item
from briefing.compose.references import References
from briefing.compose.selection import ArticlePick
from briefing.compose.themes import article_themes
from briefing.model.brief import ArticleSummary, ComposeOptions, Source
from briefing.model.contract import Extraction


def article_summary(
    pick: ArticlePick, source: Source, exts: Sequence[Extraction], refs: References, opts: ComposeOptions
) -> ArticleSummary:
    """An article's entry: its claims in reading order, and only its own reports of each figure."""
    n = pick.source
    return ArticleSummary(
        source=source,
        themes=article_themes(exts[n - 1]),
        actors=tuple(merge_actors(exts, [n])[: opts.max_article_actors]),
        claims=tuple(claim_item(r, refs) for r in sorted(pick.claims, key=lambda r: r.claim.cue.start)),
        figures=tuple(figure_item(g, refs, only=n) for g in pick.figures),
        refs=refs.of_source(n),
    )
