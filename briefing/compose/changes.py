"""What changed: this window's stories against those of the previous window of the same length.

Per country and per theme (a story counts for its first one, as in the sections), the stories,
their claims and their casualties (people killed, by the most conservative report: Story.casualties)
in both windows, with a marker: new (nothing before), gone (nothing now), else up, down or same
by the stories, then the claims, then the casualties. Only the busiest rows are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.compose.grouping import OTHER, Label, story_key
from briefing.model.brief import ActorItem, ChangeRow, Changes, Story


@dataclass
class _Count:
    stories: int = 0
    claims: int = 0
    casualties: int = 0

    def add(self, story: Story) -> None:
        self.stories += 1
        self.claims += len(story.claims)
        self.casualties += story.casualties

    def key(self) -> tuple[int, int, int]:
        return self.stories, self.claims, self.casualties


def _counts(stories: Sequence[Story], by: str) -> dict[str, _Count]:
    counts: dict[str, _Count] = {}
    for story in stories:
        key = story_key(story, by)
        if key != OTHER:  # what could not be placed has no trend worth a row
            counts.setdefault(key, _Count()).add(story)
    return counts


def marker(now: tuple[int, int, int], before: tuple[int, int, int]) -> str:
    """up | down | same | new | gone, for (stories, claims, casualties) now and before."""
    if now[0] and not before[0]:
        return "new"
    if before[0] and not now[0]:
        return "gone"
    return "up" if now > before else "down" if now < before else "same"


def change_rows(
    current: Sequence[Story], previous: Sequence[Story], by: str, name: Callable[[str], Label], limit: int
) -> tuple[ChangeRow, ...]:
    """The `limit` busiest countries or themes (`by`) of both windows, busiest first."""
    now, before = _counts(current, by), _counts(previous, by)
    keys = sorted(
        set(now) | set(before),
        key=lambda k: (
            -(now.get(k, _Count()).stories + before.get(k, _Count()).stories),
            -(now.get(k, _Count()).claims + before.get(k, _Count()).claims),
            k,
        ),
    )
    rows = []
    for key in keys[:limit]:
        n, b = now.get(key, _Count()), before.get(key, _Count())
        label_en, label_ar = name(key)
        rows.append(
            ChangeRow(
                kind=by,
                id=key,
                label_en=label_en,
                label_ar=label_ar,
                stories=n.stories,
                stories_before=b.stories,
                claims=n.claims,
                claims_before=b.claims,
                casualties=n.casualties,
                casualties_before=b.casualties,
                marker=marker(n.key(), b.key()),
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class PreviousWindow:
    """The previous window as compose gets it: its days, its articles' count, its stories."""

    start: str  # ISO date
    end: str
    articles: int
    stories: tuple[Story, ...]
    actor_ids: frozenset[str]  # every actor its articles name


def compare_windows(
    current: Sequence[Story],
    previous: PreviousWindow,
    prominent: Sequence[ActorItem],
    names: dict[str, Callable[[str], Label]],
    limit: int,
) -> Changes:
    """The Changes of this window's stories against `previous`; `names` by kind (country, theme).

    With no article in the previous window there is nothing to compare: the brief says so."""
    if not previous.articles:
        return Changes(previous_start=previous.start, previous_end=previous.end, previous_articles=0)
    rows = tuple(
        row
        for by in ("country", "theme")
        for row in change_rows(current, previous.stories, by, names[by], limit)
    )
    return Changes(
        previous_start=previous.start,
        previous_end=previous.end,
        previous_articles=previous.articles,
        rows=rows,
        new_actors=tuple(a for a in prominent if a.id not in previous.actor_ids),
    )
