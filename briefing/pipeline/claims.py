"""Component: claims — who said what, with which speech act.

A claim is a reporting cue (cues.yaml: قال، نفى، بحسب، تصريح ...), the speaker the cue
attributes to (an actor from doc.spans["actors"], or a speaker phrase from speakers.yaml such as
"مصدر مطلع" or "الصحيفة"), the claimed content (after أن/إن, inside quotes, after a colon, or the
clause a relay phrase is attached to) and a stance. Speakers are looked for in the usual orders:
after the verb ("وقال سهيل كريمي"), before it ("الباحث السياسي، صدام الجاسر، أكد"), dropped
("وأضاف:" — the previous speaker), and after a relay phrase ("…، وفقًا للمسؤولين"). Short
references ("المسؤول الأميركي", "الصحيفة") are tied to the actor they refer back to.

Output: doc.spans["claims"] (one span per cue, label = stance) and doc._.claims, a tuple of
briefing.model.Claim in text order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import IDX, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from briefing.errors import ResourceError
from briefing.model.contract import Claim, Mention, Speaker
from briefing.model.vocab import STANCES
from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.tokenizer import text_of
from briefing.resources import Resources
from briefing.text.normalize import fold, raw_prefix_length

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=())

CUE_KINDS = ("verb", "participle", "noun", "relay", "impersonal")
COMPLEMENTS = ("that", "quote", "about", "to", "on", "from", "with", "object")
SPEAKER_KINDS = ("media", "report", "source", "document", "official", "expert", "public")
REFERS = ("person", "outlet")

# Folded function words the rules read. They are never declared as vocabulary: declaring "ان"
# would let the normalizer read كان as ك + ان.
_THAT = frozenset("ان انه انها انهم انهما انني اننا انكم بان بانه بانها بانهم بانهما فان فانه فانها".split())
_PREP_MARKERS = {"عن": "about", "الي": "to", "علي": "on", "من": "from"}
# Prepositions that govern a noun: a name after one is not the subject.
_PREPS = frozenset("في من عن مع الي علي خلال حول منذ بعد قبل عبر لدي ضد بين نحو عند تجاه بشان امام".split())
# Words after which a verb continues the sentence's subject: كما أيدت، ثم أضاف، حيث أعلن
_CONTINUERS = frozenset("كما ثم حيث بل كذلك بينما فيما اذ عندما حين بعدما لما وعندما وحين كلما".split())
# Words after a comma that do not start a clause of their own: "، أي قرابة"، "، مثل روسيا"
_NOT_CLAUSE = frozenset({"اي", "مثل", "منها", "خاصه", "خصوصا", "سيما", "بما", "بمن", "وخاصه", "ومنها", "لا"})
# Words that may stand between a subject and its verb: "وكان الرئيس … قد أعلن", "التقارير التي تشير"
_GLUE = frozenset("قد لقد كان كانت كانوا وكان وكانت التي الذي الذين اللذين اللتين".split())
# Words that make أن a conjunction of time or concession, not "that": إلى أن، بعد أن، إلا أن
_NOT_THAT_AFTER = frozenset({"الي", "بعد", "قبل", "منذ", "دون", "الا", "رغم", "بما", "حتي", "لو", "غير"})
# Words with an initial ب that are not a complement "بـ + verbal noun".
_NOT_WITH = frozenset(
    "بعد بين بشكل بسبب بحسب بالاضافه بيد بل به بها بهم بهما بذلك بات باتت بدء بدون "
    "بلا بما بينما بعض بلغ بلغت بدا بدات بشان بحيث بحق بفعل بالقرب بالتزامن باسم بيان "
    "بلاده".split()
)
# A comma followed by one of these starts a new clause: the content ends before it.
_CLAUSE_AFTER_COMMA = frozenset(
    "حيث بينما فيما لا الا لكن غير مما ما خاصه خصوصا كما ثم بيد رغم وسط فضلا اذ".split()
)
_FINAL = frozenset({".", "!", "?", "؟", "…", "..", "...", ";", "؛"})
_COMMAS = frozenset({"،", ","})
_QUOTES = frozenset("\"'“”„‟«»‹›‘’`")
_OPEN_QUOTES = frozenset('"“„«‹‘')
_MAX_REGION = 22  # tokens between a cue and the word that opens its content
_MAX_CONTENT = 45  # tokens of content at most
_MAX_SV = 12  # tokens looked back for a subject before its verb
_MIX = numpy.uint64(0x9E3779B97F4A7C15)  # odd multiplier mixing an orth hash into a norm hash
_MAX_VS_GAP = 2  # words (an adverb: اليوم، أمس، أيضا) allowed between a verb and its subject


# --- resources -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CueEntry:
    id: str
    stance: str
    en: str
    kind: str
    complements: frozenset[str]
    unattributed: frozenset[str]  # folded forms that may claim without a speaker
    source: str | None = None  # folded preposition naming the source: نقل عن


@dataclass(frozen=True)
class HeadEntry:
    id: str
    kind: str
    en: str
    plural: bool
    relay: bool = False
    refers: str | None = None


@dataclass(frozen=True)
class QualifierEntry:
    id: str
    en: str
    takes: str | None = None


def inflect(perfect: str | None, imperfect: str | None, object_forms: bool = False) -> list[str]:
    """Third-person forms of a sound verb: أكد → أكدت أكدا أكدتا أكدوا; يؤكد → تؤكد يؤكدان ...

    With `object_forms`, the forms with an object pronoun too: نقلها، نقلتها، ينقلها.
    """
    out: list[str] = []
    if perfect:
        out += [perfect, perfect + "ت", perfect + "ا", perfect + "تا", perfect + "وا"]
        if object_forms:
            out += [
                stem + obj for stem in (perfect, perfect + "ت", perfect + "و") for obj in ("ه", "ها", "هم")
            ]
    if imperfect:
        fem = "ت" + imperfect[1:]
        out += [imperfect, fem, imperfect + "ان", fem + "ان", imperfect + "ون"]
        if object_forms:
            out += [stem + obj for stem in (imperfect, fem) for obj in ("ه", "ها")]
    return out


def _strings(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(f"{where}: '{key}' must be a list of non-empty strings")
    return list(value)


def _items(doc: Any, fname: str, key: str) -> list[dict[str, Any]]:
    items = doc.get(key) if isinstance(doc, dict) else None
    if not isinstance(items, list) or not items:
        raise ResourceError(f"{fname}: expected a non-empty list under '{key}'")
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("id"):
            raise ResourceError(f"{fname}: entry #{i + 1} under '{key}' has no id")
        if item["id"] in seen:
            raise ResourceError(f"{fname}: {item['id']}: duplicate id")
        seen.add(item["id"])
    return items


def _claim_forms(forms: dict[str, tuple[str, Any]], fname: str, eid: str, surface: str, entry: Any) -> None:
    key = " ".join(fold(surface).split())
    owner = forms.get(key)
    if owner is not None and owner[0] != eid:
        raise ResourceError(f"{fname}: {eid}: surface '{surface}' is also listed under {owner[0]}")
    forms[key] = (eid, entry)


def load_cues(doc: Any) -> dict[str, tuple[str, CueEntry]]:
    """Folded surface (words joined by one space) → (cue id, entry); validates cues.yaml."""
    fname = "cues.yaml"
    forms: dict[str, tuple[str, Any]] = {}
    for item in _items(doc, fname, "cues"):
        eid = str(item["id"])
        where = f"{fname}: {eid}"
        stance, kind = item.get("stance"), item.get("kind")
        if not isinstance(stance, str) or stance not in STANCES:
            raise ResourceError(f"{where}: stance must be one of {', '.join(STANCES)}")
        if kind not in CUE_KINDS:
            raise ResourceError(f"{where}: kind must be one of {', '.join(CUE_KINDS)}")
        if not item.get("en"):
            raise ResourceError(f"{where}: an English verb 'en' is required")
        comps = _strings(item.get("complements"), where, "complements") or ["that", "quote"]
        bad = [c for c in comps if c not in COMPLEMENTS]
        if bad:
            raise ResourceError(f"{where}: unknown complement '{bad[0]}'")
        surfaces = _strings(item.get("forms"), where, "forms")
        perfect, imperfect = item.get("perfect"), item.get("imperfect")
        if imperfect is not None and not str(imperfect).startswith("ي"):
            raise ResourceError(f"{where}: 'imperfect' must be the 3rd masc. singular (ي...)")
        dropped = {fold(x) for x in _strings(item.get("except"), where, "except")}
        surfaces += [
            f for f in inflect(perfect, imperfect, bool(item.get("object_forms"))) if fold(f) not in dropped
        ]
        if not surfaces:
            raise ResourceError(f"{where}: no Arabic forms")
        unattributed = frozenset(fold(u) for u in _strings(item.get("unattributed"), where, "unattributed"))
        source = fold(str(item["source"])) if item.get("source") else None
        entry = CueEntry(eid, stance, str(item["en"]), kind, frozenset(comps), unattributed, source)
        folded_surfaces = {" ".join(fold(s).split()) for s in surfaces}
        if not unattributed <= folded_surfaces:
            raise ResourceError(f"{where}: 'unattributed' lists a form the entry does not have")
        for surface in dict.fromkeys(surfaces):
            _claim_forms(forms, fname, eid, surface, entry)
    return forms


def load_speakers(doc: Any) -> tuple[dict[str, tuple[str, HeadEntry]], dict[str, tuple[str, QualifierEntry]]]:
    """Folded head surfaces → entry, and folded qualifier words → entry; validates speakers.yaml."""
    fname = "speakers.yaml"
    heads: dict[str, tuple[str, Any]] = {}
    for item in _items(doc, fname, "speakers"):
        eid = str(item["id"])
        where = f"{fname}: {eid}"
        if item.get("kind") not in SPEAKER_KINDS:
            raise ResourceError(f"{where}: kind must be one of {', '.join(SPEAKER_KINDS)}")
        if item.get("refers") not in (None, *REFERS):
            raise ResourceError(f"{where}: refers must be one of {', '.join(REFERS)}")
        en = str(item.get("en") or "")
        if not en:
            raise ResourceError(f"{where}: an English gloss 'en' is required")
        surfaces = _strings(item.get("ar"), where, "ar")
        if not surfaces:
            raise ResourceError(f"{where}: no Arabic forms")
        plural = bool(item.get("plural")) or not en.startswith(("a ", "an ", "the "))
        entry = HeadEntry(eid, item["kind"], en, plural, bool(item.get("relay")), item.get("refers"))
        for surface in surfaces:
            _claim_forms(heads, fname, eid, surface, entry)
    quals: dict[str, tuple[str, Any]] = {}
    for item in _items(doc, fname, "qualifiers"):
        eid = str(item["id"])
        where = f"{fname}: {eid}"
        if not item.get("en"):
            raise ResourceError(f"{where}: an English gloss 'en' is required")
        q = QualifierEntry(eid, str(item["en"]), fold(item["takes"]) if item.get("takes") else None)
        for surface in _strings(item.get("ar"), where, "ar"):
            if " " in surface.strip():
                raise ResourceError(f"{where}: qualifier '{surface}' must be one word")
            _claim_forms(quals, fname, eid, surface, q)
    return heads, quals


# --- per-document working state ---------------------------------------------------------------


@dataclass(slots=True)
class _NP:
    """A speaker phrase: token span, character span (proclitics excluded), what it is."""

    start: int
    end: int
    start_char: int
    end_char: int
    actor: str | None = None  # actor id when the phrase is, or names, an actor
    type: str = "HEAD"  # PERSON | ORG | GPE | LOC | HEAD
    head: HeadEntry | None = None
    kinds: tuple[str, ...] = ()
    quals: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # actor ids of nationality adjectives and named actors
    names: tuple[str, ...] = ()  # actor ids coordinated in the phrase (France and Britain)


# A span of doc.spans["actors"], keyed by its start: (end, label hash, actor id hash).
_ActorSpan = tuple[int, int, int]
# An actor phrase not built yet: (end, label hash, actor id hash, id hashes when coordinated).
_Pending = tuple[int, int, int, "list[int] | None"]


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    entry: CueEntry


@dataclass(slots=True)
class _Draft:
    cue: _Cue
    sent: int
    speaker: Speaker | None
    np: _NP | None
    content: tuple[int, int]  # characters
    content_tokens: tuple[int, int]
    stance: str
    kinds: tuple[str, ...] = ()
    inside_quote: bool = False


@dataclass
class _Ctx:
    """One document, as plain lists: doc[i] and its attributes build Token objects, which is slow."""

    doc: Doc
    n: int  # tokens
    idx: list[int]  # character start of each token
    norms: Sequence[str]
    fw: Sequence[str]  # folded token with proclitics kept, for function words: كما stays كما
    texts: Sequence[str]
    clitic: Sequence[int]  # token._.clitic: raw characters of the proclitics the normalizer removed
    space: Sequence[bool]  # token.is_space
    alpha: Sequence[bool]  # token.is_alpha
    sent_starts: list[int]
    nps: dict[int, _NP]  # token start → phrase, once built
    pending: dict[int, _Pending]  # token start → actor phrase still to build (most are never read)
    np_of: list[int]  # token → start of the phrase covering it, or -1
    starts: list[int]  # phrase starts, in order
    cue_at: dict[int, _Cue]
    actors_by_id: dict[str, Any]
    text: str
    build: Callable[[_Ctx, int, _Pending], _NP]  # makes a pending actor phrase
    drafts: list[_Draft] = field(default_factory=list)
    resolved: dict[str, str] = field(default_factory=dict)  # head id → actor id it refers to
    _figures: list[tuple[int, int, str]] | None = None

    def np(self, i: int) -> _NP | None:
        """The phrase starting at token i, if one does."""
        hit = self.nps.get(i)
        if hit is None:
            rec = self.pending.get(i)
            if rec is None:
                return None
            hit = self.nps[i] = self.build(self, i, rec)
        return hit

    def phrase(self, i: int) -> _NP:
        """The phrase starting at token i (np_of[i] == i)."""
        hit = self.nps.get(i)
        if hit is None:
            hit = self.nps[i] = self.build(self, i, self.pending[i])
        return hit

    @property
    def figures(self) -> list[tuple[int, int, str]]:
        """(start, end, English) of the figures in doc._.figures that have an English form (read once)."""
        if self._figures is None:
            figures = getattr(self.doc._, "figures", ()) if Doc.has_extension("figures") else ()
            self._figures = [(f.start, f.end, f.en) for f in figures if f.en]
        return self._figures

    def end_char(self, i: int) -> int:
        """Where token i ends in the text."""
        return self.idx[i] + len(self.texts[i])

    def sent(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def sent_bounds(self, i: int) -> tuple[int, int]:
        k = self.sent(i)
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else self.n
        return self.sent_starts[k], end


def vocabulary(resources: Resources) -> set[str]:
    """Words of cues, speaker heads and their qualifiers."""
    words: set[str] = set()
    cues = load_cues(resources.file("cues"))
    heads, quals = load_speakers(resources.file("speakers"))
    for key in (*cues, *heads, *quals):
        words.update(key.split())
    return words


# --- the component -----------------------------------------------------------------------------


class ClaimExtractor(BatchPipe):
    """Finds claims. Config: none; the cue, speaker and qualifier lexicons come from resources."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._folds: dict[str, str] = {}
        # (orth, norm) hash pair → (text, norm, fw, clitic) of the word: a doc is then a few
        # lookups per token, and only a word seen for the first time is read from its strings.
        self._words: dict[int, tuple[str, str, str, int, bool, bool]] = {}
        self._known: frozenset[str] | None = None  # the normalizer's known words, if it says
        self._labels: dict[int, str] = {}  # string hash → string, for span labels and ids

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        self.cues = load_cues(resources.file("cues"))
        self.heads, self.quals = load_speakers(resources.file("speakers"))
        entries = {e.id: e for e in resources.actors}
        self.country_of = {e.id: e.country for e in entries.values() if e.country}
        self.actor_en = {e.id: e.en for e in entries.values()}
        # Nationality adjectives, in the forms a speaker phrase takes: إيراني(ة)، الإيرانيين ...
        self.demonyms: dict[str, str] = {}
        for e in entries.values():
            for d in e.demonym_ar:
                f = fold(d)
                forms = {f, f + "ين", f + "ون"} if f.endswith("ي") else {f}
                for form in forms:
                    self.demonyms.setdefault(form, e.id)
                    self.demonyms.setdefault("ال" + form, e.id)
                    self.demonyms.setdefault("و" + form, e.id)
        # Titles (titles.yaml) stand as speaker heads that refer to a person.
        for t in resources.titles:
            if t.kind == "honorific":
                continue
            kind = "expert" if t.kind == "profession" else "official"
            head = HeadEntry("title:" + t.id, kind, "the " + t.en, False, False, "person")
            for form in t.ar:
                key = " ".join(fold(form).split())
                self.heads.setdefault(key, (head.id, head))
        self.qual_words = {k: v[1] for k, v in self.quals.items()}
        # One matcher for cues and speaker heads (one pass over the doc); its match ids are the
        # string hashes of "cue:<id>" and "head:<id>", read back through these tables.
        self.matcher = self._matcher(
            [(k, "cue:" + v[0]) for k, v in self.cues.items()]
            + [(k, "head:" + v[0]) for k, v in self.heads.items()]
        )
        strings = self.nlp.vocab.strings
        self.cue_entries = {strings.add("cue:" + v[0]): v[1] for v in self.cues.values()}
        self.head_entries = {strings.add("head:" + v[0]): v[1] for v in self.heads.values()}
        self._loc, self._person, self._org = (strings.add(x) for x in ("LOC", "PERSON", "ORG"))
        self._words.clear()
        self._known = known

    def _matcher(self, forms: list[tuple[str, str]]) -> PhraseMatcher:
        """A PhraseMatcher on NORM over (folded surface, match id) pairs."""
        matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        by_id: dict[str, list[Doc]] = {}
        for key, eid in forms:
            pattern = self.nlp.make_doc(key)
            for tok in pattern:
                tok.norm_ = tok.text  # keys are folded already, as the normalizer folds tokens
            by_id.setdefault(eid, []).append(pattern)
        for eid, patterns in by_id.items():
            matcher.add(eid, patterns)
        return matcher

    def _fold(self, text: str) -> str:
        """fold(), remembered: news reuses a small vocabulary."""
        hit = self._folds.get(text)
        if hit is None:
            hit = self._folds[text] = fold(text)
        return hit

    # --- entry point -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = []
        spans: list[Span] = []
        if len(doc):
            ctx = self._context(doc)
            for draft in self._drafts(ctx):
                claims.append(self._claim(ctx, draft))
                spans.append(Span(doc, draft.cue.start, draft.cue.end, label=draft.stance))
        doc.spans["claims"] = spans
        doc._.claims = tuple(claims)
        return doc

    def _context(self, doc: Doc) -> _Ctx:
        # Token attributes read once, as arrays: building Token objects one by one is slow.
        arr = doc.to_array([ORTH, NORM, IDX, SENT_START])
        n = len(arr)
        # One key per (orth, norm) pair, mixed in 64 bits the way spaCy's own string hashes are.
        keys = numpy.bitwise_xor(numpy.multiply(arr[:, 0], _MIX, dtype=numpy.uint64), arr[:, 1]).tolist()
        words = self._words
        try:
            rows: list[Any] = list(map(words.__getitem__, keys))
        except KeyError:  # a word not seen before (cheaper than looking for None in the rows)
            rows = list(map(words.get, keys))
            self._learn(doc, arr, keys, rows)
        texts, norms, fw, clitic, space, alpha = zip(*rows, strict=True)
        # doc.sents: a sentence starts at 0 and at each later token flagged 1.
        sent_starts = [0, *(numpy.flatnonzero(arr[1:, 3] == 1) + 1).tolist()]
        actors_by_id = (
            {a.id: a for a in getattr(doc._, "actors", ()) or ()} if Doc.has_extension("actors") else {}
        )
        ctx = _Ctx(
            doc,
            n,
            arr[:, 2].tolist(),
            norms,
            fw,
            texts,
            clitic,
            space,
            alpha,
            sent_starts,
            {},
            {},
            [-1] * n,
            [],
            {},
            actors_by_id,
            text_of(doc),
            self._actor_np,
        )
        matches = self.matcher(doc)
        self._find_nps(ctx, matches)
        self._find_cues(ctx, matches)
        return ctx

    def _learn(self, doc: Doc, arr: numpy.ndarray, keys: list[int], rows: list[Any]) -> None:
        """Fill the rows of words not seen before (and remember them)."""
        strings = doc.vocab.strings
        words = self._words
        known = self._known
        for i, row in enumerate(rows):
            if row is not None:
                continue
            row = words.get(keys[i])
            if row is None:
                t, n = strings[int(arr[i, 0])], strings[int(arr[i, 1])]
                # The normalizer cuts proclitics only down to a word it knows, and never from a
                # word already in its matching form: only then is token._.clitic worth asking.
                clitic = 0
                if n != t and (known is None or n in known):
                    clitic = int(doc[i]._.clitic)
                # is_space and is_alpha are flags of the word's lexeme.
                lex = doc.vocab[t]
                row = (t, n, n if n == t or not clitic else self._fold(t), clitic, lex.is_space, lex.is_alpha)
                if len(words) < 200_000:
                    words[keys[i]] = row
            rows[i] = row

    # --- speaker phrases ---------------------------------------------------------------------

    def _find_nps(self, ctx: _Ctx, matches: list[tuple[int, int, int]]) -> None:
        group = ctx.doc.spans.get("actors")
        # Longest first at each start, then in the group's order; the first at a start is kept.
        found = sorted(
            [(s.start, s.start - s.end, k, s.end, s.label, s.id) for k, s in enumerate(group)]
            if group
            else []
        )
        actor_at: dict[int, _ActorSpan] = {s[0]: (s[3], s[4], s[5]) for s in reversed(found)}
        head_at: dict[int, tuple[int, HeadEntry]] = {}
        heads = self.head_entries
        for match_id, start, end in matches:
            entry = heads.get(match_id)
            if entry is not None and (start not in head_at or end > head_at[start][0]):
                head_at[start] = (end, entry)
        # Left to right over the words a phrase may start at; a phrase covers what it spans.
        # Actor phrases are only noted here: few are ever read, and _NP objects are built then.
        texts, pending, np_of, starts, built = ctx.texts, ctx.pending, ctx.np_of, ctx.starts, []
        done = 0
        for i in sorted(actor_at.keys() | head_at.keys()) if head_at else sorted(actor_at):
            if i < done:
                continue
            span = actor_at.get(i)
            if span is not None:
                end, label, aid = span
                chain: list[int] | None = None
                # Coordinated actors: فرنسا وبريطانيا، تركيا وروسيا وإيران
                while end in actor_at and actor_at[end][1] == label and texts[end].startswith("و"):
                    chain = chain or [aid]
                    chain.append(actor_at[end][2])
                    end = actor_at[end][0]
                pending[i] = (end, label, aid, chain)
            else:
                np = self._head_np(ctx, actor_at, head_at, i)
                ctx.nps[i] = np
                built.append(np)
                end = np.end
            np_of[i:end] = [i] * (end - i)
            starts.append(i)
            done = end
        self._appositions(ctx, built)

    def _label(self, key: int) -> str:
        """The string of a span label or id hash."""
        hit = self._labels.get(key)
        if hit is None:
            hit = self._labels[key] = self.nlp.vocab.strings[key] if key else ""
        return hit

    def _appositions(self, ctx: _Ctx, heads: list[_NP]) -> None:
        """An apposition ("الباحث السياسي، صدام الجاسر") ties the title to the person."""
        n = ctx.n
        for np in heads:
            if np.head is None or np.head.refers != "person":
                continue
            k = np.end
            while k < n and k - np.end < 2 and (ctx.texts[k] in _COMMAS or ctx.space[k]):
                k += 1
            nxt = ctx.np(k)
            if nxt is not None and nxt.type == "PERSON" and nxt.actor:
                ctx.resolved.setdefault(self._title_key(ctx, np), nxt.actor)

    def _start_char(self, ctx: _Ctx, i: int) -> int:
        """Where word i starts once its proclitics are left out (للمسؤولين → مسؤولين)."""
        text, norm, idx = ctx.texts[i], ctx.norms[i], ctx.idx[i]
        folded = self._fold(text)
        if folded == norm:
            return idx
        if folded.endswith(norm):
            removed = len(folded) - len(norm)
        elif norm.startswith("ال") and folded.endswith(norm[2:]):
            removed = len(folded) - len(norm) + 2  # لل + X written for ل + ال + X
        else:
            return idx + ctx.clitic[i]
        return idx + raw_prefix_length(text, removed)

    def _names(self, rec: _Pending) -> tuple[str, ...]:
        """The actor ids of a pending actor phrase."""
        return (self._label(rec[2]),) if rec[3] is None else tuple(dict.fromkeys(map(self._label, rec[3])))

    def _actor_np(self, ctx: _Ctx, i: int, rec: _Pending) -> _NP:
        end, label, aid, _ = rec
        actor = self._label(aid)
        names = self._names(rec)
        return _NP(
            i,
            end,
            self._start_char(ctx, i),
            ctx.end_char(end - 1),
            actor,
            self._label(label),
            names=names,
            countries=(actor,),
        )

    def _head_np(
        self, ctx: _Ctx, actor_at: dict[int, _ActorSpan], head_at: dict[int, tuple[int, HeadEntry]], i: int
    ) -> _NP:
        end, head = head_at[i]
        # Plural anonymous sources relay for the outlet; tracked as their own kind for the stance.
        kinds, quals, countries = ["source-relay" if head.relay else head.kind], [], []
        actor: str | None = None
        n = ctx.n
        steps = 0
        loc, person, org = self._loc, self._person, self._org
        while end < n and steps < 6:
            steps += 1
            norm, text = ctx.norms[end], ctx.texts[end]
            span = actor_at.get(end)
            if span is not None and span[1] != loc:
                if span[1] == person:
                    break  # a title before a name: the name is the speaker, found on its own
                if span[1] == org:
                    actor = actor or self._label(span[2])
                countries.append(self._label(span[2]))
                end = span[0]
            elif norm in self.demonyms:
                countries.append(self.demonyms[norm])
                end += 1
            elif norm in self.qual_words or (norm.startswith("و") and norm[1:] in self.qual_words):
                q = self.qual_words.get(norm) or self.qual_words[norm[1:]]
                quals.append(q.en)
                end += 1
                if q.takes and end < n and ctx.norms[end] == q.takes:
                    end += 1
                    if end in actor_at:
                        countries.append(self._label(actor_at[end][2]))
                        end = actor_at[end][0]
                    elif end < n and ctx.alpha[end]:
                        end += 1
                        if end in actor_at:
                            countries.append(self._label(actor_at[end][2]))
                            end = actor_at[end][0]
            elif end in head_at and text[:1] in "لو" and ctx.clitic[end]:
                # تقارير لمحللين، مسؤولين وخبراء: a second head joined to the first
                end2, other = head_at[end]
                kinds.append(other.kind)
                end = end2
            elif text in _QUOTES and end + 1 in actor_at:
                span = actor_at[end + 1]
                if span[1] == org:
                    actor = actor or self._label(span[2])
                end = span[0]
                if end < n and ctx.texts[end] in _QUOTES:
                    end += 1
            else:
                break
        return _NP(
            i,
            end,
            self._start_char(ctx, i),
            ctx.end_char(end - 1),
            actor,
            "HEAD",
            head,
            tuple(kinds),
            tuple(quals),
            tuple(dict.fromkeys(countries)),
        )

    # --- cues ----------------------------------------------------------------------------------

    def _find_cues(self, ctx: _Ctx, matches: list[tuple[int, int, int]]) -> None:
        entries = self.cue_entries
        # Longest first at each start, then in the matcher's order.
        found = sorted(
            (start, start - end, k, end, entries[match_id])
            for k, (match_id, start, end) in enumerate(matches)
            if match_id in entries
        )
        taken = -1
        for start, _, _, end, entry in found:
            if start < taken:
                continue
            if entry.kind in ("verb", "participle"):
                # Verbs take و ف س; a ب or ل in front (بحذر، لطلب) makes another word.
                if ctx.clitic[start] and self._fold(ctx.texts[start][: ctx.clitic[start]]).strip("وفس"):
                    continue
                # After a preposition the form is a verbal noun: "من وصف المعارضة", "في نقل"
                if entry.kind == "verb" and start > 0 and ctx.fw[start - 1] in _PREPS:
                    continue
            ctx.cue_at[start] = _Cue(start, end, entry)
            taken = end

    def _drafts(self, ctx: _Ctx) -> Iterator[_Draft]:
        quote_until = -1
        for start in sorted(ctx.cue_at):
            cue = ctx.cue_at[start]
            if start < quote_until:
                continue  # a cue inside a quotation belongs to the quoted words
            kind = cue.entry.kind
            if kind == "relay":
                draft = self._relay(ctx, cue)
            elif kind == "noun":
                draft = self._noun(ctx, cue)
            elif kind == "impersonal":
                draft = self._impersonal(ctx, cue)
            else:
                draft = self._verb(ctx, cue)
            if draft is None:
                continue
            if draft.inside_quote:
                quote_until = draft.content_tokens[1]
            ctx.drafts.append(draft)
        # "يُذكر أن X شدد على …": the claim is X's; the unattributed frame adds nothing.
        keep = []
        for d in ctx.drafts:
            if d.speaker is None and any(
                o is not d
                and o.speaker is not None
                and d.content_tokens[0] <= o.cue.start < d.content_tokens[1]
                for o in ctx.drafts
            ):
                continue
            keep.append(d)
        yield from keep

    # --- verbs and participles ---------------------------------------------------------------

    def _marker(self, ctx: _Ctx, cue: _Cue, limit: int) -> tuple[int, int, str] | None:
        """(first content token, marker token, complement) after the cue, within the clause."""
        comps = cue.entry.complements
        that, quote, with_ = "that" in comps, "quote" in comps, "with" in comps
        fw, texts, cue_at, np_of = ctx.fw, ctx.texts, ctx.cue_at, ctx.np_of
        first_prep: tuple[int, int, str] | None = None
        i = cue.end
        stop = min(limit, cue.end + _MAX_REGION + 1)
        while i < stop:
            norm, text = fw[i], texts[i]
            if that and norm in _THAT and self._that_here(ctx, cue, i):
                return i + 1, i, "that"
            if quote and text == ":":
                return i + 1, i, "quote"
            if quote and text in _OPEN_QUOTES and i == cue.end:
                return i, i, "quote"
            if text in _COMMAS and i + 1 < limit and self._clause_start(ctx, i + 1):
                break
            other = cue_at.get(i)
            if (
                other is not None
                and i > cue.start
                and (other.entry.kind in ("participle", "relay") or self._joined(ctx, i))
            ):
                break
            comp = _PREP_MARKERS.get(norm)
            if comp is not None and norm == cue.entry.source and self._adjacent(ctx, cue, i):
                # "نقلت الصحيفة عن مسؤولين إن …": عن names the source, not the content
                i += 1
                if i < limit and np_of[i] == i:
                    i = ctx.phrase(i).end
                continue
            if comp in comps and np_of[i] < 0:
                nxt = i + 1
                if that and nxt < limit and fw[nxt] in _THAT:
                    return nxt + 1, nxt, "that"
                # A preposition right after the verb or its subject opens the content ("أعرب عن
                # أمله"); further on it is a fallback, should no أن follow.
                if self._adjacent(ctx, cue, i):
                    return i + 1, i, comp
                first_prep = first_prep or (i + 1, i, comp)
            elif with_ and first_prep is None and self._with(ctx, i):
                first_prep = (i, i, "with")
            i += 1
        return first_prep

    def _adjacent(self, ctx: _Ctx, cue: _Cue, i: int) -> bool:
        """Is token i right after the cue, or right after a speaker phrase that follows it?"""
        first = self._skip_blank(ctx, cue.end)
        if i == first:
            return True
        np = ctx.np(first)
        return np is not None and self._skip_blank(ctx, np.end) == i

    def _that_here(self, ctx: _Ctx, cue: _Cue, i: int) -> bool:
        """Is أن at i the "that" of the cue, not part of إلى أن (until), بعد أن, إلا أن …?"""
        if i == cue.end or ctx.fw[i - 1] not in _NOT_THAT_AFTER:
            return True
        # "أشار إلى أن", "يعتبر المحللون إلى أن": إلى right after the cue or its subject
        j = i - 1
        return ctx.fw[j] == "الي" and (j == cue.end or ctx.np_of[j - 1] == self._skip_blank(ctx, cue.end))

    def _skip_blank(self, ctx: _Ctx, i: int) -> int:
        while i < ctx.n and (ctx.space[i] or ctx.texts[i] in _QUOTES):
            i += 1
        return i

    def _with(self, ctx: _Ctx, i: int) -> bool:
        text = ctx.texts[i]
        norm = self._fold(text)
        return (
            norm.startswith("ب")
            and len(norm) > 3
            and norm not in _NOT_WITH
            and norm not in _THAT
            and ctx.np_of[i] < 0
            and ctx.alpha[i]
        )

    def _clause_start(self, ctx: _Ctx, i: int) -> bool:
        """Does the token after a comma open a new clause (وذلك، حيث، وفقا، لافتا …)?"""
        text, norm = ctx.texts[i], ctx.fw[i]
        if i in ctx.cue_at and ctx.cue_at[i].entry.kind in ("relay", "participle", "verb"):
            return True
        if (text.startswith("و") and len(text) > 1 and ctx.np_of[i] != i) or norm in _CLAUSE_AFTER_COMMA:
            return True
        # "، عادت إيران …": a bare word and then a named actor read as a verb and its subject
        nxt = ctx.np(i + 1)
        return (
            nxt is not None
            and nxt.type in ("PERSON", "ORG", "GPE")
            and ctx.np_of[i] < 0
            and ctx.alpha[i]
            and not norm.startswith("ال")
            and not ctx.clitic[i]
            and norm not in _PREPS
            and norm not in _NOT_CLAUSE
            and norm not in _THAT
            and i not in ctx.cue_at
        )

    def _verb(self, ctx: _Ctx, cue: _Cue) -> _Draft | None:
        s_start, s_end = ctx.sent_bounds(cue.start)
        marker = self._marker(ctx, cue, s_end)
        if marker is None and "object" not in cue.entry.complements:
            return None
        # Passive and impersonal forms (يُذكر أن، يقال إن) have no subject to look for.
        passive = self._fold(ctx.texts[cue.start][ctx.clitic[cue.start] :]) in cue.entry.unattributed
        region_end = marker[1] if marker else min(s_end, cue.end + 12)
        np, how = None, ""
        if cue.entry.kind == "verb" and not passive:
            # After أن the subject comes first: "إن وزراء الخارجية سيطالبون كيري بـ…"
            np = self._subject_after_that(ctx, cue, s_start)
            how = "before" if np else ""
        if np is None and cue.entry.kind == "verb":
            np = self._after(ctx, cue.end, region_end, strict=marker is None, passive=passive)
            how = "after" if np else ""
        prev: _Draft | None = None
        if np is None and not passive:
            level = self._continues(ctx, cue, s_start)
            prev = self._previous(ctx, cue)
            if level == 2:
                # A person named since the last claim takes over: "…، سيرجي لافروف، وقال"
                np = self._before(ctx, cue, s_start, since_content=True, person_only=True)
                # A participle has no subject of its own: without a previous claim, none.
                if np is None and prev is None and cue.entry.kind != "participle":
                    np = self._before(ctx, cue, s_start)
            else:
                np = self._before(ctx, cue, s_start, since_content=level == 1, placed=level == 0)
                # "وحول ذلك أضاف:" — a quotation with no subject goes on with the last speaker
                if level == 0 and not (marker is not None and marker[2] == "quote"):
                    prev = None
            how = "before" if np else ""
        speaker: Speaker | None = None
        kinds: tuple[str, ...] = ()
        if np is not None:
            speaker, kinds = self._speaker(ctx, np, cue.start), np.kinds
        elif prev is not None:
            speaker, kinds = prev.speaker, prev.kinds
        elif not passive:
            return None
        if marker is None:
            # A direct object: it starts after the subject when the subject follows the verb.
            first = np.end if (np is not None and how == "after") else cue.end
            first = self._skip_addressee(ctx, first, s_end)
            marker = (first, first, "object")
        content = self._content(ctx, marker[0], s_end, marker[2], cue)
        if content is None:
            return None
        return self._draft(ctx, cue, speaker, np, kinds, content, marker[2])

    def _joined(self, ctx: _Ctx, i: int) -> bool:
        """Does token i carry the conjunction و or ف (a new coordinated verb: "وطلبت")?"""
        clitic = ctx.clitic[i]
        return bool(clitic) and any(c in self._fold(ctx.texts[i][:clitic]) for c in "وف")

    def _subject_after_that(self, ctx: _Ctx, cue: _Cue, s_start: int) -> _NP | None:
        j = cue.start - 1
        while j >= s_start and (ctx.fw[j] in _GLUE or ctx.space[j]):
            j -= 1
        k = ctx.np_of[j] if j >= s_start else -1
        if k < 0 or ctx.phrase(k).end != j + 1 or ctx.phrase(k).type == "LOC":
            return None
        before = k - 1
        return ctx.phrase(k) if before >= s_start and ctx.fw[before] in _THAT else None

    def _continues(self, ctx: _Ctx, cue: _Cue, s_start: int) -> int:
        """How surely the cue's dropped subject is the last speaker: 2 surely, 1 maybe, 0 not.

        A participle, a verb opening a sentence or a clause ("، ورأى"، "كما أيدت"، "كما أنه هدد")
        continues (2); a verb joined by و to what precedes ("عادت إيران … وأكدت") may (1); a verb
        right after a noun ("مواجهة تهدد بـ…") describes that noun (0).
        """
        if cue.entry.kind == "participle":
            return 2
        j = cue.start - 1
        while j >= s_start and (ctx.fw[j] in ("قد", "لقد", "وقد", "فقد") or ctx.space[j]):
            j -= 1
        if j < s_start or ctx.texts[j] in _COMMAS or ctx.fw[j] in _CONTINUERS:
            return 2
        if ctx.fw[j] in _THAT and ctx.fw[j] not in ("ان", "بان"):
            return 2  # "كما أنه هدد": the pronoun is the subject
        return 1 if self._fold(ctx.texts[cue.start][: ctx.clitic[cue.start]]).strip("س") in ("و", "ف") else 0

    def _skip_addressee(self, ctx: _Ctx, i: int, limit: int) -> int:
        """طلبت من إيران عدم …, أبلغ نظراءه بـ …: the one asked is not the content."""
        if i < limit and ctx.fw[i] in ("من", "الي"):
            i += 1
            if i < limit and ctx.np_of[i] == i:
                return ctx.phrase(i).end
            return min(i + 1, limit)
        if i < limit and ctx.np_of[i] == i and ctx.texts[i][:1] == "ل" and ctx.clitic[i]:
            return ctx.phrase(i).end
        return i

    def _governed(self, ctx: _Ctx, i: int, allow_l: bool = False) -> bool:
        """Is the phrase at token i the object of a preposition (في المذكرة، لوكالة، بالرئيس)?"""
        clitic = self._fold(ctx.texts[i][: ctx.clitic[i]])
        if clitic.strip("و") and not (allow_l and clitic.strip("و") == "ل"):
            return True
        j = i - 1
        while j >= 0 and ctx.texts[j] in _QUOTES:
            j -= 1
        if j < 0:
            return False
        if ctx.fw[j] in _PREPS:
            # "كل من فرنسا وبريطانيا" — both France and Britain — is a subject
            return not (ctx.fw[j] == "من" and j > 0 and ctx.fw[j - 1] in ("كل", "كلا"))
        # لـ"رويترز": the clitic stands as its own token
        prev = ctx.texts[j].rstrip("\u0640")
        return prev in ("ل", "ب", "ول", "وب") and not allow_l

    def _after(self, ctx: _Ctx, start: int, limit: int, strict: bool, passive: bool = False) -> _NP | None:
        """The subject after a verb: the first speaker phrase, or a name after its title.

        After a passive form only a document or outlet named right after it counts ("يقال في
        المذكرة:").
        """
        if passive:
            for i in range(start, min(limit, start + 3)):
                np = ctx.np(i)
                if np is not None and np.head is not None and np.head.kind in ("document", "media", "report"):
                    return np
            return None
        first: _NP | None = None
        start = self._skip_blank(ctx, start)
        i = start
        broke = False
        while i < limit and i - start <= 12:
            if first is None and i - start > _MAX_VS_GAP:
                return None  # a subject comes first; what is further on is the object
            if ctx.np_of[i] == i:
                np = ctx.phrase(i)
                if np.type != "LOC" and not self._governed(ctx, i):
                    # A name after a title or the body it heads is the speaker ("أمين عام مجلس الأمن
                    # … علي شمخاني"); after sources or media ("لم تستبعد المصادر مشاركة لافروف") not.
                    titled = first is not None and (
                        first.head is None or first.head.refers == "person" or first.head.kind == "official"
                    )
                    if np.type == "PERSON" and (first is None or (titled and not broke)):
                        return np
                    first = first or np
                i = np.end
                continue
            if ctx.fw[i] in _PREPS:
                broke = True
            i += 1
        return first

    def _before(
        self,
        ctx: _Ctx,
        cue: _Cue,
        s_start: int,
        since_content: bool = False,
        person_only: bool = False,
        placed: bool = False,
    ) -> _NP | None:
        """The subject before its verb, within the clause since the previous claim.

        With `placed`, only a phrase that stands right before the verb ("تقارير تشير"، "التصريحات
        التي تؤكد") or opens its clause ("يُذكر أن فرنسا … قد شددتا") counts: a verb right after
        some other noun usually describes that noun ("مواجهة تهدد").
        """
        floor = s_start
        for d in reversed(ctx.drafts):
            if d.sent != ctx.sent(cue.start):
                break
            floor = max(floor, d.cue.end, d.np.end if d.np is not None and d.np.start > d.cue.start else 0)
            if since_content and d.content_tokens[1] <= cue.start:
                floor = max(floor, d.content_tokens[1])
            break
        best: _NP | None = None
        rank = {"PERSON": 0, "HEAD": 1}
        j = cue.start - 1
        while j >= max(floor, cue.start - _MAX_SV):
            k = ctx.np_of[j]
            if k >= 0 and k >= floor:
                np = ctx.phrase(k)
                adjacent = np.end == cue.start
                usable = np.type != "LOC" and (adjacent or not self._governed(ctx, k))
                usable = usable and (np.type == "PERSON" or not person_only)
                usable = usable and (not placed or self._placed(ctx, np, cue, s_start))
                if usable and (best is None or rank.get(np.type, 2) < rank.get(best.type, 2)):
                    best = np
                j = k - 1
                continue
            if ctx.fw[j] in _THAT or ctx.texts[j] in _FINAL:
                break
            if j in ctx.cue_at and ctx.cue_at[j].entry.kind in ("verb", "participle"):
                break
            j -= 1
        return best

    def _placed(self, ctx: _Ctx, np: _NP, cue: _Cue, s_start: int) -> bool:
        j = np.end
        while j < cue.start and (ctx.fw[j] in _GLUE or ctx.space[j] or ctx.texts[j] in _COMMAS):
            j += 1
        if j == cue.start:
            return True
        k = np.start - 1
        while k >= s_start:
            if ctx.np_of[k] >= 0 and ctx.phrase(ctx.np_of[k]).type == "HEAD":
                k = ctx.np_of[k] - 1  # a title before the name
            elif ctx.fw[k] in _GLUE or ctx.space[k] or ctx.texts[k] in _QUOTES:
                k -= 1
            else:
                break
        if k < s_start:
            return True
        fw = ctx.fw[k]
        return (
            ctx.texts[k] in _COMMAS
            or fw in _THAT
            or (fw == "من" and k > 0 and ctx.fw[k - 1] in ("كل", "كلا"))
        )

    def _previous(self, ctx: _Ctx, cue: _Cue) -> _Draft | None:
        """The claim whose speaker a dropped subject continues (same or previous two sentences)."""
        here = ctx.sent(cue.start)
        for d in reversed(ctx.drafts):
            if here - d.sent > 2:
                return None
            if d.speaker is not None:
                return d
        return None

    # --- relay phrases, verbal nouns, impersonal phrases -------------------------------------

    def _relay(self, ctx: _Ctx, cue: _Cue) -> _Draft | None:
        s_start, s_end = ctx.sent_bounds(cue.start)
        i = cue.end
        while i < s_end and (
            ctx.texts[i] in _QUOTES or ctx.fw[i] == "عن" or ctx.texts[i].rstrip("\u0640") == "ل"
        ):
            i += 1
        if i >= s_end or ctx.np_of[i] != i:
            return None
        np = ctx.phrase(i)
        speaker = self._speaker(ctx, np, cue.start)
        after = np.end
        while after < s_end and (ctx.texts[after] in _QUOTES or ctx.space[after]):
            after += 1
        at_end = after >= s_end or ctx.texts[after] in _COMMAS or ctx.texts[after] in _FINAL
        at_start = self._clause_head(ctx, s_start, cue.start)
        if at_end and not at_start:
            content = self._clause_before(ctx, cue, s_start)
        else:
            k = after
            # "وبحسب تقارير …، فإن موسكو …": the content follows the comma and فإن
            while k < s_end and k - after < 8 and ctx.texts[k] not in _COMMAS and ctx.fw[k] not in _THAT:
                k += 1
            if k < s_end and (ctx.texts[k] in _COMMAS or ctx.fw[k] in _THAT):
                k += 1
                if k < s_end and ctx.fw[k] in _THAT:
                    k += 1
            else:
                k = after
            content = self._content(ctx, k, s_end, "object", cue)
        if content is None:
            return None
        return self._draft(ctx, cue, speaker, np, np.kinds, content, "relay")

    def _clause_head(self, ctx: _Ctx, s_start: int, i: int) -> bool:
        """Is token i the first word of its sentence (a leading و, quotes and spaces aside)?"""
        return all(ctx.space[k] or ctx.texts[k] in _QUOTES for k in range(s_start, i))

    def _clause_before(self, ctx: _Ctx, cue: _Cue, s_start: int) -> tuple[int, int] | None:
        end = cue.start
        # A chain of relays ("وفقًا لمصدرين، وفق الصحيفة") shares the clause before the first.
        for d in reversed(ctx.drafts):
            if d.cue.entry.kind == "relay" and d.sent == ctx.sent(cue.start) and d.cue.start < cue.start:
                gap = [
                    t for t in range(d.cue.end, cue.start) if ctx.np_of[t] < 0 and ctx.texts[t] not in _COMMAS
                ]
                if not [
                    t
                    for t in gap
                    if not ctx.space[t]
                    and ctx.texts[t] not in _QUOTES
                    and ctx.fw[t] not in ("عن",)
                    and ctx.texts[t].rstrip("\u0640") != "ل"
                ]:
                    return d.content_tokens
            break
        while end > s_start and (ctx.texts[end - 1] in _COMMAS or ctx.space[end - 1]):
            end -= 1
        start = s_start
        earlier = [
            d.cue.start for d in ctx.drafts if d.sent == ctx.sent(cue.start) and d.cue.start < cue.start
        ]
        commas = [k for k in range(s_start, end) if ctx.texts[k] in _COMMAS]
        if earlier:
            start = earlier[0]
        elif commas and end - commas[-1] > 5:
            start = commas[-1] + 1  # the clause the relay closes
        else:
            # A short lead-in before a comma ("يوم الجمعة،", "من جانبها،") is not the claim.
            for k in range(s_start, min(s_start + 4, end)):
                if ctx.texts[k] in _COMMAS:
                    start = k + 1
                    break
        while start < end and (ctx.space[start] or ctx.texts[start] in _QUOTES):
            start += 1
        if end - start < 2:
            return None
        return start, end

    def _noun(self, ctx: _Ctx, cue: _Cue) -> _Draft | None:
        _, s_end = ctx.sent_bounds(cue.start)
        i = cue.end
        while i < s_end and ctx.texts[i] in _QUOTES:
            i += 1
        # The speaker is the noun's genitive: "دعوة الرئيس"، "تصريح بوتين"، "مطالبة موسكو"
        np = ctx.np(i) if i < s_end else None
        if np is None or np.type == "LOC":
            return None
        # A title and the name after it: "دعوة الرئيس الروسي فلاديمير بوتين"
        if np.type == "HEAD":
            nxt = self._after(ctx, np.end, min(np.end + 3, s_end), strict=True)
            if nxt is not None and nxt.type == "PERSON":
                np = nxt
        probe = _Cue(cue.start, np.end, cue.entry)
        marker = self._marker(ctx, probe, min(s_end, np.end + 14))
        if marker is None:
            return None
        content = self._content(ctx, marker[0], s_end, marker[2], cue)
        if content is None:
            return None
        return self._draft(ctx, cue, self._speaker(ctx, np, cue.start), np, np.kinds, content, marker[2])

    def _impersonal(self, ctx: _Ctx, cue: _Cue) -> _Draft | None:
        _, s_end = ctx.sent_bounds(cue.start)
        marker = self._marker(ctx, cue, s_end) or (cue.end, cue.end, "object")
        content = self._content(ctx, marker[0], s_end, marker[2], cue)
        if content is None:
            return None
        speaker: Speaker | None = None
        kinds: tuple[str, ...] = ()
        if cue.entry.stance == "deny":  # "لا صحة لـ…" is said by the sentence's subject
            prev = self._previous(ctx, cue)
            if prev is not None:
                speaker, kinds = prev.speaker, prev.kinds
        return self._draft(ctx, cue, speaker, None, kinds, content, marker[2])

    # --- content -------------------------------------------------------------------------------

    def _content(self, ctx: _Ctx, i: int, s_end: int, how: str, cue: _Cue) -> tuple[int, int] | None:
        """Token span of the claimed words from token i, cut at the end of their clause."""
        n = ctx.n
        while i < s_end and (ctx.space[i] or (ctx.texts[i] in _QUOTES and how != "quote")):
            i += 1
        quoted = False
        if how == "quote":
            while i < s_end and ctx.space[i]:
                i += 1
            if i < n and ctx.texts[i] in _OPEN_QUOTES:
                quoted, i = True, i + 1
        start = i
        end = i
        texts, cue_at = ctx.texts, ctx.cue_at
        stop = min(s_end, start + _MAX_CONTENT)
        while end < stop:
            text = texts[end]
            if quoted:
                if text in _QUOTES:
                    break
            elif text in _FINAL or text == ":":
                break
            elif text in _COMMAS and end + 1 < s_end and self._clause_start(ctx, end + 1):
                break
            elif end > start and end in cue_at:
                other = cue_at[end].entry.kind
                if other == "relay" or (other in ("verb", "participle") and self._joined(ctx, end)):
                    break
            end += 1
        if quoted and end >= s_end:
            # The quotation goes on past the sentence: keep its first sentence.
            end = s_end
        while end > start and (
            ctx.texts[end - 1] in _COMMAS
            or ctx.texts[end - 1] in _QUOTES
            or ctx.texts[end - 1] in _FINAL
            or ctx.space[end - 1]
        ):
            end -= 1
        if end <= start:
            return None
        return start, end

    # --- speaker, stance, English ----------------------------------------------------------

    def _speaker(self, ctx: _Ctx, np: _NP, at: int) -> Speaker:
        name_ar = ctx.text[np.start_char : np.end_char]
        if np.type != "HEAD":
            names = [self._actor_en(ctx, a) for a in np.names] or [self._actor_en(ctx, np.actor or "")]
            name_en = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            return Speaker(np.actor, name_en, name_ar, np.start_char, np.end_char)
        head = np.head
        assert head is not None
        actor = np.actor
        if actor is not None and head.refers == "outlet":
            ctx.resolved[head.id] = actor
        definite = ctx.norms[np.start].startswith("ال")
        if actor is None and definite and head.refers:
            actor = self._refer_back(ctx, np, head, at)
        if actor is not None and (head.refers or np.type != "HEAD") and actor in ctx.actors_by_id:
            return Speaker(actor, self._actor_en(ctx, actor), name_ar, np.start_char, np.end_char)
        return Speaker(None, self._gloss(ctx, np, definite), name_ar, np.start_char, np.end_char)

    def _title_key(self, ctx: _Ctx, np: _NP) -> str:
        return "title-np:" + " ".join(ctx.norms[np.start : np.end])

    def _refer_back(self, ctx: _Ctx, np: _NP, head: HeadEntry, at: int) -> str | None:
        """The actor a short reference ("المسؤول الأميركي", "الصحيفة") stands for, if any."""
        if head.refers == "person":
            hit = ctx.resolved.get(self._title_key(ctx, np))
            if hit:
                return hit
            here = ctx.sent(at)
            for d in reversed(ctx.drafts):
                if here - d.sent > 3:
                    break
                if d.speaker and d.speaker.actor and d.np is not None and d.np.type == "PERSON":
                    return d.speaker.actor
            return None
        hit = ctx.resolved.get(head.id)
        if hit:
            return hit
        # The outlet named most recently before the reference.
        for j in range(np.start - 1, -1, -1):
            k = ctx.np_of[j]
            if k >= 0 and ctx.phrase(k).type == "ORG" and ctx.phrase(k).actor:
                ctx.resolved[head.id] = ctx.phrase(k).actor or ""
                return ctx.phrase(k).actor
        return None

    def _actor_en(self, ctx: _Ctx, actor: str) -> str:
        info = ctx.actors_by_id.get(actor)
        if info is not None:
            return str(info.name_en)
        return self.actor_en.get(actor, actor)

    def _gloss(self, ctx: _Ctx, np: _NP, definite: bool) -> str:
        head = np.head
        assert head is not None
        base = head.en.split(" ", 1)[1] if not head.plural else head.en
        words = " ".join([*dict.fromkeys(np.quals), base])
        if not head.plural:
            article = "the" if definite else ("an" if words[:1] in "aeiou" else "a")
            words = f"{article} {words}"
        places = [self._actor_en(ctx, c) for c in np.countries]
        return f"{words} ({', '.join(dict.fromkeys(places))})" if places else words

    def _draft(
        self,
        ctx: _Ctx,
        cue: _Cue,
        speaker: Speaker | None,
        np: _NP | None,
        kinds: tuple[str, ...],
        content: tuple[int, int],
        how: str,
    ) -> _Draft:
        c0, c1 = content
        start_char = ctx.idx[c0]
        if how == "with":
            start_char += ctx.clitic[c0] or raw_prefix_length(ctx.texts[c0], 1)
        end_char = ctx.end_char(c1 - 1)
        stance = self._stance(ctx, cue, kinds, content)
        inside_quote = how == "quote" and c0 > 0 and ctx.texts[c0 - 1] in _OPEN_QUOTES
        return _Draft(
            cue,
            ctx.sent(cue.start),
            speaker,
            np,
            (start_char, end_char),
            content,
            stance,
            kinds,
            inside_quote,
        )

    def _stance(self, ctx: _Ctx, cue: _Cue, kinds: tuple[str, ...], content: tuple[int, int]) -> str:
        stance = cue.entry.stance
        first = ctx.texts[content[0]]
        folded_first = self._fold(first)
        # The content itself can be the act: "إن على إيران أن تنسحب", "بضرورة إخلاء", "لا صحة"
        if folded_first in ("ضروره", "بضروره", "وجوب", "بوجوب"):
            return "demand"
        if first.startswith("على") and any(
            ctx.fw[k] in _THAT for k in range(content[0] + 1, min(content[1], content[0] + 6))
        ):
            return "demand"
        if folded_first == "لا" and content[0] + 1 < content[1] and ctx.fw[content[0] + 1].startswith("صح"):
            return "deny"
        if cue.entry.kind == "relay" and ("expert" in kinds or "public" in kinds):
            return "assess"
        if stance == "assert" and kinds and kinds[0] in ("media", "report", "source-relay"):
            return "report"
        return stance

    def _claim(self, ctx: _Ctx, draft: _Draft) -> Claim:
        i = draft.cue.start
        cue_start = (
            ctx.idx[i] + ctx.clitic[i] if draft.cue.entry.kind in ("verb", "participle") else ctx.idx[i]
        )
        cue_end = ctx.end_char(draft.cue.end - 1)
        cue = Mention(cue_start, cue_end, ctx.text[cue_start:cue_end])
        c0, c1 = draft.content
        content = Mention(c0, c1, ctx.text[c0:c1])
        return Claim(draft.speaker, cue, draft.stance, content, self._english(ctx, draft), draft.sent)

    def _english(self, ctx: _Ctx, draft: _Draft) -> str:
        sp = draft.speaker
        if sp is None:
            who = "Unattributed:"
        else:
            who = sp.name_en
            country = self.country_of.get(sp.actor or "")
            if country and country != sp.actor:
                who += f" ({self._actor_en(ctx, country)})"
        items: list[str] = []
        t0, t1 = draft.content_tokens
        starts = ctx.starts
        for k in starts[bisect_left(starts, t0) : bisect_left(starts, t1)]:
            rec = ctx.pending.get(k)  # the actor phrases: head phrases are built at once
            if rec is not None:
                items.extend(self._actor_en(ctx, a) for a in self._names(rec))
        c0, c1 = draft.content
        for f0, f1, en in ctx.figures:
            if c0 <= f0 and f1 <= c1:
                items.append(en)
        items = list(dict.fromkeys(i for i in items if i))
        tail = f" (about: {', '.join(items[:6])})" if items else ""
        verb = draft.cue.entry.en if draft.stance == draft.cue.entry.stance else STANCES[draft.stance].verb_en
        return f"{who} {verb}{tail}."


@Language.factory("briefing_claims", assigns=["doc.spans", "doc._.claims"], requires=["token.norm"])
def make_claims(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(nlp, name)
