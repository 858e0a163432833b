"""Gazetteer names glued to a neighbour by bad extraction: جنوبسوريا, الولاياتالمتحدة,
الإيرانيينبسوريا. A known one-word name at the end of a token counts when what precedes it is a
word of its own (a direction, a gazetteer word, a nationality), a two-word name as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from briefing.pipeline.actors.disambiguation import as_state
from briefing.pipeline.actors.document import Hit, Tokens
from briefing.pipeline.actors.words import ONE_LETTER_PROCLITICS, WordCaches, WordTables, folded
from briefing.pipeline.gazetteer import GazetteerIndex
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ActorRulesFile
from briefing.text.normalize import fold, raw_prefix_length

GLUED_MIN = 6  # characters: shorter tokens are never two words glued
SINGLE_MIN = 3  # letters: shorter names are not looked for inside a token


@dataclass(frozen=True)
class GlueTables:
    single: Mapping[str, str]  # one-word surface key → id
    joined: Mapping[str, str]  # a phrase's key without its spaces → id
    single_lengths: tuple[int, ...]  # the lengths of the one-word keys, longest first
    joinable: frozenset[str]  # words a name may be glued after


def build_glue_tables(resources: Resources, index: GazetteerIndex, words: WordTables) -> GlueTables:
    owners = index.owners
    single = {
        k: v[0]
        for k, v in owners.items()
        if " " not in k and len(v) == 1 and len(k) >= SINGLE_MIN and (k, v[0]) not in index.context_only
    }
    demonyms = {fold(d) for e in resources.actors for d in e.demonym_ar}
    joinable = (
        folded(resources.get("actor_rules", ActorRulesFile).directions)
        | {w for k in owners for w in k.split()}
        | {"ال" + d for d in demonyms}
        | {"ال" + d + end for d in demonyms for end in ("ين", "ون")}
    )
    return GlueTables(
        single=single,
        joined={k.replace(" ", ""): v[0] for k, v in owners.items() if " " in k and len(v) == 1},
        single_lengths=tuple(sorted({len(k) for k in single}, reverse=True)),
        # Heads of two letters or fewer (ال from آل, بن) would split ordinary words: المشهد ≠
        # ال|مشهد. Nor do the connectors of names: أبوابها is "its doors", not أبو + أبها.
        joinable=frozenset(w for w in joinable if len(w) > 2) - words.connectors,
    )


def split_glued(norm: str, t: GlueTables) -> tuple[str, int] | None:
    """(actor id, folded letters before it) for a token that glues words together."""
    if norm in t.joined:
        return t.joined[norm], 0
    for length in t.single_lengths:
        if length > len(norm) - 2:
            continue
        head, tail = norm[:-length], norm[-length:]
        if tail not in t.single:
            continue
        if head in t.joinable:
            return t.single[tail], len(head)
        # The proclitic belongs to the glued word: الإيرانيين|ب|سوريا.
        if head[-1] in ONE_LETTER_PROCLITICS and head[:-1] in t.joinable:
            return t.single[tail], len(head)
    return None


def glued(
    a: Tokens, at: list[int], caches: WordCaches, entries: Mapping[str, ActorEntry], taken: set[int]
) -> list[Hit]:
    """Hits for the glued names in the long alphabetic tokens that no other rule took. `at`: the
    tokens whose word glues a name to a neighbour (forms.GLUED: each word form is split once, in
    the first article that has it, and its split kept in `caches.glued`)."""
    out: list[Hit] = []
    cache = caches.glued
    arr = a.array
    long = (arr[:, 3] == 1) & (arr[:, 2] >= GLUED_MIN)
    for i in at:
        found = cache[a.norms[i]]
        if found is None or i in taken or not long[i]:
            continue
        eid, offset = found
        raw, idx = a.raw(i), a.idx[i]
        eid, etype = as_state(entries[eid], entries)
        out.append(Hit(i, i + 1, idx + raw_prefix_length(raw, offset), idx + len(raw), eid, etype))
    return out
