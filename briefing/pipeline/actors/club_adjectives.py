"""Clubs named with their country's masculine adjective in a sports report: ليون الفرنسي,
فنربغشة التركي, قطر القطري. A city is feminine in Arabic (ليون الفرنسية is the city), a state
takes no adjective of its own, and a name no resource knows with a country's adjective, in an
article about a match, is a club more often than a player (whose adjective comes first: البرازيلي
رونالدو). ANERcorp tags the club's name without the adjective, and the city elsewhere in the
article as the club (organisations.py's city_clubs).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass

from briefing.pipeline.actors.document import Hit, Tokens
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.words import ARTICLE_PROCLITICS, Words
from briefing.resources import ActorEntry
from briefing.text.normalize import fold

MAX_WORDS = 2  # an unknown club's name before its adjective
SPORTS_REACH = 40  # tokens from the adjective to a word of a match (about a sentence)
RIGHT_HAND = "اليمنى"  # "the right (hand)", which folds to اليمني "Yemeni"
DEFINITE = ("ال", *ARTICLE_PROCLITICS)  # a word with the article, as written


@dataclass(frozen=True)
class ClubTables:
    sports: frozenset[int] = frozenset()  # norm hashes of a sports report's words
    adjectives: frozenset[int] = frozenset()  # norm hashes of the masculine, definite adjectives of countries


def near_sports(sports: list[int], i: int) -> bool:
    """Is one of the `sports` word positions (sorted) within SPORTS_REACH tokens of token i?"""
    near = bisect_left(sports, i - SPORTS_REACH)
    return near < len(sports) and sports[near] <= i + SPORTS_REACH


def masculine_adjectives(nationalities: frozenset[str], extra: frozenset[str]) -> frozenset[str]:
    """The definite masculine adjectives among the nationality forms (الفرنسي, not الفرنسية)."""
    return frozenset(n for n in nationalities if n.startswith("ال") and n.endswith("ي")) | extra


def city_as_club(found: FoundActors, a: Tokens, g: Hit, en: str) -> str:
    """Make the place hit `g` the club named by it (an ORG with the place's English name);
    returns the place's actor id, which the caller records as the club's city."""
    place = g.actor
    g.actor = found.add("ORG", a.mention(g.start, g.end), en)
    g.type = "ORG"
    return place


class ClubAdjectives:
    """Finds the clubs one document names with their country's adjective."""

    def __init__(
        self,
        w: Words,
        tables: ClubTables,
        found: FoundActors,
        entries: Mapping[str, ActorEntry],
    ) -> None:
        self.a = w.a
        self.w = w
        self.t = tables
        self.found = found
        self.entries = entries

    def hits(self, hits: list[Hit], taken: set[int], clubs: dict[str, str]) -> list[Hit]:
        """The gazetteer's places before such an adjective are made clubs (their city recorded in
        `clubs`); new clubs are returned. `taken` grows by their tokens."""
        a = self.a
        if not self.t.adjectives & a.norm_set() or not self.t.sports & a.norm_set():
            return []
        by_end = {h.end: h for h in hits}
        sports = a.where(self.t.sports)
        out: list[Hit] = []
        for i in a.where(self.t.adjectives):
            if not i or a.clitics.get(i) or a.punct[i - 1] or i in taken or a.raw(i) == RIGHT_HAND:
                continue  # والفرنسي: "and the French one", not this name's adjective
            if not near_sports(sports, i):
                continue  # no word of a match near it
            g = by_end.get(i)
            if g is not None:
                self._place(g, i, clubs)
            elif i - 1 not in taken:
                out += self._unknown(i, taken, by_end)
        return out

    def _place(self, g: Hit, adjective: int, clubs: dict[str, str]) -> None:
        """A city (ليون الفرنسي) is the club, here and wherever the article names it alone; a
        state with its own adjective (قطر القطري) is the club here only."""
        a = self.a
        entry = self.entries.get(g.actor)
        if entry is None:
            return
        if g.end - g.start != 1:
            return  # شمال أفريقيا الروماني: a region of the Roman empire, no club
        city = g.type == "LOC"
        own = f"ال{a.surface(g.start, g.end).removeprefix('ال')}ي"  # قطر → القطري
        if not city and (g.type != "GPE" or a.word(adjective) != own):
            return
        place = city_as_club(self.found, a, g, entry.en)
        if city:
            clubs.setdefault(place, g.actor)

    def _unknown(self, adjective: int, taken: set[int], by_end: Mapping[int, Hit]) -> list[Hit]:
        """One or two words no resource knows before the adjective, read only as names or not at
        all and not after a definite noun (اللاعب, المهاجم: a player's title), name a club."""
        a, t = self.a, self.w.t
        start = self._name_start(adjective, taken)
        if start == adjective:
            return []
        before = start - 1
        if start and a.raw(before).startswith(DEFINITE) and a.norms[before] not in self.t.adjectives:
            return []  # (not after the last club's adjective: فالنسيا الإسباني وفنربغشة التركي)
        words = [a.word(j) for j in range(start, adjective)]
        if any(x in t.given or x in t.only_names or x in t.resource_words for x in words):
            return []
        city = by_end.get(start)
        if city is not None:
            # نيويورك متروستارز الأميركي: a city opens the club's name; the city's hit becomes the club's
            if city.type != "LOC" or city.end - city.start != 1:
                return []
            city.end, city.end_char, city.type = adjective, a.end_char(adjective), "ORG"
            city.surface = a.surface(city.start, adjective)
            mention = a.mention(city.start, adjective)
            city.actor = self.found.add("ORG", mention, t.translit.name_en(mention))
            taken.update(range(start, adjective))
            return []
        start_char, end_char = a.start_char(start), a.end_char(adjective)
        if start and a.norms[before] in self.t.adjectives and a.raw(start).startswith("و"):
            # فالنسيا الإسباني وفنربغشة التركي: the list's و, which the normaliser could not take
            # off an unknown word (not ويجان الإنجليزي)
            start_char += 0 if a.clitics.get(start) else 1
        mention = a.text[start_char:end_char]
        aid = self.found.add("ORG", mention, t.translit.name_en(mention))
        taken.update(range(start, adjective))
        return [Hit(start, adjective, start_char, end_char, aid, "ORG", fold(mention))]

    def _name_start(self, adjective: int, taken: set[int]) -> int:
        """Start of the words before the adjective that the analyser reads only as names or not
        at all (فنربغشة; only the first may carry a proclitic: وغيمناستيك), or `adjective`."""
        a, w = self.a, self.w
        start = adjective
        while start > 0 and adjective - start < MAX_WORDS and start - 1 not in taken:
            j = start - 1
            cut = a.clitics.get(j, 0)
            if a.punct[j] or not w.nameish(j, first=True) or a.word(j) in w.t.common:
                break
            if a.raw(j).startswith(DEFINITE):  # as written: إلى folds to الي
                break  # والتأطير الجزائري: an everyday noun the analyser does not know, with its article
            if not w.name_like(a.raw(j)[cut:]):
                break
            start = j
            if cut:
                break
        return start
