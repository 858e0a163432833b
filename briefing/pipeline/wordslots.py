"""Word hash → small integer id, for the tokens of a whole document at once, in C.

A component that keeps one record per word form finds a document's records by their ids: the
ids of all its tokens come from a direct-mapped array indexed by the low bits of the word hash
(spaCy's 64-bit hashes are uniform in their low bits), four array operations per document
whatever its length. A binary search per token over a sorted array of hashes (columns.WordTable)
costs some 75 ns a token, cache misses mostly; a dict lookup per token about 100. A word whose
slot another word holds already goes to a small dictionary, looked at for those tokens only.
"""

from __future__ import annotations

import numpy

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
