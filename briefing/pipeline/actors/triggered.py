"""A phrase matcher on NORM that knows the first word of each of its patterns, so that a rule's
nouns are looked for only in the articles that have one: for each rule about half have none,
and the matcher walks every token of the article."""

from __future__ import annotations

from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from briefing.pipeline.actors.document import Tokens

Matches = list[tuple[int, int, int]]  # (match key, start, end)


class TriggeredMatcher(PhraseMatcher):
    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab, attr="NORM")
        self.firsts: set[int] = set()  # the norm hash of each pattern's first token
        self.anywhere = False  # an empty pattern: no first word to look for

    def add(self, key: str, docs: list[Doc], *, on_match: Any = None) -> None:
        super().add(key, docs, on_match=on_match)
        for doc in docs:  # a Doc, or its NORM values when unpickled
            if not len(doc):
                self.anywhere = True
            else:
                self.firsts.add(doc[0].norm if isinstance(doc, Doc) else doc[0])

    def __reduce__(self) -> tuple[Any, ...]:
        # spaCy's own rebuilds a PhraseMatcher; the pipeline is pickled (briefing.pipeline.cache).
        return (_unpickle, super().__reduce__()[1])

    def on(self, a: Tokens) -> Matches:
        """The matches in the article; none, without running the matcher, when it has no
        pattern's first word."""
        if not self.anywhere and self.firsts.isdisjoint(a.norm_set()):
            return []
        return self(a.doc)


def _unpickle(vocab: Vocab, docs: dict[str, Any], callbacks: dict[str, Any], attr: Any) -> TriggeredMatcher:
    matcher = TriggeredMatcher(vocab)
    for key, patterns in docs.items():
        matcher.add(key, list(patterns), on_match=callbacks.get(key))
    return matcher
