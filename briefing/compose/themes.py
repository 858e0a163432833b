"""Themes of a brief: each article's primary theme, and the order and weight of the themes.

An article belongs to one theme section, its highest-scoring theme (or the unclassified
section); a theme weighs the sum of its scores over all articles, so the themes that run
through the window lead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.model.contract import Extraction, ThemeScore

OTHER_THEME = "other"

Label = tuple[str | None, str | None]  # (English, Arabic); None for the unclassified section


@dataclass(frozen=True)
class Themes:
    """The theme sections of a brief, heaviest first, the unclassified section last."""

    order: tuple[str, ...]
    sources: Mapping[str, tuple[int, ...]]  # the articles (source numbers) whose primary theme it is
    labels: Mapping[str, Label]
    weights: Mapping[str, float]


def _ranked(ext: Extraction) -> list[ThemeScore]:
    return sorted((t for t in ext.themes if t.score > 0), key=lambda t: -t.score)


def rank_themes(exts: Sequence[Extraction]) -> Themes:
    """The primary theme of each article (numbered from 1) and the themes' order and weights."""
    labels: dict[str, Label] = {OTHER_THEME: (None, None)}
    weights: dict[str, float] = defaultdict(float)
    sources: dict[str, list[int]] = defaultdict(list)
    for n, ext in enumerate(exts, 1):
        ranked = _ranked(ext)
        for t in ranked:
            labels.setdefault(t.id, (t.label_en, t.label_ar))
            weights[t.id] += t.score
        sources[ranked[0].id if ranked else OTHER_THEME].append(n)
    weights[OTHER_THEME] = -1.0  # unclassified articles come last
    order = tuple(sorted(sources, key=lambda t: (-weights[t], t)))
    return Themes(
        order=order,
        sources={t: tuple(nums) for t, nums in sources.items()},
        labels=labels,
        weights=dict(weights),
    )


def article_themes(ext: Extraction, limit: int = 3) -> tuple[tuple[str, str], ...]:
    """The labels (English, Arabic) of an article's leading themes."""
    return tuple((t.label_en, t.label_ar) for t in _ranked(ext))[:limit]
