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

COLUMNS = (ORTH, NORM, IDX, LENGTH, SPACY, SENT_START, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_QUOTE, SHAPE)
_POSITION = {attr: k for k, attr in enumerate(COLUMNS)}


class _Shared:
    __slots__ = ("array", "lists")

    def __init__(self, array: numpy.ndarray) -> None:
        self.array = array
        self.lists: dict[int, list[int]] = {}


_SHARED: weakref.WeakKeyDictionary[Doc, _Shared] = weakref.WeakKeyDictionary()


def read_all(doc: Doc) -> numpy.ndarray:
    """Every column of COLUMNS, in that order (for the splitter, which then `share`s it)."""
    return doc.to_array(list(COLUMNS))


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


def lookup(values: numpy.ndarray, sorted_keys: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(the indices of `values` found among `sorted_keys`, where in `sorted_keys` each is), in
    the order of `values`: a binary search each, where numpy.isin would sort both. For a rule
    that looks a column's hashes up in its own table: the tokens it may fire on, in C."""
    if not len(sorted_keys):
        return numpy.empty(0, dtype="intp"), numpy.empty(0, dtype="intp")
    at = numpy.searchsorted(sorted_keys, values).clip(0, len(sorted_keys) - 1)
    found = numpy.flatnonzero(sorted_keys[at] == values)
    return found, at[found]


class SentenceOf:
    """The sentence index of a token (as doc.sents counts them: the first token starts one), by
    bisection over the starts in a SENT_START column: for a rule that asks it of a few tokens,
    instead of a list over every token of the document."""

    __slots__ = ("starts",)

    def __init__(self, sent_start: numpy.ndarray) -> None:
        self.starts: list[int] = numpy.flatnonzero(sent_start == 1).tolist()

    def __getitem__(self, token: int) -> int:
        return max(bisect_right(self.starts, token) - 1, 0)
