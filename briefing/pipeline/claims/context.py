"""One document as the claim rules read it: per-token arrays, and what is found on them.

Reading doc[i] and its attributes builds a Token object each time, which is slow; `read_context`
reads the token attributes once as arrays, and each word's record (text, folded forms, proclitic
length, flags) from the records kept across documents (words.WordColumns), in C.
The phrases, cues and claim drafts found on the document are kept here too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.attrs import IDX, NORM, ORTH, SENT_START
from spacy.tokens import Doc

from briefing.model.contract import Actor, Speaker
from briefing.pipeline.claims.tables import ClaimTables, CueWord, HeadWord
from briefing.pipeline.claims.wordbits import BLANK
from briefing.pipeline.claims.words import WordColumns
from briefing.pipeline.columns import token_array, token_list
from briefing.pipeline.tokenizer import text_of
from briefing.text.bama import Analysis, shared_analyzer
from briefing.text.normalize import fold

# A span of doc.spans["actors"], keyed by its start: (end, label hash, actor id hash).
ActorSpan = tuple[int, int, int]
# An actor phrase not built yet: (end, label hash, actor id hash, id hashes when coordinated).
Pending = tuple[int, int, int, "list[int] | None"]


@dataclass(slots=True)
class Phrase:
    """A speaker phrase: token span, character span (proclitics excluded), what it is."""

    start: int
    end: int
    start_char: int
    end_char: int
    actor: str | None = None  # actor id when the phrase is, or names, an actor
    type: str = "HEAD"  # PERSON | ORG | GPE | LOC | HEAD | NP (words no lexicon knows)
    head: HeadWord | None = None
    kinds: tuple[str, ...] = ()
    quals: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # actor ids of nationality adjectives and named actors
    names: tuple[str, ...] = ()  # actor ids coordinated in the phrase (France and Britain)


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    entry: CueWord


@dataclass(slots=True)
class Draft:
    """A claim found, before its English line is written."""

    cue: Cue
    sent: int
    speaker: Speaker | None
    np: Phrase | None
    content: tuple[int, int]  # characters
    content_tokens: tuple[int, int]
    stance: str
    kinds: tuple[str, ...] = ()
    inside_quote: bool = False


@dataclass(slots=True)
class Context:
    """One document, as plain lists, with the phrases, cues and drafts found on it."""

    doc: Doc
    tables: ClaimTables
    text: str
    n: int  # tokens
    idx: list[int]  # character start of each token
    norms: Sequence[str]
    fw: Sequence[str]  # folded token with proclitics kept, for function words: كما stays كما
    texts: Sequence[str]
    clitic: Sequence[int]  # token._.clitic: raw characters of the proclitics the normalizer removed
    space: Sequence[bool]  # token.is_space
    alpha: Sequence[bool]  # token.is_alpha
    bits: Sequence[int]  # the word's bits (wordbits)
    sent_starts: list[int]
    actors_by_id: Mapping[str, Actor]
    folds: dict[str, str]  # fold() of a text, kept across documents
    labels: dict[int, str]  # string hash → string, kept across documents
    build: Callable[[Context, int, Pending], Phrase]  # makes a pending actor phrase
    np_of: list[int]  # token → start of the phrase covering it, or -1
    nps: dict[int, Phrase] = field(default_factory=dict)  # token start → phrase, once built
    pending: dict[int, Pending] = field(default_factory=dict)  # actor phrases still to build
    cue_at: dict[int, Cue] = field(default_factory=dict)
    drafts: list[Draft] = field(default_factory=list)
    resolved: dict[str, str] = field(default_factory=dict)  # head id → actor id it refers to
    actor_kinds: dict[int, str] = field(default_factory=dict)  # actor phrase start → speaker kind

    def np(self, i: int) -> Phrase | None:
        """The phrase starting at token i, if one does."""
        hit = self.nps.get(i)
        if hit is None:
            rec = self.pending.get(i)
            if rec is None:
                return None
            hit = self.nps[i] = self.build(self, i, rec)
        return hit

    def phrase(self, i: int) -> Phrase:
        """The phrase starting at token i (np_of[i] == i)."""
        hit = self.nps.get(i)
        if hit is None:
            hit = self.nps[i] = self.build(self, i, self.pending[i])
        return hit

    def end_char(self, i: int) -> int:
        """Where token i ends in the text."""
        return self.idx[i] + len(self.texts[i])

    def sent(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def readings(self, i: int) -> tuple[Analysis, ...]:
        """The Buckwalter readings of token i as written; () without the analyser's data."""
        analyzer = shared_analyzer()
        return analyzer.analyse(self.texts[i]) if analyzer is not None else ()

    def sent_bounds(self, i: int) -> tuple[int, int]:
        k = self.sent(i)
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else self.n
        return self.sent_starts[k], end

    def fold(self, text: str) -> str:
        """fold(), remembered: news reuses a small vocabulary."""
        hit = self.folds.get(text)
        if hit is None:
            hit = self.folds[text] = fold(text)
        return hit

    def label(self, key: int) -> str:
        """The string of a span label or id hash."""
        hit = self.labels.get(key)
        if hit is None:
            hit = self.labels[key] = self.doc.vocab.strings[key] if key else ""
        return hit

    def skip_blank(self, i: int) -> int:
        """The first token from i that is not a space or a quotation mark."""
        bits, n = self.bits, self.n
        while i < n and bits[i] & BLANK:
            i += 1
        return i

    def joined(self, i: int) -> bool:
        """Does token i carry the conjunction و or ف (a new coordinated verb: "وطلبت")?"""
        clitic = self.clitic[i]
        if not clitic:
            return False
        proclitics = self.fold(self.texts[i][:clitic])
        return "و" in proclitics or "ف" in proclitics


def read_context(
    doc: Doc,
    tables: ClaimTables,
    words: WordColumns,
    folds: dict[str, str],
    labels: dict[int, str],
    build: Callable[[Context, int, Pending], Phrase],
) -> Context:
    """`doc` as lists; `words`, `folds` and `labels` are the caches kept across documents."""
    arr = token_array(doc, [ORTH, NORM, SENT_START])
    n = len(arr)
    texts, norms, fw, clitic, space, alpha, bits = words.columns(doc, arr)
    # doc.sents: a sentence starts at 0 and at each later token flagged 1.
    sent_starts = [0, *((arr[1:, 2] == 1).nonzero()[0] + 1).tolist()]
    return Context(
        doc,
        tables,
        text_of(doc),
        n,
        token_list(doc, IDX),  # shared with the other components: never changed here
        norms,
        fw,
        texts,
        clitic,
        space,
        alpha,
        bits,
        sent_starts,
        {a.id: a for a in doc._.actors},
        folds,
        labels,
        build,
        [-1] * n,
    )
