"""Sub-events: a story of several articles split into the events it holds.

Articles are grouped whole (clusters.py), so a week of reports on one offensive is one story, and
so is what those reports tell in passing: an emergency Security Council session, an envoy's talks.
Within a story of at least MIN_ARTICLES articles, its words are weighed by how rare they are in
the window and how few of the story's articles use them: the words every report of the offensive
repeats (the city, the forces, the fighting) count little, the session's (the Council, a meeting,
who asked for it) much. Two news items of different articles, not copies of one sentence (COPY),
alike at least PAIR on those weights tell of the same thing; items so linked form a group. A group
is a sub-event, and its own story, when it comes from two articles at least (two reports of it),
one of its items states a day of the window (an event, not a recurring aside), and it is unlike
the story's leads (below LEAD_LIKE: what the story is about stays the story). It takes along the
items of its articles alike at least PAIR to it. An offensive told over days stays one story: its
items share the story's common words, which count little, and its leads tell of it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from briefing.compose.likeness import dot, prefix_terms
from briefing.compose.linking import UnionFind
from briefing.compose.units import LEADS, Unit

MIN_ARTICLES = 3  # a story of fewer articles is not split
PAIR = 0.25  # least likeness of two items (or an item and a group) telling of the same thing
LEAD_LIKE = 0.1  # a group at least this like the story's leads is the story itself
COPY = 0.5  # two sentences sharing this share of their words are copies of one report
ACTOR_WEIGHT = 1.5  # as in clusters.py

Vector = dict[str, float]


class _Weights:
    """A story's terms weighed by their rarity in the window and among the story's articles."""

    def __init__(self, units: Sequence[Unit], rarity: dict[str, float]) -> None:
        per: dict[int, set[str]] = defaultdict(set)
        for u in units:
            per[u.src].update(u.words)
            per[u.src].update("@" + a for a in u.actors)
        self.df = Counter(t for terms in per.values() for t in terms)
        self.n = len(per)
        self.rarity = rarity

    def weight(self, term: str) -> float:
        return self.rarity.get(term, 0.0) * (1 - (self.df[term] - 1) / self.n)

    def vector(self, units: Sequence[Unit]) -> Vector:
        vec: Vector = defaultdict(float)
        for u in units:
            for w in u.words:
                vec[w] += self.weight(w)
            for a in u.actors:
                vec["@" + a] += ACTOR_WEIGHT * self.weight("@" + a)
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}


def _copies(a: Unit, b: Unit) -> bool:
    return len(a.words & b.words) >= COPY * max(len(a.words | b.words), 1)


def _linked(news: Sequence[Unit], vecs: Sequence[Vector]) -> list[list[int]]:
    """The groups of items linked by likeness across articles (indices into `news`): items i > j
    are linked when of different articles, not copies, and dot(vecs[i], vecs[j]) >= PAIR.

    Items with the same words and actors (in the same order) have the same vector: their
    signature is tested once against each other signature that may reach PAIR (_candidates),
    so a window's many copies of one report cost no more comparisons than one report."""
    by_sig: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = {}
    for i, u in enumerate(news):
        by_sig.setdefault((tuple(u.words), tuple(u.actors)), []).append(i)
    sigs = list(by_sig.values())
    found = UnionFind(len(news))
    for a, b in _candidates([vecs[s[0]] for s in sigs]):
        _join(found, news, vecs, sigs[a], sigs[b])
    return [g for g in found.groups() if len({news[i].src for i in g}) >= 2]


def _join(
    found: UnionFind, news: Sequence[Unit], vecs: Sequence[Vector], xs: list[int], ys: list[int]
) -> None:
    """Link the items of two signatures (maybe one) as the test of each pair would."""
    x, y = xs[0], ys[0]
    if _copies(news[x], news[y]):
        return
    # dot sums in its first vector's order, the later item's: both orders, as each pair has one.
    later_x, later_y = dot(vecs[x], vecs[y]) >= PAIR, dot(vecs[y], vecs[x]) >= PAIR
    if not (later_x or later_y):
        return
    for i in xs:
        for j in ys:
            if (
                i != j
                and (later_x if i > j else later_y)
                and news[i].src != news[j].src
                and found.root(i) != found.root(j)
            ):
                found.union(i, j)


def _candidates(vecs: Sequence[Vector]) -> set[tuple[int, int]]:
    """The pairs (a <= b) of these unit-length vectors whose dot may reach PAIR: those sharing
    a prefix term (likeness.py; the tail is a story's common words, light)."""
    index: dict[str, list[int]] = defaultdict(list)
    for a, vec in enumerate(vecs):
        for t in prefix_terms(vec, PAIR):
            index[t].append(a)
    pairs: set[tuple[int, int]] = set()
    for b, vec in enumerate(vecs):
        for t in vec:
            pairs.update((a, b) for a in index.get(t, ()) if a <= b)
    return pairs


def _dated(u: Unit, period: tuple[date, date] | None) -> bool:
    return u.dated and u.day is not None and (period is None or period[0] <= u.day <= period[1])


def split_subevents(
    units: Sequence[Unit], rarity: dict[str, float], period: tuple[date, date] | None
) -> list[list[Unit]]:
    """A story's units as the story and its sub-events (see the module's docstring)."""
    if len({u.src for u in units}) < MIN_ARTICLES:
        return [list(units)]
    weights = _Weights(units, rarity)
    news = [u for u in units if not u.background and u.kind not in LEADS]
    vecs = [weights.vector([u]) for u in news]
    leads = weights.vector([u for u in units if u.kind in LEADS])
    taken: set[int] = set()
    parts: list[list[Unit]] = []
    for group in _linked(news, vecs):
        centre = weights.vector([news[i] for i in group])
        if not any(_dated(news[i], period) for i in group) or dot(centre, leads) >= LEAD_LIKE:
            continue
        sources = {news[i].src for i in group}
        alike = {j for j, u in enumerate(news) if u.src in sources and dot(vecs[j], centre) >= PAIR}
        members = set(group) | alike
        members -= taken
        taken |= members
        parts.append([news[i] for i in sorted(members)])
    moved = {id(news[i]) for i in taken}
    return [[u for u in units if id(u) not in moved], *parts]
