"""What the actor rules read of a word, derived once per word form into one int of bits.

The rules that find where a person's name may start (people.py) used to read every token three
times: its norm in the roles' dict (found by a set intersection and a walk of the tokens), its
orth in a cache of what the analyser makes of it (a `get` per token and a dict of the others),
and its norm again against the foreign spellings (a set difference over the doc's norms). All of
it depends on the word form alone (the normaliser sets a form's norm and proclitic once, on its
lexeme), so it is now one record per orth, kept across articles: a document's records are taken
by its words' ids in C (wordslots.WordValues), and numpy picks the few tokens of each kind out of them.

Bits: the word's roles (the low byte: speech verb, given name …, `roles` of PeopleTables), what
the analyser makes of it as a foreign name's opening (`PROPER` …), whether it is another spelling
of a foreign first name (`SPELLED`), whether it may open a person's name (`NAMEISH` …), and
whether it glues a gazetteer name to a neighbour (`GLUED`, glued.py), ends a clause (`CLAUSE_END`)
or has a space in its norm (`SPACED`, candidates.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from spacy.strings import get_string_id

from briefing.pipeline.actors.glued import GlueTables, split_glued
from briefing.pipeline.actors.words import FOREIGN_MIN_LETTERS, Words
from briefing.pipeline.wordslots import WordValues
from briefing.text.normalize import fold


class PeopleWords(Protocol):
    """What the records read of the people rules' tables (people.PeopleTables), named here so
    that this module, which people.py reads, does not import it back."""

    @property
    def roles(self) -> Mapping[int, int]: ...
    @property
    def surname_endings(self) -> tuple[str, ...]: ...
    @property
    def calendar(self) -> frozenset[str]: ...


# The roles a word plays for the name finder (PeopleTables.roles).
SPEECH, ONLY_NAME, GIVEN, DEMONYM, PATRONYMIC, NAMING, BYLINE, CREDIT = 1, 2, 4, 8, 16, 32, 64, 128
ROLES = 0xFF
# What the analyser makes of a word that may open a foreign name (`opening_kind`).
PROPER, UNREADABLE, SURNAME, THEOPHORIC = 1 << 8, 2 << 8, 4 << 8, 8 << 8
KINDS = PROPER | UNREADABLE | SURNAME | THEOPHORIC  # (all but THEOPHORIC set for UNKNOWN words only)
# Another spelling of a foreign first name of the name table (دونكان of دنكان); set for PAIR words only.
SPELLED = 1 << 12
NAMEISH = 1 << 13  # may be a name's first word (Words.nameish with first=True)
PAIR = 1 << 14  # may open a name of two name words (People._two_names): NAMEISH, no article
ALONE = 1 << 15  # may be a first name alone (People._alone, which reads its neighbours)
UNKNOWN = 1 << 16  # a word no resource knows (Words.unknown_word, without a proclitic)
FOREIGN_FIRST = 1 << 17  # a foreign first name that names people often (Words.foreign_first)
GLUED = 1 << 19  # a gazetteer name glued to a neighbour (glued.py; its split in WordCaches.glued)
CLAUSE_END = 1 << 20  # a mark that ends a clause, or a space token: a verb after one opens a clause
SPACED = 1 << 21  # a norm that holds a space (NFKC gives one to some ligatures): a name may go on into it
# The marks that end a clause, as string ids (the ORTH column's).
CLAUSE_MARKS = frozenset(get_string_id(s) for s in (".", "!", "؟", "?", ":", "؛"))
SURNAME_MIN_LETTERS = 4  # a foreign family name alone has more letters than this
# The word forms kept (a long batch meets ever more of them).
MAX_FORMS = 100_000


class Forms:
    """The records of one document's tokens, in token order (`bits`), and as a numpy column.
    `known`: the folded words some component's patterns use (no glued words)."""

    def __init__(self, w: Words, people: PeopleWords, glue: GlueTables, known: frozenset[str]) -> None:
        self.w = w
        self.roles = people.roles
        self.surname_endings = people.surname_endings
        self.calendar = people.calendar
        self.glue = glue
        self.known = known
        # The records are found by the words' ids, in C (wordslots.WordValues): a dict's get per
        # token, through map, cost five times as much as a binary search, and that twice this.
        orths = w.a.array[:, 7]  # ORTH
        table = w.caches.forms
        column = table.of(orths)
        if column is None:  # word forms no article had before
            if len(table) >= MAX_FORMS:
                table = w.caches.forms = WordValues()
            self._learn(table, orths)
            column = table.of(orths)
            assert column is not None
        self.column: Any = column
        self.bits: list[int] = column.tolist()

    def _learn(self, table: WordValues, orths: Any) -> None:
        """Add the records of the word forms of `orths` that `table` lacks."""
        new = table.missing(orths)
        first: dict[int, int] = {}  # orth → its first token
        for i, orth in enumerate(self.w.a.orths):
            first.setdefault(orth, i)
        table.add(new, [self._record(first[orth]) for orth in new])

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
        bits = self.roles.get(key, 0)
        if w.nameish(i, first=True):
            bits |= NAMEISH | (0 if w.article(i) else PAIR)
        if w.unknown_word(i):
            bits |= UNKNOWN
        # The bits that ask the analyser, only where a rule reads them (a first run meets mostly
        # new words, and analysing each cost most of learning it): the foreign name's opening
        # kinds of a word no resource knows (the rules that read them ask for UNKNOWN too), and
        # another spelling of a foreign first name for a word that may open a name of two words.
        bits |= self.opening_kind(a.raw(i)) if bits & UNKNOWN else self.theophoric(a.raw(i))
        if not bits & ROLES and bits & PAIR and self._foreign_spelling(a.word(i)):
            bits |= SPELLED
        if self._alone(i):
            bits |= ALONE
        if w.foreign_first(a.word(i)):
            bits |= FOREIGN_FIRST
        if self._glued(key, a.word(i)):
            bits |= GLUED
        if a.orths[i] in CLAUSE_MARKS or a.array[i, 5]:  # IS_SPACE
            bits |= CLAUSE_END
        if " " in a.word(i):
            bits |= SPACED
        return bits

    def _glued(self, key: int, norm: str) -> bool:
        """Does the word glue a gazetteer name to a neighbour? Its split is kept by norm hash."""
        splits = self.w.caches.glued
        if key not in splits:
            splits[key] = None if norm in self.known else split_glued(norm, self.glue)
        return splits[key] is not None

    def _alone(self, i: int) -> bool:
        """Can token i's word be a first name alone: a foreign first name of the name table or a
        given name, no month or day, that no corpus uses as an everyday word and that the
        analyser reads only as a name (a foreign one: or not at all)?"""
        a, w, t = self.w.a, self.w, self.w.t
        norm, raw = a.word(i), a.raw(i)
        if len(norm) < FOREIGN_MIN_LETTERS or norm in t.common or norm in self.calendar:
            return False
        if w.article(i) or not w.name_like(raw):
            return False
        # An Arabic given name alone, when every reading the analyser has of it is a name
        # (إسماعيل، لإبراهيم; not عمر "life", not سعيد "happy"), and no month or day (رمضان، جمعة).
        given = norm in t.given and norm not in t.weak_given
        # Or a word only ever a name that the analyser reads only as a proper noun (روني Rooney).
        proper = norm in t.only_names and w.proper_noun(raw)
        return w.foreign_first(norm) or (given and w.read_as_name(raw)) or proper

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

    def theophoric(self, raw: str) -> int:
        """THEOPHORIC for a theophoric name written as one word (عبدالفتاح: a given name, which
        the given names' list may lack), else 0."""
        t, norm = self.w.t, fold(raw)
        glued = self.w.theophoric_glued(norm)
        return THEOPHORIC if glued and norm not in t.given and norm not in t.common else 0

    def opening_kind(self, raw: str) -> int:
        """THEOPHORIC (`theophoric`), or PROPER for a word the analyser reads only as a proper
        noun, UNREADABLE for one it cannot read (both of some letters, and no word the resources
        or a corpus use), and SURNAME too for such a word with a foreign family name's ending
        (شومسكي, نوفيتسكي)."""
        t, w = self.w.t, self.w
        if theophoric := self.theophoric(raw):
            return theophoric
        norm = fold(raw)
        if len(norm) < FOREIGN_MIN_LETTERS or norm in t.common or norm in t.resource_words:
            return 0
        if w.foreign(raw):
            ending = len(norm) > SURNAME_MIN_LETTERS and norm.endswith(self.surname_endings)
            return UNREADABLE | (SURNAME if ending else 0)
        return PROPER if w.proper_noun(raw) else 0
