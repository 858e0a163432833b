"""One integer record per word form (orth hash), kept across documents, found for a whole
document at once by the words' small ids (wordslots.WordSlots: a direct-mapped array, four array
operations per document) and a fancy index into the records.

It replaces a binary search per token over the sorted hashes (columns.WordTable: an argsort,
a searchsorted and a check per document, a cache miss at nearly every step of the search), which
cost a twentieth of the actors stage.
"""

from __future__ import annotations

from typing import Any

import numpy

from briefing.pipeline.wordslots import WordSlots

_FIRST_SIZE = 1 << 12  # records the table has room for at first; it doubles when full


class FormRecords:
    """Records (uint64) of word hashes, by the words' ids."""

    __slots__ = ("_ids", "_values")

    def __init__(self) -> None:
        self._ids = WordSlots()
        self._values = numpy.zeros(_FIRST_SIZE, dtype="uint64")

    def __len__(self) -> int:
        return self._ids.size

    def of(self, orths: Any) -> Any | None:
        """The records of `orths` (a uint64 array), as int64; None when one of them has none."""
        ids = self._ids.ids(orths)
        if ids is None:
            return None
        return self._values[ids].astype(numpy.int64)

    def missing(self, orths: Any) -> list[int]:
        """The distinct `orths` without a record, in the order they first come."""
        return self._ids.missing(orths)

    def add(self, orths: list[int], records: list[int]) -> None:
        """Keep the records of `orths` (distinct, none kept yet)."""
        first = self._ids.size
        self._ids.add(orths)
        size = len(self._values)
        while size < self._ids.size:
            size *= 2
        if size != len(self._values):
            values = numpy.zeros(size, dtype="uint64")
            values[:first] = self._values[:first]
            self._values = values
        self._values[first : self._ids.size] = records

    def __reduce__(self) -> tuple[Any, ...]:
        return (FormRecords, ())  # pickled empty, as a cache (the pipeline cache)
