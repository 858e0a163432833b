"""How much a story matters: the number that ranks the stories of a window.

    salience = 3.0 · log2(1 + independent outlets)
             + 1.0 · log2(1 + articles)
             + 1.0 · recency
             + 1.0 · log10(1 + people killed)
             + 1.5 · prominence
             + 0.5 · log2(1 + news items)
             + 1.0 · log2(1 + dated items)

- independent outlets: outlets that reported the story, near-identical copies of one text
  (an agency's wire run by several outlets) counting once;
- recency: where the story's last day falls in the window, 0 (its first day) to 1 (its last);
- people killed: the most conservative report of each casualty line of the story;
- prominence: how much the window speaks of the story's actors: the mentions, across all the
  window's articles, of its three most mentioned actors, over those of the window's most
  mentioned actor (0 to 1, averaged over the three);
- news items: the story's claims and figures that are not background, and its leads;
- dated items: its claims and figures whose text says they happened in the window (an event
  of the window is told with its day; an explainer's history is not).

Stance does not count. Every term grows with what it measures, so a story reported by more
outlets, more recent, with more dead, about more prominent actors or with more items dated in the
window ranks higher, all else equal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Signals:
    outlets: int  # independent outlets
    articles: int
    last_day: date | None
    killed: float
    prominence: float  # 0..1
    items: int
    dated: int = 0


def recency(day: date | None, period: tuple[date, date] | None) -> float:
    """0 on the window's first day, 1 on its last (0.5 when either is unknown)."""
    if day is None or period is None:
        return 0.5
    span = (period[1] - period[0]).days
    if span <= 0:
        return 1.0
    return min(max((day - period[0]).days / span, 0.0), 1.0)


def salience(s: Signals, period: tuple[date, date] | None) -> float:
    return round(
        3.0 * math.log2(1 + s.outlets)
        + 1.0 * math.log2(1 + s.articles)
        + 1.0 * recency(s.last_day, period)
        + 1.0 * math.log10(1 + max(s.killed, 0.0))
        + 1.5 * s.prominence
        + 0.5 * math.log2(1 + s.items)
        + 1.0 * math.log2(1 + s.dated),
        4,
    )
