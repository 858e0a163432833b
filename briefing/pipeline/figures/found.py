"""What the figure rules produce: a `Draft` while a number is being read, a `Found` figure after.

Both are in token terms (token indices, raw characters trimmed off the first token); the component
turns a Found into a briefing.model.Figure with character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.pipeline.figures.lexicon import Noun
from briefing.text.numbers import NumberParse


@dataclass
class Found:
    """A figure: tokens start..end, with its value, unit, category and qualifier."""

    start: int  # token index of the span start
    end: int  # token index after the span
    start_trim: int  # raw characters to skip in the first token
    value: float
    high: float | None
    unit: str | None
    category: str
    qualifier: str
    en: str = ""  # set last, by english.render (a rank says it at once)
    noun: Noun | None = None
    vague_en: str | None = None
    counted: tuple[int, int] | None = None  # tokens of the words naming what is counted
    amount_en: str = ""  # the English of the amount alone (english.render)
    range_qualifier: str = ""  # a qualifier before a range: about 35 to 40
    qualifier_en: str = ""  # the qualifier phrase's own English (ما يقارب: nearly), else ""
    currency_en: str = ""  # a currency noun whose country is unsaid: dirhams (else Babel's name)
    definite: bool = False  # counts a definite noun: the 3 forces (القوى الثلاث)
    one: bool = False  # an implied one, no number written: نحو أسبوع (about a week)
    others: bool = False  # the noun left out: وسبعة آخرون (7 others of what was counted before)


@dataclass
class Draft:
    """A number being read into a figure: each step of numbers.number_at adds to it."""

    p: NumberParse  # the number (the low end of a range)
    i: int  # the number's first token
    start: int  # the figure's first token: a qualifier, a range frame, a symbol or noun before
    trim: int  # raw characters of start's token left out (its proclitics)
    end: int  # the token after what has been read so far
    value: float
    last: NumberParse  # the number's last part: the high end of a range, else p
    high: float | None = None
    qualifier: str = "exact"
    percent: bool = False
    symbol: str | None = None
    noun: Noun | None = None
    noun_end: int = 0  # the token after the counted noun (or after the number, without one)
    noun_before: bool = False  # the noun is written before the number (مسؤولين إيرانيين ثلاثة)
    counted_end: int = 0  # the token after the counted noun's adjectives
    range_qualifier: str = ""  # the qualifier before a range (about 35 to 40), its own stays "range"
    qualifier_en: str = ""  # the qualifier phrase's own English (ما يقارب: nearly), else ""
    currency_en: str = ""  # a currency noun whose country is unsaid: dirhams (else Babel's name)
    unit: str | None = None
    others: bool = False  # the noun left out: وسبعة آخرون
