"""Figures in a brief: the same figure merged across articles, and a balanced choice of them.

Two articles report the same figure when category, unit and qualifier agree and the values
are within half a percent (the scorer's rule). A merged figure is shown once, with every
article that reports it and the actors named beside it.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.compose.references import Cited, References, Span, sentence_span
from briefing.model.brief import Concern, FigureItem
from briefing.model.contract import Extraction, Figure

FIGURE_TOLERANCE = 0.005  # same figure when values are within 0.5% (the scorer's rule)


@dataclass(frozen=True)
class Report:
    """One article's report of a figure, with where it is cited from."""

    figure: Figure
    cited: Cited
    ext: Extraction


@dataclass(frozen=True)
class FigureGroup:
    """One figure as reported by one or more articles; the first report is the one shown."""

    reports: tuple[Report, ...]

    @property
    def head(self) -> Figure:
        return self.reports[0].figure

    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({r.cited.src for r in self.reports}))

    @functools.cached_property
    def by_source(self) -> dict[int, tuple[Report, ...]]:
        """Each article's reports, in order: a figure many copies report is shown per article."""
        out: dict[int, list[Report]] = {}
        for r in self.reports:
            out.setdefault(r.cited.src, []).append(r)
        return {src: tuple(reports) for src, reports in out.items()}

    def reported_in(self, nums: Iterable[int]) -> bool:
        wanted = set(nums)
        return any(r.cited.src in wanted for r in self.reports)


@dataclass(frozen=True)
class FigureGroups:
    """Every figure of the brief's articles, merged; and which of them each article reports."""

    groups: tuple[FigureGroup, ...]  # in order of first report
    by_article: tuple[tuple[FigureGroup, ...], ...]  # per source (index n-1), in order of first mention


def _close(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= FIGURE_TOLERANCE * max(abs(a), abs(b))


def same_figure(a: Figure, b: Figure) -> bool:
    if (a.category, a.unit, a.qualifier) != (b.category, b.unit, b.qualifier):
        return False
    if not _close(a.value, b.value):
        return False
    if a.high is None or b.high is None:
        return a.high is None and b.high is None
    return _close(a.high, b.high)


def group_figures(exts: Sequence[Extraction]) -> FigureGroups:
    """Merge the figures of these articles (numbered from 1): each joins the first group whose
    first figure is the same figure, else starts a group."""
    heads: list[Figure] = []
    # Only heads of the same category, unit and qualifier can be the same figure (same_figure).
    kin: dict[tuple[str, str | None, str], list[int]] = {}
    members: list[list[Report]] = []
    by_article: list[dict[int, None]] = []  # group indices, in order (a dict keeps it)
    for n, ext in enumerate(exts, 1):
        seen: dict[int, None] = {}
        for f in ext.figures:
            cited = Cited(n, sentence_span(ext, f.sentence, f.start, f.end), ((f.start, f.end),))
            same_kind = kin.setdefault((f.category, f.unit, f.qualifier), [])
            i = next((i for i in same_kind if same_figure(heads[i], f)), len(heads))
            if i == len(heads):
                same_kind.append(i)
                heads.append(f)
                members.append([])
            members[i].append(Report(f, cited, ext))
            seen[i] = None
        by_article.append(seen)
    groups = tuple(FigureGroup(tuple(m)) for m in members)
    return FigureGroups(groups, tuple(tuple(groups[i] for i in seen) for seen in by_article))


def shown_reports(group: FigureGroup, only: int | None = None) -> tuple[Report, ...]:
    """The reports shown with a figure: all of them, or those of one article (`only`)."""
    return group.reports if only is None else group.by_source.get(only, ())


def concerns(ext: Extraction, start: int, sent: Span, limit: int = 2) -> list[Concern]:
    """Actors named in the figure's sentence, nearest first."""
    found: list[tuple[int, Concern]] = []
    for actor in ext.actors:
        near = [abs(m.start - start) for m in actor.mentions if sent[0] <= m.start < sent[1]]
        if near:
            found.append((min(near), Concern(actor.id, actor.name_en, actor.name_ar)))
    found.sort(key=lambda x: x[0])
    return [c for _, c in found[:limit]]


def figure_item(group: FigureGroup, refs: References, only: int | None = None) -> FigureItem:
    """A figure as shown: merged over all its reports, or over those of one article (`only`)."""
    head = group.head
    reports = shown_reports(group, only)
    concern_count: Counter[Concern] = Counter()
    for r in reports:
        concern_count.update(concerns(r.ext, r.figure.start, r.cited.sent))
    return FigureItem(
        value=head.value,
        high=head.high,
        unit=head.unit,
        category=head.category,
        qualifier=head.qualifier,
        en=head.en,
        ar=head.text,
        concerns=tuple(c for c, _ in concern_count.most_common(2)),
        sources=tuple(sorted({r.cited.src for r in reports})),
        refs=tuple(sorted({refs.number(r.cited) for r in reports})),
    )
