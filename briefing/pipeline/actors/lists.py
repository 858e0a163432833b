"""Names beside other names: the next names of a list of people (عادل إمام ومحمد سعد ومحمد
هنيدي), and found names joined to the known person beside them (هانس بليكس is Hans Blix; أحمد
بن محمد بن راشد is someone whose name holds a known one; حمد بن جاسم بن جبر is one man).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefing.pipeline.actors.document import Hit
from briefing.pipeline.actors.names import TITLED, NameFinder
from briefing.pipeline.actors.output import FoundActors
from briefing.resources import ActorEntry

NameAt = tuple[int, int, str]  # a found name: start token, end token, text as written
BRACKET_WORDS = 6  # words of a bracket after a name that a list goes on past: ( 44 و62 من ركلة جزاء )
_SAME_CONSONANTS = 3  # a given name and a known first name agree on this many first consonants


def skeleton(name_en: str) -> str:
    """Consonants of a Latin name, lower case: spellings of one name agree on them (Hans, Hanns)."""
    return re.sub(r"[^b-df-hj-np-tv-z]", "", name_en.lower())


class Lists:
    """Names beside the names found so far in one document."""

    def __init__(
        self, finder: NameFinder, entries: Mapping[str, ActorEntry], known: list[Hit], used: set[int]
    ) -> None:
        self.finder = finder
        self.a = finder.a
        self.w = finder.w
        self.entries = entries
        self.known = known  # the hits so far
        self.used = used  # tokens in a name; grows with every name found here

    def following(self, found: list[NameAt]) -> list[NameAt]:
        """Names that follow other names in a list (found, and added to `used`)."""
        a, w, used = self.a, self.w, self.used
        n = len(a.norms)
        more: list[NameAt] = []
        # Lists of people: after a name, "و" or a comma opens the next one as a title would
        # (عادل إمام ومحمد سعد ومحمد هنيدي); so does a quote, for a nickname (علي المري "أبو محجن").
        ends = sorted({e for _, e, _ in found} | {h.end for h in self.known if h.type == "PERSON"})
        while ends:
            e = self._past_bracket(ends.pop(0))
            k = e + 1 if e < n and (a.word(e) in ("،", ",") or a.is_quote(e)) else e
            if k >= n or k in used or not (k > e or a.raw(k).startswith("و")):
                continue
            if not self._conjoined_name(k) and (w.article(k) or not self._opens(a.word(k), k)):
                continue  # the next in a list opens with a name word: والتراث الخالد is not one
            end = self.finder.name_at(k, used, mode=TITLED)
            if end == k:
                continue
            more.append((k, end, self.finder.text(k, end)))
            used.update(range(k, end))
            ends.insert(0, end)
        return more

    def _past_bracket(self, e: int) -> int:
        """Where a list goes on after a name that ends at token e: past a bracket that opens with
        a number, a player's minute or a person's age (فرناندو توريس ( 20 ) وديفد فيا ( 44 و62 ))."""
        a, n = self.a, len(self.a.norms)
        if e + 1 >= n or a.raw(e) != "(" or not a.doc[e + 1].like_num:
            return e
        for j in range(e + 2, min(n, e + 2 + BRACKET_WORDS)):
            if a.raw(j) == ")":
                return j + 1
            if a.raw(j) == "(":
                break
        return e

    def _opens(self, norm: str, k: int) -> bool:
        """Can `norm` (token k's word) open the next name of a list: a name word, or a word no
        resource knows that the analyser does not read as an everyday word (جومانا مراد: the name
        grammar then asks a name word after it, as after a title; not حريصا "keen")?"""
        w = self.w
        t = w.t
        unknown = len(norm) >= 3 and norm not in t.resource_words and norm not in t.common
        raw = self.a.raw(k)[-len(norm) :]
        return w.name_word(norm) or (unknown and w.nameish(k, first=True) and not w.everyday(raw))

    def _conjoined_name(self, k: int) -> bool:
        """Is token k و and a word that opens a name (`_opens`) the normaliser left together,
        since it knows no such word (وجومانا مراد, وغيث الطراونة after another name)? The token is
        then read as the name with its proclitic, for the rules after this one too."""
        a, w = self.a, self.w
        raw, norm = a.raw(k), a.word(k)
        if a.clitics.get(k) or not raw.startswith("و") or not norm.startswith("و") or len(norm) < 4:
            return False
        rest = norm[1:]
        t = w.t
        if rest in t.common or rest in t.resource_words or not self._opens(rest, k) or w.one_word(raw):
            return False
        a.renorm(k, rest)
        a.clitics = {**a.clitics, k: 1}  # a copy: the doc's own map is the other components'
        return not w.article(k)

    def join_known(
        self, found: list[NameAt], taken: set[int], found_actors: FoundActors
    ) -> tuple[list[NameAt], set[int]]:
        """Join found names to the known people beside them; the names left, and the starts of
        the known hits that took a found name in."""
        # A name found just before a known person's: the same person named in full (هانس بليكس
        # before بليكس) or someone whose name holds the known one (أحمد بن محمد بن راشد).
        known_at = {h.start: h for h in self.known if h.type == "PERSON"}
        found += self._given_before(known_at)
        swallowed = self._lineages(known_at, {k: end for k, end, _ in found}, taken)
        found = [f for f in found if f[0] not in swallowed]
        for k, end, name_ar in found:
            self._merge(k, end, name_ar, known_at, found_actors)
        return found, {h.start for h in known_at.values()}

    def _given_before(self, known_at: dict[int, Hit]) -> list[NameAt]:
        """A known name that opens with بن has its given name before it (سهل | بن حنيف); a
        name word before a known name is its first name (احمد | أبو غزة, أوبرا | وينفري)."""
        a, w = self.a, self.w
        out: list[NameAt] = []
        for start in list(known_at):
            before = start - 1
            if before < 0 or before in self.used or not w.nameish(before, first=True):
                continue
            prev = a.word(before)
            named = prev not in w.t.connectors and w.name_word(prev)
            if self._next_of_a_list(start):
                continue  # أبو جبل ومحمود محمود: و opens the list's next name
            # Before بن, a word the analyser reads, never as a name, that the name table lacks is
            # no given name (مرمى بن فوستر "Ben Foster's goal").
            son = a.word(start) in w.t.patronymics and (named or not w.everyday(a.raw(before)))
            if (son or (named and prev not in w.t.common)) and not w.article(before):
                out.append((before, start, self.finder.text(before, start)))
        return out

    def _lineages(self, known_at: dict[int, Hit], found_at: dict[int, int], taken: set[int]) -> set[int]:
        """A known name that goes on: حمد بن جاسم | بن جبر آل ثاني is one man. The known hits
        grow; the starts of the found names they swallow are returned."""
        a, w = self.a, self.w
        n = len(a.norms)
        swallowed = set()
        for g in known_at.values():
            j = g.end
            while j + 1 < n and a.word(j) in w.t.connectors and self._lineage_word(j) and j + 1 not in taken:
                if j in found_at:
                    swallowed.add(j)
                    j = found_at[j]
                elif j + 1 in found_at:
                    swallowed.add(j + 1)
                    j = found_at[j + 1]
                else:
                    j += 2
            if j > g.end:
                g.end, g.end_char, g.surface = j, a.end_char(j), a.surface(g.start, j)
        return swallowed

    def _lineage_word(self, j: int) -> bool:
        """Does the word after connector j go on a name? Not a kinship noun with its pronoun after
        بن or ابن, in apposition (صدام حسين ابن عمه: "his cousin"), unless it is a given name or a
        name word the tables know; after أبو or آل, any word."""
        w, a = self.w, self.a
        if not w.nameish(j + 1):
            return False
        norm = a.word(j + 1)
        if a.word(j) in w.t.family or norm in w.t.given or w.name_token(norm):
            return True
        return not w.possessed(a.raw(j + 1))

    def _merge(
        self, k: int, end: int, name_ar: str, known_at: dict[int, Hit], found_actors: FoundActors
    ) -> None:
        """A found name right before a known person's (or before a connector and it) takes the
        known hit in: the same person (هانس بليكس) or someone else whose name holds the known one."""
        a, w = self.a, self.w
        after = end
        known_hit = known_at.get(end)
        if known_hit is None and end < len(a.norms) and a.word(end) in w.t.connectors:
            after, known_hit = end + 1, known_at.get(end + 1)
        if known_hit is None or self._next_of_a_list(after):
            return
        if not (after == end and end - k == 1 and self._same_given(name_ar, known_hit.actor)):
            # Someone else, whose name may go on past the known one: محمد بن مبارك الخليفي.
            last = self.finder.continue_name(k, known_hit.end, self.used, titled=False)
            while last > known_hit.end and a.word(last - 1) in w.t.connectors:
                last -= 1
            known_hit.end, known_hit.end_char = last, a.end_char(last)
            known_hit.actor = found_actors.add("PERSON", self.finder.text(k, last))
        known_hit.start, known_hit.start_char = k, self.finder.start_char(k)
        known_hit.surface = a.surface(k, known_hit.end)

    def _next_of_a_list(self, i: int) -> bool:
        """Does token i carry the proclitic و, which opens a list's next name (وتامر أبو جبل
        ومحمود محمود: two men, not one)?"""
        a = self.a
        return bool(a.clitics.get(i)) and a.raw(i).startswith("و")

    def _same_given(self, given_ar: str, actor: str) -> bool:
        """Does a given name read as the first name of a gazetteer person (هانس → Hans Blix)?"""
        entry = self.entries.get(actor)
        if entry is None:
            return False
        mine = skeleton(self.w.t.translit.name_en(given_ar))
        theirs = skeleton(entry.en.split()[0]) if entry.en else ""
        return bool(mine) and mine[:_SAME_CONSONANTS] == theirs[:_SAME_CONSONANTS]
