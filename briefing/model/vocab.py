"""The closed vocabularies of the contract: actor types, stances, figure categories, qualifiers.

One table each, one row per id, with everything any stage needs of it: the English verb a claim
line uses, the weight compose gives a stance, the order of categories in the key figures, and
the label shown in the brief (an English msgid, translated through the gettext catalogs; the
`N_` marker lets pybabel find it, see babel.cfg).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class ActorType:
    id: str
    label: str  # msgid


@dataclass(frozen=True)
class Stance:
    id: str
    verb_en: str  # past tense, for the English claim line: "Russia demanded …"
    label: str  # msgid, present tense: "demands"
    weight: float  # how much a claim says about a development: acts beat relayed reports


@dataclass(frozen=True)
class Category:
    id: str
    label: str  # msgid
    key: bool  # worth a row in the key-figures table
    counted: bool  # a counted noun (units.yaml) or an event may give it
    order: int  # place in the key figures and in each category's list, most telling first
    # English: the id is the figure's label when nothing counted is named ("about 2,000 killed");
    # an event's label is a participle, which follows a vague number bare ("thousands killed")
    labels: bool = False
    event: bool = False


@dataclass(frozen=True)
class Qualifier:
    id: str
    label: str  # msgid


class _Row(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Row)


def _table(rows: tuple[R, ...]) -> Mapping[str, R]:
    return {row.id: row for row in rows}


ACTOR_TYPES: Mapping[str, ActorType] = _table(
    (
        ActorType("PERSON", N_("Person")),
        ActorType("ORG", N_("Organisation")),
        ActorType("GPE", N_("State or government")),
        ActorType("LOC", N_("Place")),
    )
)

STANCES: Mapping[str, Stance] = _table(
    (
        Stance("assert", "said", N_("asserts"), 2.0),
        Stance("deny", "denied", N_("denies"), 4.0),
        Stance("warn", "warned", N_("warns"), 4.0),
        Stance("threaten", "threatened", N_("threatens"), 5.0),
        Stance("promise", "promised", N_("promises"), 3.0),
        Stance("demand", "demanded", N_("demands"), 4.0),
        Stance("report", "reported", N_("reports"), 1.0),
        Stance("assess", "assessed", N_("assesses"), 2.0),
    )
)

CATEGORIES: Mapping[str, Category] = _table(
    (
        Category("money", N_("Money"), key=True, counted=False, order=3),
        Category("killed", N_("Killed"), key=True, counted=True, order=0, labels=True, event=True),
        Category("wounded", N_("Wounded"), key=True, counted=True, order=1, labels=True, event=True),
        Category("displaced", N_("Displaced"), key=True, counted=True, order=2, labels=True, event=True),
        Category("personnel", N_("Personnel"), key=True, counted=True, order=4, labels=True),
        Category("strikes", N_("Strikes"), key=True, counted=True, order=5, labels=True),
        Category("duration", N_("Duration"), key=False, counted=True, order=8),
        Category("count", N_("Count"), key=False, counted=True, order=6),
        Category("percent", N_("Percent"), key=False, counted=False, order=7),
        Category("rank", N_("Rank"), key=False, counted=False, order=9),
    )
)

QUALIFIERS: Mapping[str, Qualifier] = _table(
    (
        Qualifier("exact", N_("exact")),
        Qualifier("about", N_("about")),
        Qualifier("more_than", N_("more than")),
        Qualifier("less_than", N_("less than")),
        Qualifier("at_least", N_("at least")),
        Qualifier("up_to", N_("up to")),
        Qualifier("range", N_("range")),
    )
)

# What the brief labels, by kind, for the templates' label() helper.
LABELS: Mapping[str, Mapping[str, str]] = {
    "actor_type": {k: v.label for k, v in ACTOR_TYPES.items()},
    "stance": {k: v.label for k, v in STANCES.items()},
    "category": {k: v.label for k, v in CATEGORIES.items()},
    "qualifier": {k: v.label for k, v in QUALIFIERS.items()},
}
