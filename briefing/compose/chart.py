"""The one picture in a brief: mentions of the leading actors, by the theme of the article."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.model.brief import ActorItem, Chart, ChartRow, ComposeOptions, ThemeSection
from briefing.model.contract import Extraction


def actor_chart(
    exts: Sequence[Extraction],
    sections: Sequence[ThemeSection],
    actors: Sequence[ActorItem],
    opts: ComposeOptions,
) -> Chart | None:
    """Mentions of the leading actors, split by the theme of the article they occur in; the
    themes past `max_chart_themes` share one last column."""
    top = actors[: opts.max_chart_actors]
    if len(top) < 2:
        return None  # one bar says nothing a table would not
    themes = list(sections[: opts.max_chart_themes])
    rest = sections[opts.max_chart_themes :]
    theme_of = {n: i for i, s in enumerate(themes) for n in s.sources}
    cols = len(themes) + (1 if rest else 0)
    for s in rest:
        for n in s.sources:
            theme_of[n] = len(themes)
    rows = []
    for actor in top:
        counts = [0] * cols
        for n in actor.sources:
            for a in exts[n - 1].actors:
                if a.id == actor.id:
                    counts[theme_of[n]] += len(a.mentions)
        rows.append(ChartRow(actor.name_en, actor.name_ar, tuple(counts), sum(counts)))
    labels: list[tuple[str | None, str | None]] = [(s.label_en, s.label_ar) for s in themes]
    if rest:
        labels.append((None, None))
    return Chart(themes=tuple(labels), rows=tuple(rows), max_total=max(r.total for r in rows) or 1)
