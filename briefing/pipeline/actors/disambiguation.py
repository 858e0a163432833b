"""Gazetteer matches that need their context: surfaces shared by several actors (عمان: Amman or
Oman; الشرق الأوسط: the region or the newspaper), and surfaces that are everyday words too (صور
"pictures", the city of Tyre), which count only in a place context (في صور).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.strings import StringStore

from briefing.pipeline.actors.document import Tokens
from briefing.pipeline.actors.words import fold_word, folded, nationalities
from briefing.pipeline.gazetteer import GazetteerIndex
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ActorRulesFile


@dataclass(frozen=True)
class ContextTables:
    ambiguous: Mapping[str, tuple[str, ...]]  # surface key → the ids that share it
    locative: frozenset[str]  # folded words after which a place is the place (في, قرب, جنوب …)
    locative_hashes: frozenset[int]
    outlet_nouns: frozenset[str]
    state_nouns: frozenset[str]
    adjectives: frozenset[int] = frozenset()  # hashes of nationality adjectives (الأردنية)


def build_context_tables(resources: Resources, index: GazetteerIndex, strings: StringStore) -> ContextTables:
    rules = resources.get("actor_rules", ActorRulesFile)
    locative = folded(rules.locative_words) | folded(rules.directions)
    return ContextTables(
        ambiguous={key: ids for key, ids in index.owners.items() if len(ids) > 1},
        locative=locative,
        locative_hashes=frozenset(strings.add(w) for w in locative),
        outlet_nouns=folded(rules.outlet_nouns),
        state_nouns=folded(rules.state_nouns),
        adjectives=frozenset(strings.add(w) for w in nationalities(resources)),
    )


def previous_word(a: Tokens, i: int) -> int | None:
    """Norm hash of the word before token i, skipping punctuation and space."""
    j = i - 1
    while j >= 0 and a.punct[j]:
        j -= 1
    return a.norms[j] if j >= 0 else None


def noun_before(a: Tokens, t: ContextTables, i: int) -> int | None:
    """previous_word, past a nationality adjective: العاصمة الأردنية عمان → العاصمة."""
    j = i - 1
    while j >= 0 and a.punct[j]:
        j -= 1
    if j > 0 and a.norms[j] in t.adjectives:
        return previous_word(a, j)
    return a.norms[j] if j >= 0 else None


def locative(a: Tokens, t: ContextTables, i: int) -> bool:
    """Does token i stand in a place context: after a locative word, or with ب or في on it?"""
    clitic = a.clitics.get(i, 0)
    if clitic:
        raw_clitic = fold_word(a.raw(i)[:clitic])
        if raw_clitic.endswith("ب") or raw_clitic.endswith("في"):
            return True
    return noun_before(a, t, i) in t.locative_hashes


def _by_previous_word(a: Tokens, t: ContextTables, start: int, entries: list[ActorEntry]) -> str | None:
    """The entry a kind noun before the surface picks: an outlet, a state or a place."""
    prev_hash = noun_before(a, t, start)
    if prev_hash is None:
        return None
    prev = a.strings[prev_hash]
    for words, wanted in ((t.outlet_nouns, "ORG"), (t.state_nouns, "GPE"), (t.locative, "LOC")):
        if prev in words:
            for e in entries:
                if e.type == wanted:
                    return e.id
    return None


def disambiguate(
    a: Tokens, t: ContextTables, entries: Mapping[str, ActorEntry], start: int, ids: tuple[str, ...]
) -> str:
    """The id, of `ids`, that a shared surface at token `start` stands for."""
    candidates = [entries[i] for i in ids]
    by_word = _by_previous_word(a, t, start, candidates)
    if by_word is not None:
        return by_word
    # A country, or the country of a city, that the article names elsewhere decides.
    named = a.named()
    for e in candidates:
        if e.id in named or (e.country and e.country in named) or (e.capital_of and e.capital_of in named):
            return e.id
    # An outlet or organisation surface shared with a place: the place unless a cue says otherwise.
    non_org = [e for e in candidates if e.type != "ORG"]
    return (non_org or candidates)[0].id


def as_state(entry: ActorEntry, entries: Mapping[str, ActorEntry]) -> tuple[str, str]:
    """(id, type) of the state a city's name stands for (a capital, تل أبيب), or the entry's own."""
    stands_for = entry.stands_for or entry.capital_of
    if stands_for:
        return stands_for, entries[stands_for].type
    return entry.id, entry.type
