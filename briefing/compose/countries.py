"""The countries an article or a story is about, from its actors and the gazetteer.

A state named in the text counts for itself; a place, person or body counts for the state the
gazetteer gives it (`country`, resources/schema.py). Where events happen weighs more than who
speaks about them: a town's mention counts three times, a state's twice, a person's or a body's
once, so a strike on Douma reported from Washington is about Syria first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from briefing.model.brief import Story
from briefing.model.contract import Actor, Extraction
from briefing.resources.loader import Resources

# A mention's weight by the type of the actor it names (model/vocab.py ACTOR_TYPES).
WEIGHTS: Mapping[str, int] = {"LOC": 3, "GPE": 2, "PERSON": 1, "ORG": 1}
MAX_STORY_COUNTRIES = 3


@dataclass(frozen=True)
class Countries:
    """The gazetteer's states: the state of each actor id, and each state's names (en, ar).

    The empty table still knows every state an extraction names as such (a GPE actor)."""

    state_of: Mapping[str, str] = field(default_factory=dict)  # actor id → state id
    names: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # state id → (en, ar)

    @classmethod
    def from_resources(cls, resources: Resources) -> Countries:
        state_of: dict[str, str] = {}
        for e in resources.actors:
            if e.country:
                state_of[e.id] = e.country
            elif e.type == "GPE":
                state_of[e.id] = e.id
        names = {e.id: (e.en, e.ar) for e in resources.actors if e.id in state_of.values()}
        return cls(state_of=state_of, names=names)

    def state(self, actor: Actor) -> str | None:
        """The state `actor` belongs to, or None (an unknown name, a body of no one state)."""
        found = self.state_of.get(actor.id)
        if found is None and actor.type == "GPE" and not actor.transliterated:
            return actor.id
        return found

    def label(self, state: str, exts: Iterable[Extraction] = ()) -> tuple[str, str]:
        """A state's names: the gazetteer's, else as an extraction names it, else its id."""
        if state in self.names:
            return self.names[state]
        for ext in exts:
            for a in ext.actors:
                if a.id == state:
                    return a.name_en, a.name_ar
        return state, state


def _tally(
    countries: Countries, actors: Iterable[Actor], within: tuple[int, int] | None = None
) -> Counter[str]:
    weights: Counter[str] = Counter()
    for actor in actors:
        state = countries.state(actor)
        if state is None:
            continue
        n = sum(1 for m in actor.mentions if within is None or within[0] <= m.start < within[1])
        if n:
            weights[state] += n * WEIGHTS.get(actor.type, 1)
    return weights


def _ranked(weights: Counter[str], limit: int | None = None) -> tuple[str, ...]:
    order = sorted(weights, key=lambda s: (-weights[s], s))
    return tuple(order[:limit] if limit is not None else order)


def article_countries(ext: Extraction, countries: Countries) -> tuple[str, ...]:
    """The states an article is about, heaviest first."""
    return _ranked(_tally(countries, ext.actors))


def story_countries(story: Story, exts: Sequence[Extraction], countries: Countries) -> tuple[str, ...]:
    """The states a story is about, heaviest first (at most MAX_STORY_COUNTRIES).

    Counted in the sentences it cites, so that a roundup's stories each get their own country;
    a story that cites no sentence takes its articles' (`exts` numbered from 1 like sources).
    """
    by_id = {e.article.id: e for e in exts}
    weights: Counter[str] = Counter()
    for ref in story.refs:
        ext = by_id.get(ref.article)
        if ext is not None:
            weights.update(_tally(countries, ext.actors, (ref.start, ref.end)))
    if not weights:
        for n in story.sources:
            if 0 < n <= len(exts):
                weights.update(_tally(countries, exts[n - 1].actors))
    return _ranked(weights, MAX_STORY_COUNTRIES)
