"""Component: claims — who said what, with which speech act.

A claim is a reporting cue (cues.yaml: قال، نفى، بحسب، تصريح ...), the speaker the cue
attributes to (an actor from doc.spans["actors"], or a speaker phrase from speakers.yaml such as
"مصدر مطلع" or "الصحيفة"), the claimed content (after أن/إن, inside quotes, after a colon, or the
clause a relay phrase is attached to) and a stance. Speakers are looked for in the usual orders:
after the verb ("وقال سهيل كريمي"), before it ("الباحث السياسي، صدام الجاسر، أكد"), dropped
("وأضاف:" — the previous speaker), and after a relay phrase ("…، وفقًا للمسؤولين"). Short
references ("المسؤول الأميركي", "الصحيفة") are tied to the actor they refer back to.

The rule families, in the order a document goes through them:

    context      the document as per-token arrays, filled from a per-word row cache
    phrases      speaker phrases: actors, and heads grown by qualifiers and nationalities
    cues         the cues, and the claim each makes by its kind (verb, noun, relay, impersonal)
    frames       a relay frame and its verb as one claim (بحسب ما أعلنته)
    complements  what opens the content after a cue: أن/إن, a quotation, a preposition, an object
    subjects     which phrase is a verb's subject, or whose speaker a dropped subject continues
    content      the span of the claimed words, to the end of their clause
    speakers     the Speaker of a phrase, referring back where it is a short reference
    stance       the claim's stance
    english      the Claim and its English line

Output: doc.spans["claims"] (one span per cue, label = stance) and doc._.claims, a tuple of
briefing.model.Claim in text order.
"""

from __future__ import annotations

from mypy_extensions import mypyc_attr
from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.model.contract import Claim
from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.claims.context import read_context
from briefing.pipeline.claims.cues import drafts, find_cues
from briefing.pipeline.claims.english import claim
from briefing.pipeline.claims.frames import one_per_frame
from briefing.pipeline.claims.phrases import actor_phrase, find_phrases
from briefing.pipeline.claims.tables import ClaimTables, build_tables, cue_words, head_words, qualifier_words
from briefing.pipeline.claims.words import WordColumns
from briefing.pipeline.labels import LabelIds
from briefing.resources import Resources
from briefing.resources.schema import CuesFile, SpeakersFile

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=())


def vocabulary(resources: Resources) -> set[str]:
    """Words of cues, speaker heads and their qualifiers.

    Not the function words the rules read (أن، كما، قد …): declaring "ان" would let the
    normalizer read كان as ك + ان.
    """
    speakers = resources.get("speakers", SpeakersFile)
    words: set[str] = set()
    for key in (
        *cue_words(resources.get("cues", CuesFile)),
        *head_words(speakers),
        *qualifier_words(speakers),
    ):
        words.update(key.split())
    return words


@mypyc_attr(allow_interpreted_subclasses=True)
class ClaimExtractor(BatchPipe):
    """Finds claims. Config: none; the cue, speaker and qualifier lexicons come from resources."""

    tables: ClaimTables

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        # Per-word caches, kept across documents. A word's record is keyed by its (orth, norm)
        # hash pair: a document's columns are then taken in C, and only a word seen for the
        # first time is read from its strings.
        self._words: WordColumns | None = None  # made by load, for its tables
        self._folds: dict[str, str] = {}
        self._labels: dict[int, str] = {}  # string hash → string, for span labels and ids
        self._label = LabelIds()  # the spans' labels by their string ids

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        self.tables = build_tables(resources, known, self.nlp)
        self._words = WordColumns(self.tables)  # a record depends on the tables

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = []
        spans: list[Span] = []
        if len(doc):
            assert self._words is not None, "briefing_claims: load(resources, known) was not called"
            ctx = read_context(doc, self.tables, self._words, self._folds, self._labels, actor_phrase)
            matches = self.tables.matcher(doc)
            find_phrases(ctx, matches)
            find_cues(ctx, matches)
            for draft in one_per_frame(drafts(ctx)):
                claims.append(claim(ctx, draft))
                spans.append(Span(doc, draft.cue.start, draft.cue.end, label=self._label(doc, draft.stance)))
        doc.spans["claims"] = spans
        doc._.claims = tuple(claims)
        return doc


@Language.factory(
    "briefing_claims",
    requires=["token.norm", "token._.clitic", "token.is_sent_start", "doc._.actors"],
    assigns=["doc._.claims", "doc.spans"],
)
def make_claims(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(nlp, name)
