"""Component: set each token's matching form, `token.norm_`, and the length of its proclitics.

Runs first. `norm_` is the camel-tools folding of the token (normalize.fold) with proclitics
(و ف ب ل ك س and their combinations, لل for ال) removed when — and only when — what remains
is a word some resource knows. `token._.clitic` holds how many characters of the raw token a
mention should leave out. The text itself is never rewritten, so every span keeps its offsets.

The form depends only on the word, so it is set once per word on the vocabulary's lexeme, where
every token of that word finds it; a document costs one array read and a binary search per token.
"""

from __future__ import annotations

from mypy_extensions import mypyc_attr
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.wordslots import WordValues
from briefing.resources import Resources
from briefing.text.normalize import fold, raw_prefix_length, strip_proclitics

CLITICS_KEY = "briefing.clitics"  # doc.user_data: {token index: raw proclitic length}


def _clitic(token: Token) -> int:
    return int(token.doc.user_data.get(CLITICS_KEY, {}).get(token.i, 0))


if not Token.has_extension("clitic"):
    Token.set_extension("clitic", getter=_clitic)


@mypyc_attr(allow_interpreted_subclasses=True)
class Normalizer(BatchPipe):
    """Folds tokens for matching. Config: none; the known words come to `load`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.known: frozenset[str] = frozenset()
        # The raw proclitic length (0 for most) of every word whose lexeme norm is set: a
        # document's are then found by the words' ids in C, and its few proclitics are picked
        # out in numpy (a Python loop over its tokens cost more than the rest).
        self._lengths = WordValues()

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        """`known`: the folded words that proclitic stripping may uncover."""
        self.known = known
        self._lengths = WordValues()

    def analyse(self, text: str) -> tuple[str, int]:
        """(matching form, raw proclitic length) of one token's text."""
        norm, removed = strip_proclitics(fold(text), self.known)
        # A leading hashtag sign is left out of mentions like a proclitic (#حزب_الله → حزب_الله).
        tag = len(text) - len(text.lstrip("#"))
        return norm, tag + (raw_prefix_length(text[tag:], removed) if removed else 0)

    def _learn(self, orths: list[int]) -> None:
        """Set the norm of the words `orths` (distinct, not seen before)."""
        strings = self.vocab.strings
        lengths = []
        for orth in orths:
            norm, clitic = self.analyse(strings[orth])
            self.vocab[orth].norm_ = norm
            lengths.append(clitic)
        self._lengths.add(orths, lengths)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        orths = doc.to_array(ORTH)
        lengths = self._lengths.of(orths)
        if lengths is None:  # a word not seen before
            self._learn(self._lengths.missing(orths))
            lengths = self._lengths.of(orths)
            assert lengths is not None
        at = lengths.nonzero()[0]
        if len(at):
            doc.user_data[CLITICS_KEY] = dict(zip(at.tolist(), lengths[at].tolist(), strict=True))
        return doc


@Language.factory("briefing_normalizer", assigns=["token.norm", "token._.clitic"])
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    return Normalizer(nlp, name)
