"""The component's output: the actors found by pattern, registered once per article with an English
name, and the hits written as doc.spans["actors"] (span.id_ = actor id, label = type) and
doc._.actors (briefing.model.Actor, mentions as character offsets without proclitics).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span

from briefing.model.contract import Actor, Mention
from briefing.pipeline.actor_spans import keep_actor_spans
from briefing.pipeline.actors.document import Found, Hit
from briefing.pipeline.gazetteer import surface_key
from briefing.resources import ActorEntry
from briefing.text.transliterate import Transliterator

if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=())


class FoundActors:
    """The people and organisations of one article that the gazetteer does not know."""

    def __init__(self, translit: Transliterator, name_cache: dict[str, str]) -> None:
        self.translit = translit
        self.name_cache = name_cache  # folded name → English, across articles
        self.by_id: dict[str, Found] = {}

    def add(self, atype: str, name_ar: str, name_en: str | None = None) -> str:
        """The id of a person or organisation found by pattern, registered once per article;
        its English name transliterated unless given."""
        key = surface_key(name_ar)
        aid = f"{atype.lower()}:ar:{key}"
        if aid not in self.by_id:
            if name_en is None:
                name_en = self.name_cache.get(key)
                if name_en is None:
                    name_en = self.name_cache[key] = self.translit.name_en(name_ar)
            self.by_id[aid] = Found(aid, atype, name_ar, name_en)
        return aid


def write(
    doc: Doc, text: str, hits: list[Hit], entries: Mapping[str, ActorEntry], found: FoundActors
) -> None:
    """Set doc.spans["actors"] and doc._.actors from the hits (in text order)."""
    add = doc.vocab.strings.add
    # One pass over the hits; each id and label hashed once per article, not once per mention.
    labels: dict[str, int] = {}
    by_actor: dict[str, tuple[str, int, list[Mention]]] = {}  # id → (first type, id hash, mentions)
    kept = []
    for h in hits:
        actor = by_actor.get(h.actor)
        if actor is None:
            actor = by_actor[h.actor] = (h.type, add(h.actor), [])
        label = labels.get(h.type)
        if label is None:
            label = labels[h.type] = add(h.type)
        kept.append((h.start, h.end, label, actor[1]))
        actor[2].append(Mention(h.start_char, h.end_char, text[h.start_char : h.end_char]))
    keep_actor_spans(doc, kept)  # what the later components read (briefing.pipeline.actor_spans)
    doc.spans["actors"] = [Span(doc, start, end, label=label, span_id=aid) for start, end, label, aid in kept]
    actors = []
    for aid, (atype, _, ms) in by_actor.items():
        entry = entries.get(aid)
        if entry is not None:
            actors.append(Actor(aid, atype, entry.en, entry.ar, tuple(ms)))
        else:
            p = found.by_id[aid]
            actors.append(Actor(aid, p.type, p.name_en, p.name_ar, tuple(ms), transliterated=True))
    doc._.actors = tuple(actors)
