"""The claim rules' per-token columns (text, norm, folded form, proclitic length, is_space,
is_alpha), read from one record per word form kept across documents.

A document's words are found by their ids (wordslots.WordRecords, in C) and the six columns, and
the word's bits (wordbits), are then taken from the records with one `take` and one `tolist`:
no Python-level step per token. A dictionary lookup per token and a zip of the rows into columns
cost some 0.3 µs a token, a sixth of the stage.
"""

from __future__ import annotations

from typing import Any

import numpy
from mypy_extensions import mypyc_attr
from spacy.tokens import Doc

from briefing.pipeline.claims.tables import ClaimTables
from briefing.pipeline.claims.wordbits import word_bits, word_class_bits
from briefing.pipeline.wordslots import WordRecords
from briefing.text.normalize import fold

_MIX = numpy.uint64(0x9E3779B97F4A7C15)  # odd multiplier mixing an orth hash into a norm hash
MAX_WORDS = 200_000  # word forms remembered at most

# A word's record: text, norm, folded form with proclitics kept, proclitic length, is_space,
# is_alpha.
Row = tuple[str, str, str, int, bool, bool]
Columns = tuple[list[str], list[str], list[str], list[int], list[bool], list[bool], list[int]]


def word_keys(orths: numpy.ndarray, norms: numpy.ndarray) -> numpy.ndarray:
    """One key per (orth, norm) pair, mixed in 64 bits the way spaCy's own string hashes are:
    the normalizer may give one written form two norms."""
    keys: numpy.ndarray = numpy.bitwise_xor(numpy.multiply(orths, _MIX, dtype=numpy.uint64), norms)
    return keys


@mypyc_attr(allow_interpreted_subclasses=True)
class WordColumns(WordRecords):
    """The records of the word forms seen, by (orth, norm) key, for one set of tables."""

    __slots__ = ("_classes", "_folds", "known", "tables")

    def __init__(self, tables: ClaimTables) -> None:
        super().__init__(6, MAX_WORDS)
        self.tables = tables
        self.known = tables.known  # the words the normalizer may uncover by taking proclitics off
        self._folds: dict[str, str] = {}
        self._classes = word_class_bits(tables)

    def columns(self, doc: Doc, arr: numpy.ndarray) -> Columns:
        """The six columns of `doc`, whose ORTH and NORM columns are arr[:, 0] and arr[:, 1], and
        the words' bits (wordbits)."""
        rows, bits = self.lookup(doc, arr, word_keys(arr[:, 0], arr[:, 1]))
        cols: Any = rows.T.tolist()
        return (*cols, bits.tolist())

    def _read(self, doc: Doc, token: list[int], i: int) -> tuple[Row, int]:
        """The record of token i's word; `token`: its ORTH and NORM."""
        strings = doc.vocab.strings
        t, n = strings[token[0]], strings[token[1]]
        # The normalizer cuts proclitics only down to a word it knows, and never from a word
        # already in its matching form: only then is token._.clitic worth asking.
        clitic = 0
        if n != t and n in self.known:
            clitic = int(doc[i]._.clitic)
        folded = self._folds.get(t) or self._folds.setdefault(t, fold(t))
        fw = folded if n != t and clitic else n
        # is_space and is_alpha are flags of the word's lexeme.
        lex = doc.vocab[t]
        space, alpha = lex.is_space, lex.is_alpha
        return (t, n, fw, clitic, space, alpha), word_bits(
            t, fw, folded, space, alpha, self.tables, self._classes
        )
