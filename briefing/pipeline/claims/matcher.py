"""The cues and speaker heads of a document, found on its NORM column.

What spaCy's PhraseMatcher gives (match id, start, end), in its order (by start, then shorter
first), at a cost per candidate instead of per token: the tokens whose norm opens some pattern
are found in C (columns.KeySet, a few in a hundred), and only their patterns are compared with
the words after them. The PhraseMatcher walks its trie from every token of the document, a
hash-map lookup each: a twentieth of the claims stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy

from briefing.pipeline.columns import KeySet

Match = tuple[int, int, int]  # (match id, start, end)
# The patterns opened by one norm: (length, norms after the first, match ids), shorter first.
_Options = list[tuple[int, list[int], list[int]]]


class NormMatcher:
    """Phrase patterns (sequences of norm hashes) with their match ids."""

    __slots__ = ("_first", "_options")

    def __init__(self, patterns: Iterable[tuple[Sequence[int], int]]) -> None:
        """`patterns`: (norm hashes, match id); a pattern given twice keeps its ids in order."""
        ids: dict[tuple[int, ...], list[int]] = {}
        for norms, match_id in patterns:
            if norms:
                ids.setdefault(tuple(norms), []).append(match_id)
        by_first: dict[int, _Options] = {}
        for norms, match_ids in ids.items():
            by_first.setdefault(norms[0], []).append((len(norms), list(norms[1:]), match_ids))
        firsts = sorted(by_first)
        self._first = KeySet(firsts)
        self._options = [sorted(by_first[f], key=lambda o: o[0]) for f in firsts]

    def __call__(self, norms: numpy.ndarray) -> list[Match]:
        """The matches in a document whose NORM column (uint64) is `norms`."""
        hits, at = self._first.find(norms)
        out: list[Match] = []
        if not len(hits):
            return out
        n = len(norms)
        words: list[int] | None = None
        for i, k in zip(hits.tolist(), at.tolist(), strict=True):
            for length, rest, match_ids in self._options[k]:
                if length > 1:
                    if i + length > n:
                        break  # the longer ones do not fit either
                    if words is None:
                        words = norms.tolist()
                    if words[i + 1 : i + length] != rest:
                        continue
                out.extend((m, i, i + length) for m in match_ids)
        return out
