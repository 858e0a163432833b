"""What components share while they load: pattern docs normed as the normalizer norms a document,
and tables computed once per Resources object however many components ask for them.

A component never reads another component's state; where two need the same table (the gazetteer's
surfaces, the name vocabulary), each calls the same pure function, and `once_per_resources` keeps
its result for as long as that Resources object is the one being loaded.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

from briefing.resources import Resources
from briefing.text.normalize import fold, strip_proclitics

T = TypeVar("T")


def norm_of(text: str, known: frozenset[str]) -> str:
    """A token's matching form: the normalizer's `token.norm_` of a token with this text."""
    return strip_proclitics(fold(text), known)[0]


class PatternTokenizer:
    """Tokenize a phrase pattern and set each token's norm, as the pipeline's tokenizer and
    normalizer do for a document: matchers on NORM then meet documents in the same form."""

    def __init__(self, make_doc: Callable[[str], Doc], known: frozenset[str]) -> None:
        self.make_doc = make_doc
        self.known = known

    def __call__(self, text: str) -> Doc:
        doc = self.make_doc(text)
        for token in doc:
            token.norm_ = norm_of(token.text, self.known)
        return doc


def once_per_resources(build: Callable[[Resources], T]) -> Callable[[Resources], T]:
    """`build`, computed once for the Resources object last asked about (held weakly)."""
    last: list[tuple[weakref.ref[Resources], T]] = []

    @functools.wraps(build)
    def cached(resources: Resources) -> T:
        if last and last[0][0]() is resources:
            return last[0][1]
        value = build(resources)
        last[:] = [(weakref.ref(resources), value)]
        return value

    return cached
