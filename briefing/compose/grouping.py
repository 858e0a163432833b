"""The sections of the brief proper: its stories grouped by theme or by country (`--group-by`).

A story goes to one section, that of its first theme or first country; a story with none goes
to "Other". Sections come in the order of their best story, so the section of the top story
leads. A section names every story of its group in rank order: the render shows the key
developments among them by a link only, so no claim is printed twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefing.config import GROUP_BY
from briefing.model.brief import Section, Story

OTHER = "other"
OTHER_LABEL = ("Other", "أخرى")

Label = tuple[str, str]  # (English, Arabic)


def _label(key: str, name: Callable[[str], Label]) -> Label:
    return OTHER_LABEL if key == OTHER else name(key)


def story_key(story: Story, by: str) -> str:
    """The section a story belongs to: its first theme or first country, else OTHER."""
    keys = story.themes if by == "theme" else story.countries
    return keys[0] if keys else OTHER


def group_sections(stories: Sequence[Story], by: str, name: Callable[[str], Label]) -> tuple[Section, ...]:
    """`stories` (any order) in sections by `by` (theme | country), each named by `name(id)`."""
    if by not in GROUP_BY:
        raise ValueError(f"group by {by!r}: expected one of {', '.join(GROUP_BY)}")
    groups: dict[str, list[Story]] = {}
    for story in sorted(stories, key=lambda s: s.rank):
        groups.setdefault(story_key(story, by), []).append(story)
    # Other last whatever its best story: it is what the grouping could not place.
    order = sorted(groups, key=lambda k: (k == OTHER, groups[k][0].rank))
    return tuple(
        Section(
            kind=by,
            id=key,
            label_en=_label(key, name)[0],
            label_ar=_label(key, name)[1],
            anchor=f"section-{by}-{key}",
            stories=tuple(s.id for s in groups[key]),
        )
        for key in order
    )
