"""The token attributes the components read, one array per document instead of one per component.

`Doc.to_array` walks every token once per call; five components each read four to eight columns
of the same document. The sentence splitter, the last component that sets a token attribute
(NORM comes from the normalizer before it, SENT_START from the splitter itself), reads them all
once and `share`s them; `token_array(doc, attrs)` then gives any component its columns from that
array, and `token_list(doc, attr)` one column as a Python list, made once. A doc the splitter has
not seen (a component run on its own) is read with `Doc.to_array`, as before.

The shared array is kept per Doc object in a weak dictionary (not in doc.user_data, which would
serialize it with the doc) and only for the length it was read at.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Sequence

import numpy
from mypy_extensions import mypyc_attr
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_QUOTE,
    IS_SPACE,
    LENGTH,
    NORM,
    ORTH,
    SENT_START,
    SHAPE,
    SPACY,
)
from spacy.tokens import Doc

from briefing.pipeline.wordslots import WordValues

# The columns read per token (NORM too: a tokenizer exception may set a token's own), those
# counted (IDX from LENGTH and SPACY) or set (SENT_START, by the splitter), and those of the
# word's lexeme, the same for every token of a word.
_TOKEN_COLUMNS = (ORTH, NORM, SPACY)
LEXEME_COLUMNS = (LENGTH, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_QUOTE, SHAPE)
COLUMNS = (*_TOKEN_COLUMNS, IDX, SENT_START, *LEXEME_COLUMNS)
_POSITION = {attr: k for k, attr in enumerate(COLUMNS)}
_LEXEMES = slice(len(COLUMNS) - len(LEXEME_COLUMNS), len(COLUMNS))
_MAX_WORDS = 200_000  # words whose lexeme columns are kept at most
# Below this many tokens Doc.to_array reads every column for less than the numpy calls cost.
_SHORT = 32


class _Shared:
    __slots__ = ("array", "lists")

    def __init__(self, array: numpy.ndarray) -> None:
        self.array = array
        self.lists: dict[int, list[int]] = {}


_SHARED: weakref.WeakKeyDictionary[Doc, _Shared] = weakref.WeakKeyDictionary()


@mypyc_attr(allow_interpreted_subclasses=True)
class Lexemes:
    """The LEXEME_COLUMNS of each word seen, kept across documents (at most _MAX_WORDS).

    `Doc.to_array` costs about 180 instructions per value it reads (spaCy takes the GIL back for
    each): six of the eleven columns depend on the word alone, and are read from here instead.
    """

    __slots__ = ("table",)

    def __init__(self) -> None:
        self.table = WordValues(len(LEXEME_COLUMNS), "uint64")

    def of(self, doc: Doc, orths: numpy.ndarray) -> numpy.ndarray:
        """LEXEME_COLUMNS of the tokens whose ORTH column is `orths`."""
        table = self.table
        values = table.of(orths)
        if values is None:  # a word not seen before: its values as the doc reads them
            read = doc.to_array(list(LEXEME_COLUMNS))
            new = table.missing(orths)
            if len(table) + len(new) > _MAX_WORDS:
                return read
            first = dict(zip(orths.tolist(), range(len(orths)), strict=True))  # a token of each word
            table.add(new, read[[first[orth] for orth in new]])
            values = table.of(orths)
            assert values is not None
        return values


def read_all(doc: Doc, lexemes: Lexemes) -> numpy.ndarray:
    """Every column of COLUMNS, in that order, but SENT_START (for the splitter, which sets it
    and then `share`s the array)."""
    if len(doc) < _SHORT:
        return doc.to_array(list(COLUMNS))
    tokens = doc.to_array(list(_TOKEN_COLUMNS))
    out = numpy.zeros((len(tokens), len(COLUMNS)), dtype="uint64")
    out[:, : len(_TOKEN_COLUMNS)] = tokens
    out[:, _LEXEMES] = lexemes.of(doc, tokens[:, 0])
    # A token starts where the one before ends, plus its trailing space: the tokenizer's offsets.
    ends = (out[:, _POSITION[LENGTH]] + out[:, _POSITION[SPACY]]).cumsum()
    out[1:, _POSITION[IDX]] = ends[:-1]
    return out


def share(doc: Doc, array: numpy.ndarray) -> None:
    """Keep `array` (COLUMNS of `doc`, final) for the components after the caller."""
    _SHARED[doc] = _Shared(array)


def _shared(doc: Doc) -> _Shared | None:
    shared = _SHARED.get(doc)
    return shared if shared is not None and len(shared.array) == len(doc) else None


def token_array(doc: Doc, attrs: Sequence[int]) -> numpy.ndarray:
    """`doc.to_array(attrs)` for attribute ids, from the shared array when there is one (one
    attribute gives one dimension, as there)."""
    shared = _shared(doc)
    if shared is None or not all(a in _POSITION for a in attrs):
        return doc.to_array(list(attrs))
    if len(attrs) == 1:
        return shared.array[:, _POSITION[attrs[0]]].copy()
    return shared.array[:, [_POSITION[a] for a in attrs]]


def token_list(doc: Doc, attr: int) -> list[int]:
    """One column as a list of ints (the same list for every caller: do not change it)."""
    shared = _shared(doc)
    if shared is None or attr not in _POSITION:
        return doc.to_array(attr).tolist()  # type: ignore[no-any-return]
    column = shared.lists.get(attr)
    if column is None:
        column = shared.lists[attr] = shared.array[:, _POSITION[attr]].tolist()
    return column


@mypyc_attr(allow_interpreted_subclasses=True)
class KeySet:
    """The word hashes a rule fires on, sorted: `find` gives the tokens it may fire on, in C.
    Beside them a bitmap of their low bits, so that the binary search runs only for the tokens
    whose low bits some key shares (a few in a hundred): a search for every token of a long
    document cost more than the rule after it."""

    __slots__ = ("_maybe", "keys")
    _MASK = (1 << 16) - 1

    def __init__(self, keys: Sequence[int]) -> None:
        """`keys`: sorted, distinct (their order is the positions `find` gives)."""
        self.keys = numpy.array(keys, dtype="uint64")
        self._maybe = numpy.zeros(self._MASK + 1, dtype=bool)
        self._maybe[self.keys & numpy.uint64(self._MASK)] = True

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, values: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(the indices of `values` found among the keys, where in `keys` each is), in the order
        of `values`: a binary search each (numpy.isin would sort both), in C."""
        keys = self.keys
        maybe = self._maybe[values & numpy.uint64(self._MASK)].nonzero()[0]
        if not len(keys) or not len(maybe):
            return numpy.empty(0, dtype="intp"), numpy.empty(0, dtype="intp")
        near = values[maybe]
        at = keys.searchsorted(near)
        numpy.minimum(at, len(keys) - 1, out=at)
        hit = keys[at] == near
        return maybe[hit], at[hit]


class SentenceOf:
    """The sentence index of a token (as doc.sents counts them: the first token starts one), by
    bisection over the starts in a SENT_START column: for a rule that asks it of a few tokens,
    instead of a list over every token of the document."""

    __slots__ = ("starts",)

    def __init__(self, sent_start: numpy.ndarray) -> None:
        self.starts: list[int] = (sent_start == 1).nonzero()[0].tolist()

    def __getitem__(self, token: int) -> int:
        return max(bisect_right(self.starts, token) - 1, 0)
