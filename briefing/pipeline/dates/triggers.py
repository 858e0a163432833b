"""The pre-filter: which sentences may hold a date or a background marker, from one array read.

A date expression holds a four-digit number, a numeric date, or one of the date
words (a month, a weekday, a relative word such as أمس or الماضي, منذ, قبل); a marker holds an
auxiliary (كان …) or one of the 'earlier' words. The words are compared with the tokens'
`norm_` (folded, a known proclitic taken off) in every spelling a proclitic may give them, as
hashes; only the sentences with one go through the regular expressions of lexicon.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy
from mypy_extensions import mypyc_attr
from spacy.attrs import IDX, LENGTH, NORM, SENT_START, SHAPE
from spacy.strings import StringStore
from spacy.tokens import Doc

from briefing.pipeline.columns import KeySet, token_array
from briefing.pipeline.dates.lexicon import DateLexicon
from briefing.text.normalize import fold

_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "فب", "ول", "فل", "ك", "وك")
# Token shapes of a year and of numeric dates ("2018", "12/05/2016", "2016-05-12").
_SHAPES = (
    "dddd",
    *(f"{d}{sep}{m}{sep}dddd" for d in ("d", "dd") for m in ("d", "dd") for sep in "/.-"),
    "dddd-dd-dd",
    *(f"dddd{sep}{m}{sep}{d}" for d in ("d", "dd") for m in ("d", "dd") for sep in "/."),
)


def _spellings(words: Iterable[str]) -> set[str]:
    """The words as a token's norm_ may hold them, with or without a proclitic."""
    out: set[str] = set()
    for word in words:
        bare = word[2:] if word.startswith("ال") and len(word) > 3 else None
        out.update(p + word for p in _PROCLITICS)
        if bare:
            out.update((bare, "لل" + bare, "ولل" + bare, "فلل" + bare))
    return out


def _key_word(phrase: str) -> str:
    """The word a phrase is found by: its longest, the last of equals ("في وقت سابق": سابق)."""
    words = fold(phrase).split()
    return max(reversed(words), key=len)


def date_words(lexicon: DateLexicon) -> dict[str, set[str]]:
    """The trigger words of each group of patterns (find.PATTERNS_OF)."""
    data = lexicon.data
    # A month by its first word ("كانون" of كانون الثاني, not the ordinal); a Hijri month is
    # read only with its year, which the shape "dddd" finds.
    months = {name.split()[0] for name, month in lexicon.months.items() if not month.hijri}
    return {
        "month": _spellings(months),
        "weekday": _spellings(_key_word(f) for e in data.weekdays for f in e.ar),
        "relative": _spellings(_key_word(f) for e in data.relative for f in e.ar),
        "ago": _spellings(map(_key_word, data.ago.words)),
        # An ordinal day by its first word (الحادي of الحادي والعشرين).
        "ordinal": _spellings(fold(f).split()[0] for e in data.ordinal_days for f in e.ar),
    }


def marker_words(lexicon: DateLexicon) -> set[str]:
    background = lexicon.data.background
    return _spellings(map(_key_word, (*background.pluperfect.auxiliaries, *background.earlier.ar)))


@dataclass(frozen=True)
class Sentences:
    """A document's sentences (as doc.sents gives them), the groups of date patterns each may
    match, and those that may hold a background marker."""

    spans: list[tuple[int, int]]  # character offsets
    dates: dict[int, set[str]]
    markers: set[int]


@mypyc_attr(allow_interpreted_subclasses=True)
class Triggers:
    """The hashes of the trigger words and shapes in one StringStore (the pipeline's), sorted,
    each with its group (find.PATTERNS_OF; "marker" for the background markers)."""

    def __init__(self, strings: StringStore, lexicon: DateLexicon) -> None:
        by_hash: dict[int, set[str]] = {}
        groups = {**date_words(lexicon), "digits": set(_SHAPES), "marker": marker_words(lexicon)}
        for group, words in groups.items():
            for word in words:
                by_hash.setdefault(strings.add(word), set()).add(group)
        keys = sorted(by_hash)
        self.keys = KeySet(keys)
        # Per key: whether it marks a background sentence, and its groups of date patterns.
        self.marks = ["marker" in by_hash[k] for k in keys]
        self.groups = [frozenset(by_hash[k] - {"marker"}) for k in keys]

    def read(self, doc: Doc) -> Sentences:
        if not len(doc):
            return Sentences([], {}, set())
        arr = token_array(doc, [NORM, SENT_START, IDX, LENGTH, SHAPE])
        n = len(arr)
        starts = arr[:, 1] == 1
        starts[0] = True
        first = starts.nonzero()[0]
        last = numpy.append(first[1:], n) - 1
        sentence = numpy.cumsum(starts) - 1
        # The words by norm_ and the numbers by shape, in one search: the shapes as tokens n on.
        at, keys = self.keys.find(numpy.concatenate((arr[:, 0], arr[:, 4])))
        dates: dict[int, set[str]] = {}
        markers: set[int] = set()
        marks, groups = self.marks, self.groups
        for i, key in zip(sentence[at % n].tolist(), keys.tolist(), strict=True):
            if marks[key]:
                markers.add(i)
            if groups[key]:
                dates.setdefault(i, set()).update(groups[key])
        return Sentences(
            spans=list(zip(arr[first, 2].tolist(), (arr[last, 2] + arr[last, 3]).tolist(), strict=True)),
            dates=dates,
            markers=markers,
        )
