"""One actor per name in an article: a one-word person that is the first or the family name of
exactly one longer person named before it is that person, and a one-word organisation that opens
exactly one organisation named before it with its country's adjective is that organisation. The
gazetteer knows some first names alone as people (جوزيه, learnt from a corpus that names José
Mourinho so): after "جوزيه مورينيو", a later "وأضاف جوزيه" is Mourinho again, not a second person
called José; after "برشلونة الإسباني", a later "برشلونة" is the club.
"""

from __future__ import annotations

from briefing.pipeline.actors.document import Hit, Tokens

# The actors who may be re-pointed: those learnt from a corpus (ner:person:…) and those found by
# pattern (person:ar:…). A hand-made entry known by one word (بوش) is named so on purpose.
_LEARNT, _FOUND = "ner:", ":ar:"


Ends = dict[tuple[str, str], tuple[int, set[str]]]


def _name_ends(
    a: Tokens, hits: list[Hit], compound_first: frozenset[str], nationalities: frozenset[str]
) -> Ends:
    """(type, word) → (first token of the earliest longer name that holds the word at an end, the
    ids of the actors of such names)."""
    ends: Ends = {}
    for h in hits:
        if h.type != "PERSON" and h.type != "ORG":
            continue  # (before the surface: most hits are places)
        # A club's hit may have left its adjective out (organisations.py): the surface matched.
        words = (h.surface if h.type == "ORG" and h.surface else a.surface(h.start, h.end)).split()
        if len(words) < 2:
            continue
        if h.type == "PERSON" and words[0] not in compound_first:  # عبد الله: half a name
            keys = {words[0], words[-1]}
        elif h.type == "ORG" and len(words) == 2 and words[1] in nationalities:
            keys = {words[0]}
        else:
            continue
        for word in keys:
            first, ids = ends.get((h.type, word), (h.start, set()))
            ids.add(h.actor)
            ends[(h.type, word)] = (min(first, h.start), ids)
    return ends


def one_actor_per_name(
    a: Tokens, hits: list[Hit], compound_first: frozenset[str], nationalities: frozenset[str]
) -> None:
    """Point each one-word person or organisation hit at the one longer actor before it whose name
    holds the word so; a word that two longer actors share stays as it is."""
    if len(hits) < 2:
        return
    ends = _name_ends(a, hits, compound_first, nationalities)
    if not ends:
        return
    for h in hits:
        if h.end - h.start != 1 or not (h.actor.startswith(_LEARNT) or _FOUND in h.actor):
            continue
        seen = ends.get((h.type, a.surface(h.start, h.end)))
        if seen is not None and seen[0] < h.start and len(seen[1]) == 1:
            h.actor = next(iter(seen[1]))
