"""The date words of resources/dates.yaml and text/months.py as regular expressions over folded
text (text.normalize.fold_keeping_offsets), built once when the pipeline loads."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from briefing.resources.schema import AgoUnit, DatesFile, RelativeEntry, WeekdayEntry
from briefing.text.months import HIJRI_MONTHS, REGIONAL_MONTHS
from briefing.text.normalize import fold

_YEAR = r"[12]\d{3}"
# Proclitics a date word may carry: و ف, then ب ل ("وبالأمس", "ولعام 2012").
_CLITICS = r"(?<!\w)(?:[وف]?[بل]?)"
_END = r"(?!\w)"


def alternation(words: Iterable[str]) -> str:
    """A pattern matching any of the folded `words`, longest first, spaces as any whitespace.

    The words are written as a trie ("(?:ال(?:شهر|عام)|امس)"): re tries the branches of an
    alternation one by one at every position of a text, and a month or relative word list has
    up to 150 of them; factored, a position costs one test per distinct next letter. Within a
    branch the words keep their order, and words of two branches cannot both match at a place
    (they differ in a letter there), so the same word wins as in the flat list.
    """
    keys = sorted({" ".join(fold(w).split()) for w in words if w.strip()}, key=len, reverse=True)
    return "(?:" + _trie([list(k) for k in keys]) + ")"


def _trie(keys: list[list[str]]) -> str:
    """The alternation of `keys` (each a list of characters, " " for any whitespace), factored
    by their first character, then each branch by its next; a key ending where others go on
    (the shortest of them) stays last, as it was."""
    return "|".join(_branches(keys))


def _branches(keys: list[list[str]]) -> list[str]:
    by_first: dict[str, list[list[str]]] = {}
    ends = False
    for key in keys:
        if key:
            by_first.setdefault(key[0], []).append(key[1:])
        else:
            ends = True
    parts = []
    for c, rest in by_first.items():
        inner = _branches(rest)
        tail = inner[0] if len(inner) == 1 else "(?:" + "|".join(inner) + ")"
        parts.append((r"\s+" if c == " " else re.escape(c)) + tail)
    return [*parts, ""] if ends else parts


def word(words: Iterable[str]) -> str:
    """`alternation` as whole words, with the proclitics a date word may carry."""
    return _CLITICS + alternation(words) + _END


@dataclass(frozen=True)
class Month:
    number: int
    hijri: bool
    name: str  # the name dateparser reads (an Egyptian/Gulf one), "" for a Hijri month


@dataclass(frozen=True)
class DateLexicon:
    """What the finder needs: the folded forms by meaning, and the compiled patterns."""

    months: Mapping[str, Month]  # folded name → month
    weekdays: Mapping[str, WeekdayEntry]
    relative: Mapping[str, RelativeEntry]
    ago_units: Mapping[str, AgoUnit]
    ordinal_days: Mapping[str, int]  # folded ordinal ("الخامس عشر") → day of the month
    named_by_date: frozenset[str]  # nouns of an event named by its date (ثورة 25 يناير)
    past: frozenset[str]
    future: frozenset[str]
    since: frozenset[str]
    patterns: Mapping[str, re.Pattern[str]]  # kind → pattern (find.py reads their groups)
    needs: Mapping[str, re.Pattern[str]]  # kind → what a text holds wherever its pattern matches
    markers: Mapping[str, re.Pattern[str]]  # background reason → pattern (background.py)
    data: DatesFile

    @classmethod
    def build(cls, data: DatesFile) -> DateLexicon:
        months = _months(data)
        weekdays = {fold(form): e for e in data.weekdays for form in e.ar}
        relative = {" ".join(fold(form).split()): e for e in data.relative for form in e.ar}
        ago_units = {fold(form): u for u in data.ago.units for form in u.ar}
        ordinal_days = {" ".join(fold(form).split()): e.day for e in data.ordinal_days for form in e.ar}
        return cls(
            months=months,
            weekdays=weekdays,
            relative=relative,
            ago_units=ago_units,
            ordinal_days=ordinal_days,
            named_by_date=frozenset(fold(w) for w in data.named_by_date),
            past=frozenset(fold(w) for w in data.past),
            future=frozenset(fold(w) for w in data.future),
            since=frozenset(fold(w) for w in data.since),
            patterns=_patterns(data, months),
            needs=_NEEDS,
            markers=_markers(data),
            data=data,
        )


def _months(data: DatesFile) -> dict[str, Month]:
    by_name = {fold(form): Month(e.month, False, e.ar[0]) for e in data.months for form in e.ar}
    out = dict(by_name)
    for regional, standard in REGIONAL_MONTHS.items():
        out.setdefault(regional, by_name[fold(standard)])
    for name, number in HIJRI_MONTHS.items():
        out.setdefault(name, Month(number, True, ""))
    return out


def _patterns(data: DatesFile, months: Mapping[str, Month]) -> dict[str, re.Pattern[str]]:
    month = alternation(months)
    two = rf"(?P<m1>{month})(?:\s*[/(-]\s*(?P<m2>{month})\s*\)?)?"  # "أيار/مايو", "مارس (آذار)"
    tense = rf"(?:\s+(?P<tense>{alternation((*data.past, *data.future))}){_END})?"
    year = r"(?:\s*[،,]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<year>[12]\d{3})(?!\d)(?:\s*(?:م|ه|هـ)(?!\w))?)"
    cue = alternation((*data.year_words, "شهر"))
    years_cue = alternation(data.year_words)
    unit, ago = alternation(u for e in data.ago.units for u in e.ar), alternation(data.ago.words)
    relative = alternation(f for e in data.relative for f in e.ar)
    weekday = alternation(f for e in data.weekdays for f in e.ar)
    ordinal = alternation(f for e in data.ordinal_days for f in e.ar)
    shift = alternation(("الجاري", "الحالي", *data.past, *data.future))
    this_month = rf"(?P<current>الشهر(?:\s+(?P<shift>{shift}){_END})?|هذا\s+الشهر|الجاري)"
    sources = {
        "day_month": rf"(?<![\d/.])(?P<day>[0-3]?\d)\s*(?:من\s+)?(?:شهر\s+)?{two}{_END}{year}?{tense}",
        # Both ways into "month" and "weekday" open with _CLITICS's (?<!\w): put in front, it turns
        # a position inside a word down before the optional group is tried (same matches).
        "month": rf"(?<!\w)(?:{_CLITICS}(?P<cue>{cue})\s+(?:شهر\s+)?)?{_CLITICS}{two}{_END}{year}?{tense}",
        "numeric": (
            r"(?<![\d/.-])(?:[0-3]?\d([/.-])[01]?\d\1[12]\d{3}|[12]\d{3}-[01]\d-[0-3]\d"
            r"|[12]\d{3}([/.])[01]?\d\2[0-3]?\d)(?![\d/.-])"
        ),
        "range": (
            rf"{_CLITICS}(?:{alternation(data.between)})\s+(?:(?:عامي|العامين|سنتي|عام)\s+)?(?P<y1>[12]\d{{3}})"
            rf"\s+و\s*(?:عام\s+)?(?P<y2>[12]\d{{3}})(?!\d)"
            rf"|{_CLITICS}(?:{years_cue})\s+(?P<y3>[12]\d{{3}})\s*(?:-|–|—|الي|حتي)\s*(?:عام\s+)?(?P<y4>[12]\d{{3}})(?!\d)"
            r"|\(\s*(?P<y5>[12]\d{3})\s*[-–—]\s*(?P<y6>[12]\d{3})\s*\)"
        ),
        "year": rf"{_CLITICS}(?P<cue>{years_cue})\s+(?:(?:عام|العام|سنه)\s+)?(?P<year>{_YEAR})(?!\d|[.,]\d)",
        "ordinal_day": (
            rf"{_CLITICS}(?P<oday>{ordinal})\s+من\s+(?:(?:شهر\s+)?{two}{_END}{year}?{tense}|{this_month}{_END})"
        ),
        "day_this_month": rf"(?<![\d/.])(?P<day>[0-3]?\d)\s+من\s+{this_month}{_END}",
        "first_day": rf"{_CLITICS}اول\s+{two}{_END}{year}?{tense}",
        "relative": rf"{_CLITICS}(?P<rel>{relative}){_END}",
        "weekday": rf"(?<!\w)(?:{_CLITICS}يوم\s+)?{_CLITICS}(?P<weekday>{weekday}){_END}{tense}",
        "ago": rf"{_CLITICS}(?:{ago})\s+(?:(?P<count>\d{{1,3}})\s+)?(?P<unit>{unit}){_END}",
    }
    return {kind: re.compile(source) for kind, source in sources.items()}


# What every match of a kind's pattern holds, looked for first: a search for a pattern opening
# with a digit or a character class skips along the text in C, where the kind's own pattern (a
# lookbehind first) is tried at every position. A numeric date has a digit then / . or -; a range
# two years with something else between; a day and month a digit.
_NEEDS = {
    "numeric": re.compile(r"\d[/.-]"),
    "range": re.compile(r"[12]\d{3}\D+[12]\d{3}"),
    "day_month": re.compile(r"\d"),
}


def _markers(data: DatesFile) -> dict[str, re.Pattern[str]]:
    """The pluperfect (an auxiliary, then قد within `gap` words, none ending a sentence) and the
    words that place what is told before the news, unless a `not_before` phrase follows."""
    plu, earlier = data.background.pluperfect, data.background.earlier
    gap = rf"(?:\s+[^\s.!?؟…]+){{0,{plu.gap}}}?"
    after = rf"(?!\s+{alternation(earlier.not_before)}{_END})" if earlier.not_before else ""
    return {
        "pluperfect": re.compile(
            rf"{_CLITICS}{alternation(plu.auxiliaries)}{_END}{gap}\s+{alternation(plu.particle)}{_END}"
        ),
        "earlier": re.compile(rf"{word(earlier.ar)}{after}"),
    }
