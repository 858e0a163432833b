"""The sections of a brief built from its selection: theme sections, key developments, articles.

Building reads the selection and the reference numbers and decides nothing: what is shown is
settled by selection.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.compose.actors import merge_actors
from briefing.compose.claims import claim_item, speaker_groups
from briefing.compose.figures import figure_item
from briefing.compose.references import References
from briefing.compose.selection import ArticlePick, DevelopmentPick, ThemePick
from briefing.compose.themes import Themes, article_themes
from briefing.model.brief import ArticleSummary, ComposeOptions, Development, Source, ThemeSection
from briefing.model.contract import Extraction


def _anchor(theme: str) -> str:
    return f"theme-{theme}"


def theme_section(
    pick: ThemePick, themes: Themes, exts: Sequence[Extraction], refs: References, opts: ComposeOptions
) -> ThemeSection:
    label_en, label_ar = themes.labels[pick.theme]
    nums = themes.sources[pick.theme]
    return ThemeSection(
        id=pick.theme,
        label_en=label_en,
        label_ar=label_ar,
        weight=round(max(themes.weights[pick.theme], 0.0), 4),
        anchor=_anchor(pick.theme),
        sources=nums,
        actors=tuple(merge_actors(exts, nums)[: opts.max_theme_actors]),
        speakers=speaker_groups(pick.claims, refs),
        figures=tuple(figure_item(g, refs) for g in pick.figures),
    )


def development(pick: DevelopmentPick, themes: Themes, refs: References) -> Development:
    label_en, label_ar = themes.labels[pick.theme]
    return Development(
        pick.theme,
        label_en,
        label_ar,
        _anchor(pick.theme),
        tuple(claim_item(r, refs) for r in pick.claims),
        tuple(figure_item(g, refs) for g in pick.figures),
    )


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
