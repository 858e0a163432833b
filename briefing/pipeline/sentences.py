"""Component: sentence starts, after final punctuation and at line breaks (titles, paragraphs)."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_ALPHA, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.columns import COLUMNS, read_all, share

# Where the splitter's own columns are in the shared read (briefing.pipeline.columns).
_ORTH, _SPACY, _IS_ALPHA, _IS_SPACE, _SENT_START = (
    COLUMNS.index(a) for a in (ORTH, SPACY, IS_ALPHA, IS_SPACE, SENT_START)
)


class SentenceSplitter(BatchPipe):
    """Sentence starts after . ! ? ؟ … followed by a space, and at line breaks (titles, paragraphs)."""

    FINAL = (".", "!", "?", "؟", "…", "..", "...")
    OPENING = ("(", "[")

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.final = numpy.array([nlp.vocab.strings.add(p) for p in self.FINAL], dtype="uint64")
        self.opening = numpy.array([nlp.vocab.strings.add(p) for p in self.OPENING], dtype="uint64")
        self._newline: dict[int, bool] = {}
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        # Every column the later components read, once (briefing.pipeline.columns).
        arr = read_all(doc)
        orths, space_after = arr[:, _ORTH], arr[:, _SPACY] == 1
        alpha, is_space = arr[:, _IS_ALPHA] == 1, arr[:, _IS_SPACE] == 1
        final = numpy.isin(orths, self.final)
        next_alpha = numpy.append(alpha[1:], False)
        # A dot glued between letters (بي.بي.سي, U.S.) abbreviates; it does not end a sentence.
        ends = final & (space_after | ~next_alpha)
        # "(...)" marks words left out of a quotation: the sentence goes on past it.
        after_opening = numpy.insert(numpy.isin(orths, self.opening)[:-1], 0, False)
        ends &= ~after_opening
        for i in numpy.flatnonzero(is_space):
            orth = int(orths[i])
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
