"""String ids of span labels, kept per component.

A Span given its label as a string hashes the string and adds it to the vocabulary's store each
time; the claims and the figures label thousands of spans with a handful of labels (stances,
categories), so each label is added once and its id given after.
"""

from __future__ import annotations

from mypy_extensions import mypyc_attr
from spacy.tokens import Doc


@mypyc_attr(allow_interpreted_subclasses=True)
class LabelIds:
    """label → its string id in the documents' vocabulary (one vocabulary per pipeline)."""

    __slots__ = ("_ids",)

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def __call__(self, doc: Doc, label: str) -> int:
        key = self._ids.get(label)
        if key is None:
            key = self._ids[label] = doc.vocab.strings.add(label)
        return key
