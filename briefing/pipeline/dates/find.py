"""Where a text states a date, and what it states, before any article date is known.

The patterns of lexicon.py run once over the whole folded text (the pre-filter: dateparser
only ever sees the few spans they find); each match becomes a `Found` at the text's own
offsets, and of overlapping matches the longest is kept ("منذ عام 2011" is one year, not
"منذ عام", a year ago, and a number).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from briefing.model.records import evolved
from briefing.pipeline.dates.lexicon import DateLexicon
from briefing.text.normalize import fold, fold_keeping_offsets

FIRST_YEAR, LAST_YEAR = 1900, 2100  # four digits outside are not a year of the news


@dataclass(frozen=True)
class Found:
    """A date expression: its span in the text and what resolve.py needs to date it.

    kind: text (read by text.dates.read_date: `text`), day (day and month, no year), month,
    year, range (year to year_end), relative (unit and offset from the article's date),
    weekday, ago (unit and offset), this_month (a day of the month `offset` months from the
    article's).
    """

    start: int
    end: int
    kind: str
    text: str = ""
    day: int = 0
    month: int = 0
    year: int = 0
    year_end: int = 0
    unit: str = ""
    offset: int = 0
    weekday: int = -1
    tense: str = ""  # past | future | "" (a word after a weekday or month: الماضي، المقبل)
    since: bool = False  # "منذ 2011": the start of what goes on


# The patterns each trigger group of triggers.py calls for.
PATTERNS_OF = {
    "digits": ("numeric", "range", "year", "day_month", "month"),  # a year: a month name may go with it
    "month": ("day_month", "month", "first_day"),
    "weekday": ("weekday",),
    "ordinal": ("ordinal_day",),
    "relative": ("relative", "day_this_month"),
    "ago": ("ago",),
}


def find_dates(
    text: str, lexicon: DateLexicon, shift: int = 0, groups: Iterable[str] | None = None
) -> list[Found]:
    """The date expressions of `text`, in text order, none overlapping another; `shift` is
    added to their offsets (`text` a sentence of a longer one); `groups`: only the patterns
    of these trigger groups (PATTERNS_OF), all without."""
    folded, raw = fold_keeping_offsets(text)
    kinds = _kinds(frozenset(groups)) if groups is not None else lexicon.patterns.keys()
    found: list[Found] = []
    for kind, pattern in lexicon.patterns.items():
        if kind not in kinds:
            continue
        need = lexicon.needs.get(kind)
        if need is not None and need.search(folded) is None:
            continue  # the pattern cannot match here: no need to try it at every position
        reader = _READERS[kind]
        for m in pattern.finditer(folded):
            item = reader(m, lexicon, folded)
            if item is not None:
                if not item.since and _governed_by_since(folded, item.start, lexicon):
                    item = replace(item, since=True)
                found.append(_raw(item, raw, shift))
    return _weekday_with_date(_longest(found), text, shift) if len(found) > 1 else found


@lru_cache(maxsize=64)
def _kinds(groups: frozenset[str]) -> frozenset[str]:
    return frozenset(k for g in groups for k in PATTERNS_OF[g])


SINCE_WORDS = 10  # "منذ استعادة هذه القوات خمس محافظات في 2015": منذ governs a date this far on
_CLAUSE = re.compile(r"[.،,؛;:!?؟\n]")


def _governed_by_since(folded: str, start: int, lexicon: DateLexicon) -> bool:
    """Whether a since word (منذ) opens the clause words before a date, within SINCE_WORDS."""
    clause = _CLAUSE.split(folded[max(0, start - 120) : start])[-1]
    return any(w.lstrip("وف") in lexicon.since for w in clause.split()[-SINCE_WORDS:])


def _raw(item: Found, raw: Callable[[int], int], shift: int) -> Found:
    """`item` at the offsets of the raw text."""
    return evolved(item, start=raw(item.start) + shift, end=raw(item.end - 1) + 1 + shift)


def _longest(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)


# Between a weekday and the date it names: "الأحد 13 أيار"، "الخميس، الخامس من آذار"، "الاثنين
# الموافق 18 شباط".
_WEEKDAY_GAP = re.compile(r"\s*[،,]?\s*(?:(?:الموافق|في)\s+)?")
_DAY_KINDS = frozenset({"text", "day", "this_month"})


def _weekday_with_date(found: list[Found], text: str, shift: int) -> list[Found]:
    """A weekday right before a date of a day is part of it: the day the date states, not a
    second date (the most recent such weekday, resolved on its own)."""
    out: list[Found] = []
    for item in found:
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind == "weekday"
            and item.kind in _DAY_KINDS
            and _WEEKDAY_GAP.fullmatch(text, before.end - shift, item.start - shift)
        ):
            out[-1] = replace(item, start=before.start)
        else:
            out.append(item)
    return out


_WORD_AFTER = re.compile(r"\s*(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def _after(folded: str, end: int) -> str:
    m = _WORD_AFTER.match(folded, end)
    return m.group(1) if m else ""


def _before(folded: str, start: int) -> str:
    m = _WORD_BEFORE.search(folded, max(0, start - 40), start)
    return m.group(1) if m else ""


def _tense(m: re.Match[str], lexicon: DateLexicon) -> str:
    word = m.group("tense")
    if not word:
        return ""
    return "past" if word in lexicon.past else "future"


def _key(text: str) -> str:
    return " ".join(text.split())


def _month_of(m: re.Match[str], lexicon: DateLexicon) -> tuple[int, bool, str] | None:
    """(number, Hijri, the name to read) of "أيار/مايو"; None when the two names disagree."""
    first = lexicon.months[_key(m.group("m1"))]
    if m.group("m2") and lexicon.months[_key(m.group("m2"))].number != first.number:
        return None
    return first.number, first.hijri, first.name or _key(m.group("m1"))


def _day_month(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    return _day_in_month(m, lexicon, folded, int(m.group("day")))


def _ordinal_day(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    """A day by its ordinal: of a month ("الخامس من آذار"), of the article's month or the one
    before or after ("العشرين من الشهر الجاري، الماضي، المقبل"). Not an ordinal that qualifies
    the definite noun before it ("الأسبوع الأول من مارس"), but for a weekday, اليوم or الموافق
    ("corresponding to")."""
    before = _unclitic(_before(folded, m.start()))
    if before.startswith("ال") and before not in _DAY_NOUNS and before not in lexicon.weekdays:
        return None
    day = lexicon.ordinal_days[_key(m.group("oday"))]
    if m.group("current"):
        return _this_month(m, lexicon, day)
    return _day_in_month(m, lexicon, folded, day)


def _day_this_month(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    """A day in digits of the article's month, or of the one before or after ("13 من الجاري"،
    "20 من الشهر المقبل")."""
    day = int(m.group("day"))
    return _this_month(m, lexicon, day) if 1 <= day <= 31 else None


def _this_month(m: re.Match[str], lexicon: DateLexicon, day: int) -> Found:
    shift = m.group("shift") or ""
    offset = -1 if shift in lexicon.past else 1 if shift in lexicon.future else 0
    return Found(m.start(), m.end(), "this_month", day=day, offset=offset)


def _first_day(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    """The first day of a month ("في أول يناير 2019")."""
    return _day_in_month(m, lexicon, folded, 1)


_DAY_NOUNS = frozenset({"اليوم", "الموافق"})


def _unclitic(word: str) -> str:
    """A definite word without the proclitic before its article (والأسبوع → الاسبوع, folded)."""
    return word[1:] if word[:1] in "وفبلك" and word[1:3] == "ال" else word


def _day_in_month(m: re.Match[str], lexicon: DateLexicon, folded: str, day: int) -> Found | None:
    month = _month_of(m, lexicon)
    if month is None or not 1 <= day <= 31:
        return None
    number, hijri, name = month
    if m.group("year"):
        return Found(m.start(), m.end(), "text", text=f"{day} {name} {m.group('year')}")
    if hijri:
        return None  # a Hijri day without its year is not placed
    if _unclitic(_before(folded, m.start())) in lexicon.named_by_date:
        return None  # ثورة 25 يناير: an event's name, of a year the text does not say
    return Found(m.start(), m.end(), "day", day=day, month=number, tense=_tense(m, lexicon))


def _month(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    month = _month_of(m, lexicon)
    cue, year, tense = m.group("cue"), m.group("year"), _tense(m, lexicon)
    if month is None or month[1] or not (cue or year or tense):
        return None  # "مارس" alone is as often the verb (he practised); Hijri months need a day
    since = bool(cue) and cue in lexicon.since
    if year:
        return Found(m.start(), m.end(), "month", month=month[0], year=int(year), since=since)
    return Found(m.start(), m.end(), "month", month=month[0], tense=tense, since=since)


def _numeric(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    return Found(m.start(), m.end(), "text", text=m.group(0))


def _range(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    years = [int(y) for y in m.groups()[:6] if y]
    first, last = years[0], years[1]
    if not FIRST_YEAR <= first < last <= LAST_YEAR:
        return None
    return Found(m.start(), m.end(), "range", year=first, year_end=last)


def _year(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    year = int(m.group("year"))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return Found(m.start(), m.end(), "year", year=year, since=m.group("cue") in lexicon.since)


def _relative(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    entry = lexicon.relative[_key(m.group("rel"))]
    if _after(folded, m.end()) in _folded(entry.not_before):
        return None
    return Found(m.start(), m.end(), "relative", unit=entry.unit, offset=entry.offset)


def _weekday(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    entry = lexicon.weekdays[m.group("weekday")]
    if _after(folded, m.end("weekday")) in _folded(entry.not_before):
        return None
    if _before(folded, m.start()) in _folded(entry.not_after):
        return None
    return Found(m.start(), m.end(), "weekday", weekday=entry.weekday, tense=_tense(m, lexicon))


def _ago(m: re.Match[str], lexicon: DateLexicon, folded: str) -> Found | None:
    unit = lexicon.ago_units[m.group("unit")]
    count = int(m.group("count")) if m.group("count") else unit.count
    if not count or _after(folded, m.end()) in _folded(lexicon.data.ago.not_before):
        return None
    return Found(m.start(), m.end(), "ago", unit=unit.unit, offset=-count)


def _folded(words: tuple[str, ...]) -> frozenset[str]:
    known = _FOLDED.get(words)
    if known is None:
        known = _FOLDED[words] = frozenset(fold(w) for w in words)
    return known


_FOLDED: dict[tuple[str, ...], frozenset[str]] = {}

_READERS: dict[str, Callable[[re.Match[str], DateLexicon, str], Found | None]] = {
    "day_month": _day_month,
    "month": _month,
    "numeric": _numeric,
    "range": _range,
    "year": _year,
    "relative": _relative,
    "weekday": _weekday,
    "ago": _ago,
    "ordinal_day": _ordinal_day,
    "day_this_month": _day_this_month,
    "first_day": _first_day,
}
