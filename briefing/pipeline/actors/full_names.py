"""Known people named in full: a name found by pattern that holds a known person's name, or that
the known name holds, with the same first name and family name, is that person (عادل بن أحمد
الجبير is Adel al-Jubeir, عادل الجبير; طارق محمد عبد الله صالح is Tareq Saleh; عبد ربه هادي is
Abd Rabbuh Mansur Hadi). Only when one known person fits: محمد عبد السلام الحوثي is not محمد علي
الحوثي, whose name neither holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from briefing.pipeline.actors.document import Hit
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.gazetteer import surface_key
from briefing.resources import Resources

Words = tuple[str, ...]


@dataclass(frozen=True)
class FullNameTables:
    by_ends: Mapping[tuple[str, str], tuple[tuple[Words, str], ...]]  # (first, last) → (words, id)
    compound_first: frozenset[str]  # عبد, أبو: the first name is two words


def _ends(words: Words, compound_first: frozenset[str]) -> tuple[str, str]:
    first = words[:2] if words[0] in compound_first and len(words) > 2 else words[:1]
    return " ".join(first), words[-1]


def build_full_name_tables(resources: Resources, compound_first: frozenset[str]) -> FullNameTables:
    by_ends: dict[tuple[str, str], list[tuple[Words, str]]] = defaultdict(list)
    for e in resources.actors:
        if e.type != "PERSON":
            continue
        for s in e.surfaces_ar:
            words = tuple(surface_key(s).split())
            if len(words) >= 2:
                by_ends[_ends(words, compound_first)].append((words, e.id))
    return FullNameTables({k: tuple(v) for k, v in by_ends.items()}, compound_first)


def _holds(big: Words, small: Words) -> bool:
    """Are the words of `small` those of `big`, in order (others may come between)?"""
    it = iter(big)
    return all(w in it for w in small)


def known_people(hits: list[Hit], found: FoundActors, tables: FullNameTables) -> None:
    """Hits of the people found by pattern that are known people in full take the known id."""
    remap: dict[str, str] = {}
    for aid, f in found.by_id.items():
        words = tuple(surface_key(f.name_ar).split())
        if f.type != "PERSON" or len(words) < 2:
            continue
        fits = {
            pid
            for known, pid in tables.by_ends.get(_ends(words, tables.compound_first), ())
            if _holds(words, known) or _holds(known, words)
        }
        if len(fits) == 1:
            remap[aid] = fits.pop()
    if not remap:
        return
    for h in hits:
        h.actor = remap.get(h.actor, h.actor)
