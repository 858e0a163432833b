"""What the appendix shows of each article (its strongest claims, its first figures) and what the
watch list shows; the stories of the brief proper are chosen in stories.py.

Selection comes first and is plain data; the references are numbered from it (every cited
sentence it shows gets one number), and only then are the items built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from briefing.compose.claims import ClaimRec, pick_claims
from briefing.compose.figures import FigureGroup, FigureGroups, shown_reports
from briefing.compose.references import Cited, SentenceKey, Span
from briefing.compose.watch import WatchPick
from briefing.model.brief import ComposeOptions


@dataclass(frozen=True)
class ArticlePick:
    """An article's strongest claims (strongest first) and its first figures (its own reports shown)."""

    source: int
    claims: tuple[ClaimRec, ...]
    figures: tuple[FigureGroup, ...]


@dataclass(frozen=True)
class Selection:
    articles: tuple[ArticlePick, ...]  # in source order
    watch: tuple[WatchPick, ...] = ()  # in the watch-list's order

    def _cited(self) -> Iterator[Cited]:
        for a in self.articles:
            yield from (r.cited for r in a.claims)
            for g in a.figures:
                yield from (r.cited for r in shown_reports(g, a.source))
        for w in self.watch:
            yield from (r.cited for r in w.claims)
            for g in w.figures:
                yield from (r.cited for r in g.reports)

    def marks(self) -> dict[SentenceKey, set[Span]]:
        """Every cited sentence shown, with the spans marked in it (in selection order)."""
        marks: dict[SentenceKey, set[Span]] = defaultdict(set)
        for cited in self._cited():
            marks[cited.key].update(cited.spans)
        return marks


def select(
    claims: Sequence[Sequence[ClaimRec]],
    figures: FigureGroups,
    opts: ComposeOptions,
    watch: tuple[WatchPick, ...] = (),
) -> Selection:
    """Choose what the appendix and the watch list show, within the limits of `opts`.

    Args:
        claims: each article's claims, per source (index n-1).
        watch: what is shown of the watch-list's actors (watch.watch_picks).
    """
    return Selection(
        articles=tuple(
            ArticlePick(
                n,
                pick_claims(recs, opts.max_article_claims),
                figures.by_article[n - 1][: opts.max_article_figures],
            )
            for n, recs in enumerate(claims, 1)
        ),
        watch=watch,
    )
