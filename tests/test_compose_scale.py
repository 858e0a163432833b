"""Compose at scale: the indexed comparisons give what comparing every pair gives."""

from __future__ import annotations

import random
from datetime import date

import pytest

from briefing.compose.likeness import dot
from briefing.compose.linking import linked_groups
from briefing.compose.references import Cited
from briefing.compose.subevents import PAIR, _copies, _linked, _Weights
from briefing.compose.units import Unit

VOCAB = [f"w{i}" for i in range(40)]
ACTORS = ["Q1", "Q2", "Q3", "Q4"]


def _unit(rng: random.Random, src: int, words: frozenset[str] | None = None) -> Unit:
    words = words if words is not None else frozenset(rng.sample(VOCAB, rng.randint(0, 8)))
    actors = frozenset(rng.sample(ACTORS, rng.randint(0, 2)))
    return Unit("claim", src, Cited(src, (0, 1), ()), words, actors, date(2018, 4, 1), False)


def _items(seed: int) -> list[Unit]:
    """Units of a few articles, some of them copies of one another's sentences."""
    rng = random.Random(seed)
    units: list[Unit] = []
    for _ in range(60):
        src = rng.randint(1, 8)
        if units and rng.random() < 0.3:
            units.append(_unit(rng, src, rng.choice(units).words))  # a copy's words
        else:
            units.append(_unit(rng, src))
    return units


def _every_pair(news: list[Unit], vecs: list[dict[str, float]]) -> list[list[int]]:
    def linked(i: int, j: int) -> bool:
        a, b = news[i], news[j]
        return a.src != b.src and not _copies(a, b) and dot(vecs[i], vecs[j]) >= PAIR

    return [g for g in linked_groups(len(news), linked) if len({news[i].src for i in g}) >= 2]


def _groups(seed: int) -> tuple[list[list[int]], list[list[int]]]:
    news = _items(seed)
    rarity = {w: 1.0 + (i % 7) / 3 for i, w in enumerate(VOCAB + ["@" + a for a in ACTORS])}
    weights = _Weights(news, rarity)
    vecs = [weights.vector([u]) for u in news]
    return _linked(news, vecs), _every_pair(news, vecs)


@pytest.mark.parametrize("seed", range(30))
def test_subevent_links_are_those_of_every_pair(seed):
    indexed, every = _groups(seed)
    assert indexed == every


def test_the_random_items_link_some_and_not_all():
    sizes = [len(g) for seed in range(30) for g in _groups(seed)[1]]
    assert len(sizes) >= 30
    assert max(sizes) > 2
