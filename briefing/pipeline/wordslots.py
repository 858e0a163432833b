"""Word hash → small integer id, for the tokens of a whole document at once, in C; and the records
of the word forms kept by those ids.

A component that keeps one record per word form finds a document's records by their ids: the
ids of all its tokens come from a direct-mapped array indexed by the low bits of the word hash
(spaCy's 64-bit hashes are uniform in their low bits), four array operations per document
whatever its length. A binary search per token over a sorted array of hashes (the WordTable before)
costs some 75 ns a token, cache misses mostly; a dict lookup per token about 100. A word whose
slot another word holds already goes to a small dictionary, looked at for those tokens only.
"""

from __future__ import annotations

from typing import Any

import numpy
from mypy_extensions import mypyc_attr
from spacy.tokens import Doc

_BITS = 19  # 512 Ki slots (6 MB): a news vocabulary of 50,000 words fills a tenth of them
_MASK = numpy.uint64((1 << _BITS) - 1)


class WordSlots:
    """Ids of word hashes (uint64), given by `add` in the order the words come."""

    __slots__ = ("_ids", "_keys", "_more", "size")

    def __init__(self) -> None:
        # An empty slot s holds s + 1, whose low bits are not s: no key that maps to s.
        self._keys = numpy.arange(1, (1 << _BITS) + 1, dtype="uint64")
        self._ids = numpy.zeros(1 << _BITS, dtype="intp")
        self._more: dict[int, int] = {}  # the words whose slot was taken: hash → id
        self.size = 0  # ids given so far

    def ids(self, keys: numpy.ndarray) -> numpy.ndarray | None:
        """The id of each of `keys`; None when one of them has none."""
        slots = (keys & _MASK).astype("intp")
        ids: numpy.ndarray = self._ids[slots]
        found = self._keys[slots] == keys
        if not found.all():
            more = self._more
            missed = (~found).nonzero()[0]
            for k, key in zip(missed.tolist(), keys[missed].tolist(), strict=True):
                got = more.get(key)
                if got is None:
                    return None
                ids[k] = got
        return ids

    def missing(self, keys: numpy.ndarray) -> list[int]:
        """The distinct `keys` without an id, in the order they first come."""
        slots = (keys & _MASK).astype("intp")
        unknown = (self._keys[slots] != keys).nonzero()[0].tolist()
        keys_list = keys.tolist()
        return list(dict.fromkeys(keys_list[k] for k in unknown if keys_list[k] not in self._more))

    def add(self, keys: list[int]) -> None:
        """Give the next ids to `keys` (distinct, none with an id yet)."""
        for key in keys:
            slot = key & int(_MASK)
            if self._keys[slot] == slot + 1:
                self._keys[slot] = key
                self._ids[slot] = self.size
            else:
                self._more[key] = self.size
            self.size += 1


@mypyc_attr(allow_interpreted_subclasses=True)
class WordValues:
    """One value (an integer of bits, by default) or one row of `width` values per word form,
    kept by key across documents and found for a whole document in C: the words' ids, then one
    `take`. Pickled empty: a cache, not state (the pipeline cache is written with the components)."""

    __slots__ = ("_ids", "dtype", "values", "width")

    def __init__(self, width: int | None = None, dtype: str = "int64") -> None:
        self.width = width
        self.dtype = dtype
        self._ids = WordSlots()
        self.values = self._empty(1024)  # by id; doubled when full

    def _empty(self, size: int) -> numpy.ndarray:
        return numpy.zeros(size if self.width is None else (size, self.width), dtype=self.dtype)

    def __len__(self) -> int:
        return self._ids.size

    def __reduce__(self) -> tuple[Any, ...]:
        return (WordValues, (self.width, self.dtype))

    def ids(self, keys: numpy.ndarray) -> numpy.ndarray | None:
        """The id of each of `keys`; None when one of them has none."""
        return self._ids.ids(keys)

    def of(self, keys: numpy.ndarray) -> numpy.ndarray | None:
        """The values (or rows) of `keys`; None when one of them has none."""
        ids = self._ids.ids(keys)
        return None if ids is None else self.values.take(ids, axis=0)

    def missing(self, keys: numpy.ndarray) -> list[int]:
        """The distinct `keys` without a value, in the order they first come."""
        return self._ids.missing(keys)

    def add(self, keys: list[int], values: Any) -> None:
        """Keep the values (or rows) of `keys` (distinct, none kept yet), by the next ids."""
        first = self._ids.size
        self._ids.add(keys)
        if self._ids.size > len(self.values):
            grown = self._empty(max(self._ids.size, 2 * len(self.values)))
            grown[:first] = self.values[:first]
            self.values = grown
        self.values[first : self._ids.size] = values


@mypyc_attr(allow_interpreted_subclasses=True)
class WordRecords:
    """One record per word form (a row of `width` objects and an integer of bits), kept across
    documents by key and found for a whole document in C: one `take` of the rows and of the
    bits by the words' ids.

    A subclass says how a word is read (`_read`, from one of its tokens); only a word seen for the
    first time is read. At most `limit` words are kept: past that a document's words are read
    one by one, each time.
    """

    __slots__ = ("_bits", "_rows", "limit", "width")

    def __init__(self, width: int, limit: int = 200_000) -> None:
        self.width = width
        self.limit = limit
        self._bits = WordValues()  # key → the word's id (its row) and its bits
        self._rows = numpy.empty((1024, width), dtype=object)

    def lookup(
        self, doc: Doc, arr: numpy.ndarray, keys: numpy.ndarray
    ) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The records of the tokens whose keys are `keys` (rows, bits), `arr` being the doc's
        token columns that `_read` reads."""
        ids = self._bits.ids(keys)
        if ids is None:
            ids = self._learn(doc, arr, keys)
        if ids is None:  # the table is full
            return self._read_all(doc, arr, len(keys))
        # take, not a fancy index: numpy's general indexing path costs more per row
        return self._rows.take(ids, axis=0), self._bits.values.take(ids)

    def _learn(self, doc: Doc, arr: numpy.ndarray, keys: numpy.ndarray) -> numpy.ndarray | None:
        """Read the words not seen before; the ids of the doc's tokens after (None if full)."""
        new = self._bits.missing(keys)
        size = len(self._bits)
        if size + len(new) > self.limit:
            return None
        if size + len(new) > len(self._rows):
            rows = numpy.empty((max(size + len(new), 2 * len(self._rows)), self.width), dtype=object)
            rows[:size] = self._rows[:size]
            self._rows = rows
        token = dict(zip(keys.tolist(), range(len(keys)), strict=True))  # key → a token of it
        got = self._read_each(doc, arr, [token[key] for key in new])
        self._put(size, got)
        self._bits.add(new, [g[1] for g in got])
        return self._bits.ids(keys)

    def _read_each(self, doc: Doc, arr: numpy.ndarray, at: list[int]) -> list[tuple[tuple[Any, ...], int]]:
        """The records of the tokens at `at`, each read from its row of `arr` as Python ints."""
        return [self._read(doc, row, i) for row, i in zip(arr[at].tolist(), at, strict=True)]

    def _put(self, start: int, got: list[tuple[tuple[Any, ...], int]]) -> None:
        """Write the rows of records from row `start` on, a column at a time: fromiter keeps a
        value that is a tuple itself whole, where assigning a list would unpack it."""
        m = len(got)
        for c in range(self.width):
            self._rows[start : start + m, c] = numpy.fromiter((g[0][c] for g in got), dtype=object, count=m)

    def _read_all(self, doc: Doc, arr: numpy.ndarray, n: int) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Every token's record, read without keeping it."""
        got = self._read_each(doc, arr, list(range(n)))
        rows = numpy.empty((n, self.width), dtype=object)
        bits = numpy.zeros(n, dtype="int64")
        for c in range(self.width):
            rows[:, c] = numpy.fromiter((g[0][c] for g in got), dtype=object, count=n)
        bits[:] = [g[1] for g in got]
        return rows, bits

    def _read(self, doc: Doc, token: list[int], i: int) -> tuple[tuple[Any, ...], int]:
        """The record of token i's word (its row and its bits); `token`: the token's columns."""
        raise NotImplementedError
