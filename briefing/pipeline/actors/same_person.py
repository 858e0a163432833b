"""One person per name in an article: a one-word person that is the first or the family name of
exactly one longer person named before it is that person. The gazetteer knows some first names
alone as people (جوزيه, learnt from a corpus that names José Mourinho so): after "جوزيه مورينيو",
a later "وأضاف جوزيه" is Mourinho again, not a second person called José.
"""

from __future__ import annotations

from briefing.pipeline.actors.document import Hit, Tokens

# The people who may be re-pointed: those learnt from a corpus (ner:person:…) and those found by
# pattern (person:ar:…). A hand-made entry known by one word (بوش) is named so on purpose.
_LEARNT, _FOUND = "ner:", ":ar:"


def one_person_per_name(a: Tokens, hits: list[Hit], compound_first: frozenset[str]) -> None:
    """Point each one-word person hit at the one longer person before it whose name holds the
    word at its start or end; a word that two longer people share stays as it is."""
    people = [h for h in hits if h.type == "PERSON"]
    if len(people) < 2:
        return
    # word → (first token of the earliest longer name that starts or ends with it, its actor ids)
    ends: dict[str, tuple[int, set[str]]] = {}
    for h in people:
        words = a.surface(h.start, h.end).split()
        if len(words) < 2 or words[0] in compound_first:
            continue  # عبد الله, أبو محمد: the first word is half a name
        for word in {words[0], words[-1]}:
            first, ids = ends.setdefault(word, (h.start, set()))
            ids.add(h.actor)
            ends[word] = (min(first, h.start), ids)
    if not ends:
        return
    for h in people:
        if h.end - h.start != 1 or not (h.actor.startswith(_LEARNT) or _FOUND in h.actor):
            continue
        seen = ends.get(a.surface(h.start, h.end))
        if seen is not None and seen[0] < h.start and len(seen[1]) == 1:
            h.actor = next(iter(seen[1]))
