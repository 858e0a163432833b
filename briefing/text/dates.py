"""Dates as sources write them, read without ever guessing "today" (ingestion reads articles'
dates with it, extraction the dates in their text).

ISO dates and times and RFC 822 (RSS) are read directly; everything else goes to dateparser
(Arabic and English, the article's language first): "13 مايو 2018", "الأحد 13 مايو 2018",
"13/05/2018", with the Levantine and Maghrebi month names (أيار، ماي، يوليوز …) put into the
form dateparser knows. Hijri dates ("1439-08-27 هـ", "27 شعبان 1439") are converted with
hijridate. A value that gives no year, or a year but nothing dateparser can place, is not a
date: the reader says so and the article is stored undated.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Literal

from briefing.text.months import HIJRI_MONTHS, REGIONAL_MONTHS
from briefing.text.normalize import fold

Precision = Literal["time", "day", "month", "year"]

# A date field longer than this is not a date (and dateparser is slow on long text).
MAX_DATE_CHARS = 100


@dataclass(frozen=True)
class Published:
    """An article's date: the day (the first of the month or year when only those are known),
    the UTC instant when a time of day is given, and how precise the source was."""

    day: str  # YYYY-MM-DD
    at: datetime | None = None
    precision: Precision = "day"


@dataclass(frozen=True)
class BadDate:
    """A date value that could not be read, and why: the article is stored undated."""

    value: str
    reason: str

    def message(self) -> str:
        return f"published {self.value!r} {self.reason}; stored undated"


DateResult = Published | BadDate | None  # None: the source gave no date at all


def read_date(value: Any, language: str | None = None) -> DateResult:
    """The date a source wrote (str, date, datetime or time.struct_time); never raises.

    `language` ("ar", "en") is tried first by dateparser.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        found = _read(value, language)
    except OverflowError:
        return BadDate(_shown(value), "is out of range once converted to UTC")
    except (ValueError, TypeError, IndexError, KeyError, AttributeError):
        found = None
    return found or BadDate(_shown(value), "is not a date briefing can read")


def parse_published(value: Any) -> tuple[str, datetime | None] | None:
    """(YYYY-MM-DD, UTC instant when a time of day is given), or None when `value` is no date."""
    found = read_date(value)
    return (found.day, found.at) if isinstance(found, Published) else None


def _shown(value: Any) -> str:
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _read(value: Any, language: str | None) -> Published | None:
    if isinstance(value, datetime):
        return _instant(value)
    if isinstance(value, date):
        # YAML reads 1439-08-27 as a date: a year hijridate converts is a Hijri one.
        if HIJRI_YEARS[0] <= value.year <= HIJRI_YEARS[1]:
            return _hijri(value.isoformat())
        return Published(value.isoformat())
    if isinstance(value, int | float) or not isinstance(value, str):
        return None  # a bare number is not a date: 2018 alone is read only as text
    text = value.strip().translate(_DIGITS)
    if len(text) > MAX_DATE_CHARS:
        return None
    return _iso_or_rfc(text) or _hijri(text) or _dateparser(text, language)


def _instant(moment: datetime) -> Published:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    utc = moment.astimezone(UTC)  # OverflowError at the ends of the calendar
    return Published(utc.date().isoformat(), utc, "time")


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_or_rfc(text: str) -> Published | None:
    if _ISO_DAY.fullmatch(text):
        year = int(text[:4])
        if HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
            return None  # "1439-08-27": a Hijri date written the ISO way
        return Published(date.fromisoformat(text).isoformat())
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            moment = parse(text.replace("Z", "+00:00") if parse is datetime.fromisoformat else text)
        except (TypeError, ValueError, IndexError):
            continue
        return _instant(moment)
    return None


# hijridate converts 1343–1500 AH (1924–2077 CE); a year there written as a date is Hijri.
HIJRI_YEARS = (1343, 1500)
_HIJRI_MARK = re.compile(r"\s*(?:هـ|ه|AH|A\.H\.)\.?\s*$|^\s*(?:هـ|ه)\s+", re.I)
_HIJRI_NUMERIC = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_HIJRI_NAMED = re.compile(r"(\d{1,2})\s+(\D+?)\s+(\d{4})")


def _hijri(text: str) -> Published | None:
    """A Hijri date: numeric with a year in hijridate's range, or with a Hijri month name."""
    from hijridate import Hijri

    body = _HIJRI_MARK.sub("", text).strip()
    ymd: tuple[int, int, int] | None = None
    if m := _HIJRI_NUMERIC.fullmatch(body):
        parts = m.groups()
        ymd = (
            (int(parts[0]), int(parts[1]), int(parts[2]))
            if parts[0]
            else (int(parts[5]), int(parts[4]), int(parts[3]))
        )
        if not HIJRI_YEARS[0] <= ymd[0] <= HIJRI_YEARS[1]:
            return None
    else:  # "الأحد 13 مايو 2018 الموافق 27 شعبان 1439 هـ": the day with a Hijri month name
        for m in _HIJRI_NAMED.finditer(body):
            month = HIJRI_MONTHS.get(_fold_month(m.group(2)))
            if month is not None:
                ymd = (int(m.group(3)), month, int(m.group(1)))
                break
    if ymd is None:
        return None
    return Published(Hijri(*ymd).to_gregorian().isoformat())


def _fold_month(name: str) -> str:
    """A month name as the tables key it: text.normalize.fold, spaces made single."""
    return " ".join(fold(name).split())


def _variants(key: str) -> str:
    """A folded key as a pattern matching the spellings it stands for."""
    classes = {"ا": "[اأإآ]", "ه": "[هة]", "ي": "[يى]", " ": r"\s+"}
    return "".join(classes.get(c, re.escape(c)) for c in key)


_REGIONAL_KEYS = sorted(REGIONAL_MONTHS, key=len, reverse=True)  # كانون الثاني before any shorter
_REGIONAL = re.compile(r"(?<!\w)(?:" + "|".join(map(_variants, _REGIONAL_KEYS)) + r")(?!\w)")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _dateparser(text: str, language: str | None) -> Published | None:
    """Dates in words; only absolute ones (no "yesterday"), and only with a four-digit year."""
    if not _YEAR.search(text):
        return None  # dateparser would fill the year from today
    text = _REGIONAL.sub(lambda m: REGIONAL_MONTHS[_fold_month(m.group())], text)
    languages = [language] if language in ("ar", "en") else []
    languages += [lang for lang in ("ar", "en") if lang not in languages]
    data = _parser(tuple(languages)).get_date_data(text)
    found = data.date_obj
    if found is None:
        return None
    if data.period == "time":
        return _instant(found)
    # Parts the text does not give are filled by dateparser from today: keep only those it gave.
    if data.period == "year":
        return Published(date(found.year, 1, 1).isoformat(), precision="year")
    if data.period == "month":
        return Published(date(found.year, found.month, 1).isoformat(), precision="month")
    return Published(found.date().isoformat())


@functools.cache
def _parser(languages: tuple[str, ...]) -> Any:
    """One dateparser parser per language order (building one loads its locales)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(languages), settings=_SETTINGS)


_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "RETURN_TIME_AS_PERIOD": True,
    "REQUIRE_PARTS": ["year"],
    "PARSERS": ["custom-formats", "absolute-time"],  # no relative dates, no bare timestamps
    "DATE_ORDER": "DMY",  # 05/06/2018 is the 5th of June in the Arab press
}
