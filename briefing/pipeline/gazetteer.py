"""Component: the gazetteer's actors where a document names them → doc._.actor_candidates.

Its patterns come from the surface table, `gazetteer_index(resources)`: every Arabic surface of
every actor, folded, with the actors that claim it; the government phrases made from a state's
adjectives (الحكومة الإيرانية, النظام السوري); both spellings of joined names (عبد الله and
عبدالله); and, for hashtags, each phrase with "_" for its spaces (#حزب_الله). A surface claimed
by several actors matches with the id AMBIGUOUS + surface, one that is an everyday word too
(مالي, صور) with IN_CONTEXT + id: briefing_actors decides both from the context.

Matching is a PhraseMatcher on NORM, so proclitics and spelling variants are tolerated, and
keeps the first longest match where matches overlap (the order of spaCy's SpanRuler and
filter_spans). The candidates are (start, end, type, pattern id) tuples, `candidate_matches(doc)`:
the actors component reads thousands of them per batch, and a Span costs a microsecond or two to
make. doc._.actor_candidates gives them as token spans whose `id_` is the pattern id and whose
label is the actor's type (AMBIGUOUS when shared).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mypy_extensions import mypyc_attr
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.loading import PatternTokenizer, once_per_resources
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ActorRulesFile
from briefing.text.normalize import fold

AMBIGUOUS = "?"  # pattern-id prefix of surfaces shared by several entries
IN_CONTEXT = "!"  # pattern-id prefix of surfaces that are everyday words too (مالي, صور)

MATCHES_KEY = "briefing.actor_candidates"  # doc.user_data: ((start, end, type, pattern id), ...)
Match = tuple[int, int, str, str]


def candidate_matches(doc: Doc) -> tuple[Match, ...]:
    """The gazetteer's matches in `doc`, in token order: (start, end, type, pattern id)."""
    return doc.user_data.get(MATCHES_KEY, ())  # type: ignore[no-any-return]


def _candidates(doc: Doc) -> Iterable[Span]:
    return [
        Span(doc, start, end, label=label, span_id=pid) for start, end, label, pid in candidate_matches(doc)
    ]


# The matches are plain tuples in doc.user_data, which serializes with the doc (Spans there would
# make a reference cycle); the extension is how components and tests name them as spans.
if not Doc.has_extension("actor_candidates"):
    Doc.set_extension("actor_candidates", getter=_candidates)


def with_article(adjective: str) -> str:
    """ "كورية جنوبية" → "الكورية الجنوبية": every word of an adjective phrase takes the article."""
    return " ".join(w if w.startswith("ال") else "ال" + w for w in adjective.split())


def government_phrases(resources: Resources) -> list[tuple[str, ActorEntry]]:
    """Government phrases made from a state's adjectives: الحكومة الإيرانية, النظام السوري."""
    rules = resources.get("actor_rules", ActorRulesFile)
    out = []
    for e in resources.actors:
        if e.type != "GPE":
            continue
        # Every spelling counts (أمريكية, أميركية); plurals (إيرانيون) never follow these nouns.
        fem = [d for d in e.demonym_ar if d.endswith("ة")]
        masc = [d for d in e.demonym_ar if not d.endswith(("ة", "ون", "ين"))]
        out += [(f"{noun} {with_article(d)}", e) for d in fem for noun in rules.government_nouns_f]
        out += [(f"{noun} {with_article(d)}", e) for d in masc for noun in rules.government_nouns_m]
    return out


def _joined_spelling(openers: tuple[str, ...]) -> re.Pattern[str]:
    """What a joined-name opener (عبد, أبو) looks like before a word with the article."""
    return re.compile(rf"(?<!\S)({'|'.join(map(re.escape, openers))}) ?(?=ال)")


def _other_spelling(name: str, joined: re.Pattern[str]) -> str:
    """The other spelling of a joined name: "عبد الله" ⇄ "عبدالله"."""
    return joined.sub(lambda m: m.group(1) if " " in m.group(0) else m.group(1) + " ", name)


@functools.lru_cache(maxsize=1 << 16)  # the actor rules key every name they find, again and again
def surface_key(surface: str) -> str:
    """A surface's key in the table: folded, its words joined by single spaces."""
    return " ".join(fold(surface).split())


@dataclass(frozen=True)
class GazetteerIndex:
    """The surface table: what the gazetteer matches and which actors a match may be."""

    owners: Mapping[str, tuple[str, ...]]  # surface key → ids that claim it, first claim first
    context_only: frozenset[tuple[str, str]]  # (surface key, id): matched in a place context only
    forms: tuple[tuple[str, str], ...]  # (surface as written, id), both spellings of joined names
    types: Mapping[str, str]  # id → actor type

    def patterns(self) -> list[dict[str, str]]:
        """SpanRuler phrase patterns: one per surface key, then the hashtag form of each phrase."""
        patterns = []
        for key, ids in self.owners.items():
            if len(ids) > 1:
                patterns.append({"label": "AMBIGUOUS", "pattern": key, "id": AMBIGUOUS + key})
            elif (key, ids[0]) in self.context_only:
                patterns.append({"label": self.types[ids[0]], "pattern": key, "id": IN_CONTEXT + ids[0]})
            else:
                patterns.append({"label": self.types[ids[0]], "pattern": key, "id": ids[0]})
        # Hashtags join words with "_", which the tokenizer keeps as a token of its own.
        return patterns + [
            {**p, "pattern": p["pattern"].replace(" ", "_")} for p in patterns if " " in p["pattern"]
        ]


@once_per_resources
def gazetteer_index(resources: Resources) -> GazetteerIndex:
    """The surface table of `resources` (computed once per Resources object)."""
    forms: list[tuple[str, str]] = []
    context_only: set[tuple[str, str]] = set()
    for e in resources.actors:
        forms += [(s, e.id) for s in (*e.surfaces_ar, *e.ambiguous_ar, *e.context_only_ar)]
        context_only.update((surface_key(s), e.id) for s in e.context_only_ar)
    forms += [(s, e.id) for s, e in government_phrases(resources)]
    joined = _joined_spelling(resources.get("actor_rules", ActorRulesFile).joined_name_openers)
    forms += [(other, eid) for s, eid in forms if (other := _other_spelling(s, joined)) != s]
    owners: dict[str, list[str]] = {}
    for s, eid in forms:
        ids = owners.setdefault(surface_key(s), [])
        if eid not in ids:
            ids.append(eid)
    return GazetteerIndex(
        owners={key: tuple(ids) for key, ids in owners.items()},
        context_only=frozenset(context_only),
        forms=tuple(forms),
        types={e.id: e.type for e in resources.actors},
    )


@mypyc_attr(allow_interpreted_subclasses=True)
class Gazetteer(BatchPipe):
    """Finds the gazetteer's surfaces. Config: none; the patterns come to `load`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.make_doc = nlp.make_doc
        self.matcher = PhraseMatcher(self.vocab, attr="NORM")
        # match key → (type, pattern id): what a match is; and → the hashes of both, which order
        # matches as spaCy does. Two tables, so that no tuple is sliced per match.
        self.keys: dict[int, tuple[str, str]] = {}
        self.order: dict[int, tuple[int, int]] = {}

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        """`known`: the folded words the normalizer may uncover (see briefing.pipeline)."""
        # Patterns are tokenized and normed on their own, with the words the normalizer knows, so
        # that loading needs no other component.
        pattern_doc = PatternTokenizer(self.make_doc, known)
        matcher = PhraseMatcher(self.vocab, attr="NORM")
        strings = self.vocab.strings
        keys: dict[int, tuple[str, str]] = {}
        order: dict[int, tuple[int, int]] = {}
        for p in gazetteer_index(resources).patterns():
            key = repr((p["label"], p["id"]))
            keys[strings.add(key)] = (p["label"], p["id"])
            order[strings.add(key)] = (strings.add(p["label"]), strings.add(p["id"]))
            matcher.add(key, [pattern_doc(p["pattern"])])
        self.matcher, self.keys, self.order = matcher, keys, order

    def __call__(self, doc: Doc) -> Doc:
        keys, order = self.keys, self.order
        # spacy.util.filter_spans on tuples: distinct matches, longest first, then by start, then
        # in the order of spaCy's Span comparison (start, end, label, id), in one sort ...
        found = sorted({(start - end, start, end, *order[m], m) for m, start, end in self.matcher(doc)})
        # ... and the first where they overlap.
        kept: list[tuple[int, int, int]] = []
        seen: set[int] = set()
        for negative, start, end, _, _, m in found:
            if negative and start not in seen and end - 1 not in seen:
                kept.append((start, end, m))
                seen.update(range(start, end))
        kept.sort()  # by start: kept matches do not overlap
        doc.user_data[MATCHES_KEY] = tuple([(start, end, *keys[m]) for start, end, m in kept])
        return doc


@Language.factory("briefing_gazetteer", requires=["token.norm"], assigns=["doc._.actor_candidates"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)
