"""A phrase matcher on NORM that knows the first word of each of its patterns, so that a rule's
nouns are looked for only in the articles that have one: for each rule about half have none,
and the matcher walks every token of the article.

The rule families' matchers are also joined into one (`SharedPhrases`), which walks an article
once for all of them: each walk costs about as much whatever the number of patterns, and the
families' four or five walks were a twentieth of the stage's instructions."""

from __future__ import annotations

from typing import Any, Protocol

from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

Matches = list[tuple[int, int, int]]  # (match key, start, end)


class Article(Protocol):
    """What a matcher reads of an article (document.Tokens)."""

    doc: Doc
    phrases: SharedPhrases | None

    def norm_set(self) -> frozenset[int]: ...

    def phrase_matches(self) -> dict[str, Matches]: ...


class TriggeredMatcher(PhraseMatcher):
    def __init__(self, vocab: Vocab, name: str = "") -> None:
        super().__init__(vocab, attr="NORM")
        self.name = name  # its part of SharedPhrases (none when "")
        self.firsts: set[int] = set()  # the norm hash of each pattern's first token
        self.anywhere = False  # an empty pattern: no first word to look for

    def add(self, key: str, docs: list[Doc], *, on_match: Any = None) -> None:
        super().add(key, docs, on_match=on_match)
        for doc in docs:  # a Doc, or its NORM values when unpickled
            if not len(doc):
                self.anywhere = True
            else:
                self.firsts.add(doc[0].norm if isinstance(doc, Doc) else doc[0])

    def patterns(self) -> dict[str, Any]:
        """Its patterns by key, as NORM values (spaCy's own pickled form of them)."""
        return super().__reduce__()[1][1]  # type: ignore[no-any-return]

    def __reduce__(self) -> tuple[Any, ...]:
        # spaCy's own rebuilds a PhraseMatcher; the pipeline is pickled (briefing.pipeline.cache).
        return (_unpickle, (*super().__reduce__()[1], self.name))

    def on(self, a: Article) -> Matches:
        """The matches in the article; none, without running the matcher, when it has no
        pattern's first word."""
        if not self.anywhere and self.firsts.isdisjoint(a.norm_set()):
            return []
        if a.phrases is not None and self.name in a.phrases.names:
            return a.phrase_matches()[self.name]
        return self(a.doc)


def _unpickle(
    vocab: Vocab, docs: dict[str, Any], callbacks: dict[str, Any], attr: Any, name: str = ""
) -> TriggeredMatcher:
    matcher = TriggeredMatcher(vocab, name)
    for key, patterns in docs.items():
        matcher.add(key, list(patterns), on_match=callbacks.get(key))
    return matcher


class SharedPhrases:
    """The patterns of several named TriggeredMatchers in one PhraseMatcher, each key prefixed
    with its matcher's name; `matches` gives each matcher's own matches, in the order its own
    walk gives them (by start, then end)."""

    def __init__(self, vocab: Vocab, matchers: list[TriggeredMatcher]) -> None:
        self.matcher = PhraseMatcher(vocab, attr="NORM")
        self.names = frozenset(m.name for m in matchers)
        if len(self.names) != len(matchers) or "" in self.names:
            raise ValueError("SharedPhrases: every matcher needs a name of its own")
        # The joined key's hash → the matcher's name and the key's hash in that matcher.
        self.owners: dict[int, tuple[str, int]] = {}
        for m in matchers:
            for key, patterns in m.patterns().items():
                joined = f"{m.name}|{key}"
                self.matcher.add(joined, list(patterns))
                self.owners[get_string_id(joined)] = (m.name, get_string_id(key))

    def matches(self, doc: Doc) -> dict[str, Matches]:
        out: dict[str, Matches] = {name: [] for name in self.names}
        owners = self.owners
        for joined, start, end in self.matcher(doc):
            name, key = owners[joined]
            out[name].append((key, start, end))
        return out
