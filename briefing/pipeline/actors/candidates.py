"""The gazetteer's matches made mentions: which actor each names, and which of its words belong to
the name.

A match leaves out a title, role, outlet or place word that opens it when the rest is itself a
name of the same actor (الملك عبدالله الثاني → عبدالله الثاني, مدينة مشهد → مشهد), and an
honorific epithet or a nationality that closes it (مكة المكرمة → مكة). A capital that acts is its
state (طهران أكدت), the city after a locative word, past a nationality adjective (في طهران,
العاصمة الأردنية عمان), and before a number, which names talks or an event held there (أستانا 4,
مؤتمر القاهرة 2014). Names of three letters or fewer
match as written, alef forms included (إب is Ibb, آب is August).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_alef_maksura_ar, normalize_teh_marbuta_ar
from spacy.strings import StringStore

from briefing.pipeline.actors.disambiguation import ContextTables, as_state, disambiguate, locative
from briefing.pipeline.actors.document import Hit
from briefing.pipeline.actors.forms import SPACED, Forms
from briefing.pipeline.actors.words import Words, folded
from briefing.pipeline.actors.words import nationalities as nationalities  # moved there; re-exported
from briefing.pipeline.gazetteer import AMBIGUOUS, IN_CONTEXT, GazetteerIndex
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ActorRulesFile
from briefing.text.normalize import fold

SHORT_NAME = 3  # letters: names this short match as written


@functools.lru_cache(maxsize=1 << 14)  # a short name as written: few forms, met in every article
def alef_kept(text: str) -> str:
    """Folded except for the alef forms, which tell short names apart (إب Ibb, آب August)."""
    return str(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(dediac_ar(text))))


@dataclass(frozen=True)
class CandidateTables:
    surface_keys: frozenset[tuple[str, str]]  # (surface key, id) for every surface of every actor
    short_forms_raw: Mapping[int, frozenset[str]]  # folded-form hash → short names as written
    person_heads: frozenset[int]  # hashes of title words and nationalities before a person's name
    descriptor_heads: frozenset[int]  # hashes of outlet, force and place nouns before other names
    place_nouns: frozenset[int]  # hashes
    org_kind_nouns: frozenset[int]  # hashes
    epithets: frozenset[int]  # hashes of honorific epithets and nationalities after a name
    honorifics: frozenset[int] = frozenset()  # hashes of the honorific epithets alone (المكرمة)
    # hashes of the last words of the surface keys: a match goes on by one word only into one
    last_words: frozenset[int] = frozenset()
    # entry id → what the rules read of the entry, made when first matched (Candidates.named)
    named: dict[str, Named] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Named:
    """What the candidate rules read of an entry, in slots: an ActorEntry is a pydantic model,
    and each attribute read on one goes through its `__getattr__` hook (a type look-up and a
    call, where a slot is read in a few instructions); a match read its entry's some ten times."""

    id: str
    type: str
    state: tuple[str, str] | None  # (id, type) of the state a city's name stands for (as_state)


def _short_forms_raw(index: GazetteerIndex, strings: StringStore) -> dict[int, frozenset[str]]:
    """Names of three letters or fewer, as written (alef forms kept), keyed by their folded form."""
    short: dict[int, set[str]] = defaultdict(set)
    for surface, _ in index.forms:
        if " " not in surface.strip() and len(fold(surface)) <= SHORT_NAME:
            short[strings.add(fold(surface))].add(alef_kept(surface.strip()))
    return {h: frozenset(forms) for h, forms in short.items()}


def build_candidate_tables(
    resources: Resources, index: GazetteerIndex, strings: StringStore
) -> CandidateTables:
    rules = resources.get("actor_rules", ActorRulesFile)
    # Words a gazetteer surface may open with that are not part of the name itself: outlet and
    # force words for organisations (صحيفة, قوات), titles and adjectives for people (الرئيس السوري).
    person_heads = {fold(form).split()[0] for t in resources.titles for form in t.ar} | {
        "ال" + fold(d) for e in resources.actors for d in e.demonym_ar
    }
    epithets = [*folded(rules.place_epithets), *nationalities(resources)]
    return CandidateTables(
        surface_keys=frozenset((key, eid) for key, ids in index.owners.items() for eid in ids),
        short_forms_raw=_short_forms_raw(index, strings),
        person_heads=frozenset(strings.add(w) for w in person_heads),
        descriptor_heads=frozenset(strings.add(w) for w in folded(rules.descriptor_nouns)),
        place_nouns=frozenset(strings.add(w) for w in folded(rules.place_nouns)),
        org_kind_nouns=frozenset(strings.add(w) for w in folded(rules.org_kind_nouns)),
        epithets=frozenset(strings.add(w) for w in epithets),
        honorifics=frozenset(strings.add(w) for w in folded(rules.place_epithets)),
        last_words=frozenset(strings.add(key.split(" ")[-1]) for key in index.owners),
    )


class Candidates:
    """Makes the gazetteer's matches in one document into hits."""

    def __init__(
        self,
        w: Words,
        forms: Forms,
        tables: CandidateTables,
        context: ContextTables,
        entries: Mapping[str, ActorEntry],
    ) -> None:
        self.a = w.a
        self.w = w
        self.bits = forms.bits
        self.t = tables
        self.context = context
        self.entries = entries

    def hits(self) -> list[Hit]:
        """A hit per match that names an actor, but one-word people that open a longer name."""
        out = []
        for start, end, _, pid in self.a.candidates:
            h = self.hit(start, end, pid)
            if h is not None and not (
                h.type == "PERSON" and h.end - h.start == 1 and self.opens_longer_name(h)
            ):
                out.append(h)
        return out

    def _actor(self, start: int, pattern_id: str) -> Named | None:
        """The entry a match names: a shared surface decided, an everyday word only as a place."""
        if pattern_id.startswith(AMBIGUOUS):
            ids = self.context.ambiguous[pattern_id[len(AMBIGUOUS) :]]
            pattern_id = disambiguate(self.a, self.context, self.entries, start, ids)
        elif pattern_id.startswith(IN_CONTEXT):
            if not locative(self.a, self.context, start):
                return None
            pattern_id = pattern_id[len(IN_CONTEXT) :]
        return self.named(pattern_id)

    def named(self, actor_id: str) -> Named | None:
        """The entry of `actor_id` as the rules read it (None when there is none)."""
        named = self.t.named.get(actor_id)
        if named is None:
            entry = self.entries.get(actor_id)
            if entry is None:
                return None
            state = as_state(entry, self.entries) if entry.stands_for or entry.capital_of else None
            named = self.t.named[actor_id] = Named(entry.id, entry.type, state)
        return named

    def hit(self, start: int, end: int, pattern_id: str) -> Hit | None:
        a, t = self.a, self.t
        # Most matches name one actor outright: its entry is in `named` under the pattern's id.
        entry = t.named.get(pattern_id) or self._actor(start, pattern_id)
        clitic = a.clitics.get(start, 0)
        if entry is None or (clitic and a.raw(start)[:clitic].endswith("ال")):
            return None  # والقطر "and the towing": the article on a name that has none is no name
        start_char = a.idx[start] + clitic
        if end - start == 1:
            # Names of two or three letters match as written, alef forms included: إب (Ibb)
            # is not آب (August), which folds to the same letters.
            forms = t.short_forms_raw.get(a.norms[start])
            if forms is not None and alef_kept(a.text[start_char : a.end_char(end)]) not in forms:
                return None
        else:
            trimmed = self._trim_heads(entry, start, end)
            if trimmed != start:
                start, start_char = trimmed, a.idx[trimmed] + a.clitics.get(trimmed, 0)
        # منطقة الخليج العربي matches منطقة الخليج: without the place word, the name goes on.
        norms = a.norms
        if (
            end < len(norms)
            and (norms[end] in t.last_words or self.bits[end] & SPACED)
            and (a.surface(start, end + 1), entry.id) in t.surface_keys
        ):
            end += 1
        if end - start > 1 and norms[end - 1] in t.epithets:
            end = self._trim_epithet(entry, start, end)
        eid, etype = entry.id, entry.type
        if entry.state and not locative(a, self.context, start) and not self.numbered(end):
            eid, etype = entry.state
        # Only names of people and organisations have short forms, which need the surface.
        surface = a.surface(start, end) if end - start > 1 and etype in ("PERSON", "ORG") else ""
        return Hit(start, end, start_char, a.idx[end - 1] + a.length[end - 1], eid, etype, surface)

    def numbered(self, end: int) -> bool:
        """أستانا 4, جنيف 2: a city and a number name talks held there, not its government."""
        return end < len(self.a.norms) and self.a.doc[end].like_num

    def _trim_heads(self, entry: Named, start: int, end: int) -> int:
        """Titles, roles and outlet words are not part of a name (الملك عبدالله الثاني → عبدالله
        الثاني, صحيفة نيويورك تايمز → نيويورك تايمز) when what follows is itself a name of the
        same actor; nor is a place word (مدينة مشهد → مشهد). The token the name starts at."""
        a, t = self.a, self.t
        heads = t.person_heads if entry.type == "PERSON" else t.descriptor_heads
        place = entry.type in ("LOC", "GPE")
        bare_heads = t.place_nouns if place else t.org_kind_nouns if entry.type == "ORG" else frozenset()
        j = start
        while j + 1 < end and (a.norms[j] in heads or a.norms[j] in bare_heads or a.punct[j]):
            j += 1
            same = (a.surface(j, end), entry.id) in t.surface_keys
            if not a.punct[j] and (same or a.norms[j - 1] in bare_heads):
                return j
        return start

    def _trim_epithet(self, entry: Named, start: int, end: int) -> int:
        """مكة المكرمة → مكة, حزب الله اللبناني → حزب الله: nor is an honorific epithet or an
        organisation's or state's nationality, when the name without it is the same actor's. The token the
        name ends at."""
        a = self.a
        # A state's official name holds its adjective: الولايات المتحدة الأمريكية, الجمهورية
        # العربية السورية, جمهورية مصر العربية.
        if entry.type not in ("PERSON", "GPE") and end - start > 1 and a.norms[end - 1] in self.t.epithets:
            # A region's nationality adjective is part of its name: الخليج العربي, المغرب العربي.
            if entry.type == "LOC" and a.norms[end - 1] not in self.t.honorifics:
                return end
            if (a.surface(start, end - 1), entry.id) in self.t.surface_keys:
                return end - 1
        return end

    def opens_longer_name(self, hit: Hit) -> bool:
        """A one-word person match (صدام) followed by more of a name (الجاسر) is someone else."""
        if hit.type != "PERSON" or hit.end - hit.start != 1 or hit.end >= len(self.a.norms):
            return False
        norm = self.a.word(hit.end)
        return self.w.nameish(hit.end) and self.w.name_word(norm) and norm not in self.w.t.name_endings
