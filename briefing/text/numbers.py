"""Read Arabic number expressions (digits, number words, duals, scales, fractions) from words.

This is the number grammar, and nothing else: it knows no spaCy and no counted nouns. Input is a
sequence of folded words (briefing.text.normalize.fold of each token, clitics still on); output is a
`NumberParse` naming the words used, the value, and how it was written. The figures component
adds qualifiers, ranges, units and categories on top.

The grammar is the classical one for Arabic cardinals: units, teens (unit + عشر), tens joined
to units by و (ثلاثة وعشرون), hundreds (ثلاثمائة, ثلاث مئة), scale words multiplying what came
before (ثلاثة آلاف، 30 مليار) or counting alone (ألف، ألفان, مليونين), plural scale words used
without a number (آلاف، عشرات الآلاف, مئات) read as vague lower bounds, fractions (نصف،
ثلث، ثلاثة أرباع، مليون ونصف), decimals with فاصلة, and digits in Western or Arabic-Indic form
with either separator convention.

The words come from numbers.yaml, validated by its schema (briefing.resources.schema.NumberEntry)
before they reach the grammar.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, Protocol, get_args

from mypy_extensions import mypyc_attr

from briefing.text.normalize import PROCLITICS, fold

NumberKind = Literal[
    "zero",
    "unit",
    "ten_word",
    "ten",
    "hundred",
    "scale",
    "vague",
    "fraction",
    "fraction_plural",
    "ordinal",
    "decimal_point",
    "minus",
]
KINDS: frozenset[str] = frozenset(get_args(NumberKind))
# The proclitics a number word may carry (longest first): those of normalize.PROCLITICS without
# the article, which the grammar reads apart because it makes the number definite (الثالث،
# والعشرين), and without the future's س, which stands only before a verb.
_CLITICS = tuple(c for c in PROCLITICS if not c.endswith(("ال", "لل")) and "س" not in c)
_DIGIT_RE = re.compile(
    r"^(?P<sym1>[$€£¥])?\s*(?P<sign>[-+−])?(?P<num>\d[\d,.]*\d|\d|[.]\d+)"
    r"(?P<sym2>[$€£¥¢%٪])?$"
)
# Thousands grouped by spaces, as French-style and Maghrebi papers write them (40 000، 1 234 567):
# a head of one to three digits, then groups of exactly three, a decimal part on the last only.
_GROUP_HEAD = re.compile(r"\d{1,3}")
_GROUP = re.compile(r"\d{3}(?:[.,٫]\d+)?")
_STRAY = dict.fromkeys(map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


class NumberSource(Protocol):
    """One entry of numbers.yaml, as its schema reads it (briefing.resources.schema.NumberEntry)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> NumberKind: ...
    @property
    def value(self) -> float: ...
    @property
    def en(self) -> str: ...
    @property
    def en_plural(self) -> str | None: ...
    @property
    def standalone(self) -> bool: ...
    @property
    def teen_only(self) -> bool: ...
    @property
    def ar(self) -> tuple[str, ...]: ...
    @property
    def dual(self) -> tuple[str, ...]: ...
    @property
    def plural(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class NumberWord:
    """One entry of numbers.yaml, as the grammar reads it."""

    id: str
    kind: str
    value: float
    en: str
    en_plural: str
    standalone: bool
    teen_only: bool

    @classmethod
    def of(cls, entry: NumberSource) -> NumberWord:
        return cls(
            id=entry.id,
            kind=entry.kind,
            value=float(entry.value),
            en=entry.en,
            en_plural=entry.en_plural or entry.en,
            standalone=entry.standalone,
            teen_only=entry.teen_only,
        )


@dataclass(frozen=True)
class Atom:
    """One word's reading: the entry and which form of it (sg, dual, plural)."""

    word: NumberWord
    form: str  # "sg" | "dual" | "plural"


@dataclass(frozen=True)
class WordAnalysis:
    """A folded word split into proclitics, article and a number-word stem."""

    clitic: str  # proclitic letters before the stem (and article), folded
    definite: bool
    atoms: tuple[Atom, ...]


@dataclass(frozen=True)
class DigitReading:
    value: float
    alt: float | None  # "1.500": 1500 read as thousands, `value` is the decimal reading 1.5
    percent: bool
    symbol: str | None  # currency symbol written on the number ($10, 10$)
    digits: int


class NumberParse(NamedTuple):
    """A number read from words[start:end]; `clitic` letters of words[start] come before it.

    A named tuple, immutable like a frozen dataclass but made in one step: the figures component
    reads a few thousand per corpus pass, and a frozen dataclass sets its sixteen fields one
    object.__setattr__ at a time."""

    start: int
    end: int
    value: float
    clitic: str = ""
    definite: bool = False
    vague: bool = False  # plural counting word without a number: a lower bound
    vague_en: str | None = None  # "hundreds of thousands"
    dual: bool = False  # a dual scale word standing for 2 × scale (ألفان، مليونين)
    fraction: bool = False  # ends as a fraction of something (نصف، ثلث) with no scale after
    has_digits: bool = False
    has_words: bool = False
    percent: bool = False  # "%" written on the digits
    symbol: str | None = None
    standalone: bool = True  # may be a figure without a counted noun
    ordinal: bool = False
    year_like: bool = False  # four digits between 1800 and 2100, nothing else
    scale: float = 1.0  # the last scale word used (for "مليون ونصف")


@mypyc_attr(allow_interpreted_subclasses=True)
class NumberGrammar:
    """The number grammar over the entries of numbers.yaml; build once, reuse (it caches)."""

    def __init__(self, entries: Iterable[NumberSource]) -> None:
        table: dict[str, list[Atom]] = {}
        for entry in entries:
            word = NumberWord.of(entry)
            for form, surfaces in (("sg", entry.ar), ("dual", entry.dual), ("plural", entry.plural)):
                for surface in surfaces:
                    atom = Atom(word, form)
                    atoms = table.setdefault(fold(surface), [])
                    if atom not in atoms:
                        atoms.append(atom)
        self.table: dict[str, tuple[Atom, ...]] = {k: tuple(v) for k, v in table.items()}
        self._cache: dict[str, WordAnalysis | None] = {}
        self._alone: dict[str, NumberParse | None] = {}  # word → its parse as a number alone
        self._inerts: dict[str, bool] = {}  # word → `_inert`
        # Every word _analyse reads (a stem with its proclitics and article), so that any other
        # word is turned down by one set lookup: most words of a text are no number word.
        stems = [k for k, v in self.table.items() if v]
        self._readable = frozenset(
            [
                *stems,
                *(c + t for c in _CLITICS for t in stems if len(t) >= 2),
                *(c + "ال" + t for c in ("", *_CLITICS) for t in stems),
                *("لل" + t for t in stems),
                *(c + "لل" + t for c in ("و", "ف") for t in stems),
            ]
        )

    # ---- words -------------------------------------------------------------------------

    def surfaces(self) -> frozenset[str]:
        """Every folded number word (without clitics and article)."""
        return frozenset(self.table)

    def analyse(self, word: str) -> WordAnalysis | None:
        """Read one folded word as a number word, removing proclitics and the article."""
        if word not in self._readable:
            return None
        hit = self._cache.get(word, _MISSING)
        if hit is not _MISSING:
            return hit  # type: ignore[return-value]
        result = self._analyse(word)
        if len(self._cache) < _MAX_CACHED:
            self._cache[word] = result
        return result

    def _analyse(self, word: str) -> WordAnalysis | None:
        table = self.table
        atoms = table.get(word)
        if atoms:
            return WordAnalysis("", False, atoms)
        for clitic in ("", *_CLITICS):
            if clitic and not word.startswith(clitic):
                continue
            rest = word[len(clitic) :]
            if clitic and rest in table and len(rest) >= 2:
                return WordAnalysis(clitic, False, table[rest])
            if rest.startswith("ال") and rest[2:] in table:
                return WordAnalysis(clitic, True, table[rest[2:]])
            # ل + ال is written لل: للآلاف
            if clitic == "" and rest.startswith("لل") and rest[2:] in table:
                return WordAnalysis("ل", True, table[rest[2:]])
            if clitic in ("و", "ف") and rest.startswith("لل") and rest[2:] in table:
                return WordAnalysis(clitic + "ل", True, table[rest[2:]])
        return None

    # ---- expressions -------------------------------------------------------------------

    def parse(self, words: Sequence[str], i: int) -> NumberParse | None:
        """The longest cardinal number expression starting at words[i], or None."""
        if i + 1 < len(words) and self._inert(words[i + 1]):
            # The word after takes no part, whatever it is: the number is read from words[i]
            # alone, once per word (most numbers are one word before a noun).
            word = words[i]
            if word in self._alone:
                alone = self._alone[word]
            else:
                alone = self._parse([word, ""], 0)  # "" is inert too
                if len(self._alone) < _MAX_CACHED:
                    self._alone[word] = alone
            if alone is None:
                return None
            return NumberParse._make((i, i + alone.end, *alone[2:]))
        return self._parse(words, i)

    def _inert(self, word: str) -> bool:
        """Is `word` one a number's reading never looks further at after the word before it: no
        و, no number word, no digits, no group of three digits (40 000), whatever that word is?
        (_take_words then stops at it; _after_minus and _space_grouped read it only to turn it
        down.) Kept per word."""
        hit = self._inerts.get(word)
        if hit is None:
            hit = (
                word != "و"
                and self.analyse(word) is None
                and parse_digits(word) is None
                and _GROUP.fullmatch(word) is None
            )
            if len(self._inerts) < _MAX_CACHED:
                self._inerts[word] = hit
        return hit

    def _parse(self, words: Sequence[str], i: int) -> NumberParse | None:
        if i >= len(words):
            return None
        first = self._after_minus(words, i)
        if first is None:
            return None
        state = _State()
        clitic, definite = self._take_words(state, words, first)
        if not state.started or not state.complete():
            return None
        value = state.value() * (-1.0 if first > i else 1.0)
        return NumberParse(
            start=i,
            end=state.end_index + 1,
            value=value,
            clitic=clitic if first == i else "",
            definite=definite,
            vague=state.vague,
            vague_en=state.vague_en(),
            dual=state.dual,
            fraction=state.fraction,
            has_digits=state.has_digits,
            has_words=state.has_words,
            percent=state.percent,
            symbol=state.symbol,
            standalone=state.standalone,
            year_like=state.year_like(value),
            scale=state.last_scale,
        )

    def _after_minus(self, words: Sequence[str], i: int) -> int | None:
        """Where the number starts: after a minus word that a number follows (سالب عشرة), else at
        i; None when the minus word is followed by no number."""
        first = self.analyse(words[i])
        if first and _kind(first) == {"minus"} and i + 1 < len(words):
            if self._atom_or_digits(words[i + 1]) is None:
                return None
            return i + 1
        return i

    def _take_words(self, state: _State, words: Sequence[str], i: int) -> tuple[str, bool]:
        """Feed `state` the words from i on while they extend the number; returns the proclitics
        and the article of the first word."""
        n = len(words)
        clitic, definite = "", False
        j = i
        while j < n:
            conj = j > i and words[j] == "و" and j + 1 < n
            index = j + 1 if conj else j
            word, first = words[index], index == i
            if first and _GROUP_HEAD.fullmatch(word):
                word, index = _space_grouped(words, index)
            digits = parse_digits(word)
            if digits is not None:
                if not state.take_digits_at(digits, index, first=first, conj=conj):
                    break
                j = index + 1
                continue
            analysis = self.analyse(word)
            if analysis is None:
                break
            if index == i:
                clitic, definite = analysis.clitic, analysis.definite
            elif analysis.clitic:
                # Only و may be written on a later word, and only once: it joins (وعشرون).
                if analysis.clitic != "و" or conj:
                    break
                conj = True
            if not state.take(analysis, conj, first=(index == i), words=words, index=index, grammar=self):
                break
            j = state.end_index + 1
        return clitic, definite

    def parse_ordinal(self, words: Sequence[str], i: int) -> NumberParse | None:
        """An ordinal at words[i]: رابع، الثالثة عشرة، الحادي والعشرين."""
        n = len(words)
        first = self.analyse(words[i]) if i < n else None
        if first is None:
            return None
        ordinal = next((a for a in first.atoms if a.word.kind == "ordinal"), None)
        if ordinal is None:
            return self._cardinal_as_ordinal(words, i, first)
        value = ordinal.word.value
        end = i + 1
        if end < n:
            teen = self.analyse(words[end])
            if teen and not teen.clitic and any(a.word.kind == "ten_word" for a in teen.atoms):
                value += 10
                end += 1
        if value < 10 and end < n:
            value, end = self._ordinal_tens(words, value, end)
        if ordinal.word.teen_only and value < 10:
            return None
        return NumberParse(
            start=i,
            end=end,
            value=value,
            clitic=first.clitic,
            definite=first.definite,
            has_words=True,
            ordinal=True,
        )

    def _cardinal_as_ordinal(self, words: Sequence[str], i: int, first: WordAnalysis) -> NumberParse | None:
        """Definite cardinals serve as ordinals from 20 on (العشرون، الواحد والثلاثون)."""
        if not first.definite:
            return None
        cardinal = self.parse(words, i)
        if cardinal is None or cardinal.vague or cardinal.has_digits:
            return None
        return NumberParse(
            start=i,
            end=cardinal.end,
            value=cardinal.value,
            clitic=first.clitic,
            definite=True,
            has_words=True,
            ordinal=True,
        )

    def _ordinal_tens(self, words: Sequence[str], value: float, end: int) -> tuple[float, int]:
        """The tens joined to a unit ordinal (الخامس والعشرين): the value and end after them."""
        conj_index = end + 1 if words[end] == "و" else end
        if conj_index < len(words):
            tens = self.analyse(words[conj_index])
            if (
                tens
                and (tens.clitic == "و" or conj_index > end)
                and any(a.word.kind == "ten" for a in tens.atoms)
            ):
                value += next(a.word.value for a in tens.atoms if a.word.kind == "ten")
                end = conj_index + 1
        return value, end

    def _atom_or_digits(self, word: str) -> object | None:
        return parse_digits(word) or self.analyse(word)


_MISSING = object()
_MAX_CACHED = 100_000  # words whose readings are kept at most
_FORM_ORDER = {"sg": 0, "plural": 1, "dual": 2}


def _kind(analysis: WordAnalysis) -> set[str]:
    return {a.word.kind for a in analysis.atoms}


def _opens_teen(word: NumberWord, stem: str) -> bool:
    """أحد / إحدى and the construct اثنا / اثنتا count only as the first half of 11 and 12."""
    return word.teen_only or (word.id == "one" and stem in ("احد", "احدي"))


class _State:
    """Accumulates one cardinal: total of closed scale groups + the open group below 1000."""

    def __init__(self) -> None:
        self.total = 0.0
        self.group = 0.0
        self.last = ""  # kind of the last atom taken
        self.last_scale = 1.0
        self.started = False
        self.closed = False  # a fraction or decimal ends the expression
        self.vague = False
        self.vague_words: list[str] = []
        self.dual = False
        self.fraction = False
        self.has_digits = False
        self.has_words = False
        self.percent = False
        self.symbol: str | None = None
        self.digit_count = 0
        self.standalone = True
        self.pending_teen = False  # أحد / إحدى waits for عشر
        self.pending_alt: float | None = None
        self.end_index = -1
        self.definite = False  # a definite first word: the rest may carry ال too (الواحد والعشرون)

    def value(self) -> float:
        if self.pending_alt is not None and self.last == "digits":
            return self.total + self.pending_alt
        return self.total + self.group

    def complete(self) -> bool:
        return not self.pending_teen

    def year_like(self, value: float) -> bool:
        """Four digits between 1800 and 2100 and nothing else: a year, unless a context says not."""
        return (
            self.has_digits
            and not self.has_words
            and self.digit_count == 4
            and 1800 <= value <= 2100
            and float(value).is_integer()
            and not self.percent
        )

    def vague_en(self) -> str | None:
        if not self.vague:
            return None
        return " ".join(self.vague_words) if self.vague_words else None

    # ---- digits ------------------------------------------------------------------------

    def take_digits_at(self, d: DigitReading, index: int, first: bool, conj: bool) -> bool:
        """Digits open the number, or a group joined by و after a scale word (مليار و27 مليون)."""
        if first:
            return self.take_digits(d, index)
        return conj and self.take_joined_digits(d, index)

    def take_digits(self, d: DigitReading, index: int) -> bool:
        self.started = True
        self.has_digits = True
        self.group = d.value
        self.pending_alt = d.alt
        self.percent = d.percent
        self.symbol = d.symbol
        self.digit_count = d.digits
        self.last = "digits"
        self.closed = d.percent
        self.end_index = index
        return True

    def take_joined_digits(self, d: DigitReading, index: int) -> bool:
        """مليار و27 مليون: digits open a new group after a scale word, never after digits."""
        if self.last != "scale" or self.group or self.closed or d.percent or d.value >= self.last_scale:
            return False
        self.group = d.value
        self.last = "digits"
        self.end_index = index
        return True

    # ---- words -------------------------------------------------------------------------

    def take(
        self,
        a: WordAnalysis,
        conj: bool,
        first: bool,
        words: Sequence[str],
        index: int,
        grammar: NumberGrammar,
    ) -> bool:
        if self.closed:
            return False
        atoms: dict[str, Atom] = {}
        for atom in sorted(a.atoms, key=lambda x: _FORM_ORDER[x.form]):
            atoms.setdefault(atom.word.kind, atom)
        if first:
            return self._first(atoms, a, words, index)
        if (
            a.definite
            and not self.definite
            and not (
                ("scale" in atoms and self.last in ("vague", "fraction"))
                or ("scale" in atoms and atoms["scale"].form == "plural" and self.last == "vague")
            )
        ):
            return False
        if not conj:
            return self._juxtaposed(atoms, words, index, grammar)
        return self._joined(atoms, a, words, index, grammar)

    def _accept(self, index: int) -> bool:
        self.end_index = index
        self.has_words = True
        return True

    def _first(self, atoms: dict[str, Atom], a: WordAnalysis, words: Sequence[str], index: int) -> bool:
        """The number's first word: it opens the group, a scale, a vague count or a fraction."""
        self.started = True
        self.definite = a.definite
        if "zero" in atoms:
            self.closed = True
            return self._accept(index)
        if "unit" in atoms:
            word = atoms["unit"].word
            self.group = word.value
            self.last = "unit"
            self.standalone = word.standalone
            if _opens_teen(word, words[index][len(a.clitic) + (2 if a.definite else 0) :]):
                self.pending_teen = True
            return self._accept(index)
        for kind in ("ten", "hundred"):
            if kind in atoms:
                self.group = atoms[kind].word.value
                self.last = kind
                return self._accept(index)
        if "scale" in atoms:
            return self._first_scale(atoms["scale"], a, index)
        if "vague" in atoms:
            word = atoms["vague"].word
            self.vague = True
            self.vague_words.append(word.en_plural or word.en)
            self.group = word.value
            self.last = "vague"
            return self._accept(index)
        if "fraction" in atoms:
            self.group = atoms["fraction"].word.value
            self.fraction = True
            self.last = "fraction"
            return self._accept(index)
        self.started = False
        return False

    def _first_scale(self, scale: Atom, a: WordAnalysis, index: int) -> bool:
        """A scale word first: plural, a vague lower bound (آلاف); dual, two of it (ألفان); else one."""
        value = scale.word.value
        if scale.form == "plural":
            self.vague = True
            self.vague_words.append(scale.word.en_plural)
            self.total = value
        elif any(x.form == "dual" for x in a.atoms if x.word.kind == "scale"):
            # Also ألفا / مليونا alone, which read as singular too: the construct dual (ألفا جندي).
            self.dual = True
            self.total = 2 * value
        else:
            self.total = value
        self.last_scale = value
        self.last = "scale"
        return self._accept(index)

    def _juxtaposed(
        self, atoms: dict[str, Atom], words: Sequence[str], index: int, grammar: NumberGrammar
    ) -> bool:
        """A word written right after the number so far, without و: teen, hundreds, scale, fraction."""
        last = self.last
        if "ten_word" in atoms and last == "unit" and self.group % 100 < 10:
            self.group += 10
            self.pending_teen = False
            self.last = "teen"
            self.standalone = True
            return self._accept(index)
        if self.pending_teen:
            return False
        if "hundred" in atoms and last == "unit" and atoms["hundred"].word.value == 100:
            self.group *= 100
            self.last = "hundred"
            self.standalone = True
            return self._accept(index)
        if "scale" in atoms:
            return self._scale(atoms["scale"], index)
        if "fraction_plural" in atoms and last == "unit":
            # ثلاثة أرباع = 3/4; عشرون وثلاثة أخماس = 20 + 3/5: only the last unit is divided.
            unit = self.group % 10 or 10
            self.group = self.group - unit + unit / atoms["fraction_plural"].word.value
            self.fraction = True
            self.last = "fraction"
            self.closed = True
            return self._accept(index)
        if "decimal_point" in atoms and last in ("unit", "teen", "ten", "hundred", "digits", "scale"):
            return self._decimals(words, index, grammar)
        return False

    def _scale(self, scale: Atom, index: int) -> bool:
        """A scale word after a number: multiplies the open group (ثلاثة آلاف) or the scale before
        it (ألف مليار)."""
        value = scale.word.value
        last = self.last
        if last == "scale" and not self.group and value > self.last_scale and self.total < value:
            self.total *= value  # ألف مليار: a thousand billion
            self.last_scale = value
            return self._accept(index)
        if self.total and value >= self.last_scale:
            return False
        if last not in ("digits", "unit", "teen", "ten", "hundred", "vague", "fraction") or not self.group:
            return False
        if scale.form == "dual":
            return False
        if last == "digits" and self.pending_alt is not None:
            # "1.500 مليار" is one and a half billion: keep the decimal reading.
            self.pending_alt = None
        if last == "vague" or (last == "fraction" and self.vague):
            self.vague_words.append(scale.word.en_plural)
            self.vague_words[-2:] = [f"{self.vague_words[-2]} of {self.vague_words[-1]}"]
            self.vague_words[-1] = self.vague_words[-1].replace("dozens of", "tens of")
        self.total += self.group * value
        self.group = 0.0
        self.fraction = False
        self.last_scale = value
        self.last = "scale"
        self.standalone = True
        return self._accept(index)

    def _decimals(self, words: Sequence[str], index: int, grammar: NumberGrammar) -> bool:
        """The digits after فاصلة: واحد فاصلة خمسة = 1.5."""
        if index + 1 >= len(words):
            return False
        frac = grammar.parse(words, index + 1)
        if frac is None or frac.vague or frac.value < 0 or not float(frac.value).is_integer():
            return False
        digits = len(str(int(frac.value)))
        self.group += frac.value / 10**digits
        self.closed = True
        return self._accept(frac.end - 1)

    def _joined(
        self,
        atoms: dict[str, Atom],
        a: WordAnalysis,
        words: Sequence[str],
        index: int,
        grammar: NumberGrammar,
    ) -> bool:
        """A word joined by و: a fraction (مليون ونصف), a lower group after a scale, tens or units."""
        last, group = self.last, self.group
        if self.pending_teen:
            return False
        if "fraction" in atoms and last in ("scale", "unit", "teen", "ten", "hundred"):
            value = atoms["fraction"].word.value
            if last == "scale":
                self.total += value * self.last_scale
                if self._scale_again(words, index + 1, grammar):
                    index += 1
            else:
                self.group += value
            self.closed = True
            return self._accept(index)
        if last == "scale" and group == 0:
            return self._after_scale(atoms, index)
        if "ten" in atoms and last in ("unit", "hundred") and group % 100 < 10:
            self.group += atoms["ten"].word.value
            self.last = "ten"
            self.standalone = True
            return self._accept(index)
        if "unit" in atoms and (last == "hundred" or (last == "ten" and group % 10 == 0)):
            word = atoms["unit"].word
            self.group += word.value
            self.last = "unit"
            self.pending_teen = _opens_teen(word, words[index][len(a.clitic) + (2 if a.definite else 0) :])
            return self._accept(index)
        if "ten" in atoms and last == "hundred":
            self.group += atoms["ten"].word.value
            self.last = "ten"
            return self._accept(index)
        return False

    def _scale_again(self, words: Sequence[str], index: int, grammar: NumberGrammar) -> bool:
        """The scale said again after its fraction (مليون ونصف مليون، ملياران ونصف المليار)."""
        again = grammar.analyse(words[index]) if index < len(words) else None
        return (
            again is not None
            and not again.clitic
            and any(x.word.kind == "scale" and x.word.value == self.last_scale for x in again.atoms)
        )

    def _after_scale(self, atoms: dict[str, Atom], index: int) -> bool:
        """و + a lower group after a scale word (ألف ومئتان), or a smaller scale (مليار وملياران)."""
        for kind in ("hundred", "ten", "unit"):
            if kind in atoms:
                self.group = atoms[kind].word.value
                self.last = kind
                return self._accept(index)
        if "scale" in atoms and atoms["scale"].form != "plural":
            value = atoms["scale"].word.value
            if value >= self.last_scale:
                return False
            self.total += 2 * value if atoms["scale"].form == "dual" else value
            self.last_scale = value
            return self._accept(index)
        return False


@functools.lru_cache(maxsize=1 << 14)
def parse_digits(word: str) -> DigitReading | None:
    """A number written in digits (after fold: ASCII digits, "." and "," separators).

    Kept per word (the reading is frozen, and depends on the word alone): the number grammar
    reads each word of a number and the one after it, a regular expression and a reading each.
    """
    if not word or not (word[0].isdigit() or word[0] in "$€£¥.-+−" or word[-1].isdigit()):
        return None
    m = _DIGIT_RE.match(word.translate(_STRAY))
    if m is None:
        return None
    num = m.group("num")
    read = _digits_value(num)
    if read is None:
        return None
    value, alt = read
    sym = m.group("sym1") or m.group("sym2")
    percent = sym in ("%", "٪")
    symbol = None if percent or sym is None else sym
    if m.group("sign") in ("-", "−"):
        value = -value
        alt = -alt if alt is not None else None
    if sym == "¢":
        value, symbol = value / 100, "$"
    return DigitReading(
        value=value, alt=alt, percent=percent, symbol=symbol, digits=sum(c.isdigit() for c in num)
    )


def _space_grouped(words: Sequence[str], i: int) -> tuple[str, int]:
    """The digits of words[i] and of the three-digit groups after it, joined (40 000 → 40000),
    with the index of the last group; words[i] and i when none follows."""
    j = i
    while j + 1 < len(words) and _GROUP.fullmatch(words[j + 1]) and words[j].isdigit():
        j += 1
    return "".join(words[i : j + 1]), j


def _digits_value(num: str) -> tuple[float, float | None] | None:
    """The value of digits with their separators, and the thousands reading of "1.500" (else None)."""
    if "," in num and "." in num:
        return _both_separators(num)
    if "," in num:
        return _commas(num)
    if "." in num:
        return _dots(num)
    return float(num), None


def _both_separators(num: str) -> tuple[float, None] | None:
    """1,250.5 and 1.250,5: the last separator is the decimal point, the other groups thousands."""
    if num.rfind(",") < num.rfind("."):
        int_part, frac = num.replace(",", "").split(".", 1) if num.count(".") == 1 else ("", "")
    else:
        int_part, frac = (num.replace(".", "").split(",", 1)) if num.count(",") == 1 else ("", "")
    if not int_part or "." in frac or "," in frac:
        return None
    return float(f"{int_part}.{frac}"), None


def _commas(num: str) -> tuple[float, None] | None:
    """30,000 groups thousands; ٢,٥ is a decimal comma."""
    groups = num.split(",")
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        return float("".join(groups)), None
    if len(groups) == 2:
        return float(f"{groups[0]}.{groups[1]}"), None
    return None


def _dots(num: str) -> tuple[float, float | None] | None:
    """1.5 is a decimal point; 1.000.000 groups thousands; 1.500 may be either (alt: 1500)."""
    groups = num.split(".")
    if len(groups) == 2:
        value = float(num if groups[0] else f"0{num}")
        if len(groups[1]) == 3 and groups[0] and groups[0] != "0":
            return value, float(groups[0] + groups[1])
        return value, None
    if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        return float("".join(groups)), None
    return None


def is_phone_like(word: str) -> bool:
    """Long digit strings that are not round numbers: phone, ID and account numbers."""
    digits = "".join(c for c in word if c.isdigit())
    if len(digits) < 8 or "," in word or "." in word:
        return word.startswith("+") and len(digits) >= 5
    return not digits.endswith("000") or digits.startswith("0")


_SPLIT = re.compile(r"[-−]?\d[\d.,]*\d[%٪]?|[-−]?\d[%٪]?|[.]\d+|[^\s\d]+")


def split_words(text: str) -> list[tuple[int, int, str]]:
    """A plain tokenisation (for tests and peer scoring): (start, end, folded word)."""
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(r"\S+", text):
        chunk = m.group()
        for sub in _SPLIT.finditer(fold(chunk)):
            out.append((m.start() + sub.start(), m.start() + sub.end(), sub.group()))
    return out
