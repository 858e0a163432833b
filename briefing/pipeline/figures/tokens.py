"""Each token as the figure rules read it (`Tok`): folded, with and without proclitics, and
whether it may start a figure; read once per word and kept by orth hash.

A token is read the way briefing_normalizer reads it, from the pure functions of
briefing.text.normalize and the same `known` words, without asking that component: the token's
NORM (which the normalizer set) is its proclitic-free form, and the proclitics are taken off only
down to a known word.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy
from mypy_extensions import mypyc_attr
from spacy.tokens import Doc

from briefing.pipeline.figures.lexicon import FigureTables
from briefing.pipeline.figures.morph import dual_noun
from briefing.pipeline.wordslots import WordRecords
from briefing.text.normalize import fold, raw_prefix_length, strip_proclitics
from briefing.text.numbers import NumberParse, parse_digits

# The characters c with "a" <= c.lower() <= "z": ASCII letters, and İ and the Kelvin sign.
_LATIN = re.compile("[A-Za-z\u0130\u212a]")
_HAMZA_ALEFS = ("آ", "أ", "إ")
_DUAL_ENDINGS = ("ين", "ان")  # folded: مدمرتين، صاروخان
_MAX_CACHED = 200_000  # readings kept by orth; a news vocabulary stays far below


class Tok(NamedTuple):
    """What the figures component needs of one token (shared by every token of a word).

    A tuple of strings and numbers, which the garbage collector stops tracking: tens of
    thousands of them are kept, and tracked objects would make every full collection slower.
    """

    text: str  # the raw token text
    raw: str  # folded token text, clitics on
    norm: str  # folded, proclitic-free, article off
    definite: bool
    clitic: int  # raw characters of proclitics
    space: bool
    latin: bool
    cand: int = 0  # 1: may start a number or ordinal; 2: a dual noun (يومين); 3: a time noun (أسبوع)


@mypyc_attr(allow_interpreted_subclasses=True)
class TokTable(WordRecords):
    """The `Tok` of each word seen (by orth hash), kept across documents, with its folded text
    beside it and its candidate code as its bits: a document's tokens, folded words and candidate
    positions are then taken in C, where a dict lookup per token and two passes over the Tok list
    to read two of their fields cost some 0.2 µs a token, most of the figures stage outside its
    rules. `tables` and `prefixes` (folded proclitics) are set by the component."""

    __slots__ = ("prefixes", "tables")

    def __init__(self, tables: FigureTables | None = None) -> None:
        super().__init__(2, _MAX_CACHED)
        self.tables = tables
        self.prefixes: dict[str, str] = {}

    def read(self, doc: Doc, arr: numpy.ndarray) -> tuple[list[Tok], list[str], list[int]]:
        """Every token's Tok, every token's folded text (Tok.raw), and the tokens that may start a
        figure (Tok.cand > 0), from the doc's ORTH and NORM columns (`arr`, in this order).

        A reading depends on the token's text alone, so each word is read once."""
        rows, bits = self.lookup(doc, arr, arr[:, 0])
        cands: list[int] = bits.nonzero()[0].tolist()
        return rows[:, 0].tolist(), rows[:, 1].tolist(), cands

    def _read(self, doc: Doc, token: list[int], i: int) -> tuple[tuple[Tok, str], int]:
        assert self.tables is not None
        strings = doc.vocab.strings
        tok = _read(strings[token[0]], strings[token[1]], self.tables, self.prefixes)
        return (tok, tok.raw), tok.cand


def _read(text: str, norm: str, tables: FigureTables, prefixes: dict[str, str]) -> Tok:
    """The reading of a token, `norm` being the normalizer's form of it.

    The normalizer cuts proclitics only down to a known word, so any other norm is the folded text
    itself, and a norm equal to the raw text (folded already) has none either: only then are the
    proclitics measured, as the normalizer measures them.
    """
    clitic = 0
    if norm != text and norm in tables.known:
        clitic = _clitic_length(text, tables.known)
    prefix = ""
    if clitic:
        prefix = prefixes.get(text[:clitic]) or prefixes.setdefault(text[:clitic], fold(text[:clitic]))
    return _make_tok(text, prefix + norm, norm, len(prefix), clitic, tables)


def _clitic_length(text: str, known: frozenset[str]) -> int:
    """Raw characters of the proclitics the normalizer takes off `text` (a leading # counts too)."""
    _, removed = strip_proclitics(fold(text), known)
    tag = len(text) - len(text.lstrip("#"))
    return tag + (raw_prefix_length(text[tag:], removed) if removed else 0)


def _make_tok(text: str, raw: str, norm: str, letters: int, clitic: int, tables: FigureTables) -> Tok:
    latin = _LATIN.search(raw) is not None
    cand = _candidate(text, raw, norm, latin, tables)
    definite = False
    # آليات and آلاف fold to اليات and الاف: only an ال written so is the article.
    if norm.startswith("ال") and len(norm) > 3 and not text[clitic:].startswith(_HAMZA_ALEFS):
        definite, norm = True, norm[2:]
    elif letters:
        definite = raw[:letters].endswith(("ال", "لل"))
    return Tok(
        text=text,
        raw=raw,
        norm=norm,
        definite=definite,
        clitic=clitic,
        space=text.isspace(),
        latin=latin,
        cand=cand,
    )


def _candidate(text: str, raw: str, norm: str, latin: bool, tables: FigureTables) -> int:
    """1 if the token may start a number or an ordinal, 2 if it is a dual noun (يومين), 3 if a
    singular time noun without article or proclitic (أسبوع), else 0."""
    if not raw or latin or text.isspace():
        return 0
    grammar = tables.grammar
    if raw[0].isdigit() or raw[0] in "$€£.":
        # Only what reads as a number can start one: "." and "..." are no candidates.
        return 1 if parse_digits(raw) is not None or grammar.analyse(raw) is not None else 0
    if grammar.analyse(raw) is not None:
        return 1
    bare = norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm
    noun = tables.nouns.get(bare)
    if noun is None:
        # any other noun in the dual, by its analysis (مدمرتين، دولتين), counts two as well
        dual = bare == norm == raw and raw.endswith(_DUAL_ENDINGS)
        return 2 if dual and dual_noun(tables.morph, text) else 0
    if noun.number == "dual":
        return 2
    # a time noun alone (نحو أسبوع، أكثر من عام) may count one
    return 3 if noun.number == "sg" and noun.category == "duration" and bare == norm == raw else 0


def word_is(tok: Tok, word: str, first: bool) -> bool:
    """The token is `word` (folded): as written, or without proclitics when it opens a phrase."""
    if tok.raw == word:
        return True
    if first and (tok.norm == word or ("ال" + tok.norm) == word):
        return True
    return tok.norm == word and not tok.clitic


def proclitic_trim(tok: Tok) -> int:
    """Raw characters of the token's proclitics (و ف ب ل ك), the article kept."""
    if not tok.clitic:
        return 0
    letters = len(tok.raw) - len(tok.norm) - (2 if tok.definite else 0)
    return raw_prefix_length(tok.text, letters) if letters > 0 else 0


def number_trim(tok: Tok, p: NumberParse) -> int:
    """Raw characters of the proclitics the number grammar read on the number's first word."""
    return raw_prefix_length(tok.text, len(p.clitic)) if p.clitic else 0


def strip_acc(word: str) -> str:
    """A folded word without the accusative -ا (قتيلا → قتيل)."""
    return word[:-1] if word.endswith("ا") else word
