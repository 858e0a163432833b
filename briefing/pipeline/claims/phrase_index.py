"""The cue and speaker-head surfaces of a document, found only where one may start.

spaCy's PhraseMatcher walks its trie from every token of a document; here the tokens whose NORM
opens some surface are found first, by one binary search per token in C (columns.lookup), and
the trie is walked from those alone (a few in a hundred tokens). The matches are the
PhraseMatcher's: every (match id, start, end) whose tokens' NORMs are a surface's, by start and
then by length. Two ids of one span come in the order they were added (the PhraseMatcher's own
order there is its hash table's); the rules read cues and heads apart, and no two cues or two
heads share a surface.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy
from spacy.attrs import NORM
from spacy.tokens import Doc

from briefing.pipeline.columns import lookup, token_array, token_list

_END = -1  # the trie key under which a node keeps the ids of the surfaces ending there (no hash)

Match = tuple[int, int, int]  # (match id, start token, end token)


class PhraseIndex:
    """A trie of surfaces (sequences of NORM hashes), each with a match id."""

    def __init__(self, surfaces: Iterable[tuple[Sequence[int], int]]) -> None:
        self.root: dict[int, Any] = {}
        for norms, match_id in surfaces:
            if not norms:
                continue
            node = self.root
            for norm in norms:
                node = node.setdefault(norm, {})
            ids = node.setdefault(_END, [])
            if match_id not in ids:
                ids.append(match_id)
        self.firsts = numpy.array(sorted(self.root), dtype="uint64")

    def __call__(self, doc: Doc) -> list[Match]:
        """The matches in `doc`, as PhraseMatcher(attr="NORM") gives them."""
        if not len(doc) or not len(self.firsts):
            return []
        starts, _ = lookup(token_array(doc, [NORM]).ravel(), self.firsts)
        if not len(starts):
            return []
        norms = token_list(doc, NORM)
        n = len(norms)
        root = self.root
        out: list[Match] = []
        for start in starts.tolist():
            node = root[norms[start]]
            end = start + 1
            while True:
                ids = node.get(_END)
                if ids is not None:
                    out.extend((match_id, start, end) for match_id in ids)
                if end >= n:
                    break
                node = node.get(norms[end])
                if node is None:
                    break
                end += 1
        return out
