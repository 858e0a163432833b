"""Compose at scale: the indexed comparisons give what comparing every pair gives, and a
window of many copies of a few stories composes into those stories."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from brief_samples import sample_extractions, story_of

from briefing.compose import compose
from briefing.compose.clusters import (
    JOIN,
    MARGIN,
    MOVE,
    Cluster,
    _articles,
    _cosine,
    _normalised,
    _vector,
    cluster_units,
    rarity,
)
from briefing.compose.likeness import dot
from briefing.compose.linking import linked_groups
from briefing.compose.references import Cited
from briefing.compose.sources import order_sources
from briefing.compose.subevents import PAIR, _copies, _linked, _Weights
from briefing.compose.units import LEADS, Unit, article_units, window_words
from briefing.errors import ExitCode
from briefing.model.contract import Extraction

GENERATED = datetime(2018, 5, 12, 9, 0)
VOCAB = [f"w{i}" for i in range(40)]
ACTORS = ["Q1", "Q2", "Q3", "Q4"]


def _unit(rng: random.Random, src: int, words: frozenset[str] | None = None) -> Unit:
    words = words if words is not None else frozenset(rng.sample(VOCAB, rng.randint(0, 8)))
    actors = tuple(rng.sample(ACTORS, rng.randint(0, 2)))
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


# --- a window of many copies: the same stories reported by many outlets over several days -------

OUTLETS = ("Al Arabiya", "BBC News Arabic", "France 24", "Sky News Arabia", "Al Jazeera")


def _copies_window(copies: int) -> list[Extraction]:
    """The sample's three articles, each `copies` times with fresh ids (<id>~k), under another
    outlet and published on one of four days."""
    out = []
    for k in range(copies):
        for e in sample_extractions():
            day = date(2018, 5, 9) + timedelta(days=k % 4)
            article = replace(
                e.article,
                id=f"{e.article.id}~{k}",
                source=OUTLETS[k % len(OUTLETS)],
                published=day.isoformat(),
            )
            out.append(replace(e, article=article))
    return out


def test_compose_of_many_copies_keeps_each_story_together():
    exts = _copies_window(100)
    brief = compose(exts, generated=GENERATED)
    ids = {s.number: s.id for s in brief.sources}
    together = {ids[n] for n in story_of(brief, "art-a~0").sources}
    # art-a and art-b tell of one event (the sample's first story), art-c of another.
    assert together == {f"art-{x}~{k}" for x in "ab" for k in range(100)}
    other = {ids[n] for n in story_of(brief, "art-c~0").sources}
    assert other == {f"art-c~{k}" for k in range(100)}
    assert len(brief.sources) == 300


def test_compose_does_not_depend_on_input_order():
    exts = _copies_window(20)
    shuffled = list(exts)
    random.Random(7).shuffle(shuffled)
    first = compose(exts, generated=GENERATED)
    assert compose(shuffled, generated=GENERATED).to_json() == first.to_json()
    assert compose(list(reversed(exts)), generated=GENERATED).to_json() == first.to_json()


def _reference_clusters(units: list[Unit]) -> list[list[Unit]]:
    """cluster_units as first written: every article against every story, every claim and
    figure against every other story."""
    idf = rarity(units)
    clusters = _group_every(_articles(units, idf))
    home = {src: i for i, c in enumerate(clusters) for src in c.sources}
    out: list[list[Unit]] = [[] for _ in clusters]
    for u in units:
        i = home[u.src]
        if u.kind not in LEADS:
            vec = _normalised(_vector(u, idf))
            own = _cosine(vec, clusters[i].terms, clusters[i].norm2)
            near = [
                (_cosine(vec, c.terms, c.norm2), j)
                for j, c in enumerate(clusters)
                if j != i and c.near(u.day)
            ]
            sim, j = max(near, default=(0.0, i))
            if sim >= MOVE and sim >= own + MARGIN:
                i = j
        out[i].append(u)
    return [x for x in out if x]


def _group_every(articles: dict[int, tuple[dict[str, float], date | None]]) -> list[Cluster]:
    clusters: list[Cluster] = []
    for src in sorted(articles, key=lambda s: (articles[s][1] or date.max, s)):
        vec, day = articles[src]
        best, best_sim = None, JOIN - 1e-9
        for i, c in enumerate(clusters):
            if c.near(day) and (sim := _cosine(vec, c.terms, c.norm2)) > best_sim:
                best, best_sim = i, sim
        if best is None:
            clusters.append(Cluster())
            best = len(clusters) - 1
        clusters[best].add_terms(src, vec, day)
    return clusters


def _window_units(exts: list[Extraction]) -> list[Unit]:
    exts = list(order_sources(exts))
    words = window_words(exts)
    return [u for n, e in enumerate(exts, 1) for u in article_units(n, e, words, date(2018, 5, 9))]


def _random_units(seed: int) -> list[Unit]:
    """Units of 60 articles over three weeks, each of a few topics; some claims and figures
    tell of another article's topic (a roundup's items), so that they move."""
    rng = random.Random(seed)
    vocab = [f"v{i}" for i in range(150)]
    topics = [rng.sample(vocab, 6) for _ in range(12)]
    units = []
    for src in range(1, 61):
        day = date(2018, 5, 1) + timedelta(days=rng.randint(0, 20))
        topic = rng.choice(topics)
        units.append(replace(_unit(rng, src, frozenset(topic)), kind="lead", day=day))
        for _ in range(rng.randint(0, 4)):
            about = rng.choice(topics) if rng.random() < 0.3 else topic
            words = frozenset(rng.sample(about, 4) + rng.sample(vocab, rng.randint(0, 3)))
            units.append(replace(_unit(rng, src, words), day=day + timedelta(days=rng.randint(-1, 1))))
    return units


@pytest.mark.parametrize("seed", range(12))
def test_clusters_are_those_of_comparing_every_story(seed):
    units = _random_units(seed)
    clusters = cluster_units(units)
    assert clusters == _reference_clusters(units)
    assert len(clusters) > 5  # the window holds several stories


def test_clusters_of_a_window_of_copies_are_those_of_comparing_every_story():
    units = _window_units(_copies_window(12))
    assert cluster_units(units) == _reference_clusters(units)


def test_the_brief_does_not_depend_on_string_hashing(tmp_path):
    """Two builds of the same articles write the same brief.json whatever the process's
    PYTHONHASHSEED (ties among a story's actors used to follow a set's order)."""
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    briefs = []
    for hash_seed in ("1", "2", "3"):
        out = tmp_path / hash_seed
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        command = [sys.executable, "-m", "briefing", "build", str(seeds), "--out", str(out), "--no-pdf", "-q"]
        run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
        assert run.returncode == ExitCode.OK, run.stderr
        brief = json.loads(next(out.glob("*/brief.json")).read_text(encoding="utf-8"))
        brief.pop("generated")
        briefs.append(brief)
    assert briefs[0] == briefs[1] == briefs[2]
