"""Places found by the word that introduces them.

- A facility named after a place (org_patterns.yaml, `facilities`: ميناء، مطار، معبر، قاعدة) is a
  place of its own, the facility noun in its mention: ميناء الحديدة is Hodeidah port, and so are
  ميناء مدينة الحديدة and ميناء #الحديدة; the city's match inside it is no mention of the city.
- A settlement or area noun (actor_rules.yaml, `settlement_nouns`: بلدة، قرية، منطقة …) before a
  name the gazetteer does not know makes that name a place (LOC), transliterated: بلدة الهري is
  Al-Hari; natural features and streets too (جزيرة نيكوبار، نهر مهروت، شارع السعدون). The name is
  a definite word (الهري), an indefinite one and the word it is construct with (كفر حلب, بصر الحرير:
  the city's match inside is no mention of the city) or two words the analyser cannot read (شارع
  تيان تشنغ), never an everyday word (منطقة العمليات). A name joined to it with و is a place of
  the same kind (في بلدة الحراك وبصر الحرير).
- After a place, و and a word no resource knows that the analyser cannot read (or reads only as
  a name) is the next place of a list: في سنار والدمازين.
- A gazetteer place that is something else here is dropped: a currency's name after a number
  (1.84 مليار درهم is no town of Darham), a direction before من or after ب (إلى الغرب من نهر
  الفرات, وبالغرب: not the West), a region named by a noun and a direction before ل + a river or
  a place (الضفة الغربية للفرات is the Euphrates' west bank, not the West Bank), and a city that
  names a legal instrument (بروتوكولات جنيف; actor_rules.yaml `document_nouns`).
  A facility noun with the article and an adjective that agrees with it is that facility, not an
  organisation of the same name: القاعدة الجوية is an air base and no mention of al-Qaeda.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.strings import StringStore

from briefing.pipeline.actors.disambiguation import previous_word
from briefing.pipeline.actors.document import Hit, taken_by
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.words import FOREIGN_MIN_LETTERS, Words, fold_word, folded, nationalities
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ActorRulesFile, OrgPatternEntry, OrgPatternsFile, UnitsFile
from briefing.text.normalize import fold

PLACE_TYPES = ("LOC", "GPE")  # a construct name may end in either: كفر حلب
AND = "و"
FEMININE = "ه"  # ة, folded
# Readings of a word after a feminine settlement noun that make it no name: a plural (منطقة
# الغارات), a pronoun (منطقة نفوذهم), and for a word without the article an adjective (حي سكني)
# or a verb that agrees with the noun (مدينة انتفضت، مناطق يسكنها), or one with its feminine
# ending after a feminine noun.
PLURAL = frozenset({"NSUFF_FEM_PL", "NSUFF_MASC_PL_NOM", "NSUFF_MASC_PL_ACCGEN"})
AGREEING = frozenset({"ADJ", "PVSUFF_SUBJ:3FS", "IV3FS"})
AGREEING_F = AGREEING | {"NSUFF_FEM_SG"}  # after a feminine noun: منطقة عازلة، منطقة منزوعة السلاح
PRONOUNS = ("POSS_PRON", "PVSUFF_DO", "IVSUFF_DO")
PEOPLE = ("يين", "يون")  # plurals of adjectives of belonging: الزيديين, الحوثيون
# Endings of Arabic words the analyser may miss (folded): the feminine ending, a pronoun.
_ENDINGS = (FEMININE, "هم", "هما")


@dataclass(frozen=True)
class PlaceTables:
    facilities: Mapping[int, OrgPatternEntry]  # norm hash of a facility noun → its entry
    facilities_defined: frozenset[int]  # norm hashes of the facility nouns with the article
    settlements: frozenset[int]  # norm hashes of settlement and area nouns (بلدة, منطقة)
    between: frozenset[int]  # nouns that may stand between a facility and its place (مدينة)
    not_names: frozenset[str]  # folded words that never open a place's name after one
    currencies: frozenset[int]  # norm hashes of currency nouns (درهم)
    documents: frozenset[int]  # norm hashes of nouns of legal instruments (بروتوكولات)
    river: int  # norm hash of نهر
    realms: frozenset[int]  # norm hashes of realm nouns (ملك، ولاية)
    of: int  # norm hash of من
    directions: frozenset[str]  # folded: غربي, شرق …
    prepositions: frozenset[int] = frozenset()  # norm hashes of place_prepositions (في)
    capitals: frozenset[int] = frozenset()  # norm hashes of capital_nouns (العاصمة)
    # settlements and facilities together: the nouns the pattern rule starts from (made once)
    openers: frozenset[int] = field(init=False)
    tags_cache: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)  # per word

    def __post_init__(self) -> None:
        object.__setattr__(self, "openers", self.settlements.union(self.facilities))


def build_place_tables(resources: Resources, strings: StringStore) -> PlaceTables:
    units = resources.get("units", UnitsFile)
    rules = resources.get("actor_rules", ActorRulesFile)
    orgs = resources.get("org_patterns", OrgPatternsFile)
    facilities = orgs.facilities
    place_nouns = folded(rules.place_nouns)
    return PlaceTables(
        facilities={strings.add(fold(form)): e for e in facilities for form in e.ar if " " not in form},
        facilities_defined=frozenset(
            strings.add("ال" + fold(form)) for e in facilities for form in e.ar if " " not in form
        ),
        settlements=frozenset(strings.add(w) for w in folded(rules.settlement_nouns)),
        between=frozenset(strings.add(w) for w in place_nouns),
        not_names=(
            place_nouns
            | folded(rules.settlement_nouns)
            | folded(rules.directions)
            | folded(rules.locative_words)
            | folded(rules.state_nouns)
            | folded(rules.descriptor_nouns)
            | nationalities(resources)
            | {fold(d) for e in resources.actors for d in e.demonym_ar}
            | {w for form in orgs.forms() for w in fold(form).split()}
            | folded(rules.org_kind_nouns)
            | folded(rules.org_head_nouns)
        ),
        currencies=frozenset(strings.add(fold(w)) for c in units.currencies for w in (*c.ar, *c.plural)),
        documents=frozenset(strings.add(w) for w in folded(rules.document_nouns)),
        river=strings.add(fold("نهر")),
        realms=frozenset(strings.add(w) for w in folded(rules.realm_nouns)),
        prepositions=frozenset(strings.add(w) for w in folded(rules.place_prepositions)),
        capitals=frozenset(strings.add(w) for w in folded(rules.capital_nouns)),
        of=strings.add(fold("من")),
        directions=folded(rules.directions),
    )


class Places:
    """Finds the places one document names by the word before them."""

    def __init__(
        self, w: Words, tables: PlaceTables, entries: Mapping[str, ActorEntry], found: FoundActors
    ) -> None:
        self.a = w.a
        self.w = w
        self.t = tables
        self.entries = entries
        self.found = found

    def hits(self, hits: list[Hit]) -> list[Hit]:
        """`hits` with the places found by their word, less the matches inside them and the
        places that are something else here."""
        by_start = {h.start: h for h in hits}
        hits = [h for h in hits if not self._not_a_place(h, by_start)]
        taken = taken_by(hits)
        inside: set[int] = set()  # ids of hits a place found here takes in
        new: list[Hit] = []
        norms = self.a.norms
        for i in self.a.where(self.t.openers):
            facility = self.t.facilities.get(norms[i])
            if i in taken:
                continue
            if self._definite(i, 0) or self._compared(i):
                continue
            if facility is not None:
                found = self._facility(i, facility, by_start, taken, inside)
            else:
                found = self._settlements(i, by_start, taken, inside)
            for h in found:
                taken.update(range(h.start, h.end))
            new += found
        new += self._realms(taken)
        new += self._after_prepositions(taken)
        new += self._capitals(taken)
        kept = [h for h in hits if id(h) not in inside] + new
        return kept + self._listed(kept, taken)

    def _listed(self, hits: list[Hit], taken: set[int]) -> list[Hit]:
        """في سنار والدمازين, بين مراكش واغادير: after a place, و and a word no resource knows
        that the analyser cannot read, or reads only as a name and without the article, is the
        next place of the list (on the ANERcorp train split, a word after a place and its و that
        is no place is an Arabic word: والتي، وكان). Not one before another unreadable word (a
        foreign person's two names), nor people (والأكراد، وشيشانيون), an adjective of nationality
        (وأميركيا) or a word with a feminine or a pronoun's ending. The list goes on after it."""
        a = self.a
        out: list[Hit] = []
        ends = [h.end for h in hits if h.type in PLACE_TYPES]
        while ends:
            k = ends.pop()
            if k >= len(a.norms) or k in taken or not self._next_in_list(k):
                continue
            start_char = a.idx[k] + 1  # after the و
            aid = self.found.add("LOC", a.text[start_char : a.end_char(k + 1)])
            out.append(Hit(k, k + 1, start_char, a.end_char(k + 1), aid, "LOC"))
            taken.add(k)
            ends.append(k + 1)
        return out

    def _next_in_list(self, k: int) -> bool:
        """Is token k و and an unreadable word no resource knows (the `_listed` rule)?"""
        a, w = self.a, self.w
        raw, clitic = a.raw(k), a.clitics.get(k, 0)
        if not raw.startswith(AND) or raw[:clitic] not in ("", AND, AND + "ال") or a.punct[k]:
            return False
        rest = a.word(k) if clitic else fold_word(raw[1:])
        words = w.t
        if len(rest) < FOREIGN_MIN_LETTERS or rest.endswith(_ENDINGS + PEOPLE) or not raw[1:].isalpha():
            return False  # وشيشانيون: people
        if rest in words.common or rest in words.resource_words or rest in self.t.not_names:
            return False
        if rest.endswith("ا") and rest[:-1] in self.t.not_names:
            return False  # دعما روسيا وأميركيا: an adjective of nationality, "American"
        if w.one_word(raw) or not (w.foreign(raw[1:]) or (w.name_like(raw[1:]) and not w.article(k))):
            return False  # وجهها "her face", read whole; والأكراد "the Kurds"
        after = k + 1
        return not (after < len(a.norms) and not a.raw(after).startswith(AND) and self._unreadable(after))

    def _unreadable(self, k: int) -> bool:
        """Is token k a word no resource knows that the analyser cannot read at all?"""
        return self.w.unknown_word(k) and self.w.foreign(self.a.raw(k))

    def _realms(self, taken: set[int]) -> list[Hit]:
        """ملك أراجون, ولاية ميريلاند: after a realm noun in construct, a word no resource knows
        that the analyser reads only as a name or not at all is the realm, a place."""
        a, w = self.a, self.w
        out: list[Hit] = []
        for i in a.where(self.t.realms):
            k = i + 1
            if k >= len(a.norms) or k in taken or i in taken or a.clitics.get(i, 0) > 1:
                continue
            if len(a.word(k)) < 4 or not w.unknown_word(k) or not w.name_like(a.raw(k)):
                continue
            out.append(self._one_word(k))
            taken.add(k)
        return out

    def _capitals(self, taken: set[int]) -> list[Hit]:
        """العاصمة داكا، العاصمة الإريترية أسمرا: after a capital's noun and the state's adjective,
        a word no resource knows that the analyser cannot read, or reads only as a name, is the
        capital; not one with a feminine or a pronoun's ending."""
        a, w = self.a, self.w
        out: list[Hit] = []
        n = len(a.norms)
        for i in a.where(self.t.capitals):
            k = i + 1
            if k + 1 < n and a.word(k).startswith("ال") and a.word(k).endswith("يه"):
                k += 1  # the state's adjective: العاصمة الإريترية
            if k >= n or k in taken or i in taken or a.clitics.get(k) or a.word(k).endswith(_ENDINGS):
                continue
            if len(a.word(k)) < FOREIGN_MIN_LETTERS or not w.unknown_word(k) or not w.name_like(a.raw(k)):
                continue
            out.append(self._one_word(k))
            taken.add(k)
        return out

    def _one_word(self, k: int) -> Hit:
        """A place found by pattern that is token k alone."""
        a = self.a
        aid = self.found.add("LOC", a.mention(k, k + 1))
        return Hit(k, k + 1, a.start_char(k), a.end_char(k + 1), aid, "LOC", a.surface(k, k + 1))

    def _after_prepositions(self, taken: set[int]) -> list[Hit]:
        """في دوربان: after a place preposition, a word no resource knows that the analyser cannot
        read at all is a place; not one with a feminine or a pronoun's ending, an Arabic word the
        analyser misses (في إطلالة، في تجاراتهم), nor one before another such word."""
        a, w = self.a, self.w
        out: list[Hit] = []
        n = len(a.norms)
        for i in a.where(self.t.prepositions):
            k = i + 1
            if k >= n or k in taken or len(a.word(k)) < FOREIGN_MIN_LETTERS or a.word(k).endswith(_ENDINGS):
                continue
            if not (w.unknown_word(k) and w.foreign(a.raw(k))):
                continue
            if k + 1 < n and w.unknown_word(k + 1) and w.foreign(a.raw(k + 1)):
                continue
            out.append(self._one_word(k))
            taken.add(k)
        return out

    def _not_a_place(self, h: Hit, by_start: dict[int, Hit]) -> bool:
        """1.84 مليار درهم: a currency; الغرب من: a direction; الضفة الغربية للفرات: a river's bank;
        بروتوكولات جنيف: an instrument's name; القاعدة الجوية: the base, not al-Qaeda."""
        a = self.a
        if h.end - h.start == 1 and a.norms[h.start] in self.t.facilities_defined:
            return self._agrees(h.end)
        if h.type != "LOC":
            return False
        if previous_word(a, h.start) in self.t.documents:
            return True
        if h.end - h.start == 1 and a.word(h.start).removeprefix("ال") in self.t.directions:
            # إلى الغرب من نهر الفرات, بالغرب: a direction, from a place or in a country, not the West
            from_place = h.end < len(a.norms) and a.norms[h.end] == self.t.of
            return from_place or fold_word(a.raw(h.start)[: a.clitics.get(h.start, 0)]).endswith("ب")
        if h.end - h.start == 1 and a.norms[h.start] in self.t.currencies and h.start > 0:
            before = a.doc[h.start - 1]
            return before.like_num or any(c.isdigit() for c in before.text)
        after = h.end
        last = a.word(h.end - 1).removeprefix("ال").removesuffix(FEMININE)
        if h.end - h.start < 2 or after >= len(a.norms) or last not in self.t.directions:
            return False
        if not fold_word(a.raw(after)).startswith("ل") or a.word(after).startswith("ل"):
            return False  # ل, or لل for ل + ال, on the word after: "of"
        river = by_start.get(after)
        return a.norms[after] == self.t.river or (river is not None and river.type == "LOC")

    def _agrees(self, i: int) -> bool:
        """Is token i a definite feminine singular word, which agrees with a facility noun before
        it (القاعدة العسكرية، القاعدة الموجودة) and not with the name of an organisation?"""
        a = self.a
        if i >= len(a.norms) or not a.raw(i).startswith("ال"):
            return False  # والنصرة: a list goes on, no adjective
        return "NSUFF_FEM_SG" in self._tags(i)

    def _facility(
        self, i: int, entry: OrgPatternEntry, by_start: dict[int, Hit], taken: set[int], inside: set[int]
    ) -> list[Hit]:
        """ميناء الحديدة, ميناء مدينة الحديدة: the facility at token i, if a place's name follows."""
        a = self.a
        j = i + 1
        if j + 1 < len(a.norms) and a.norms[j] in self.t.between and j + 1 in by_start:
            j += 1  # ميناء مدينة الحديدة
        place = by_start.get(j)
        noun = a.mention(i, i + 1)
        if place is not None and place.type == "LOC" and place.actor in self.entries:
            if self._is_facility(place, noun):  # قاعدة أنجيرليك, قاعدة مطار التيفور: the base itself
                inside.add(id(place))
                return [Hit(i, place.end, a.start_char(i), place.end_char, place.actor, "LOC")]
            name_ar = f"{noun} {a.text[place.start_char : place.end_char]}"
            name_en = entry.en.format(name=self.entries[place.actor].en)
            inside.add(id(place))
            end = place.end
        else:
            end = self._name_end(j, by_start, taken) if j == i + 1 else j
            if end == j:
                return []
            name = a.mention(j, end)
            name_ar = f"{noun} {name}"
            name_en = entry.en.format(name=self.found.translit.name_en(name))
        aid = self.found.add("LOC", name_ar, name_en)
        return [Hit(i, end, a.start_char(i), a.end_char(end), aid, "LOC")]

    def _is_facility(self, place: Hit, noun: str) -> bool:
        """Is the place after a facility's noun a facility itself: one named with that noun
        (قاعدة إنجرليك) or with another (مطار التيفور)?"""
        if self.a.norms[place.start] in self.t.facilities:
            return True
        head = fold_word(noun) + " "
        return any(fold_word(s).startswith(head) for s in self.entries[place.actor].surfaces_ar)

    def _settlements(self, i: int, by_start: dict[int, Hit], taken: set[int], inside: set[int]) -> list[Hit]:
        """بلدة الهري, في بلدة الحراك وبصر الحرير: the unknown places named after the noun at i."""
        a = self.a
        out: list[Hit] = []
        start, skip = i + 1, 0  # skip: characters of a و the normalizer left on the name
        while True:
            end = self._name_end(start, by_start, taken, skip, joined=bool(out))
            if end == start:
                return out
            inside.update(id(by_start[k]) for k in range(start, end) if k in by_start)
            start_char = a.start_char(start) + skip
            aid = self.found.add("LOC", a.text[start_char : a.end_char(end)])
            out.append(Hit(start, end, start_char, a.end_char(end), aid, "LOC"))
            if end >= len(a.norms) or end in taken or not a.raw(end).startswith(AND):
                return out
            start, skip = end, 0 if a.clitics.get(end) == 1 else 1

    def _compared(self, i: int) -> bool:
        """كقاعدة "as a base": a noun with ك compares, it names nothing."""
        clitic = self.a.clitics.get(i, 0)
        return bool(clitic) and self.a.raw(i)[:clitic] == "ك"

    def _word(self, i: int, skip: int, *, joined: bool) -> str | None:
        """Token i folded, when it can be a word of a place's name: no place noun, direction,
        adjective of nationality or noun of an organisation, no people (الزيديين), no proclitic
        but the و that `joined` it to a name before."""
        a = self.a
        raw = a.raw(i)[skip:]
        clitic = a.clitics.get(i, 0)
        if a.punct[i] or not raw.isalpha() or (clitic and not (joined and clitic == 1)):
            return None
        norm = fold_word(raw) if skip else a.word(i)
        if not clitic and norm != fold_word(raw):
            return None  # للطائرات: a proclitic the normalizer took with the article
        if len(norm) < 3 or norm.endswith(PEOPLE) or norm in self.t.not_names or norm in self.w.t.non_name:
            return None
        return norm

    def _tags(self, i: int, skip: int = 0) -> frozenset[str]:
        """The tags of every Buckwalter reading of token i (none when the lexicon does not know it)."""
        word = self.a.raw(i)[skip + self.a.clitics.get(i, 0) :]
        tags = self.t.tags_cache.get(word)
        if tags is None:
            tags = self.t.tags_cache[word] = frozenset(t for r in self.w.readings(word) for t in r.tags)
        return tags

    def _plain(self, tags: frozenset[str], *, definite: bool, feminine: bool) -> bool:
        """Can a word of these readings be a name after a settlement noun (see PLURAL)?"""
        if tags & PLURAL or any(t.startswith(PRONOUNS) for t in tags):
            return False
        return definite or not tags & (AGREEING_F if feminine else AGREEING)

    def _name_end(
        self, i: int, by_start: dict[int, Hit], taken: set[int], skip: int = 0, *, joined: bool = False
    ) -> int:
        """End of the unknown place name at token i, or i: a definite word (الهري), an indefinite
        one and the definite word or place it is construct with (كفر حلب, بصر الحرير, جباثا
        الخشب), or one indefinite word (حيط). Only a name joined with و may be everyday words."""
        a, words = self.a, self.w.t
        feminine = not joined and a.word(i - 1).endswith(FEMININE)  # the noun before: بلدة, قاعدة
        norm = self._word(i, skip, joined=joined) if i < len(a.norms) and i not in taken else None
        if norm is None or norm in words.common or (joined and norm in words.resource_words):
            return i
        if self._definite(i, skip):
            return i + 1 if self._plain(self._tags(i, skip), definite=True, feminine=feminine) else i
        k = i + 1
        second = self._word(k, 0, joined=False) if k < len(a.norms) else None
        unknown = joined or self.w.unknown_word(i)
        plain = self._plain(self._tags(i, skip), definite=False, feminine=feminine)
        if second is not None:
            hit = by_start.get(k)
            if hit is not None and hit.type in PLACE_TYPES and hit.end == k + 1:
                return k + 1  # كفر حلب
            if k not in taken and self._definite(k, 0):
                # بصر الحرير; an everyday noun only after an unknown word: جباثا الخشب, not شيخ
                # الحديد, مطار تيفور العسكري
                if plain and (second not in words.common or (unknown and "ADJ" not in self._tags(k))):
                    return k + 1
                return i
            if unknown and plain and k not in taken and self._unreadable(k):
                return k + 1  # شارع تيان تشنغ: two words the analyser cannot read, one name
        return i + 1 if unknown and plain else i

    def _definite(self, i: int, skip: int) -> bool:
        """Does token i carry the article (بالميناء: in the proclitic the normalizer took off)?"""
        raw, clitic = self.a.raw(i), self.a.clitics.get(i, 0)
        return raw[:clitic].endswith(("ال", "لل")) or raw[skip + clitic :].startswith("ال")
