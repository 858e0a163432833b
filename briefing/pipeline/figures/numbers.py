"""The figure whose number starts at a token: the number grammar's reading, then the words
around it, step by step (`number_at`).

Each step adds to a `Draft`: a qualifier or a range frame in front, the high end of a range, a
percent marker or currency symbol, the counted noun (or Latin code, or a noun before), the end of
the figure, and last its category. Numbers that are no figure are turned down on the way
(not_figures.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.pipeline.figures.currency import code_by_adjective, currency_code
from briefing.pipeline.figures.found import Draft, Found
from briefing.pipeline.figures.frames import RECASTABLE, frame
from briefing.pipeline.figures.lexicon import UNKNOWN, FigureTables, Noun
from briefing.pipeline.figures.morph import noun_reading, possessed, proper_name
from briefing.pipeline.figures.not_figures import date_or_list, stands_for_nothing, teen_tail, written_as_name
from briefing.pipeline.figures.qualifiers import qualifier_after, qualifier_before, range_high, range_open
from briefing.pipeline.figures.tokens import Tok, number_trim, proclitic_trim
from briefing.pipeline.figures.units import (
    adjectives,
    and_a_fraction,
    genitive,
    is_nisba,
    match_percent,
    may_be_counted,
    noun_after,
    noun_at,
    noun_before,
    plain_noun,
)
from briefing.text.numbers import NumberParse

_PARTITIVE = "من"
_AND = "و"
_FEMININE = "ه"  # folded ta marbuta: قوة واحدة


def number_at(t: FigureTables, toks: list[Tok], words: Sequence[str], i: int) -> Found | None:
    """The figure whose number starts at token i (`words`: the tokens' folded texts), or None."""
    p = t.grammar.parse(words, i)
    if p is None or (i > 0 and toks[i - 1].cand == 1 and teen_tail(t, toks, i)):
        return None
    if p.has_digits and p.end + 1 < len(toks) and toks[p.end].space:
        p = _across_space(t, toks, words, p)
    if p.definite and not p.vague:
        return _after_its_noun(t, toks, i, p)
    if written_as_name(toks, i, p) or date_or_list(t, toks, i, p):
        return None
    d = Draft(p=p, i=i, start=i, trim=number_trim(toks[i], p), end=p.end, value=p.value, last=p)
    frame = _frame_before(t, toks, d)
    if not _range(t, toks, words, d, frame):
        return None
    _percent_or_symbol(t, toks, d)
    _counted(t, toks, d)
    if stands_for_nothing(t, toks, d):
        return None
    counted_start = d.end
    _figure_end(t, toks, d)
    whole = _share_of(t, toks, d)
    category = _category(t, toks, d)
    return Found(
        start=d.start,
        end=d.end,
        start_trim=d.trim,
        value=d.value,
        high=d.high,
        unit=d.unit,
        category=category,
        qualifier=d.qualifier,
        noun=d.noun,
        vague_en=p.vague_en,
        counted=whole or _counted_words(d, counted_start),
        range_qualifier=d.range_qualifier,
        qualifier_en=d.qualifier_en,
        currency_en=d.currency_en,
        others=d.others,
    )


def _across_space(t: FigureTables, toks: list[Tok], words: Sequence[str], p: NumberParse) -> NumberParse:
    """Digits and their scale word with a stray space between (نحو8  ملايين، عن600  ألف: web text
    often moves the spaces around digits): read as one number."""
    i, k = p.start, p.end
    if not p.has_digits or k + 1 >= len(toks) or not toks[k].space or t.grammar.analyse(words[k + 1]) is None:
        return p
    joined = t.grammar.parse([*words[i:k], *words[k + 1 : k + 4]], 0)
    if joined is None or joined.end <= k - i:
        return p
    return joined._replace(start=i, end=joined.end + i + 1)


def _after_its_noun(t: FigureTables, toks: list[Tok], i: int, p: NumberParse) -> Found | None:
    """A definite cardinal up to ten after the definite noun it counts, as its adjective (الدول
    الثلاث، السنوات الثلاث، دون السنة الواحدة); any other definite number word is a name or a
    reference back (قمة العشرين، الثلاثة "the three"), and a weekday is none (المعارك الاثنين)."""
    tok = toks[i]
    if i == 0 or p.value > 10 or p.has_digits or "ال" + tok.norm in t.time_words:
        return None
    prev = toks[i - 1]
    if not prev.definite or prev.latin or prev.space or not may_be_counted(t, prev):
        return None
    listed = noun_at(t, toks, i - 1)
    noun = listed[0] if listed is not None and listed[1] == i else UNKNOWN
    if noun.currency is not None:
        return None
    start, trim, qualifier, qualifier_en = i - 1, proclitic_trim(prev), "exact", ""
    before = qualifier_before(t, toks, i - 1)
    if before is not None:
        qualifier, start, trim, qualifier_en = before
    category = noun.category
    if category in RECASTABLE:
        category = frame(t, toks, start, p.end, noun) or category
    return Found(
        start=start,
        end=p.end,
        start_trim=trim,
        value=p.value,
        high=None,
        unit=None,
        category=category,
        qualifier=qualifier,
        noun=noun,
        counted=(i - 1, i),
        qualifier_en=qualifier_en,
        definite=True,
    )


def _share_of(t: FigureTables, toks: list[Tok], d: Draft) -> tuple[int, int] | None:
    """A percentage of a whole: "75 في المئة من السكان" takes من and the noun (and its genitive),
    the words that say what the share is of: من السكان، من سكان اليمن، من سكانها."""
    k, n = d.end, len(toks)
    if not d.percent or k + 1 >= n or toks[k].raw != _PARTITIVE or not plain_noun(t, toks[k + 1]):
        return None
    end = k + 2
    genitive = end < n and toks[end].definite and not toks[end].clitic and plain_noun(t, toks[end])
    if genitive:
        end += 1
    elif not toks[k + 1].definite and not possessed(t.morph, toks[k + 1].text):
        return None
    d.end = end
    return k, end


def _counted_words(d: Draft, start: int) -> tuple[int, int] | None:
    """Tokens of the words that name what the figure counts: the noun (with من before it, or a
    noun before the number) and its adjectives, without a qualifier written after."""
    if d.noun is None or d.percent or d.symbol is not None:
        return None
    if d.noun_before:
        return d.start, d.i
    return (start, d.counted_end) if d.counted_end > start else None


def _frame_before(t: FigureTables, toks: list[Tok], d: Draft) -> str | None:
    """A qualifier (أكثر من) or a range frame (بين، من) in front: the figure starts there.
    Returns the frame, which the range step needs."""
    qualifier = qualifier_before(t, toks, d.i)
    if qualifier is not None:
        d.qualifier, d.start, d.trim, d.qualifier_en = qualifier
        return None
    frame = range_open(t, toks, d.i)
    if frame is None:
        return None
    d.start, d.trim = frame[1], frame[2]
    return frame[0]


def _range(t: FigureTables, toks: list[Tok], words: Sequence[str], d: Draft, frame: str | None) -> bool:
    """The high end of a range (بين 200 و300، 200-300); False when both ends are years."""
    p = d.p
    found = range_high(t, toks, words, p.end, frame)
    if found is None:
        if frame is not None:  # من before a lone number is no range: the figure starts at it
            d.start, d.trim = d.i, number_trim(toks[d.i], p)
        return True
    high, end = found
    if high.scale > 1 and p.scale == 1 and d.value * high.scale <= high.value:
        d.value *= high.scale  # من 10 إلى 15 ألف: the scale of the high end is the low end's too
    if p.year_like and high.year_like:
        return False  # 1990-2000: a period
    if high.value > d.value:
        # حوالي 35 إلى 40: a range, said to be about so much
        d.range_qualifier = d.qualifier if d.qualifier != "exact" else ""
        d.high, d.last, d.end, d.qualifier = high.value, high, end, "range"
    return True


def _percent_or_symbol(t: FigureTables, toks: list[Tok], d: Draft) -> None:
    """% or a currency symbol on the digits, a percent marker after them, or a symbol written
    apart after or before the number ($ 10)."""
    d.percent = d.p.percent or d.last.percent
    d.symbol = d.p.symbol or d.last.symbol
    if not d.percent:
        m = match_percent(t, toks, d.end)
        if m:
            d.percent, d.end = True, d.end + m
    if d.symbol is not None or d.percent:
        return
    k, i = d.end, d.i
    if k < len(toks) and toks[k].raw in t.symbols:
        d.symbol, d.end = toks[k].raw, k + 1
    elif d.start == i and i > 0 and toks[i - 1].raw in t.symbols:
        d.symbol, d.start, d.trim = toks[i - 1].raw, i - 1, 0


def _counted(t: FigureTables, toks: list[Tok], d: Draft) -> None:
    """What the number counts: a noun after it, a Latin ISO code (42 KWD), its symbol's currency,
    or, for a number word alone, a noun before it (مسؤولين إيرانيين ثلاثة)."""
    p, k = d.p, d.end
    d.noun_end = k
    if not d.percent and d.symbol is None:
        found = noun_after(t, toks, k, allow_definite=p.vague or (p.fraction and p.scale == 1))
        if found is not None:
            d.noun, d.noun_end = found
        elif k < len(toks) and toks[k].latin and toks[k].raw.upper() in t.iso:
            d.unit, d.noun_end = toks[k].raw.upper(), k + 1
    if d.symbol is not None:
        d.noun = t.symbols[d.symbol]
    if d.noun is None and d.unit is None and not d.percent and k < len(toks) and toks[k].raw in t.others:
        d.noun, d.noun_end, d.others = UNKNOWN, k + 1, True  # وسبعة آخرون: the noun left out
    if d.noun is None and d.unit is None and not d.percent and not p.has_digits and d.high is None:
        before = noun_before(t, toks, d.i) or _one_of_any(t, toks, d)
        if before is not None and not (p.value == 1 and _one_idiom(t, toks[d.i - 1])):
            d.noun, d.start, d.trim = before
            d.noun_before = True


def _one_idiom(t: FigureTables, tok: Tok) -> bool:
    """A noun that واحد after it makes a set phrase (في آن واحد، بصوت واحد)."""
    return tok.norm in t.one_idioms or tok.raw in t.one_idioms


def _one_of_any(t: FigureTables, toks: list[Tok], d: Draft) -> tuple[Noun, int, int] | None:
    """واحد، واحدة after any indefinite noun, as its adjective: one of it (قوة واحدة → a single
    force), but in set phrases (في آن واحد، بصوت واحد: units.yaml's one-idioms)."""
    i = d.i
    if d.p.value != 1 or d.p.clitic or i == 0 or d.start != i or d.p.end != i + 1:
        return None
    prev = toks[i - 1]
    if prev.definite or not plain_noun(t, prev) or is_nisba(prev.norm):
        return None
    if i + 1 < len(toks) and toks[i + 1].raw == _PARTITIVE:
        return None  # واحدة من: one of them
    if toks[i].raw.endswith(_FEMININE) != prev.raw.endswith(_FEMININE):
        return None  # إسقاط واحدة: no agreement, واحدة is no adjective of it
    if not noun_reading(t.morph, prev.text) or proper_name(t.morph, prev.text):
        return None  # محرجا واحدا، جنيف واحد
    return UNKNOWN, i - 1, proclitic_trim(prev)


def _figure_end(t: FigureTables, toks: list[Tok], d: Draft) -> None:
    """The figure ends after its noun's relational adjectives and a qualifier written after; a
    vague number (مئات، آلاف) with no other qualifier is a lower bound."""
    end = d.counted_end = d.noun_end
    if d.noun is not None and not d.noun_before:
        end = d.counted_end = adjectives(t, toks, end, d.noun.number == "pl")
        half = and_a_fraction(t, toks, end) if d.noun.currency is None else None
        if half is not None:  # ثلاث سنوات ونصف: 3.5 years
            d.value += half[0]
            d.high = None if d.high is None else d.high + half[0]
            end = half[1]
        else:
            end = d.counted_end = genitive(t, toks, end)
    if d.qualifier == "exact":
        after = qualifier_after(t, toks, end)
        if after is not None:
            d.qualifier, end = after
    if d.p.vague and d.qualifier == "exact":
        d.qualifier = "at_least"
    d.end = end


def _category(t: FigureTables, toks: list[Tok], d: Draft) -> str:
    """The figure's category; a currency noun also sets the code and scales the value (سنت)."""
    noun = d.noun
    if d.percent:
        return "percent"
    if d.unit is not None:
        return "money"
    if noun is not None and noun.currency is not None:
        d.unit = currency_code(toks, d.noun_end, noun.currency)
        if noun.currency.factor == 1 and code_by_adjective(toks, d.noun_end, noun.currency) is None:
            d.currency_en = noun.en if d.p.value == 1 and d.high is None else noun.en_plural
        d.value *= noun.currency.factor
        if d.high is not None:
            d.high *= noun.currency.factor
        return "money"
    category = "count" if noun is None else noun.category
    if noun is not None and d.p.fraction and d.p.scale == 1 and category != "duration":
        d.value *= 100  # a fraction of something: نصف قواتها is 50%
        return "percent"
    if category in RECASTABLE:
        return frame(t, toks, d.start, d.end, noun) or category
    return category


def first_of_pair(
    t: FigureTables, toks: list[Tok], words: Sequence[str], found: Found, done: int
) -> Found | None:
    """The first amount of a pair whose currency is said once, after the second (5 و7 مليارات
    دولار: $5 billion and $7 billion): a number no figure took, joined by و to the money figure
    `found` that starts at its own number; it takes that figure's scale, when it has none, and
    its currency."""
    k = found.start
    if found.category != "money" or found.unit is None or found.qualifier != "exact":
        return None
    if found.high is not None:
        return None
    second = t.grammar.parse(words, k)
    if second is None:
        return None
    gap = k - 1 if toks[k - 1].raw == _AND and not second.clitic else k
    if gap != k - 1 and second.clitic != _AND:
        return None
    first = None
    for j in range(gap - 1, max(gap - 4, done) - 1, -1):
        p = t.grammar.parse(words, j) if toks[j].cand == 1 else None
        if p is not None and p.end == gap and not p.year_like and not p.definite:
            first = p
    if first is None:
        return None
    value = first.value * (second.scale if first.scale == 1 and second.scale > 1 else 1)
    start, trim, qualifier, qualifier_en = first.start, number_trim(toks[first.start], first), "exact", ""
    before = qualifier_before(t, toks, first.start)
    if before is not None:
        qualifier, start, trim, qualifier_en = before
    if start < done:
        return None
    return Found(
        start=start,
        end=gap,
        start_trim=trim,
        value=value,
        high=None,
        unit=found.unit,
        category="money",
        qualifier=qualifier,
        noun=found.noun,
        qualifier_en=qualifier_en,
        currency_en=found.currency_en,
    )
