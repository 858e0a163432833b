"""The English of a figure (`Figure.en`): "more than $30 billion", "about 2,000 killed",
"at least hundreds of thousands killed", "4th largest". Amounts are formatted with Babel."""

from __future__ import annotations

from collections.abc import Mapping

from babel.numbers import format_currency, format_decimal, get_currency_name, get_currency_symbol

from briefing.model.vocab import CATEGORIES
from briefing.pipeline.figures.found import Found

_SCALE_EN = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_LABELS = frozenset(c.id for c in CATEGORIES.values() if c.labels)  # their own English label
_EVENTS = frozenset(c.id for c in CATEGORIES.values() if c.event)  # thousands killed, no "of"
_MAX_CACHED = 100_000

Amounts = dict[tuple[str, str], str]  # rendered amounts, by (repr(value), code)


def warm() -> None:
    """Babel reads its English locale data on first use: read it at load, not in a document."""
    money_en(1.5, "USD")


def render(f: Found, qualifier_en: Mapping[str, str], amounts: Amounts) -> tuple[str, str]:
    """(the English of `f`, of its amount alone); `amounts` keeps formatted amounts (Babel is slow).

    The gist component replaces the label with the English of the counted words when it runs.
    """
    if f.category == "rank" or f.amount_en:
        return f.en, f.amount_en or f.en  # a rank says it at once: 4th largest, the first (time)
    amount = _amount(f, amounts) if not f.one else _article(_label(f))
    qualifier = f.range_qualifier if f.qualifier == "range" else f.qualifier
    if qualifier not in ("", "exact", "range") and not f.vague_en:
        amount = f"{f.qualifier_en or qualifier_en.get(qualifier, '')} {amount}".strip()
    elif f.definite:
        amount = f"the {amount}"
    return f"{amount} {_label(f)}".strip(), amount


def _article(label: str) -> str:
    """The English of an implied one: about a week, more than an hour."""
    return "an" if label[:1] in ("a", "e", "i", "o", "u") or label.startswith("hour") else "a"


def _amount(f: Found, amounts: Amounts) -> str:
    money = f.category == "money" and bool(f.unit)
    if f.vague_en and f.high is None:
        return f"{f.vague_en} of {f.unit}" if money else f.vague_en
    code = f.unit if money and f.unit else ""
    amount = _cached(f.value, code, amounts, f.currency_en)
    if f.high is not None:
        amount = f"{amount} to {_cached(f.high, code, amounts, f.currency_en)}"
    return f"{amount} percent" if f.category == "percent" else amount


def _label(f: Found) -> str:
    """What is counted: the noun (one or several), else the category for casualties, personnel and
    strikes (the brief adds the category where the words do not say it)."""
    label = ""
    noun = f.noun
    if f.others:
        label = "others"  # وسبعة آخرون: 7 others
    elif f.category not in ("money", "percent") and noun is not None and noun.id != "unknown":
        single = f.high is None and f.value == 1 and not f.vague_en
        label = noun.en if single else noun.en_plural
    elif f.category in _LABELS:
        label = f.category
    if label and f.vague_en and f.high is None and label not in _EVENTS:
        label = f"of {label}"  # hundreds of soldiers; thousands killed
    return label


def _cached(value: float, code: str, amounts: Amounts, name: str = "") -> str:
    """money_en (with a code, and the currency's own name when the text gives no country) or
    number_en, remembered."""
    key = (repr(value), f"{code} {name}")  # repr tells 1 from 1.0 and -0.0 from 0.0, as Babel may
    hit = amounts.get(key)
    if hit is None:
        hit = money_en(value, code, name) if code else number_en(value)
        if len(amounts) < _MAX_CACHED:
            amounts[key] = hit
    return hit


def number_en(value: float) -> str:
    """30 billion, 2,000, 1.5 million."""
    for scale, word in _SCALE_EN:
        if abs(value) >= scale:
            scaled = value / scale
            if round(scaled, 2) == scaled:
                return f"{format_decimal(scaled, format='#,##0.##', locale='en')} {word}"
    return format_decimal(value, format="#,##0.##", locale="en")


def money_en(value: float, code: str, name: str = "") -> str:
    """$30 billion, €20, 407 billion Yemeni rials: Babel's symbol when the currency has one, else
    `name` (10 million dirhams, where the text names no country), else Babel's English name."""
    word = ""
    count = value
    for scale, scale_word in _SCALE_EN:
        if abs(value) >= scale and round(value / scale, 2) == value / scale:
            value, word = value / scale, f" {scale_word}"
            break
    if get_currency_symbol(code, locale="en").isalpha():
        name = name or get_currency_name(code, count=2 if count != 1 else 1, locale="en")
        return f"{format_decimal(value, format='#,##0.##', locale='en')}{word} {name}"
    return format_currency(value, code, format="¤#,##0.##", locale="en", currency_digits=False) + word


def ordinal_en(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def ordinal_word(n: int) -> str:
    """first … tenth, then 11th, 21st."""
    return _ORDINAL_WORDS[n - 1] if 1 <= n <= len(_ORDINAL_WORDS) else ordinal_en(n)
