"""Component: sentence starts, after final punctuation and at line breaks (titles, paragraphs)."""

from __future__ import annotations

import numpy
from mypy_extensions import mypyc_attr
from spacy.attrs import IS_ALPHA, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.columns import COLUMNS, KeySet, Lexemes, read_all, share

# Where the splitter's own columns are in the shared read (briefing.pipeline.columns).
_ORTH, _SPACY, _IS_ALPHA, _IS_SPACE, _SENT_START = (
    COLUMNS.index(a) for a in (ORTH, SPACY, IS_ALPHA, IS_SPACE, SENT_START)
)


@mypyc_attr(allow_interpreted_subclasses=True)
class SentenceSplitter(BatchPipe):
    """Sentence starts after . ! ? ؟ … followed by a space, and at line breaks (titles, paragraphs)."""

    FINAL = (".", "!", "?", "؟", "…", "..", "...")
    OPENING = ("(", "[")

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        # The final and the opening marks in one sorted table, each flagged final or not: one
        # binary search a token finds both (numpy.isin, twice, cost more than the rest of the
        # splitter on a short document such as a title).
        marks = {nlp.vocab.strings.add(p): True for p in self.FINAL}
        marks.update({nlp.vocab.strings.add(p): False for p in self.OPENING})
        keys = sorted(marks)
        self.marks = KeySet(keys)
        self.closes = numpy.array([marks[k] for k in keys], dtype=bool)
        self._newline: dict[int, bool] = {}
        self._lexemes = Lexemes()
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        # Every column the later components read, once (briefing.pipeline.columns).
        arr = read_all(doc, self._lexemes)
        orths, space_after = arr[:, _ORTH], arr[:, _SPACY] == 1
        alpha, is_space = arr[:, _IS_ALPHA] == 1, arr[:, _IS_SPACE] == 1
        at, which = self.marks.find(orths)
        final = numpy.zeros(n, dtype=bool)
        final[at[self.closes[which]]] = True
        next_alpha = numpy.zeros(n, dtype=bool)
        next_alpha[:-1] = alpha[1:]
        # A dot glued between letters (بي.بي.سي, U.S.) abbreviates; it does not end a sentence.
        ends = final & (space_after | ~next_alpha)
        # "(...)" marks words left out of a quotation: the sentence goes on past it.
        after_opening = at[~self.closes[which]] + 1
        ends[after_opening[after_opening < n]] = False
        spaces = is_space.nonzero()[0]
        for i, orth in zip(spaces.tolist(), orths[spaces].tolist(), strict=True):
            newline = self._newline.get(orth)
            if newline is None:
                newline = self._newline[orth] = "\n" in self.strings[orth]
            ends[i] = newline
        starts = numpy.full(n, -1, dtype="int64")
        starts[0] = 1
        starts[1:][ends[:-1]] = 1
        # spaCy reads attribute arrays as uint64: -1 must wrap, not be read from a narrower type.
        sent_starts = starts.astype("uint64")
        doc.from_array(["SENT_START"], sent_starts.reshape(-1, 1))  # type: ignore[arg-type]
        arr[:, _SENT_START] = sent_starts  # as doc.to_array reads them back
        share(doc, arr)
        return doc


@Language.factory("briefing_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
