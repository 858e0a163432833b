"""What a brief shows: the key figures, each theme's claims and figures, the key developments,
and each article's claims and figures.

Selection comes first and is plain data; the references are numbered from it (every cited
sentence it shows gets one number), and only then are the items built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from briefing.compose.claims import ClaimRec, lead_claims, pick_claims
from briefing.compose.figures import FigureGroup, FigureGroups, balanced, is_key, shown_reports
from briefing.compose.references import Cited, SentenceKey, Span
from briefing.compose.themes import OTHER_THEME, Themes
from briefing.compose.watch import WatchPick
from briefing.model.brief import ComposeOptions


@dataclass(frozen=True)
class ThemePick:
    """A theme section's strongest claims (strongest first) and its figures (all reports shown)."""

    theme: str
    claims: tuple[ClaimRec, ...]
    figures: tuple[FigureGroup, ...]


@dataclass(frozen=True)
class DevelopmentPick:
    """A key development: a leading theme's two strongest speakers, then its strongest figures."""

    theme: str
    claims: tuple[ClaimRec, ...]
    figures: tuple[FigureGroup, ...]


@dataclass(frozen=True)
class ArticlePick:
    """An article's strongest claims (strongest first) and its first figures (its own reports shown)."""

    source: int
    claims: tuple[ClaimRec, ...]
    figures: tuple[FigureGroup, ...]


@dataclass(frozen=True)
class Selection:
    key_figures: tuple[FigureGroup, ...]
    themes: tuple[ThemePick, ...]  # in theme order
    developments: tuple[DevelopmentPick, ...]
    articles: tuple[ArticlePick, ...]  # in source order
    watch: tuple[WatchPick, ...] = ()  # in the watch-list's order

    def _cited(self) -> Iterator[Cited]:
        for g in self.key_figures:
            yield from (r.cited for r in g.reports)
        for t in self.themes:
            yield from (r.cited for r in t.claims)
            for g in t.figures:
                yield from (r.cited for r in g.reports)
        for a in self.articles:
            yield from (r.cited for r in a.claims)
            for g in a.figures:
                yield from (r.cited for r in shown_reports(g, a.source))
        for w in self.watch:
            yield from (r.cited for r in w.claims)
            for g in w.figures:
                yield from (r.cited for r in g.reports)

    def marks(self) -> dict[SentenceKey, set[Span]]:
        """Every cited sentence shown, with the spans marked in it (in selection order).

        Developments show only what their theme section shows, so they add nothing here.
        """
        marks: dict[SentenceKey, set[Span]] = defaultdict(set)
        for cited in self._cited():
            marks[cited.key].update(cited.spans)
        return marks


def select(
    themes: Themes,
    claims: Sequence[Sequence[ClaimRec]],
    figures: FigureGroups,
    opts: ComposeOptions,
    watch: tuple[WatchPick, ...] = (),
) -> Selection:
    """Choose what the brief shows, within the limits of `opts`.

    Args:
        claims: each article's claims, per source (index n-1).
        watch: what is shown of the watch-list's actors (watch.watch_picks).
    """
    theme_picks = tuple(_theme_pick(tid, themes, claims, figures, opts) for tid in themes.order)
    return Selection(
        key_figures=balanced((g for g in figures.groups if is_key(g)), opts.max_key_figures),
        themes=theme_picks,
        developments=_developments(theme_picks, opts.max_developments),
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


def _theme_pick(
    tid: str,
    themes: Themes,
    claims: Sequence[Sequence[ClaimRec]],
    figures: FigureGroups,
    opts: ComposeOptions,
) -> ThemePick:
    nums = themes.sources[tid]
    recs = [r for n in sorted(nums) for r in claims[n - 1]]
    groups = [g for g in figures.groups if g.reported_in(nums)]
    return ThemePick(
        tid,
        pick_claims(recs, opts.max_theme_claims),
        balanced(groups, opts.max_theme_figures),
    )


def _developments(picks: Sequence[ThemePick], limit: int) -> tuple[DevelopmentPick, ...]:
    """The leading themes' developments: two claims of different speakers, then figures to make
    three lines (at least one); a theme with neither is skipped, the unclassified one never shown."""
    out: list[DevelopmentPick] = []
    for pick in picks:
        if len(out) >= limit:
            break
        if pick.theme == OTHER_THEME:
            continue
        lead = lead_claims(pick.claims)
        lead_figs = pick.figures[: 3 - len(lead)] if len(lead) < 2 else pick.figures[:1]
        if lead or lead_figs:
            out.append(DevelopmentPick(pick.theme, lead, lead_figs))
    return tuple(out)
