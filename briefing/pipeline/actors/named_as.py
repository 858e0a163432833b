"""Groups named in quotes after the words that name them (armed_groups.yaml, `named_as`):
حركة باسم "الشباب المؤمن", حزب سياسي صغير كان يعرف باسم "الحق". A group noun within a few words
before the naming phrase, then the quoted words: an organisation, transliterated; the same words
in quotes elsewhere in the article are the same group.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab

from briefing.pipeline.actors.document import Hit
from briefing.pipeline.actors.organisations import closing_quote
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.triggered import TriggeredMatcher
from briefing.pipeline.actors.words import Words
from briefing.resources import Resources
from briefing.resources.schema import ArmedGroupsFile
from briefing.text.normalize import fold


@dataclass(frozen=True)
class NamedAsTables:
    phrases: TriggeredMatcher | None  # on NORM; None without the section
    nouns: frozenset[int]  # norm hashes
    window: int


def build_named_as_tables(
    resources: Resources, vocab: Vocab, pattern_doc: Callable[[str], Doc]
) -> NamedAsTables:
    section = resources.get("armed_groups", ArmedGroupsFile).named_as
    if section is None:
        return NamedAsTables(None, frozenset(), 0)
    phrases = TriggeredMatcher(vocab, "named_as")
    phrases.add("named_as", [pattern_doc(p) for p in section.phrases])
    return NamedAsTables(
        phrases, frozenset(vocab.strings.add(fold(n)) for n in section.nouns), section.window
    )


def named_as(w: Words, tables: NamedAsTables, found: FoundActors, taken: set[int]) -> list[Hit]:
    """Hits for the groups named in quotes, and for their names quoted again."""
    a = w.a
    if tables.phrases is None:
        return []
    names: dict[tuple[int, ...], str] = {}  # norm hashes of the quoted words → actor id
    for _, start, end in tables.phrases.on(a):
        close = closing_quote(a, end) if end < len(a.norms) and a.is_quote(end) else 0
        before = range(max(0, start - tables.window), start)
        if close and any(a.norms[i] in tables.nouns for i in before):
            key = tuple(a.norms[end + 1 : close])
            names.setdefault(key, found.add("ORG", a.mention(end + 1, close)))
    out: list[Hit] = []
    if not names:
        return out
    quotes = [i for i, q in enumerate(a.array[:, 6].tolist()) if q]  # IS_QUOTE
    for i in quotes:
        close = closing_quote(a, i)
        actor = names.get(tuple(a.norms[i + 1 : close])) if close else None
        if actor is not None and not any(j in taken for j in range(i + 1, close)):
            out.append(
                Hit(
                    i + 1,
                    close,
                    a.start_char(i + 1),
                    a.end_char(close),
                    actor,
                    "ORG",
                    a.surface(i + 1, close),
                )
            )
            taken.update(range(i + 1, close))
    return out
