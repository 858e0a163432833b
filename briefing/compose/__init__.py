"""Compose a Brief from Extractions: the window's stories, what changed, and the appendix.

The Brief is plain frozen data (no markup, no translations): briefing.render turns it into HTML
and PDF, and deliver.py writes its JSON next to them. Every claim and figure shown in the brief
carries numbered references; a reference is one cited sentence of one source article, with the
cited spans marked, so a reader can check the words in context.

The steps, one module each: sources.py orders the articles and finds the period; claims.py and
figures.py gather claims and merged figures; drafts.py and stories.py make, rank and build the
stories (the key developments first), opening.py the opening paragraph; selection.py decides
what the appendix and the watch list show; references.py numbers every cited sentence shown;
sections.py builds the appendix's article entries; arrange.py adds the sections, the prominent
actors and what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from briefing.compose.actors import merge_actors
from briefing.compose.arrange import arrange, previous_period, previous_window
from briefing.compose.claims import collect_claims
from briefing.compose.countries import Countries
from briefing.compose.drafts import draft_stories
from briefing.compose.drafts import marks as story_marks
from briefing.compose.figures import group_figures
from briefing.compose.opening import opening
from briefing.compose.references import joined_marks, number_references
from briefing.compose.sections import article_summary
from briefing.compose.selection import select
from briefing.compose.sources import covered_period, order_sources, outlet_count, source_entries
from briefing.compose.stories import find_stories, key_figure_lines, shown, story
from briefing.compose.watch import watch_item, watch_picks
from briefing.model.brief import Brief, ComposeOptions
from briefing.model.contract import Extraction

__all__ = ["Brief", "ComposeOptions", "Countries", "compose", "find_stories"]


def compose(
    extractions: Sequence[Extraction],
    *,
    generated: datetime | None = None,
    period: tuple[date, date] | None = None,
    options: ComposeOptions | None = None,
    previous: Sequence[Extraction] | None = None,
    countries: Countries | None = None,
) -> Brief:
    """The brief for these extractions (any order; an empty list gives an empty brief).

    Args:
        generated: when the brief is made (default: now).
        period: the window covered; default min..max published date of the articles, else
            the generation date.
        previous, countries: the previous window's extractions and the gazetteer's states (_arranged).
    """
    opts = options or ComposeOptions()
    generated = generated or datetime.now().astimezone()
    exts = order_sources(extractions)
    sources = source_entries(exts)

    # Select what is shown, then number the cited sentences it shows, then build the items.
    claims, figures = collect_claims(exts), group_figures(exts)
    selection = select(claims, figures, opts, watch_picks(exts, claims, figures, opts))
    covered = covered_period(exts, period, generated)
    picks = shown(draft_stories(exts, (covered.start, covered.end)), opts)
    refs = number_references(exts, joined_marks(selection.marks(), story_marks(picks, opts.max_citations)))
    stories = tuple(story(d, rank, exts, refs, nc, nl, opts) for rank, (d, nc, nl) in enumerate(picks, 1))
    key = stories[: opts.max_key_developments]
    all_actors = merge_actors(exts, range(1, len(exts) + 1))
    outlets = outlet_count(exts)
    brief = Brief(
        generated=generated.isoformat(timespec="seconds"),
        period_start=covered.start.isoformat(),
        period_end=covered.end.isoformat(),
        period_from_articles=covered.from_articles,
        outlets=outlets,
        sources=sources,
        actors=tuple(all_actors[: opts.max_index_actors]),  # arrange() keeps the prominent ones
        actors_total=len(all_actors),
        articles=tuple(
            article_summary(p, sources[p.source - 1], exts, refs, opts, covered.start)
            for p in selection.articles
        ),
        refs=refs.refs,
        options=opts,
        watch=tuple(watch_item(p, exts, refs) for p in selection.watch),
        opening_en=opening("en", covered.start, covered.end, len(exts), outlets, key) if exts else "",
        opening_ar=opening("ar", covered.start, covered.end, len(exts), outlets, key) if exts else "",
        key_developments=key,
        stories=stories[opts.max_key_developments :],
        key_figure_lines=key_figure_lines(stories, opts.max_key_figure_lines),
    )
    return _arranged(brief, exts, previous, countries or Countries(), generated)


def _arranged(
    brief: Brief,
    exts: Sequence[Extraction],
    previous: Sequence[Extraction] | None,
    countries: Countries,
    generated: datetime,
) -> Brief:
    """`brief` with its stories' countries, its sections and actors index (arrange.py), and what
    changed since the previous window of the same length when `previous` holds its extractions
    (from the store; an empty list: nothing to compare, and the brief says so; None, a build
    from files: no `changes`). `countries`: the gazetteer's states (Countries.from_resources);
    the empty table knows only the states the extractions name as such."""
    if previous is None:
        return arrange(brief, exts, countries)
    before = previous_period(date.fromisoformat(brief.period_start), date.fromisoformat(brief.period_end))
    earlier = compose(
        previous, generated=generated, period=before, options=brief.options, countries=countries
    )
    return arrange(brief, exts, countries, previous_window(earlier, before, previous), previous)
