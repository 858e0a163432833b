"""Armed groups the gazetteer does not know, named by their trigger (armed_groups.yaml).

A definite group noun and the adjectives after it that agree with it name a group: المقاومة
الشعبية (Popular Resistance), الجيش الوطني (National Army), الوحدات الكردية (Kurdish Units),
المقاومة التهامية (Tihama Resistance: the nisba of a place the gazetteer knows), and a verbal
noun with لل may close the name (الجبهة الوطنية للتحرير: National Liberation Front). A force noun
before the name is in the mention (قوات المقاومة اليمنية المشتركة). A force noun before the
singular of a known group's plural name names that group: ميليشيا الحوثي is the Houthis
(الحوثيون), as is المليشيا الحوثية.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab

from briefing.pipeline.actors.bodies import Adjective
from briefing.pipeline.actors.document import Hit
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.triggered import TriggeredMatcher
from briefing.pipeline.actors.words import Words, fold_word
from briefing.pipeline.gazetteer import surface_key
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ArmedGroupsFile, GroupNounEntry
from briefing.text.bama import Analysis
from briefing.text.normalize import fold

NOUN, FORCE = "noun", "force"  # the kind of word a match key names
MAX_ADJECTIVES = 3


@dataclass(frozen=True)
class GroupTables:
    matcher: TriggeredMatcher  # on NORM; match key "noun:<id>" or "force:<id>"
    nouns: Mapping[str, GroupNounEntry]  # by id
    # folded adjective → (English, gender, only after a genitive)
    adjectives: Mapping[str, tuple[str, str, bool]]
    places: Mapping[str, str]  # folded one-word LOC names, without the article → English
    purposes: Mapping[str, str]  # folded, as written (للتحرير) → English
    eponyms: Mapping[str, str]  # folded singular (الحوثي) → the gazetteer's group id


def _adjectives(groups: ArmedGroupsFile) -> dict[str, tuple[str, str, bool]]:
    out: dict[str, tuple[str, str, bool]] = {}
    for entry in groups.adjectives:
        for form in entry.ar:
            out[fold(form)] = (entry.en, "m", entry.after_genitive)
            if not entry.ar_f:
                out[fold(form + "ة")] = (entry.en, "f", entry.after_genitive)
        for form in entry.ar_f:
            out[fold(form)] = (entry.en, "f", entry.after_genitive)
    return out


def _eponyms(resources: Resources) -> dict[str, str]:
    """الحوثي → the Houthis: the singular nisba of an organisation named by its plural."""
    out: dict[str, str] = {}
    for e in resources.actors:
        if e.type != "ORG":
            continue
        for s in e.surfaces_ar:
            key = surface_key(s)
            if " " not in key and key.startswith("ال") and key.endswith(("يون", "يين")):
                out.setdefault(key[:-2], e.id)
    return out


def build_group_tables(resources: Resources, vocab: Vocab, pattern_doc: Callable[[str], Doc]) -> GroupTables:
    groups = resources.get("armed_groups", ArmedGroupsFile)
    matcher = TriggeredMatcher(vocab, "groups")
    for noun in groups.nouns:
        matcher.add(f"{NOUN}:{noun.id}", [pattern_doc(form) for form in noun.ar])
    for force in groups.forces:
        matcher.add(f"{FORCE}:{force.id}", [pattern_doc(form) for form in force.ar])
    places = {
        surface_key(s).removeprefix("ال"): e.en
        for e in resources.actors
        if e.type == "LOC"  # a state's adjective is the states' table's (and `states: false` holds)
        for s in (*e.surfaces_ar, *e.context_only_ar)  # تهامة is a place only in context; التهامية not
        if " " not in s.strip()
    }
    return GroupTables(
        matcher=matcher,
        nouns={n.id: n for n in groups.nouns},
        adjectives=_adjectives(groups),
        places=places,
        purposes={fold(form): p.en for p in groups.purposes for form in p.ar},
        eponyms=_eponyms(resources),
    )


class Groups:
    """Finds the armed groups of one document by their triggers."""

    def __init__(
        self,
        w: Words,
        tables: GroupTables,
        states: Mapping[tuple[int, ...], Adjective],
        entries: Mapping[str, ActorEntry],
        found: FoundActors,
    ) -> None:
        self.a = w.a
        self.w = w
        self.t = tables
        self.states = states  # the states' adjectives (bodies.py)
        self.entries = entries
        self.found = found

    def adjective(self, i: int, noun: GroupNounEntry, genitive: bool) -> tuple[str, int] | None:
        """(English, words) of the adjective at token i that agrees with the noun (after a
        genitive, with either)."""
        a = self.a
        genders = ("m", "f") if genitive else (noun.gender,)
        gender = noun.gender
        if i >= len(a.norms) or a.punct[i] or not a.raw(i).startswith("ال"):
            return None
        for size in (2, 1) if noun.states else ():
            state = self.states.get(tuple(a.norms[i : i + size]))
            if state is not None and state.words == size and state.gender in genders:
                return state.en, size
        norm = a.word(i)
        listed = self.t.adjectives.get(norm)
        if listed is not None:
            return (listed[0], 1) if listed[1] in genders and (genitive or not listed[2]) else None
        # A place's nisba: التهامية of تهامة.
        ending = "يه" if gender == "f" else "ي"
        stem = norm[2 : -len(ending)] if norm.endswith(ending) else ""
        for place in (stem + "ه", stem) if len(stem) >= 3 else ():
            if place in self.t.places:
                return self.t.places[place], 1
        return None

    def named(self, start: int, end: int, noun: GroupNounEntry) -> tuple[int, str] | None:
        """(end, English) of the group that the noun at tokens start..end and the adjectives after
        it name, or None without one."""
        a = self.a
        english: list[str] = []
        k = end
        genitive = ""
        if noun.genitive:
            genitive = self.genitive(k)
            if not genitive:
                return None
            k += 1
        while len(english) < MAX_ADJECTIVES:
            adj = self.adjective(k, noun, bool(genitive))
            if adj is None:
                break
            english.append(adj[0])
            k += adj[1]
        purpose = self.t.purposes.get(fold_word(a.raw(k))) if k < len(a.norms) else None
        if purpose is not None:
            k += 1
        if not english and not (genitive and purpose):
            return None
        words = [*reversed(english), genitive, purpose or "", noun.en]
        return k, " ".join(w for w in words if w)

    def genitive(self, k: int) -> str:
        """The English of the definite noun at token k after a noun in construct (الأزمات of
        مجموعة الأزمات الدولية → Crises): the lexicon's gloss of a common noun, else transliterated;
        "" when there is none."""
        a = self.a
        if k >= len(a.norms) or a.punct[k] or not a.raw(k).startswith("ال") or a.word(k) in self.t.adjectives:
            return ""
        return common_noun_en(self.w.readings(a.raw(k))) or self.found.translit.name_en(a.mention(k, k + 1))

    def eponym(self, k: int) -> str | None:
        """The gazetteer's group that the word at token k names by its eponym (الحوثي, الحوثية)."""
        a = self.a
        if k >= len(a.norms) or a.punct[k]:
            return None
        norm = a.word(k)
        return self.t.eponyms.get(norm) or (self.t.eponyms.get(norm[:-1]) if norm.endswith("يه") else None)

    def hits(self, taken: set[int]) -> list[Hit]:
        """Hits for the groups named in tokens not `taken` (which grows by theirs)."""
        a = self.a
        out: list[Hit] = []
        forces: dict[int, int] = {}  # end of a force noun → its start
        for match_id, start, end in sorted(self.t.matcher.on(a), key=lambda m: (m[1], -m[2])):
            if any(i in taken for i in range(start, end)):
                continue
            kind, key = a.strings[match_id].split(":", 1)
            if kind == FORCE:
                forces[end] = start
                group = self.eponym(end)
                if group is not None:
                    out.append(self._hit(start, end + 1, group, self.entries[group].type, taken))
                continue
            named = self.named(start, end, self.t.nouns[key])
            if named is None:
                continue
            stop, name_en = named
            aid = self.found.add("ORG", a.mention(start, stop), name_en)
            out.append(self._hit(forces.get(start, start), stop, aid, "ORG", taken))
        return out

    def _hit(self, start: int, end: int, aid: str, atype: str, taken: set[int]) -> Hit:
        a = self.a
        taken.update(range(start, end))
        return Hit(start, end, a.start_char(start), a.end_char(end), aid, atype, a.surface(start, end))


_NOUN_SUFFIXES = frozenset({"NSUFF_FEM_SG", "NSUFF_FEM_PL", "NSUFF_MASC_PL_GEN", "NSUFF_MASC_PL_NOM"})


def common_noun_en(readings: Sequence[Analysis]) -> str:
    """English (title case) of a definite common noun: the first sense of the first reading as
    ال + noun with no pronoun (the lexicon's gloss keeps its number: الأزمات → Crises); "" when the
    word reads as a name (a capitalised gloss) or as no definite noun."""
    for r in readings:
        if r.prefix.tags != ("DET",) or r.stem.pos != "NOUN" or not set(r.suffix.tags) <= _NOUN_SUFFIXES:
            continue
        sense = r.first_sense
        if not sense or not sense[0].islower():
            return ""
        return " ".join(w[:1].upper() + w[1:] for w in sense.split())
    return ""
