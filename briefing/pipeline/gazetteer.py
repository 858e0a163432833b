"""Component: the gazetteer's actors where a document names them → doc._.actor_candidates.

Its patterns come from the surface table, `gazetteer_index(resources)`: every Arabic surface of
every actor, folded, with the actors that claim it; the government phrases made from a state's
adjectives (الحكومة الإيرانية, النظام السوري); both spellings of joined names (عبد الله and
عبدالله); and, for hashtags, each phrase with "_" for its spaces (#حزب_الله). A surface claimed
by several actors matches with the id AMBIGUOUS + surface, one that is an everyday word too
(مالي, صور) with IN_CONTEXT + id: briefing_actors decides both from the context.

Matching wraps spaCy's SpanRuler on NORM, so proclitics and spelling variants are tolerated, and
keeps the first longest match where matches overlap. The candidates (doc.spans["actor_candidates"],
read as doc._.actor_candidates) are token spans whose `id_` is the pattern id and whose label is
the actor's type (AMBIGUOUS when shared).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.loading import PatternTokenizer, once_per_resources
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ActorRulesFile
from briefing.text.normalize import fold

AMBIGUOUS = "?"  # pattern-id prefix of surfaces shared by several entries
IN_CONTEXT = "!"  # pattern-id prefix of surfaces that are everyday words too (مالي, صور)

SPANS_KEY = "actor_candidates"


def _candidates(doc: Doc) -> Iterable[Span]:
    return doc.spans.get(SPANS_KEY, ())  # type: ignore[no-any-return]


# The candidates live in doc.spans, which serializes with the doc and holds it weakly (a tuple of
# Spans in doc.user_data would make a reference cycle); the extension is how components name them.
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


class Gazetteer(BatchPipe):
    """Finds the gazetteer's surfaces. Config: none; the patterns come to `load`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.make_doc = nlp.make_doc
        self.ruler = self._ruler(frozenset())

    def _ruler(self, known: frozenset[str]) -> SpanRuler:
        # Patterns are tokenized and normed on their own, with the words the normalizer knows, so
        # that loading needs no other component (a SpanRuler would send them through the pipeline).
        patterns = Language(self.vocab)
        patterns.tokenizer = PatternTokenizer(self.make_doc, known)
        return SpanRuler(patterns, self.name, spans_key=None, phrase_matcher_attr="NORM", validate=True)

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        """`known`: the folded words the normalizer may uncover (see briefing.pipeline)."""
        ruler = self._ruler(known)
        ruler.add_patterns(gazetteer_index(resources).patterns())  # type: ignore[arg-type]
        self.ruler = ruler

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = filter_spans(self.ruler.match(doc))
        return doc


@Language.factory(
    "briefing_gazetteer", requires=["token.norm"], assigns=["doc.spans", "doc._.actor_candidates"]
)
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)
