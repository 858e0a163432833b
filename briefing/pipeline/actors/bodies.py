"""State bodies the gazetteer does not know, named by their noun and the state's adjective
(org_patterns.yaml, `bodies`): وزارة الخارجية التركية is the Turkish Foreign Ministry, one
organisation, and so is الخارجية التركية; الجيش اليمني the Yemeni Army, التلفزيون الإيراني
Iranian television. The adjective agrees with the noun (الخارجية التركي is the end of a minister's
title), and is no mention of the state. A ministry named without one (وزارة الخارجية) is the
Foreign Ministry, and in an article that names one state's, that state's. After a title's first
word (وزيرة الخارجية الأمريكية) the words are the title's. The noun of an outlet (وكالة الأنباء
اليمنية) is in the mention but not in the token span, as with the gazetteer's outlets (وكالة
فرانس برس): the claims read it as the head of a phrase that names an outlet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

from briefing.pipeline.actors.document import Hit
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.triggered import TriggeredMatcher
from briefing.pipeline.actors.words import Words, folded
from briefing.pipeline.gazetteer import with_article
from briefing.resources import Resources
from briefing.resources.schema import ActorRulesFile, BodyEntry, OrgPatternsFile
from briefing.text.normalize import fold

FULL, SHORT = "full", "short"  # the kind of form a match key names


@dataclass(frozen=True)
class Adjective:
    """A state's adjective with the article: its English, its gender, its words."""

    en: str
    gender: str  # "m" | "f"
    words: int


@dataclass(frozen=True)
class BodyTables:
    nouns: TriggeredMatcher  # on NORM; match key "full:<id>" or "short:<id>"
    bodies: Mapping[str, BodyEntry]  # by id
    adjectives: Mapping[tuple[int, ...], Adjective]  # norm hashes of the adjective's words
    title_heads: frozenset[int]  # norm hashes of the first words of titles (وزير, وزيرة)
    outlet_nouns: frozenset[int]  # norm hashes of outlet nouns, with the article and without


def _adjectives(resources: Resources, strings: StringStore) -> dict[tuple[int, ...], Adjective]:
    """The states' singular adjectives with the article (التركية, الكورية الجنوبية)."""
    out: dict[tuple[int, ...], Adjective] = {}
    for e in resources.actors:
        if e.type != "GPE" or not e.demonym_en:
            continue
        en = e.demonym_en[0].split(",")[0].strip()
        for d in e.demonym_ar:
            if d.endswith(("ون", "ين")):
                continue
            words = fold(with_article(d)).split()
            key = tuple(strings.add(w) for w in words)
            out.setdefault(key, Adjective(en, "f" if d.endswith("ة") else "m", len(words)))
    return out


def build_body_tables(resources: Resources, vocab: Vocab, pattern_doc: Callable[[str], Doc]) -> BodyTables:
    nouns = TriggeredMatcher(vocab, "bodies")
    bodies = resources.get("org_patterns", OrgPatternsFile).bodies
    for body in bodies:
        nouns.add(f"{FULL}:{body.id}", [pattern_doc(form) for form in body.ar])
        if body.short_ar:
            nouns.add(f"{SHORT}:{body.id}", [pattern_doc(form) for form in body.short_ar])
    heads = {fold(form).split()[0] for t in resources.titles for form in t.ar}
    rules = resources.get("actor_rules", ActorRulesFile)
    return BodyTables(
        nouns=nouns,
        bodies={b.id: b for b in bodies},
        adjectives=_adjectives(resources, vocab.strings),
        title_heads=frozenset(vocab.strings.add(w) for w in heads),
        outlet_nouns=frozenset(
            vocab.strings.add(form) for w in folded(rules.outlet_nouns) for form in (w, "ال" + w)
        ),
    )


class Bodies:
    """Finds the state bodies of one document."""

    def __init__(self, w: Words, tables: BodyTables, found: FoundActors) -> None:
        self.a = w.a
        self.t = tables
        self.found = found

    def adjective(self, i: int, gender: str) -> Adjective | None:
        """The state's adjective that starts at token i and agrees with a noun of `gender`."""
        norms = self.a.norms
        if not self.a.raw(i).startswith("ال"):
            return None  # وزارة الدفاع بالسعودية: a place, not the adjective
        for size in (2, 1):
            adj = self.t.adjectives.get(tuple(norms[i : i + size]))
            if adj is not None and adj.words == size and adj.gender == gender:
                return adj
        return None

    def joined(self, i: int, taken: set[int]) -> int:
        """End of what a ministry's name joins at token i with و: a definite singular noun and its
        nisba (وزارة الخارجية والتعاون الدولي, وزارة التربية والتعليم), or i."""
        a = self.a
        n = len(a.norms)
        if i >= n or i in taken or a.punct[i] or not a.raw(i).startswith("وال"):
            return i
        if a.word(i).endswith("ات"):
            return i  # a plural joins a list, not the name: والقنوات (a name is taken: والموساد)
        end = i + 1
        if end < n and a.raw(end).startswith("ال") and a.word(end).endswith("ي"):
            end += 1
        return end

    def hits(self, taken: set[int]) -> list[Hit]:
        """Hits for the bodies named in tokens not `taken` (which grows by theirs)."""
        a, t = self.a, self.t
        out: list[Hit] = []
        alone: list[tuple[Hit, BodyEntry]] = []
        named: dict[str, set[str]] = {}  # body id → actors of that body with a state
        matches = sorted(t.nouns.on(a), key=lambda m: (m[1], -m[2]))
        for match_id, start, end in matches:
            kind, body_id = a.strings[match_id].split(":", 1)
            body = t.bodies[body_id]
            # After a title's first word the words are the title's (وزير الخارجية التركي), but not
            # an outlet's: مراسل وكالة الأنباء الفرنسية is the agency's correspondent.
            titled = start and a.norms[start - 1] in t.title_heads and a.norms[start] not in t.outlet_nouns
            if titled or any(i in taken for i in range(start, end)):
                continue
            adj = self.adjective(end, body.gender) if end < len(a.norms) else None
            if adj is not None:
                end += adj.words
                name_ar = f"{body.ar[0]} {a.text[a.idx[end - adj.words] : a.end_char(end)]}"
                aid = self.found.add("ORG", name_ar, f"{adj.en} {body.en}")
                named.setdefault(body.id, set()).add(aid)
            elif kind == FULL and body.alone:
                longer = self.joined(end, taken)
                if longer > end:  # وزارة الخارجية والتعاون الدولي: a name of its own
                    end = longer
                    aid = self.found.add("ORG", a.mention(start, end), body.en)
                else:
                    aid = ""  # decided below, once the article's bodies are known
            else:
                continue
            # An outlet's noun (وكالة الأنباء اليمنية) is the mention's but not the token span's:
            # the claims read it as the head word of a phrase that names an outlet.
            first = start + 1 if a.norms[start] in t.outlet_nouns else start
            hit = Hit(first, end, a.start_char(start), a.end_char(end), aid, "ORG", a.surface(start, end))
            if not aid:
                alone.append((hit, body))
            out.append(hit)
            taken.update(range(start, end))
        for hit, body in alone:
            states = named.get(body.id, set())
            hit.actor = next(iter(states)) if len(states) == 1 else self.found.add("ORG", body.ar[0], body.en)
        return out
