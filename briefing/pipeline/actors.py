"""Component: who is named in the article — people, organisations, states and places.

Input: the gazetteer matches of the SpanRuler ("briefing_gazetteer", on NORM, so proclitics and
spelling variants are already tolerated). This component then
- resolves surfaces shared by several entries (عمان: Amman or Oman) from their context;
- reads a capital as its state when it acts (طهران أكدت) and as the city after a locative word;
- finds gazetteer names glued to a neighbour by bad extraction (جنوبسوريا, الولاياتالمتحدة);
- finds people the gazetteer does not know, after a title or role (اللواء مسعود جزايري) or
  from a given name (سهيل كريمي), and transliterates them;
- joins short forms to the full name named in the same article (روحاني, الجاسر, الهيئة);
and writes doc.spans["actors"] (token spans, span.id_ = actor id, label = type) and
doc._.actors (briefing.model.Actor, mentions as character offsets without proclitics).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_alef_maksura_ar, normalize_teh_marbuta_ar
from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_QUOTE, IS_SPACE, LENGTH, NORM, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from briefing.model.contract import Actor, Mention
from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.normalizer import CLITICS_KEY as _CLITICS_KEY
from briefing.pipeline.tokenizer import text_of
from briefing.resources import ActorEntry, Resources
from briefing.text.normalize import fold, has_arabic, raw_prefix_length, strip_proclitics
from briefing.text.transliterate import Transliterator

if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=())

_AMBIGUOUS = "?"  # pattern-id prefix of surfaces shared by several entries
_NAMED_KEY = "briefing.named"  # doc.user_data: ids the gazetteer matched, for disambiguation
_IN_CONTEXT = "!"  # pattern-id prefix of surfaces that are everyday words too (مالي, صور)
_SPEECH, _ONLY_NAME, _GIVEN, _DEMONYM, _PATRONYMIC_ROLE = 1, 2, 4, 8, 16
# What comes before a name, for the name finder, weakest first: nothing; a nationality or a
# speech verb; a title or role; an honorific.
_PLAIN, _NATION, _SPEECH_VERB, _TITLED, _HONORIFIC = 0, 1, 2, 3, 4
_SHORT_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
_THAT = frozenset({"ان", "انه", "انها", ":"})  # folded: وقال فيرغسون إن
_PATRONYMIC = frozenset({"بن", "ابن", "بنت"})  # folded
_KUNYA = frozenset({"عبد", "ابو", "ام"})  # first words of two-word given names: عبد الله, أبو محمد
_PHRASE_OPENERS = ("لل", "بال", "وال", "فال", "كال", "ولل", "وبال")
_DIRECTIONS = ("جنوب", "شمال", "شرق", "غرب", "وسط", "جنوبي", "شمالي", "شرقي", "غربي")


_ABD = re.compile(r"(?<!\S)(عبد|أبو|ابو) ?(?=ال)")


def _abd_variant(name: str) -> str:
    """The other spelling of a عبد/أبو + ال compound: "عبد الله" ⇄ "عبدالله"."""
    return _ABD.sub(lambda m: m.group(1) if " " in m.group(0) else m.group(1) + " ", name)


def _alef_kept(text: str) -> str:
    """Folded except for the alef forms, which tell short names apart (إب Ibb, آب August)."""
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(dediac_ar(text)))


def _skeleton(name_en: str) -> str:
    """Consonants of a Latin name, lower case: spellings of one name agree on them (Hans, Hanns)."""
    return re.sub(r"[^b-df-hj-np-tv-z]", "", name_en.lower())


def _with_article(adjective: str) -> str:
    """ "كورية جنوبية" → "الكورية الجنوبية": every word of an adjective phrase takes the article."""
    return " ".join(w if w.startswith("ال") else "ال" + w for w in adjective.split())


@dataclass
class _Arrays:
    """A doc's token attributes as plain lists, read once: Token objects cost a microsecond each."""

    norms: list[int]
    idx: list[int]
    length: list[int]
    orths: list[int]
    punct: list[bool]  # punctuation, quote or space: skipped when looking for the previous word
    clitics: dict[int, int]
    strings: Any
    array: Any  # the numpy array: NORM, IDX, LENGTH, IS_ALPHA, ...

    @classmethod
    def of(cls, doc: Doc, strings: Any) -> _Arrays:
        arr: Any = doc.to_array([NORM, IDX, LENGTH, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_QUOTE, ORTH])
        if not len(doc):
            return cls([], [], [], [], [], {}, strings, arr)
        punct = (arr[:, 4] | arr[:, 5] | arr[:, 6]).astype(bool).tolist()
        cols = arr[:, [0, 1, 2, 7]].T.tolist()
        clitics = doc.user_data.get(_CLITICS_KEY, {})
        return cls(cols[0], cols[1], cols[2], cols[3], punct, clitics, strings, arr)

    def word(self, i: int) -> str:
        """Token i's matching form (norm)."""
        return self.strings[self.norms[i]]

    def surface(self, start: int, end: int) -> str:
        """The folded, proclitic-free words of tokens start..end, joined by spaces."""
        return " ".join(self.strings[h] for h in self.norms[start:end])


@dataclass
class _Hit:
    """One mention being resolved: token span, character span (proclitics excluded), actor."""

    start: int
    end: int
    start_char: int
    end_char: int
    actor: str
    type: str
    surface: str = ""  # folded surface that matched, for short forms


@dataclass
class _Found:
    """A person or organisation found by pattern; not in the gazetteer."""

    id: str
    type: str
    name_ar: str
    name_en: str


def _generated(resources: Resources) -> list[tuple[str, ActorEntry]]:
    """Government phrases made from a state's adjectives: الحكومة الإيرانية, النظام السوري."""
    raw = resources.file("actor_rules")
    out = []
    for e in resources.actors:
        if e.type != "GPE":
            continue
        # Every spelling counts (أمريكية, أميركية); plurals (إيرانيون) never follow these nouns.
        fem = [d for d in e.demonym_ar if d.endswith("ة")]
        masc = [d for d in e.demonym_ar if not d.endswith(("ة", "ون", "ين"))]
        out += [(f"{noun} {_with_article(d)}", e) for d in fem for noun in raw.get("government_nouns_f", ())]
        out += [(f"{noun} {_with_article(d)}", e) for d in masc for noun in raw.get("government_nouns_m", ())]
    return out


def _vocabulary(resources: Resources) -> tuple[set[str], frozenset[str]]:
    """(words the normalizer may uncover, words that are only ever names)."""
    words: set[str] = set()
    # The words of people's names are name words, like the name lexicon's (below): a rare
    # name a gazetteer lists (هيرمان أينشتاين) must not make أينشتاين an everyday word.
    person_words: set[str] = set()
    for e in resources.actors:
        for s in (*e.surfaces_ar, *e.ambiguous_ar):
            (person_words if e.type == "PERSON" else words).update(s.split())
        for d in e.demonym_ar:
            words.add("ال" + d)
    for surface, _ in _generated(resources):
        words.update(surface.split())
    for t in resources.titles:
        for form in t.ar:
            words.update(form.split())
    for key, values in resources.file("actor_rules").items():
        if key != "not_name":
            words.update(values)
    words.update(resources.file("given_names")["given_names"])
    for group in resources.file("org_patterns").values():
        for item in group:
            for form in item["ar"]:
                words.update(form.split())
    # Person-name tokens too: a name is never cut into proclitic + word (كريمي is not ك + ريمي),
    # and a proclitic before a name comes off (وكريمي).
    own = {fold(w) for w in words}
    # A name token that reads as proclitic + one of our words (وتل of وتل أبيب) would stop
    # that proclitic from coming off: it is left out.
    names = {
        t
        for t in Transliterator.from_resources(resources).name_tokens(min_count=3)
        if t in own or not strip_proclitics(t, own)[1]
    }
    # Name words that are only names: the rest (أمين of أمين عام) stay resource words. The
    # gazetteer's own name words all stay whole words (كيري is never ك + يري).
    person = {fold(w) for w in person_words}
    only_names = frozenset((names | person) - own)
    words.update(names)
    words.update(person_words)
    return words, only_names


def vocabulary(resources: Resources) -> set[str]:
    """Words of names, titles and actor rules: the normalizer may strip proclitics before them."""
    return _vocabulary(resources)[0]


class ActorResolver(BatchPipe):
    """Config: `max_name_tokens` — the longest pattern-found name, in tokens (default 4)."""

    def __init__(self, nlp: Language, name: str, *, max_name_tokens: int) -> None:
        self.nlp = nlp
        self.name = name
        self.max_name_tokens = max_name_tokens

    # --- resources ---------------------------------------------------------------------------

    def _rules(self, resources: Resources) -> dict[str, frozenset[str]]:
        raw = resources.file("actor_rules")
        return {key: frozenset(fold(w) for w in words) for key, words in raw.items()}

    def _translit(self, resources: Resources) -> Transliterator:
        if getattr(self, "translit", None) is None:
            self.translit = Transliterator.from_resources(resources)
        return self.translit

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        self._translit(resources)
        self._only_names = _vocabulary(resources)[1]
        self.entries: dict[str, ActorEntry] = {e.id: e for e in resources.actors}
        rules = self._rules(resources)
        self.locative = rules["locative_before"]
        self.outlet_before = rules["outlet_before"]
        self.state_before = rules["state_before"]
        self.not_name = rules["not_name"]
        # Raw, unfolded: "على" folds to "علي" (Ali), so function words are checked before folding.
        self.not_name_raw = frozenset(resources.file("actor_rules")["not_name_raw"])
        self.org_heads = rules["org_heads"]
        self.not_short = rules["not_short"]
        self.connectors = rules["name_connectors"]
        self.after_name = rules["after_name"]
        self.compound_second = rules["compound_second"]
        self.regnal = frozenset(tuple(r.split()) for r in rules["regnal"])
        # Words a gazetteer surface may open with that are not part of the name itself: outlet and
        # force words for organisations (صحيفة, قوات), titles and adjectives for people (الرئيس السوري).
        self.trim_heads = rules["trim_heads"]
        self.person_heads = {fold(form).split()[0] for t in resources.titles for form in t.ar} | {
            "ال" + fold(d) for e in resources.actors for d in e.demonym_ar
        }
        add = self.nlp.vocab.strings.add
        self.person_head_hashes = frozenset(add(w) for w in self.person_heads)
        self.trim_head_hashes = frozenset(add(w) for w in self.trim_heads)
        self.place_heads = frozenset(add(w) for w in rules["place_heads"])
        self.org_bare_heads = frozenset(add(w) for w in rules["org_bare_heads"])
        self.locative_hashes = frozenset(add(w) for w in self.locative)
        # The first words of the people the gazetteer knows open names too (صدام، شون).
        self.given = (
            frozenset(fold(n) for n in resources.file("given_names")["given_names"])
            | {
                fold(s).split()[0]
                for e in resources.actors
                if e.type == "PERSON"
                for s in e.surfaces_ar
                if len(s.split()) > 1 and not fold(s).startswith("ال")
            }
            - self.not_name
            - _PATRONYMIC
        )
        # Given names that are function words as written in careless spelling (علي for على):
        # they open a name only when another name word follows.
        self.weak_given = frozenset(fold(w) for w in self.not_name_raw) & self.given
        # Words a corpus uses outside names far more often than in one (amal "hope", ramadan):
        # never read as names, whatever the name lexicon says.
        self.common = (
            frozenset(
                w
                for stem, doc in resources.data.items()
                if stem.startswith("actors") and isinstance(doc, dict)
                for w in doc.get("common_words") or ()
            )
            - self.weak_given
        )

        # Every folded surface and the entries that claim it.
        owners: dict[str, list[str]] = defaultdict(list)
        forms: list[tuple[str, str]] = []
        self.context_only: set[tuple[str, str]] = set()
        for e in resources.actors:
            for s in (*e.surfaces_ar, *e.ambiguous_ar, *e.context_only_ar):
                forms.append((s, e.id))
            self.context_only.update((" ".join(fold(s).split()), e.id) for s in e.context_only_ar)
        for s, e in _generated(resources):
            forms.append((s, e.id))
        # "عبد الله" and "عبدالله" are one name written two ways.
        forms += [(_abd_variant(s), eid) for s, eid in forms if _abd_variant(s) != s]
        for s, eid in forms:
            key = " ".join(fold(s).split())
            if eid not in owners[key]:
                owners[key].append(eid)
        self.surface_keys = {(key, eid) for key, ids in owners.items() for eid in ids}
        self.ambiguous = {k: tuple(v) for k, v in owners.items() if len(v) > 1}
        patterns = []
        for key, ids in owners.items():
            if len(ids) == 1 and (key, ids[0]) in self.context_only:
                patterns.append(
                    {"label": self.entries[ids[0]].type, "pattern": key, "id": _IN_CONTEXT + ids[0]}
                )
            elif len(ids) == 1:
                patterns.append({"label": self.entries[ids[0]].type, "pattern": key, "id": ids[0]})
            else:
                patterns.append({"label": "AMBIGUOUS", "pattern": key, "id": _AMBIGUOUS + key})
        # Hashtags join words with "_", which the tokenizer keeps as a token of its own.
        patterns += [
            {**p, "pattern": p["pattern"].replace(" ", "_")} for p in patterns if " " in p["pattern"]
        ]
        ruler: Any = self.nlp.get_pipe("briefing_gazetteer")
        ruler.add_patterns(patterns)

        # Names of three letters or fewer, as written (alef forms kept), keyed by their folded form.
        short_raw: dict[int, set[str]] = defaultdict(set)
        for s_, _eid in forms:
            if " " not in s_.strip() and len(fold(s_)) <= 3:
                short_raw[self.nlp.vocab.strings.add(fold(s_))].add(_alef_kept(s_.strip()))
        self.short_forms_raw = dict(short_raw)

        # Glued words: a known one-word surface at the end of a token, a two-word one as a whole.
        self.single = {
            k: v[0]
            for k, v in owners.items()
            if " " not in k and len(v) == 1 and len(k) >= 3 and (k, v[0]) not in self.context_only
        }
        self.joined = {k.replace(" ", ""): v[0] for k, v in owners.items() if " " in k and len(v) == 1}
        self.single_lengths = tuple(sorted({len(k) for k in self.single}, reverse=True))
        tokens = {w for k in owners for w in k.split()}
        demonyms = {fold(d) for e in resources.actors for d in e.demonym_ar}
        joinable = (
            {fold(d) for d in _DIRECTIONS}
            | tokens
            | {"ال" + d for d in demonyms}
            | {"ال" + d + end for d in demonyms for end in ("ين", "ون")}
        )
        # Heads of two letters or fewer (ال from آل, بن) would split ordinary words: المشهد ≠ ال|مشهد.
        # Nor do the connectors of names: أبوابها is "its doors", not أبو + أبها.
        self.joinable = {w for w in joinable if len(w) > 2} - self.connectors
        self._glue_cache: dict[int, tuple[str, int] | None] = {}
        self._nameish_cache: dict[int, bool] = {}
        self._article_cache: dict[int, bool] = {}  # per orth: the clitic and the article go together
        self._name_token_cache: dict[str, bool] = {}
        self._name_en: dict[str, str] = {}
        self.strings = self.nlp.vocab.strings
        # What each word can do for the name finder, as bits, looked up once per token.
        self.name_roles: dict[int, int] = defaultdict(int)
        for v in resources.file("actor_rules")["speech_verbs"]:
            self.name_roles[self.strings.add(fold(v))] |= _SPEECH
        # Folded, ألبرت reads as ال + برت: whether a word has the article is read on the raw
        # text when it is used.
        for w in self._only_names:
            self.name_roles[self.strings.add(w)] |= _ONLY_NAME
        for w in _PATRONYMIC:
            self.name_roles[self.strings.add(w)] |= _PATRONYMIC_ROLE
        for g in self.given:
            self.name_roles[self.strings.add(g)] |= _GIVEN
        self.nationalities = frozenset(
            "ال" + fold(d) + end
            for e in resources.actors
            for d in e.demonym_ar
            if " " not in d
            for end in ("", "ون", "ين")
        )
        self.epithets = frozenset(add(w) for w in [*rules["place_epithets"], *self.nationalities])
        # A nationality before a name introduces a person, in sport above all (الفرنسي أرنو كليمان).
        for e in resources.actors:
            for d in e.demonym_ar:
                if " " not in d and not d.endswith(("ون", "ين")):
                    self.name_roles[self.strings.add("ال" + fold(d))] |= _DEMONYM
        self.name_roles = dict(self.name_roles)

        normalizer: Any = self.nlp.get_pipe("briefing_normalizer")
        self.known = known
        # Words some resource uses, other than as a person's name: they do not start or extend one.
        self.resource_words = known - self._only_names
        # Nouns that introduce an organisation's name (org_patterns.yaml).
        self.org_nouns = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.org_patterns: dict[str, tuple[str, str, bool]] = {}  # match key → (kind, English, club)
        for kind, group in resources.file("org_patterns").items():
            for item in group:
                key = f"{kind}:{item['id']}"
                self.org_patterns[key] = (kind, str(item["en"]), bool(item.get("club")))
                self.org_nouns.add(key, [normalizer(self.nlp.make_doc(form)) for form in item["ar"]])
        # Words of the gazetteer's names may be words of an unknown organisation's name too
        # (مانشستر of نادي مانشستر سيتي); nationality adjectives (الإيطالي) are not.
        self.gazetteer_words = (
            frozenset(w for e in resources.actors for s in e.surfaces_ar for w in fold(s).split())
            - self.nationalities
        )

        # Honorifics (الإمام, الملك, الشيخ) may stand before a one-word name with the article.
        self.honorifics = frozenset(self.strings.add(t.id) for t in resources.titles if t.kind == "honorific")
        self.titles = PhraseMatcher(self.nlp.vocab, attr="NORM")
        for t in resources.titles:
            self.titles.add(t.id, [normalizer(self.nlp.make_doc(form)) for form in t.ar])

    # --- the component -----------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        a = _Arrays.of(doc, self.strings)
        group = doc.spans.get("actor_candidates", [])
        found = (self._from_candidate(doc, a, s.start, s.end, s.id_) for s in group)
        hits = [h for h in found if h is not None and not self._opens_longer_name(a, h)]
        taken = {i for h in hits for i in range(h.start, h.end)}
        hits += self._glued(doc, a, taken)
        taken = {i for h in hits for i in range(h.start, h.end)}
        persons: dict[str, _Found] = {}
        hits += self._orgs(doc, a, hits, taken, persons)
        taken = {i for h in hits for i in range(h.start, h.end)}
        # Short forms of the people the gazetteer found come first: "روحاني صديق" after "حسن
        # روحاني" is Rouhani and a word, not a new name.
        hits += self._short_forms(doc, a, hits, taken)
        taken = {i for h in hits for i in range(h.start, h.end)}
        hits += self._people(doc, a, taken, persons, hits)
        taken = {i for h in hits for i in range(h.start, h.end)}
        hits += self._short_forms(doc, a, hits, taken)
        hits.sort(key=lambda h: (h.start_char, -h.end_char))
        self._write(doc, hits, persons)
        return doc

    def _from_candidate(self, doc: Doc, a: _Arrays, start: int, end: int, eid: str) -> _Hit | None:
        end_char = a.idx[end - 1] + a.length[end - 1]
        if eid.startswith(_AMBIGUOUS):
            eid = self._disambiguate(doc, a, start, self.ambiguous[eid[len(_AMBIGUOUS) :]])
        elif eid.startswith(_IN_CONTEXT):
            if not self._locative(doc, a, start):
                return None
            eid = eid[len(_IN_CONTEXT) :]
        entry = self.entries.get(eid)
        if entry is None:
            return None
        start_char = a.idx[start] + a.clitics.get(start, 0)
        if end - start == 1:
            # Names of two or three letters match as written, alef forms included: إب (Ibb)
            # is not آب (August), which folds to the same letters.
            forms = self.short_forms_raw.get(a.norms[start])
            if forms is not None and _alef_kept(text_of(doc)[start_char:end_char]) not in forms:
                return None
        # Titles, roles and outlet words are not part of a name (الملك عبدالله الثاني → عبدالله الثاني,
        # صحيفة نيويورك تايمز → نيويورك تايمز) when what follows is itself a name of the same actor.
        heads = self.person_head_hashes if entry.type == "PERSON" else self.trim_head_hashes
        place = entry.type in ("LOC", "GPE")
        bare_heads = self.place_heads if place else self.org_bare_heads if entry.type == "ORG" else ()
        j = start
        while j + 1 < end and (a.norms[j] in heads or a.norms[j] in bare_heads or a.punct[j]):
            j += 1
            # مدينة مشهد → مشهد: a place word is not part of the place's name.
            same = (a.surface(j, end), eid) in self.surface_keys
            if not a.punct[j] and (same or a.norms[j - 1] in bare_heads):
                start, start_char = j, a.idx[j] + a.clitics.get(j, 0)
                break
        # مكة المكرمة → مكة, حزب الله اللبناني → حزب الله: nor is an honorific epithet or a
        # nationality, when the name without it is the same actor's.
        if entry.type != "PERSON" and end - start > 1 and a.norms[end - 1] in self.epithets:
            if (a.surface(start, end - 1), eid) in self.surface_keys:
                end -= 1
                end_char = a.idx[end - 1] + a.length[end - 1]
        etype = entry.type
        stands_for = entry.stands_for or entry.capital_of
        if stands_for and not self._locative(doc, a, start):
            eid, etype = stands_for, self.entries[stands_for].type
        # Only names of people and organisations have short forms, which need the surface.
        surface = a.surface(start, end) if etype in ("PERSON", "ORG") and end - start > 1 else ""
        return _Hit(start, end, start_char, end_char, eid, etype, surface)

    def _opens_longer_name(self, a: _Arrays, hit: _Hit) -> bool:
        """A one-word person match (صدام) followed by more of a name (الجاسر) is someone else."""
        if hit.type != "PERSON" or hit.end - hit.start != 1 or hit.end >= len(a.norms):
            return False
        norm = a.word(hit.end)
        return (
            self._nameish(a, hit.end)
            and (norm in self.given or self._name_token(norm))
            and norm not in self.not_short
        )

    def _previous_word(self, a: _Arrays, i: int) -> int | None:
        """Norm hash of the word before token i, skipping punctuation and space."""
        j = i - 1
        while j >= 0 and a.punct[j]:
            j -= 1
        return a.norms[j] if j >= 0 else None

    def _locative(self, doc: Doc, a: _Arrays, i: int) -> bool:
        clitic = a.clitics.get(i, 0)
        if clitic:
            raw_clitic = fold(doc[i].text[:clitic])
            if raw_clitic.endswith("ب") or raw_clitic.endswith("في"):
                return True
        return self._previous_word(a, i) in self.locative_hashes

    def _disambiguate(self, doc: Doc, a: _Arrays, start: int, ids: tuple[str, ...]) -> str:
        entries = [self.entries[i] for i in ids]
        prev_hash = self._previous_word(a, start)
        if prev_hash is not None:
            prev = self.strings[prev_hash]
            if prev in self.outlet_before:
                for e in entries:
                    if e.type == "ORG":
                        return e.id
            if prev in self.state_before:
                for e in entries:
                    if e.type == "GPE":
                        return e.id
            if prev in self.locative:
                for e in entries:
                    if e.type == "LOC":
                        return e.id
        # A country, or the country of a city, that the article names elsewhere decides.
        named = doc.user_data.get(_NAMED_KEY)
        if named is None:
            named = doc.user_data[_NAMED_KEY] = {
                s.id_ for s in doc.spans.get("actor_candidates", []) if not s.id_.startswith(_AMBIGUOUS)
            }
        for e in entries:
            if (
                e.id in named
                or (e.country and e.country in named)
                or (e.capital_of and e.capital_of in named)
            ):
                return e.id
        # An outlet or organisation surface shared with a place: the place unless a cue says otherwise.
        non_org = [e for e in entries if e.type != "ORG"]
        return (non_org or entries)[0].id

    def _glued(self, doc: Doc, a: _Arrays, taken: set[int]) -> list[_Hit]:
        out = []
        arr = a.array
        cache = self._glue_cache
        for i in numpy.flatnonzero((arr[:, 3] == 1) & (arr[:, 2] >= 6)).tolist():
            norm_hash = a.norms[i]
            if norm_hash in cache:
                found = cache[norm_hash]
            else:
                norm = self.strings[norm_hash]
                found = cache[norm_hash] = None if norm in self.known else self._split_glued(norm)
            if found is None or i in taken:
                continue
            tok = doc[i]
            eid, offset = found
            entry = self.entries[eid]
            start_char = tok.idx + raw_prefix_length(tok.text, offset)
            etype = entry.type
            stands_for = entry.stands_for or entry.capital_of
            if stands_for:
                eid, etype = stands_for, self.entries[stands_for].type
            out.append(_Hit(i, i + 1, start_char, tok.idx + len(tok.text), eid, etype))
        return out

    def _split_glued(self, norm: str) -> tuple[str, int] | None:
        """(actor id, folded letters before it) for a token that glues words together."""
        if norm in self.joined:
            return self.joined[norm], 0
        for length in self.single_lengths:
            if length > len(norm) - 2:
                continue
            head, tail = norm[:-length], norm[-length:]
            if tail not in self.single:
                continue
            if head in self.joinable:
                return self.single[tail], len(head)
            # The proclitic belongs to the glued word: الإيرانيين|ب|سوريا.
            if head[-1] in "وبلفك" and head[:-1] in self.joinable:
                return self.single[tail], len(head)
        return None

    # --- organisations the gazetteer does not know ---------------------------------------------

    def _org_word(self, a: _Arrays, j: int, first: bool) -> bool:
        """Can token j be a word of an organisation's name (not an everyday or function word)?"""
        if not self._nameish(a, j):
            return False
        norm = a.word(j)
        if norm in self.common or norm in self.nationalities or len(norm) < 3:
            return False
        if norm in self.gazetteer_words or norm in self._only_names:
            return True
        if norm in self.resource_words:
            return False
        raw = a.strings[a.orths[j]]
        # A preposition or conjunction glued to an unknown word opens a phrase, not a name
        # (للإنتاج, بالنتيجة, فسيبذل); an indefinite nisba is an adjective (شركة إماراتية).
        if fold(raw).startswith(_PHRASE_OPENERS) or raw.startswith(("و", "ف") if not first else ("ل",)):
            return False
        # An indefinite feminine word is an adjective (شركة إماراتية, منظمة ضعيفة), not a name.
        return not (norm.endswith("ه") and not norm.startswith("ال"))

    def _org_name(self, doc: Doc, a: _Arrays, j: int, taken: set[int]) -> tuple[int, int]:
        """Tokens (start, end) of the name that begins at token j, or (j, j)."""
        n = len(a.norms)
        if j < n and doc[j].is_quote:
            # Between quotes any words make the name: صحيفة «الشرق الأوسط».
            for close in range(j + 2, min(n, j + 7)):
                if doc[close].is_quote:
                    inner = range(j + 1, close)
                    if all(not a.punct[i] and i not in taken for i in inner):
                        return j + 1, close
                    break
            return j, j
        end = j
        while end < n and end - j < 3 and end not in taken and self._org_word(a, end, end == j):
            end += 1
        return j, end

    def _orgs(
        self, doc: Doc, a: _Arrays, hits: list[_Hit], taken: set[int], found: dict[str, _Found]
    ) -> list[_Hit]:
        out: list[_Hit] = []
        by_start = {h.start: h for h in hits}
        text = text_of(doc)
        for match_id, head, after in self.org_nouns(doc):
            if any(i in taken for i in range(head, after)):
                continue
            if fold(doc[head].text[: a.clitics.get(head, 0)]).endswith("ك"):
                continue  # كقناة لتسليح: "as a channel for", not a name
            kind, english, club = self.org_patterns[self.strings[match_id]]
            named = kind == "named"
            g = by_start.get(after)
            if g is not None:
                entry = self.entries.get(g.actor)
                if named and g.type == "ORG":
                    g.start, g.start_char = head, a.idx[head] + a.clitics.get(head, 0)  # منظمة أوبك
                elif entry is not None and (named or (club and g.type in ("GPE", "LOC"))):
                    # جامعة زيورخ, اتحاد طنجة: an organisation named after a place; فريق ليون: a club.
                    start = head if named else g.start
                    name_en = english.format(name=entry.en) if named else entry.en
                    g.actor = self._found(
                        found, "ORG", self._text(text, a, start, g.end, clitic=True), name_en
                    )
                    g.type, g.start, g.start_char = "ORG", start, a.idx[start] + a.clitics.get(start, 0)
                continue
            start, end = self._org_name(doc, a, after, taken)
            if end == start:
                continue
            name_en = self.translit.name_en(self._text(text, a, start, end, clitic=True))
            if named:
                start, name_en = head, english.format(name=name_en)
            aid = self._found(found, "ORG", self._text(text, a, start, end, clitic=True), name_en)
            start_char, end_char = a.idx[start] + a.clitics.get(start, 0), a.idx[end - 1] + a.length[end - 1]
            out.append(_Hit(start, end, start_char, end_char, aid, "ORG", a.surface(start, end)))
            taken.update(range(start, end))
        return out

    def _found(self, found: dict[str, _Found], atype: str, name_ar: str, name_en: str | None = None) -> str:
        """The id of a person or organisation found by pattern, registered once per article."""
        key = " ".join(fold(name_ar).split())
        aid = f"{atype.lower()}:ar:{key}"
        if aid not in found:
            if name_en is None:
                name_en = self._name_en.get(key)
                if name_en is None:
                    name_en = self._name_en[key] = self.translit.name_en(name_ar)
            found[aid] = _Found(aid, atype, name_ar, name_en)
        return aid

    def _text(self, text: str, a: _Arrays, start: int, end: int, *, clitic: bool = False) -> str:
        """The original text of tokens start..end, without the first one's proclitic if `clitic`."""
        skip = a.clitics.get(start, 0) if clitic else 0
        return text[a.idx[start] + skip : a.idx[end - 1] + a.length[end - 1]]

    # --- people the gazetteer does not know ----------------------------------------------------

    def _nameish(self, a: _Arrays, i: int, *, first: bool = False) -> bool:
        """Can token i be part of a person's name? Only a name's `first` word may carry a
        proclitic (وسمير نوار, لمحمد): inside a name, و starts the next one."""
        orth = a.orths[i]
        ok = self._nameish_cache.get(orth)
        if ok is None:
            text, norm = self.strings[orth], self.strings[a.norms[i]]
            whole = fold(text)  # وجود is a word before it is و + the name جود
            # بمواجهة, لمستشاريه: a preposition on an everyday word the normaliser did not know.
            glued = whole[:1] in ("و", "ف", "ب", "ل", "ك") and whole[1:] in self.common
            ok = self._nameish_cache[orth] = (
                text.isalpha()
                and has_arabic(text)
                and len(norm) >= 2
                and norm not in self.not_name
                and text not in self.not_name_raw
                and (whole == norm or not (whole in self.not_name or whole in self.common))
                and not (glued and whole == norm and norm not in self.given and not self._name_token(norm))
            )
        return ok and (first or not self._skip(a, i))

    def _skip(self, a: _Arrays, i: int) -> int:
        """Characters of proclitic to leave out of a name that starts at token i."""
        clitic = a.clitics.get(i, 0)
        if not clitic:
            return 0
        # ك is rarely a proclitic on a name and often a name's first letter: كليمان is not
        # ك + ليمان, though the normaliser, knowing the name ليمان, takes it off.
        text = self.strings[a.orths[i]]
        return 0 if fold(text[:clitic]) == "ك" and a.word(i) in self._only_names else clitic

    def _lone_name(self, a: _Arrays, k: int, mode: int) -> bool:
        """Is token k a one-word name the lexicons do not know? Only after a title (الدكتور حجازي،)
        or a speech verb (وقال فيرغسون إن), when it is no everyday word and what follows is what
        follows a name."""
        if mode < _SPEECH_VERB:
            return False
        norm = a.word(k)
        raw = self.strings[a.orths[k]]
        if norm in self.common or norm in self.resource_words or len(norm) < 3 or a.clitics.get(k):
            return False
        if fold(raw).startswith(_PHRASE_OPENERS) or raw.startswith(("و", "ف", "ل", "ب")):
            return False
        if k + 1 >= len(a.norms):
            return False
        after = a.word(k + 1)
        return after in self.after_name if mode >= _TITLED else after in _THAT

    def _foreign_first(self, norm: str) -> bool:
        """A first name of another language that names people often (فرانك, أناستازيا): before an
        unknown word it opens a name. Arabic-looking name words are everyday words too often."""
        hit = self.translit.table.get(norm)
        return hit is not None and hit[1] >= 5 and len(norm) >= 4 and norm not in self.translit.arabic_style

    def _unknown_word(self, a: _Arrays, i: int) -> bool:
        """Is token i a word no resource knows and no corpus uses as an everyday word?"""
        norm = a.word(i)
        return (
            len(norm) >= 3
            and norm not in self.resource_words
            and norm not in self.common
            and not a.clitics.get(i)
            and self._nameish(a, i)
            and not self._article(a, i)
        )

    def _article(self, a: _Arrays, i: int) -> bool:
        """Does token i open with the article? Read on the raw word: أل and إل open names
        (ألبرت, إلياس), not the article, though they fold to ال."""
        orth = a.orths[i]
        hit = self._article_cache.get(orth)
        if hit is None:
            text = self.strings[orth][self._skip(a, i) :]
            # والروعة with its proclitic still on (the normaliser knew no الروعة) has the article too.
            hit = self._article_cache[orth] = text.startswith(("ال", "ٱل")) or fold(text).startswith(
                _PHRASE_OPENERS
            )
        return hit

    def _name_token(self, norm: str) -> bool:
        hit = self._name_token_cache.get(norm)
        if hit is None:
            hit = self._name_token_cache[norm] = norm not in self.common and self.translit.is_name_token(norm)
        return hit

    def _name_at(self, a: _Arrays, k: int, taken: set[int], *, mode: int, article: bool = False) -> int:
        """End of a person name starting at token k, or k when there is none.

        `mode`: from _NATION on (a nationality, speech verb or title comes before) a name word may
        stand alone and an unknown word may open a name; _HONORIFIC after الإمام, الشيخ and the like,
        which also admits a given name spelt like a function word (الإمام علي). `article`: one word
        with the article may be the whole name (الإمام الرضا, الشيخ الخراساني)."""
        titled = mode >= _NATION
        n = len(a.norms)
        if k >= n or k in taken or not self._nameish(a, k, first=True):
            return k
        word = a.word
        first = word(k)
        nxt = word(k + 1) if k + 1 < n and self._nameish(a, k + 1) else ""
        # Before بن or أبو any word is a given name (سهل بن حنيف, منصور أبو حميد); elsewhere not
        # an everyday one.
        if first in self.common and nxt not in self.connectors:
            return k
        if self._article(a, k):
            if first in self.resource_words:
                return k
            if article and self._name_token(first):
                return k + 1
            # وقال الحريري إن: a family name alone as a speech verb's subject.
            if mode >= _SPEECH_VERB and self._name_token(first) and k + 1 < n and word(k + 1) in _THAT:
                return k + 1
            return k
        if first in self.resource_words and first not in self.given | _KUNYA and nxt not in self.connectors:
            return k
        end = k + 1
        if first in _KUNYA and end < n and self._nameish(a, end):
            end += 1  # عبد الله, أبو محمد: one given name in two words
        elif first not in self.given and not self._name_token(first):
            # A name opens with a word names are made of; after a title, an unknown word may open
            # one when a name word follows it (سلفان شالوم).
            named_next = nxt in self.given or self._name_token(nxt)
            if not (
                nxt in _PATRONYMIC
                or (titled and nxt and named_next and nxt not in self.common)
                or self._lone_name(a, k, mode)
            ):
                return k
        end = self._continue_name(a, k, end, taken, titled=titled)
        connectors = self.connectors
        while end > k + 1 and word(end - 1) in connectors:
            end -= 1  # a name does not end on بن or أبو
        if end - k == 1 and not (
            titled and (first in self.given or self._name_token(first) or self._lone_name(a, k, mode))
        ):
            return k
        if end - k == 1 and first in self.weak_given and mode < _HONORIFIC:
            return k
        second = word(k + 1) if end - k == 2 else ""
        if second and first in self.weak_given and not (second in self.given or self._name_token(second)):
            return k
        # A regnal number closes a ruler's name: محمد الخامس, الملك جيمس الأول (after a player's
        # two names the same word is a seeding: فرناندو غونزاليز العاشر).
        for size in (2, 1) if end - k == 1 or mode >= _HONORIFIC else ():
            if end + size <= n and tuple(word(j) for j in range(end, end + size)) in self.regnal:
                return end + size
        return end

    def _continue_name(self, a: _Arrays, k: int, end: int, taken: set[int], *, titled: bool) -> int:
        """Where a name that starts at token k, and has reached `end`, ends: given names, بن/آل
        chains, family names (with the article, or any unknown word after a title)."""
        n = len(a.norms)
        word = a.word
        connectors = self.connectors
        words = sum(1 for j in range(k, end) if word(j) not in connectors)
        while end < n and words < self.max_name_tokens and end not in taken:
            norm = word(end)
            if not self._nameish(a, end):
                break
            prev = word(end - 1)
            if norm in connectors:
                end += 1  # بن, آل and the word after them do not count towards the length
                continue
            if prev in connectors:
                # ... unless it is a number or another everyday word: وهو ابن عشر سنين.
                if norm in self.resource_words and norm not in self.given and not self._name_token(norm):
                    break
                end += 1
                continue
            if norm in self.compound_second and prev not in self.compound_second:
                end += 1  # نور الدين, فتح الله: one given name in two words
                continue
            if norm in self.common:
                break
            if norm in self.given:
                if norm in self.weak_given and (end + 1 >= n or word(end + 1) in self.common):
                    break  # تيم سيباستيان علي ذلك: على spelt علي, not a name
                end += 1
                words += 1
                continue
            if norm in self.resource_words and not self._name_token(norm):
                break
            if self.strings[a.orths[end]].startswith("و") and not self._name_token(norm):
                break  # و joins the next phrase: إسماعيل وأمته
            # With the article, a family name (الجاسر), never an adjective (الشيعي) or a
            # feminine participle (المصنفة).
            if self._article(a, end):
                family = self._name_token(norm) or not (
                    norm in self.resource_words or norm in self.common or norm.endswith("ه")
                )
            else:
                # An unknown word after a title, or after a foreign first name (فرانك كوراسي,
                # أناستازيا روديونوفا), is a family name.
                family = self._name_token(norm) or (
                    (titled or self._foreign_first(word(k))) and norm not in self.resource_words
                )
            if not family:
                break
            end += 1
            words += 1
            # A family name closes the name unless another name word follows: one with the
            # article (الجاسر), or a word that is only ever a name (تيري رود لارسن).
            if end < n and not (self._article(a, end) or word(end) in self._only_names):
                break
        return end

    def _people(
        self, doc: Doc, a: _Arrays, taken: set[int], persons: dict[str, _Found], known: list[_Hit]
    ) -> list[_Hit]:
        out: list[_Hit] = []
        starts: list[tuple[int, int]] = []
        n = len(a.norms)
        word = a.word
        fallback: dict[int, int] = {}  # after a title, where the words the name finder skipped begin
        for match_id, _start, end in self.titles(doc):
            k = end
            # Skip adjectives and commas between title and name: الباحث السياسي، صدام الجاسر
            for _ in range(3):
                if k < n and (
                    (word(k).startswith("ال") and word(k) not in self.given) or word(k) in ("،", ",")
                ):
                    k += 1
            honorific = match_id in self.honorifics
            starts.append((k, _HONORIFIC if honorific else _TITLED))
            if k > end and honorific:
                fallback[k] = end
        roles = self.name_roles
        flags = [roles.get(h, 0) for h in a.norms]
        for i, f in enumerate(flags):
            if not f:
                continue
            if f & _SPEECH and i + 1 < n:
                starts.append((i + 1, _SPEECH_VERB))  # وقال بلير: the subject after a speech verb
            if f & _DEMONYM and i + 1 < n:
                starts.append((i + 1, _NATION))
            # Two name-lexicon words in a row that no resource knows otherwise (توني بلير، كوفي أنان),
            # or a foreign first name before a word nobody knows (فرانك كوراسي).
            foreign = f & _ONLY_NAME and self._foreign_first(a.word(i))
            if (
                f & _ONLY_NAME
                and i + 1 < n
                and (flags[i + 1] & _ONLY_NAME or (foreign and self._unknown_word(a, i + 1)))
                and i not in taken
                and self._nameish(a, i, first=True)
                and self._nameish(a, i + 1)
                and not self._article(a, i)
            ):
                starts.append((i, _PLAIN))
            if f & _PATRONYMIC_ROLE and i:
                starts.append((i - 1, _PLAIN))  # سهل بن حنيف: the word before بن is a given name
            if f & _GIVEN:
                # أبو عبد الله, أم كلثوم: the kunya opens the name.
                starts.append((i - 1 if i and word(i - 1) in _KUNYA - {"عبد"} else i, _PLAIN))
        used = set(taken)
        text = text_of(doc)
        found: list[tuple[int, int, str]] = []
        for k, mode in sorted(starts):
            end = self._name_at(a, k, used, mode=mode)
            if end == k and k in fallback:
                k = fallback[k]
                end = self._name_at(a, k, used, mode=mode, article=True)
            if end == k:
                continue
            start_char, end_char = a.idx[k] + self._skip(a, k), a.idx[end - 1] + a.length[end - 1]
            found.append((k, end, text[start_char:end_char]))
            used.update(range(k, end))
        found += self._lists(doc, a, found, known, used)
        # A one-word name that is the family name of a longer one in the article is its short form.
        family = {" ".join(fold(name).split()).split()[-1] for k, end, name in found if end - k > 1}
        found, merged = self._join_known(a, text, found, known, used, taken, persons)
        for k, end, name_ar in found:
            if k in merged:
                continue
            key = " ".join(fold(name_ar).split())
            if end - k == 1 and key in family:
                continue
            pid = self._found(persons, "PERSON", name_ar)
            start_char = a.idx[k] + self._skip(a, k)
            out.append(_Hit(k, end, start_char, a.idx[end - 1] + a.length[end - 1], pid, "PERSON", key))
        return out

    def _lists(
        self, doc: Doc, a: _Arrays, found: list[tuple[int, int, str]], known: list[_Hit], used: set[int]
    ) -> list[tuple[int, int, str]]:
        """Names that follow other names in a list (found, and added to `used`)."""
        n = len(a.norms)
        word = a.word
        text = text_of(doc)
        more: list[tuple[int, int, str]] = []
        # Lists of people: after a name, "و" or a comma opens the next one as a title would
        # (عادل إمام ومحمد سعد ومحمد هنيدي); so does a quote, for a nickname (علي المري "أبو محجن").
        ends = sorted({e for _, e, _ in found} | {h.end for h in known if h.type == "PERSON"})
        while ends:
            e = ends.pop(0)
            k = e + 1 if e < n and (word(e) in ("،", ",") or doc[e].is_quote) else e
            if k >= n or k in used or not (k > e or self.strings[a.orths[k]].startswith("و")):
                continue
            if not (word(k) in self.given or self._name_token(word(k))) or self._article(a, k):
                continue  # the next in a list opens with a name word: والتراث الخالد is not one
            end = self._name_at(a, k, used, mode=_TITLED)
            if end == k:
                continue
            start_char, end_char = a.idx[k] + self._skip(a, k), a.idx[end - 1] + a.length[end - 1]
            more.append((k, end, text[start_char:end_char]))
            used.update(range(k, end))
            ends.insert(0, end)
        return more

    def _join_known(
        self,
        a: _Arrays,
        text: str,
        found: list[tuple[int, int, str]],
        known: list[_Hit],
        used: set[int],
        taken: set[int],
        persons: dict[str, _Found],
    ) -> tuple[list[tuple[int, int, str]], set[int]]:
        """Join found names to the known people beside them; the names left, and the starts of
        the known hits that took a found name in."""
        n = len(a.norms)
        word = a.word
        # A name found just before a known person's: the same person named in full (هانس بليكس
        # before بليكس) or someone whose name holds the known one (أحمد بن محمد بن راشد).
        known_at = {h.start: h for h in known if h.type == "PERSON"}
        for start in list(known_at):
            # A known name that opens with بن has its given name before it (سهل | بن حنيف); a
            # name word before a known name is its first name (احمد | أبو غزة, أوبرا | وينفري).
            before = start - 1
            if before < 0 or before in used or not self._nameish(a, before, first=True):
                continue
            prev = word(before)
            named = prev not in self.connectors and (prev in self.given or self._name_token(prev))
            if word(start) in _PATRONYMIC or (named and prev not in self.common):
                if not self._article(a, before):
                    name_ar = text[a.idx[before] + self._skip(a, before) : a.idx[before] + a.length[before]]
                    found.append((before, start, name_ar))
        found_at = {k: end for k, end, _ in found}
        swallowed = set()
        for g in known_at.values():
            # ... and a known name that goes on: حمد بن جاسم | بن جبر آل ثاني is one man.
            j = g.end
            while j + 1 < n and word(j) in self.connectors and self._nameish(a, j + 1) and j + 1 not in taken:
                if j in found_at:
                    swallowed.add(j)
                    j = found_at[j]
                elif j + 1 in found_at:
                    swallowed.add(j + 1)
                    j = found_at[j + 1]
                else:
                    j += 2
            if j > g.end:
                g.end, g.end_char, g.surface = j, a.idx[j - 1] + a.length[j - 1], a.surface(g.start, j)
        found = [f for f in found if f[0] not in swallowed]
        for k, end, name_ar in found:
            after = end
            known_hit = known_at.get(end)
            if known_hit is None and end < n and word(end) in self.connectors:
                after, known_hit = end + 1, known_at.get(end + 1)
            if known_hit is None:
                continue
            if not (after == end and end - k == 1 and self._same_given(name_ar, known_hit.actor)):
                # Someone else, whose name may go on past the known one: محمد بن مبارك الخليفي.
                last = self._continue_name(a, k, known_hit.end, used, titled=False)
                while last > known_hit.end and word(last - 1) in self.connectors:
                    last -= 1
                known_hit.end, known_hit.end_char = last, a.idx[last - 1] + a.length[last - 1]
                whole = text[a.idx[k] + self._skip(a, k) : known_hit.end_char]
                known_hit.actor = self._found(persons, "PERSON", whole)
            known_hit.start, known_hit.start_char = k, a.idx[k] + self._skip(a, k)
            known_hit.surface = a.surface(k, known_hit.end)
        merged = {h.start for h in known_at.values()}
        return found, merged

    def _same_given(self, given_ar: str, actor: str) -> bool:
        """Does a given name read as the first name of a gazetteer person (هانس → Hans Blix)?"""
        entry = self.entries.get(actor)
        if entry is None:
            return False
        mine = _skeleton(self.translit.name_en(given_ar))
        theirs = _skeleton(entry.en.split()[0]) if entry.en else ""
        return bool(mine) and mine[:3] == theirs[:3]

    def _short_forms(self, doc: Doc, a: _Arrays, hits: list[_Hit], taken: set[int]) -> list[_Hit]:
        """Family names of people, and the head of an organisation's name, used alone later."""
        short: dict[str, tuple[str, str, int]] = {}
        for h in hits:
            words = h.surface.split()
            if h.type == "PERSON" and len(words) >= 2:
                last = words[-1]
                if len(last) >= 3 and last not in self.not_name and last not in self.given | self.not_short:
                    short.setdefault(last, (h.actor, h.type, h.start))
            elif h.type == "ORG" and len(words) >= 2 and words[0] in self.org_heads:
                head = words[0] if words[0].startswith("ال") else "ال" + words[0]
                short.setdefault(head, (h.actor, h.type, h.start))
            elif len(words) == 1 and ":ar:" in h.actor and h.type in ("PERSON", "ORG"):
                # A one-word name found from its context (وقال فيرغسون إن, فريق أسيك) names the
                # same actor wherever the article uses it, context or not.
                w = words[0]
                if len(w) >= 4 and not (w in self.given or w in self.common or w in self.resource_words):
                    short.setdefault(w, (h.actor, h.type, -1))
        if not short:
            return []
        out = []
        # The form itself, or with a proclitic the normaliser did not know to remove (وكريمي).
        wanted = {get_string_id(p + key) for key in short for p in ("", *_SHORT_PROCLITICS)}
        for i in [i for i, h in enumerate(a.norms) if h in wanted]:
            tok = doc[i]
            norm = tok.norm_
            if i in taken or not tok.is_alpha:
                continue
            if norm in short:
                form = norm
                start_char = tok.idx + tok._.clitic
            else:
                form, removed = strip_proclitics(norm, short.keys())
                start_char = tok.idx + raw_prefix_length(tok.text, removed)
            if form not in short:
                continue
            actor, atype, first = short[form]
            if atype == "ORG" and tok.i < first:
                continue  # "الهيئة" refers back, never forward
            start = tok.i
            if atype == "PERSON" and i and a.word(i - 1) in self.connectors and i - 1 not in taken:
                # عبد الناصر after جمال عبد الناصر: the short form keeps its عبد or أبو.
                start, start_char = i - 1, a.idx[i - 1] + self._skip(a, i - 1)
            out.append(_Hit(start, tok.i + 1, start_char, tok.idx + len(tok.text), actor, atype))
        return out

    # --- output ------------------------------------------------------------------------------

    def _write(self, doc: Doc, hits: list[_Hit], persons: dict[str, _Found]) -> None:
        mentions: dict[str, list[Mention]] = defaultdict(list)
        types: dict[str, str] = {}
        spans = []
        doc_text = text_of(doc)
        for h in hits:
            text = doc_text[h.start_char : h.end_char]
            mentions[h.actor].append(Mention(h.start_char, h.end_char, text))
            types.setdefault(h.actor, h.type)
            spans.append(Span(doc, h.start, h.end, label=h.type, span_id=h.actor))
        doc.spans["actors"] = spans
        actors = []
        for aid, ms in mentions.items():
            entry = self.entries.get(aid)
            if entry is not None:
                actors.append(Actor(aid, types[aid], entry.en, entry.ar, tuple(ms)))
            else:
                p = persons[aid]
                actors.append(Actor(aid, p.type, p.name_en, p.name_ar, tuple(ms), transliterated=True))
        doc._.actors = tuple(actors)


@Language.factory(
    "briefing_actors",
    assigns=["doc.spans", "doc._.actors"],
    requires=["token.norm"],
    default_config={"max_name_tokens": 4},
)
def make_actors(nlp: Language, name: str, max_name_tokens: int) -> ActorResolver:
    return ActorResolver(nlp, name, max_name_tokens=max_name_tokens)
