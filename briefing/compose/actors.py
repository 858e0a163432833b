"""Actors of a brief: the same actor merged across articles, with its mentions counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from briefing.model.brief import ActorItem
from briefing.model.contract import Actor, Extraction


@dataclass
class _Tally:
    actor: Actor  # whose names are shown
    mentions: int = 0
    sources: set[int] = field(default_factory=set)
    types: Counter[str] = field(default_factory=Counter)

    def add(self, actor: Actor, src: int) -> None:
        if self.actor.transliterated and not actor.transliterated:
            self.actor = actor  # prefer the gazetteer's names
        self.mentions += len(actor.mentions)
        self.sources.add(src)
        self.types[actor.type] += len(actor.mentions) or 1


def merge_actors(exts: Sequence[Extraction], nums: Iterable[int]) -> list[ActorItem]:
    """The actors of these articles (source numbers), one per id, most mentioned first."""
    tallies: dict[str, _Tally] = {}
    for n in nums:
        for actor in exts[n - 1].actors:
            tally = tallies.get(actor.id)
            if tally is None:
                tally = tallies[actor.id] = _Tally(actor)
            tally.add(actor, n)
    items = [
        ActorItem(
            id=aid,
            type=t.types.most_common(1)[0][0],  # the type most of its mentions have
            name_en=t.actor.name_en,
            name_ar=t.actor.name_ar,
            mentions=t.mentions,
            sources=tuple(sorted(t.sources)),
            transliterated=t.actor.transliterated,
        )
        for aid, t in tallies.items()
    ]
    items.sort(key=lambda a: (-a.mentions, -len(a.sources), a.name_en))
    return items


def prominent_actors(
    actors: Sequence[ActorItem], key_ids: Iterable[str], limit: int
) -> tuple[ActorItem, ...]:
    """The actors index of the brief proper: those named in two articles or more, or in a key
    development; at most `limit` (those of key developments first, then those of the most
    articles), shown most mentioned first. The appendix keeps the complete list."""
    keys = set(key_ids)
    chosen = [a for a in actors if len(a.sources) >= 2 or a.id in keys]
    chosen.sort(key=lambda a: (a.id not in keys, -len(a.sources), -a.mentions, a.name_en))
    return tuple(sorted(chosen[:limit], key=lambda a: (-a.mentions, -len(a.sources), a.name_en)))
