"""The brief proper's frame around its stories: their countries, the sections, the actors
index, and what changed since the previous window.

Runs once the stories are made (key developments and the others): fills each story's
countries, groups the stories into sections by theme or country (`ComposeOptions.group_by`),
bounds the actors index to the prominent actors (the appendix keeps them all), and compares
with the previous window when compose was given one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from briefing.compose.actors import prominent_actors
from briefing.compose.changes import PreviousWindow, compare_windows
from briefing.compose.countries import Countries, story_countries
from briefing.compose.grouping import Label, group_sections
from briefing.model.brief import Brief, Story
from briefing.model.contract import Extraction


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The window of the same length just before start..end (both days included)."""
    days = (end - start).days + 1
    return start - timedelta(days=days), start - timedelta(days=1)


def previous_window(brief: Brief, period: tuple[date, date], exts: Sequence[Extraction]) -> PreviousWindow:
    """What `compare_windows` needs of the previous window's brief and extractions."""
    return PreviousWindow(
        start=period[0].isoformat(),
        end=period[1].isoformat(),
        articles=len(exts),
        stories=(*brief.key_developments, *brief.stories),
        actor_ids=frozenset(a.id for e in exts for a in e.actors),
    )


def theme_names(exts: Sequence[Extraction]) -> Callable[[str], Label]:
    """A theme's labels as the extractions give them (from the themes resource)."""
    labels = {t.id: (t.label_en, t.label_ar) for e in exts for t in e.themes}
    return lambda theme: labels.get(theme, (theme, theme))


def country_names(exts: Sequence[Extraction], countries: Countries) -> Callable[[str], Label]:
    return lambda state: countries.label(state, exts)


def with_countries(
    stories: Sequence[Story], exts: Sequence[Extraction], countries: Countries
) -> tuple[Story, ...]:
    return tuple(replace(s, countries=story_countries(s, exts, countries)) for s in stories)


def arrange(
    brief: Brief,
    exts: Sequence[Extraction],
    countries: Countries,
    previous: PreviousWindow | None = None,
    previous_exts: Sequence[Extraction] = (),
) -> Brief:
    """`brief` with its stories' countries, its sections, its actors index and its changes."""
    opts = brief.options
    key = with_countries(brief.key_developments, exts, countries)
    others = with_countries(brief.stories, exts, countries)
    names = {
        "theme": theme_names((*exts, *previous_exts)),
        "country": country_names((*exts, *previous_exts), countries),
    }
    everyone = brief.appendix_actors or brief.actors
    prominent = prominent_actors(everyone, (a for s in key for a in s.actors), opts.max_prominent_actors)
    changes = None
    if previous is not None:
        changes = compare_windows((*key, *others), previous, prominent, names, opts.max_change_rows)
    return replace(
        brief,
        key_developments=key,
        stories=others,
        group_by=opts.group_by,
        sections=group_sections((*key, *others), opts.group_by, names[opts.group_by]),
        actors=prominent,
        appendix_actors=everyone,
        changes=changes,
    )
