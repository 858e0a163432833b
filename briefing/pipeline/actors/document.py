"""One document as the actor rules read it: its token attributes as plain lists, and the mentions
being resolved in it.

Token objects cost a microsecond each, so the rules read a doc's attributes once, as lists, and
index them; `Hit` is a mention on its way to the output, `Found` an actor that a rule found by
pattern (not in the gazetteer).
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Protocol

from mypy_extensions import mypyc_attr
from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_QUOTE, IS_SPACE, LENGTH, NORM, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from briefing.pipeline.actors.triggered import Matches, SharedPhrases
from briefing.pipeline.columns import token_array, token_list
from briefing.pipeline.gazetteer import AMBIGUOUS, Match, candidate_matches
from briefing.pipeline.normalizer import CLITICS_KEY
from briefing.pipeline.tokenizer import text_of

# Up to this many values, numpy finds their tokens quicker than a pass in Python (one comparison
# of the column per value).
FEW_VALUES = 16
# The word forms WordStrings keeps (a long batch meets ever more of them): about ten megabytes.
MAX_WORD_STRINGS = 100_000


def mark_ids(*marks: str) -> frozenset[int]:
    """The string ids of some punctuation marks, for `Tokens.marked`."""
    return frozenset(get_string_id(m) for m in marks)


OPENING, CLOSING = mark_ids("("), mark_ids(")")


class Strings(Protocol):
    """The vocabulary's string store, as the rules read it: hash → string (and a string added)."""

    def __getitem__(self, key: int) -> str: ...

    def add(self, string: str) -> int: ...


@mypyc_attr(allow_interpreted_subclasses=True)
class WordStrings:
    """The vocabulary's strings, each decoded once: spaCy's string store decodes a string's UTF-8
    bytes into a new str object on every lookup, and the rules look up a word's form about 2,000
    times per article (a tenth of the stage's instructions went to that). Kept across documents,
    emptied when full.

    The strings are kept in `texts`, an exact dict that `Tokens` reads directly: indexing a dict
    subclass (this was one, with `__missing__`) goes through the type's generic slot, a method
    look-up and a call, seven times the instructions of an exact dict's (3.6% of the stage)."""

    __slots__ = ("store", "texts")

    def __init__(self, store: Strings) -> None:
        self.store = store
        self.texts: dict[int, str] = {}

    def __getitem__(self, key: int) -> str:
        try:
            return self.texts[key]
        except KeyError:
            return self.decode(key)

    def __contains__(self, key: int) -> bool:
        return key in self.texts

    def __len__(self) -> int:
        return len(self.texts)

    def decode(self, key: int) -> str:
        """The string of `key`, from the store, kept for the next lookup."""
        if len(self.texts) >= MAX_WORD_STRINGS:
            self.texts.clear()
        text = self.texts[key] = self.store[key]
        return text

    def add(self, string: str) -> int:
        return self.store.add(string)

    def __reduce__(self) -> tuple[Any, ...]:
        return (WordStrings, (self.store,))  # pickled empty (the pipeline cache)


@dataclass
class Tokens:
    """A doc's token attributes, read once."""

    doc: Doc
    text: str
    norms: list[int]
    idx: list[int]
    length: list[int]
    orths: list[int]
    punct: list[bool]  # punctuation, quote or space: skipped when looking for the previous word
    clitics: dict[int, int]  # token index → raw proclitic length, when not 0
    strings: Strings
    array: Any  # the numpy array: NORM, IDX, LENGTH, IS_ALPHA, ...
    candidates: Iterable[Match]  # the gazetteer's matches: (start, end, type, pattern id)
    phrases: SharedPhrases | None = None  # the rule families' phrase matchers, joined
    _phrase_matches: dict[str, Matches] | None = field(default=None, repr=False)
    _named: set[str] | None = field(default=None, repr=False)
    _norm_set: frozenset[int] | None = field(default=None, repr=False)
    _quotes: frozenset[int] | None = field(default=None, repr=False)
    _orth_set: frozenset[int] | None = field(default=None, repr=False)
    _marked: dict[frozenset[int], frozenset[int]] = field(default_factory=dict, repr=False)
    # The decoded strings that `word`, `raw` and `surface` read first: WordStrings' own dict, or
    # (another string store) an empty one, and the store answers.
    texts: dict[int, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.texts = self.strings.texts if isinstance(self.strings, WordStrings) else {}

    @classmethod
    def of(cls, doc: Doc, strings: Strings, phrases: SharedPhrases | None = None) -> Tokens:
        arr: Any = token_array(doc, [NORM, IDX, LENGTH, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_QUOTE, ORTH])
        candidates = candidate_matches(doc)
        if not len(doc):
            return cls(doc, text_of(doc), [], [], [], [], [], {}, strings, arr, candidates, phrases)
        punct = (arr[:, 4] | arr[:, 5] | arr[:, 6]).astype(bool).tolist()
        clitics = doc.user_data.get(CLITICS_KEY, {})
        # The shared columns; norms copied, since a rule may change a token's (lists.py).
        idx, length, orths = (token_list(doc, attr) for attr in (IDX, LENGTH, ORTH))
        norms = list(token_list(doc, NORM))
        return cls(
            doc, text_of(doc), norms, idx, length, orths, punct, clitics, strings, arr, candidates, phrases
        )

    def word(self, i: int) -> str:
        """Token i's matching form (norm)."""
        key = self.norms[i]
        try:
            return self.texts[key]  # (an exact dict: see WordStrings)
        except KeyError:
            return self.strings[key]

    def raw(self, i: int) -> str:
        """Token i as written."""
        key = self.orths[i]
        try:
            return self.texts[key]
        except KeyError:
            return self.strings[key]

    def surface(self, start: int, end: int) -> str:
        """The folded, proclitic-free words of tokens start..end, joined by spaces."""
        texts = self.texts
        return " ".join([texts[h] if h in texts else self.strings[h] for h in self.norms[start:end]])

    def start_char(self, start: int) -> int:
        """The character offset where a mention that starts at token `start` starts, its
        proclitic left out."""
        return self.idx[start] + self.clitics.get(start, 0)

    def end_char(self, end: int) -> int:
        """The character offset where the tokens up to `end` (exclusive) end."""
        return self.idx[end - 1] + self.length[end - 1]

    def mention(self, start: int, end: int) -> str:
        """The text of tokens start..end, the first one's proclitic left out."""
        return self.text[self.start_char(start) : self.end_char(end)]

    def norm_set(self) -> frozenset[int]:
        """The norm hashes of the doc's tokens (made once, when needed; `renorm` keeps it true)."""
        if self._norm_set is None:
            self._norm_set = frozenset(self.norms)
        return self._norm_set

    def is_quote(self, i: int) -> bool:
        """Is token i a quotation mark? (A Token object costs a microsecond to make.)"""
        if self._quotes is None:
            self._quotes = frozenset(self.array[:, 6].nonzero()[0].tolist())  # IS_QUOTE
        return i in self._quotes

    def marked(self, marks: frozenset[int]) -> frozenset[int]:
        """The tokens written as one of `marks` (string ids of a few punctuation marks), found once
        per document and set: the rules that walk the hits for a bracket or a dash after them ask
        this first, and most documents have none where most hits end."""
        got = self._marked.get(marks)
        if got is None:
            if self._orth_set is None:
                self._orth_set = frozenset(self.orths)
            present = self._orth_set & marks
            got = frozenset(positions(self.array[:, 7], present)) if present else frozenset()  # ORTH
            self._marked[marks] = got
        return got

    def where(self, norms: Set[int]) -> list[int]:
        """The indexes of the tokens whose norm hash is one of `norms`, in order. A rule looks for
        its few trigger words so instead of testing every token in Python: the doc's norm set
        says which are there, and numpy finds each on the NORM column."""
        present = self.norm_set() & norms  # (& walks the smaller set)
        if len(present) > FEW_VALUES:
            return [i for i, norm in enumerate(self.norms) if norm in present]
        return positions(self.array[:, 0], present)

    def phrase_matches(self) -> dict[str, Matches]:
        """The matches of each of the joined phrase matchers (one walk of the doc, when first
        asked)."""
        if self._phrase_matches is None:
            self._phrase_matches = self.phrases.matches(self.doc) if self.phrases is not None else {}
        return self._phrase_matches

    def renorm(self, i: int, norm: str) -> None:
        """Give token i another matching form, for the rules after the caller."""
        key = self.norms[i] = self.strings.add(norm)
        self.array[i, 0] = key  # (a copy of the shared columns: the other components keep theirs)
        self._norm_set = None

    def named(self) -> set[str]:
        """Ids of the actors the gazetteer matched without ambiguity (read once, when needed)."""
        if self._named is None:
            self._named = {pid for _, _, _, pid in self.candidates if not pid.startswith(AMBIGUOUS)}
        return self._named


@dataclass(slots=True)  # thousands per batch: made and read quicker so
class Hit:
    """One mention being resolved: token span, character span (proclitics excluded), actor."""

    start: int
    end: int
    start_char: int
    end_char: int
    actor: str
    type: str
    surface: str = ""  # folded surface that matched, for short forms


@dataclass
class Found:
    """A person or organisation found by pattern; not in the gazetteer."""

    id: str
    type: str
    name_ar: str
    name_en: str


def positions(column: Any, values: Iterable[int]) -> list[int]:
    """The indexes where the numpy `column` holds one of `values` (a few, all present), in order."""
    mask = None
    for value in values:
        same = column == value
        mask = same if mask is None else mask | same
    return [] if mask is None else mask.nonzero()[0].tolist()


def taken_by(hits: list[Hit]) -> set[int]:
    """The token indexes that the hits cover."""
    # Two hits in three are one token: their starts go in without a range object each (a range
    # costs several times a set entry, and the steps ask for this set eight times per article).
    taken = {h.start for h in hits if h.end > h.start}
    taken.update(chain.from_iterable([range(h.start + 1, h.end) for h in hits if h.end - h.start > 1]))
    return taken
