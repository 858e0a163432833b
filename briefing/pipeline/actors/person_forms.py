"""What the people rules read of a word, derived once per word form into one int of bits.

The rules that find where a person's name may start (people.py) used to read every token three
times: its norm in the roles' dict (found by a set intersection and a walk of the tokens), its
orth in a cache of what the analyser makes of it (a `get` per token and a dict of the others),
and its norm again against the foreign spellings (a set difference over the doc's norms). All of
it depends on the word form alone (the normaliser sets a form's norm and proclitic once, on its
lexeme), so it is now one record per orth, kept across articles: a document costs one `map` of a
dict's `get` over its orths, and numpy picks the few tokens of each kind out of the records.

Bits: the word's roles (the low byte: speech verb, given name …, `roles` of PeopleTables), what
the analyser makes of it as a foreign name's opening (`PROPER` …), whether it is another spelling
of a foreign first name (`SPELLED`), and whether it may open a person's name (`NAMEISH`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy

from briefing.pipeline.actors.words import FOREIGN_MIN_LETTERS, Words
from briefing.text.normalize import fold

# The roles a word plays for the name finder (PeopleTables.roles).
SPEECH, ONLY_NAME, GIVEN, DEMONYM, PATRONYMIC, NAMING, BYLINE, CREDIT = 1, 2, 4, 8, 16, 32, 64, 128
ROLES = 0xFF
# What the analyser makes of a word that may open a foreign name (`opening_kind`).
PROPER, UNREADABLE, SURNAME, THEOPHORIC = 1 << 8, 2 << 8, 4 << 8, 8 << 8
KINDS = PROPER | UNREADABLE | SURNAME | THEOPHORIC
SPELLED = 1 << 12  # another spelling of a foreign first name of the name table (دونكان of دنكان)
NAMEISH = 1 << 13  # may be a name's first word (Words.nameish with first=True)
SURNAME_MIN_LETTERS = 4  # a foreign family name alone has more letters than this
# The word forms kept (a long batch meets ever more of them).
MAX_FORMS = 100_000


class PersonForms:
    """The records of one document's tokens, in token order (`bits`), and as a numpy column."""

    def __init__(
        self, w: Words, roles: Mapping[int, int], surname_endings: tuple[str, ...], cache: dict[int, int]
    ) -> None:
        self.w = w
        self.roles = roles
        self.surname_endings = surname_endings
        a = w.a
        bits: list[Any] = list(map(cache.get, a.orths))
        if None in bits:  # word forms no article had before
            if len(cache) >= MAX_FORMS:
                cache.clear()
            for i, orth in enumerate(a.orths):
                if bits[i] is None:
                    bits[i] = cache.get(orth)
                    if bits[i] is None:
                        bits[i] = cache[orth] = self._record(i)
        self.bits: list[int] = bits
        self.column = numpy.array(bits, dtype=numpy.int64)

    def where(self, mask: int) -> list[int]:
        """The tokens whose record has any bit of `mask`, in order."""
        at: list[int] = (self.column & mask).nonzero()[0].tolist()
        return at

    def kinds(self) -> dict[int, int]:
        """Token index → its `KINDS` bits, for the tokens with some."""
        at = (self.column & KINDS).nonzero()[0]
        return dict(zip(at.tolist(), (self.column[at] & KINDS).tolist(), strict=True))

    def _record(self, i: int) -> int:
        """The record of token i's word form."""
        w, a = self.w, self.w.a
        key = a.norms[i]
        role = self.roles.get(key, 0)
        bits = role | self.opening_kind(a.raw(i))
        if not role and self._foreign_spelling(a.word(i)):
            bits |= SPELLED
        if w.nameish(i, first=True):
            bits |= NAMEISH
        return bits

    def _foreign_spelling(self, norm: str) -> bool:
        """Another spelling of a foreign first name of the name table that the analyser cannot
        read, a word of no resource (and of no role: the caller asks)?"""
        t = self.w.t
        return (
            len(norm) >= FOREIGN_MIN_LETTERS
            and norm not in t.common
            and norm not in t.resource_words
            and self.w.foreign_name(norm)
        )

    def opening_kind(self, raw: str) -> int:
        """PROPER for a word the analyser reads only as a proper noun, UNREADABLE for one it
        cannot read (both of some letters, and no word the resources or a corpus use), and
        SURNAME too for such a word with a foreign family name's ending (شومسكي, نوفيتسكي)."""
        t, w = self.w.t, self.w
        norm = fold(raw)
        if w.theophoric_glued(norm) and norm not in t.given and norm not in t.common:
            return THEOPHORIC  # عبدالفتاح: a given name, which the given names' list may lack
        if len(norm) < FOREIGN_MIN_LETTERS or norm in t.common or norm in t.resource_words:
            return 0
        if w.foreign(raw):
            ending = len(norm) > SURNAME_MIN_LETTERS and norm.endswith(self.surname_endings)
            return UNREADABLE | (SURNAME if ending else 0)
        return PROPER if w.proper_noun(raw) else 0
