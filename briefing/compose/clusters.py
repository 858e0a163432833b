"""Units into stories: the cited sentences of a window that tell of the same event.

Each unit is a weighted bag of terms: its words and its actors' ids, weighted by how rare they are
across the window's articles (a word every article uses tells little apart). Single sentences share
too few words to be compared reliably, so stories are first made of whole articles: an article
joins the story whose terms (the sum of its articles') are most like its own (cosine) when that is
at least JOIN and the story's days are within MAX_GAP days of the article's; else it starts a story.
Articles go oldest first, so an event told over several days stays one story with a date range.
Then each claim and figure of an article that is plainly about another story (a roundup's items)
moves there: when its own terms are at least MOVE like that story's and clearly (MARGIN) more than
like its article's story.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from briefing.compose.likeness import dot, likely_alike, prefix_terms
from briefing.compose.units import LEADS, Unit

JOIN = 0.2  # least cosine between an article and a story it joins
MOVE = 0.3  # least cosine between a claim or figure and another story it moves to
MARGIN = 0.1  # how much more like the other story than like its own it must be
MAX_GAP = 3  # days between an article and the nearest day of the story it joins
ACTOR_WEIGHT = 1.5  # an actor id counts more than a word: names are matched exactly

Vector = dict[str, float]


@dataclass
class Cluster:
    """A story being made: its articles, the sum of their terms, its first and last days."""

    sources: list[int] = field(default_factory=list)
    terms: Vector = field(default_factory=dict)
    norm2: float = 0.0
    first: date | None = None
    last: date | None = None

    def add_terms(self, src: int, vec: Vector, day: date | None) -> None:
        self.sources.append(src)
        for t, w in vec.items():
            old = self.terms.get(t, 0.0)
            self.terms[t] = old + w
            self.norm2 += (old + w) ** 2 - old**2
        if day is not None:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def near(self, day: date | None) -> bool:
        if day is None or self.first is None or self.last is None:
            return True
        return (self.first - day).days <= MAX_GAP and (day - self.last).days <= MAX_GAP


def rarity(units: Sequence[Unit]) -> dict[str, float]:
    """Rarity of each term over the window's articles: log(1 + articles / articles using it)."""
    per_article: dict[int, set[str]] = defaultdict(set)
    for u in units:
        per_article[u.src].update(u.words)
        per_article[u.src].update("@" + a for a in u.actors)
    df = Counter(t for terms in per_article.values() for t in terms)
    n = max(len(per_article), 1)
    return {t: math.log(1 + n / d) for t, d in df.items()}


def _vector(unit: Unit, idf: dict[str, float]) -> Vector:
    vec = {w: idf.get(w, 0.0) for w in unit.words}
    vec.update({"@" + a: ACTOR_WEIGHT * idf.get("@" + a, 0.0) for a in unit.actors})
    return vec


def _normalised(vec: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: w / norm for t, w in vec.items()}


def _cosine(vec: Vector, terms: Vector, norm2: float) -> float:
    return dot(vec, terms) / math.sqrt(norm2) if norm2 > 0 else 0.0


def _articles(units: Sequence[Unit], idf: dict[str, float]) -> dict[int, tuple[Vector, date | None]]:
    """Each article's terms (the sum of its units', normalised) and its day (its lead's)."""
    terms: dict[int, Vector] = defaultdict(dict)
    days: dict[int, date | None] = {}
    for u in units:
        for t, w in _vector(u, idf).items():
            terms[u.src][t] = terms[u.src].get(t, 0.0) + w
        if u.kind in LEADS or u.src not in days:
            days[u.src] = u.day if u.kind in LEADS else days.get(u.src, u.day)
    return {src: (_normalised(vec), days.get(src)) for src, vec in terms.items()}


def _group_articles(articles: dict[int, tuple[Vector, date | None]]) -> list[Cluster]:
    clusters: list[Cluster] = []
    holding: dict[str, list[int]] = defaultdict(list)  # term → the clusters holding it, in order
    for src in sorted(articles, key=lambda s: (articles[s][1] or date.max, s)):
        vec, day = articles[src]
        best, best_sim = None, JOIN - 1e-9
        for i in _sharing(holding, prefix_terms(vec, best_sim)):
            c = clusters[i]
            if not c.near(day):
                continue
            sim = _cosine(vec, c.terms, c.norm2)
            if sim > best_sim:
                best, best_sim = i, sim
        if best is None:
            clusters.append(Cluster())
            best = len(clusters) - 1
        for t in vec:
            if t not in clusters[best].terms:
                holding[t].append(best)
        clusters[best].add_terms(src, vec, day)
    return clusters


def _sharing(holding: dict[str, list[int]], terms: Sequence[str]) -> list[int]:
    """The clusters holding any of `terms`, in order of creation: only they may be as like as
    the prefix's threshold (likeness.py; a cluster's terms, normalised, are of unit length)."""
    return sorted({i for t in terms for i in holding.get(t, ())})


def cluster_units(units: Sequence[Unit]) -> list[list[Unit]]:
    """The units grouped into stories (see the module's docstring), in order of creation."""
    idf = rarity(units)
    clusters = _group_articles(_articles(units, idf))
    home = {src: i for i, c in enumerate(clusters) for src in c.sources}
    items = [(u, _normalised(_vector(u, idf))) for u in units if u.kind not in LEADS]
    # Only the stories that may be MOVE like a claim or figure can take it (likeness.py).
    likely = likely_alike([vec for _, vec in items], [_direction(c) for c in clusters], MOVE)
    moved = {
        id(u): _story(u, vec, home[u.src], clusters, alike)
        for (u, vec), alike in zip(items, likely, strict=True)
    }
    out: list[list[Unit]] = [[] for _ in clusters]
    for u in units:
        out[moved.get(id(u), home[u.src])].append(u)
    return [units for units in out if units]


def _direction(c: Cluster) -> Vector:
    norm = math.sqrt(c.norm2) or 1.0
    return {t: w / norm for t, w in c.terms.items()}


def _story(u: Unit, vec: Vector, i: int, clusters: Sequence[Cluster], alike: Sequence[int]) -> int:
    """The story a claim or figure goes to: another one when it is at least MOVE like it and
    MARGIN more than like its own (i); `alike` holds every story that may be MOVE like it."""
    own = _cosine(vec, clusters[i].terms, clusters[i].norm2)
    near = [(_cosine(vec, c.terms, c.norm2), j) for j in alike if j != i and (c := clusters[j]).near(u.day)]
    sim, j = max(near, default=(0.0, i))
    return j if sim >= MOVE and sim >= own + MARGIN else i
