"""The two sides of a match a report names with its verb: فاز بورتسموث على بلاكبيرن 3 - صفر, تغلب
نيوكاسل على ضيفه ويجان, تعادل ليل مع ميلان. Between a match verb in the masculine and على, مع or
أمام stands the winner (a city takes the feminine verb: استضافت الدوحة المؤتمر), and after the
preposition, before a score or a stop, the other side: a city the gazetteer knows, or one or two
words the analyser reads only as names or not at all, is a club there (ANERcorp tags them ORG).
Only near a word of a match (club_adjectives.py's sports words).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from briefing.pipeline.actors.club_adjectives import (
    DEFINITE,
    MAX_WORDS,
    ClubTables,
    city_as_club,
    near_sports,
)
from briefing.pipeline.actors.document import Hit
from briefing.pipeline.actors.fixtures import ZERO
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.words import Words
from briefing.resources import ActorEntry
from briefing.text.normalize import fold


@dataclass(frozen=True)
class MatchTables:
    verbs: frozenset[int] = frozenset()  # norm hashes of the match verbs (فاز, تغلب)
    links: frozenset[int] = frozenset()  # على, مع, أمام
    hosts: frozenset[int] = frozenset()  # ضيفه, مضيفه: between the preposition and the other side


class MatchSides:
    """Finds the clubs one document names as the sides of a match verb."""

    def __init__(
        self,
        w: Words,
        tables: MatchTables,
        clubs: ClubTables,
        found: FoundActors,
        entries: Mapping[str, ActorEntry],
    ) -> None:
        self.a = w.a
        self.w = w
        self.t = tables
        self.sports = clubs.sports
        self.found = found
        self.entries = entries

    def hits(self, hits: list[Hit], taken: set[int], city_clubs: dict[str, str]) -> list[Hit]:
        """New clubs; the gazetteer's cities on a side are made clubs (recorded in `city_clubs`).
        `taken` grows by the new hits' tokens."""
        a = self.a
        if not self.t.verbs & a.norm_set() or not self.sports & a.norm_set():
            return []
        sports = a.where(self.sports)
        by_start = {h.start: h for h in hits}
        out: list[Hit] = []
        n = len(a.norms)
        for i in a.where(self.t.verbs):
            if not near_sports(sports, i):
                continue
            end = self._side(i + 1, taken, by_start)
            if end == i + 1 or end >= n or a.norms[end] not in self.t.links:
                continue
            out += self._club(i + 1, end, taken, by_start, city_clubs)
            other = end + 1 + (end + 1 < n and a.norms[end + 1] in self.t.hosts)
            stop = self._side(other, taken, by_start)
            if stop > other and (stop == n or a.punct[stop] or a.raw(stop).isdigit() or a.raw(stop) == ZERO):
                out += self._club(other, stop, taken, by_start, city_clubs)
        return out

    def _side(self, j: int, taken: set[int], by_start: Mapping[int, Hit]) -> int:
        """End of the side's name that opens at token j (a city's hit, or name words), or j."""
        a, w = self.a, self.w
        g = by_start.get(j)
        if g is not None:  # a club the gazetteer knows, or a city's one word
            city = g.type == "LOC" and g.end - g.start == 1 and g.actor in self.entries
            return g.end if city or g.type == "ORG" else j
        end = j
        while end < len(a.norms) and end - j < MAX_WORDS and end not in taken and not a.punct[end]:
            raw, norm = a.raw(end), a.word(end)
            if a.clitics.get(end) or raw.startswith(DEFINITE) or not w.nameish(end, first=True):
                break
            if norm in w.t.common or norm in w.t.given:
                break  # (a club's name may be a word of the gazetteer's: نيوكاسل of نيوكاسل يونايتد)
            if not w.name_like(raw):
                break
            end += 1
        return end

    def _club(
        self, start: int, end: int, taken: set[int], by_start: Mapping[int, Hit], city_clubs: dict[str, str]
    ) -> list[Hit]:
        a = self.a
        g = by_start.get(start)
        if g is not None and g.type == "ORG":
            return []
        if g is not None:  # a city: the club, here and at its bare mentions
            city = city_as_club(self.found, a, g, self.entries[g.actor].en)
            city_clubs.setdefault(city, g.actor)
            return []
        mention = a.mention(start, end)
        aid = self.found.add("ORG", mention, self.w.t.translit.name_en(mention))
        taken.update(range(start, end))
        return [Hit(start, end, a.start_char(start), a.end_char(end), aid, "ORG", fold(mention))]
