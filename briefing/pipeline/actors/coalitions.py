"""The coalition named by its bare noun (armed_groups.yaml, `coalition`): التحالف after a
coalition the article names in full (التحالف العربي) is that coalition; one led by a state
(التحالف الذي تقوده السعودية, التحالف بقيادة السعودية) is "Saudi-led coalition"; alone it is a
coalition of its own. After a demonstrative (هذا التحالف) it is a common noun, and before an
adjective that names a group (التحالف الوطني) another alliance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.strings import StringStore

from briefing.pipeline.actors.disambiguation import previous_word
from briefing.pipeline.actors.document import Hit
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.words import Words
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ArmedGroupsFile
from briefing.text.normalize import fold


@dataclass(frozen=True)
class CoalitionTables:
    nouns: frozenset[int]  # norm hashes of the coalition noun
    led_by: tuple[tuple[int, ...], ...]  # norm hashes of the phrases that say who leads it
    demonstratives: frozenset[int]
    other: frozenset[int]  # adjectives and words after which it is another alliance
    en: str


def build_coalition_tables(resources: Resources, strings: StringStore) -> CoalitionTables:
    groups = resources.get("armed_groups", ArmedGroupsFile)
    c = groups.coalition

    def hashes(forms: tuple[str, ...]) -> frozenset[int]:
        return frozenset(strings.add(fold(f)) for f in forms)

    adjectives = tuple(
        form + end for e in groups.adjectives if not e.after_genitive for form in e.ar for end in ("", "ة")
    )
    return CoalitionTables(
        nouns=hashes(c.ar),
        led_by=tuple(tuple(strings.add(w) for w in fold(p).split()) for p in c.led_by),
        demonstratives=hashes(c.demonstratives),
        other=hashes(adjectives) | hashes(c.not_before),
        en=c.en,
    )


class Coalitions:
    """Finds the bare coalition nouns of one document."""

    def __init__(
        self, w: Words, tables: CoalitionTables, entries: Mapping[str, ActorEntry], found: FoundActors
    ) -> None:
        self.a = w.a
        self.t = tables
        self.entries = entries
        self.found = found

    def leader(self, i: int, gpe: Mapping[int, Hit]) -> str | None:
        """The English adjective of the state that leads the coalition named at token i, if the
        words after it say (بقيادة السعودية → Saudi), past one adjective (العسكري)."""
        norms = self.a.norms
        for phrase, skip in ((p, s) for p in self.t.led_by for s in (0, 1)):
            end = i + 1 + skip + len(phrase)
            if tuple(norms[i + 1 + skip : end]) == phrase and end in gpe:
                entry = self.entries.get(gpe[end].actor)
                if entry is not None and entry.demonym_en:
                    return entry.demonym_en[0].split(",")[0].strip()
        return None

    def common(self, i: int) -> bool:
        """Is the noun at token i a common noun (هذا التحالف, التحالف بين) or another alliance
        (التحالف الوطني)?"""
        a = self.a
        after = i + 1 if i + 1 < len(a.norms) else None
        return previous_word(a, i) in self.t.demonstratives or (
            after is not None and a.norms[after] in self.t.other
        )

    def hits(self, hits: list[Hit], taken: set[int]) -> list[Hit]:
        """Hits for the bare coalition nouns not `taken`; the article's coalition is the first hit
        whose name opens with the noun."""
        a = self.a
        if self.t.nouns.isdisjoint(a.norm_set()):
            return []  # most articles name no coalition: one pass in C instead of the loop below
        first = next((h.actor for h in hits if h.type == "ORG" and self._opens(h)), None)
        gpe = {h.start: h for h in hits if h.type == "GPE"}
        out: list[Hit] = []
        for i in a.where(self.t.nouns):
            if i in taken or self.common(i):
                continue
            actor = first
            if actor is None:
                leader = self.leader(i, gpe)
                name_en = f"{leader}-led {self.t.en}" if leader else self.t.en
                actor = first = self.found.add("ORG", a.mention(i, i + 1), name_en)
            out.append(Hit(i, i + 1, a.start_char(i), a.end_char(i + 1), actor, "ORG", a.word(i)))
            taken.add(i)
        return out

    def _opens(self, h: Hit) -> bool:
        return self.a.norms[h.start] in self.t.nouns
