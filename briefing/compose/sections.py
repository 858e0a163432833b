"""The appendix's article entries, built from the selection.

Building reads the selection and the reference numbers and decides nothing: what is shown is
settled by selection.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from briefing.compose.actors import merge_actors
from briefing.compose.claims import claim_item
from briefing.compose.figures import figure_item, shown_reports
from briefing.compose.references import References
from briefing.compose.selection import ArticlePick
from briefing.compose.themes import article_themes
from briefing.compose.units import before
from briefing.model.brief import ArticleSummary, ComposeOptions, Source
from briefing.model.contract import EventDate, Extraction


def article_summary(
    pick: ArticlePick,
    source: Source,
    exts: Sequence[Extraction],
    refs: References,
    opts: ComposeOptions,
    start: date | None = None,
) -> ArticleSummary:
    """An article's entry: its claims in reading order, and only its own reports of each figure,
    each marked when it tells of earlier events (a background sentence, or dated before `start`,
    the window's first day)."""
    n = pick.source
    ext = exts[n - 1]
    marked = frozenset(b.sentence for b in ext.background)

    def earlier(sentence: int, when: EventDate | None) -> bool:
        return sentence in marked or before(when, start)

    claims = sorted(pick.claims, key=lambda r: r.claim.cue.start)
    return ArticleSummary(
        source=source,
        themes=article_themes(ext),
        actors=tuple(merge_actors(exts, [n])[: opts.max_article_actors]),
        claims=tuple(
            replace(claim_item(r, refs), background=earlier(r.claim.sentence, r.claim.date)) for r in claims
        ),
        figures=tuple(
            replace(
                figure_item(g, refs, only=n),
                background=all(earlier(r.figure.sentence, r.figure.date) for r in shown_reports(g, n)),
            )
            for g in pick.figures
        ),
        refs=refs.of_source(n),
    )
