"""Ranks: an ordinal before a superlative (رابع أكبر شريك تجاري → 4th largest), after a rank noun
(المرتبة الثالثة → 3rd place), before an indefinite noun (أول زيارة، ثاني اجتماع، سابع أيام
الهجوم) or after a definite one (المرة الأولى، الزعيم الأول، اليوم الثاني من الهجوم).

Not ranks: ordinal dates (الرابع عشر من الشهر، كانون الأول), clock hours and centuries, the parts
of a text or law (المادة الأولى: units.yaml's ordinal-labels), adverbs (أولا، ثانيا). A time
noun's ordinal with على التوالي counts the days so far (لليوم الثاني على التوالي: 2 days).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.pipeline.figures.english import ordinal_en, ordinal_word
from briefing.pipeline.figures.found import Found
from briefing.pipeline.figures.lexicon import FigureTables, Noun
from briefing.pipeline.figures.morph import sound_plural
from briefing.pipeline.figures.qualifiers import qualifier_before
from briefing.pipeline.figures.tokens import Tok, number_trim, proclitic_trim, word_is
from briefing.pipeline.figures.units import adjectives, genitive, may_be_counted, noun_at, plain_noun
from briefing.text.numbers import NumberParse

_PARTITIVE = "من"
_NOT_CONSTRUCT = ("ا", "ه")  # folded endings of أولا، ثانيا and of the feminine ثانية، ثالثة
_AGE_EN = {"less_than": "under", "more_than": "over"}  # دون سن الخامسة: under the age of 5
_ADJECTIVE = ("ولي", "وّلي")  # أولي، الأوّلي (initial), as written: the ordinal is أولى


def rank_at(t: FigureTables, toks: list[Tok], words: Sequence[str], i: int) -> Found | None:
    """The rank whose ordinal starts at token i, or None."""
    p = t.grammar.parse_ordinal(words, i)
    if p is None or _date(t, toks, p.end):
        return None
    k = p.end
    if k < len(toks) and not p.definite and toks[k].norm in t.superlatives and not toks[k].clitic:
        superlative = t.superlatives[toks[k].norm]
        return _found(p, i, number_trim(toks[i], p), _ranked_noun_end(t, toks, k + 1), f" {superlative}")
    if p.definite and i > 0 and toks[i - 1].norm in t.rank_before:
        return _found(p, i - 1, proclitic_trim(toks[i - 1]), k, " place")
    if p.definite:
        return _age(t, toks, i, p) or _after_noun(t, toks, i, p)
    return _before_noun(t, toks, i, p)


def _age(t: FigureTables, toks: list[Tok], i: int, p: NumberParse) -> Found | None:
    """An age: a definite ordinal after سن (دون سن الخامسة → under the age of 5), or a feminine
    one right after دون، فوق (دون الخامسة → under 5); in years, a duration."""
    if i == 0 or p.clitic:
        return None
    said = toks[i - 1].norm in t.age and not toks[i - 1].definite
    k = i - 1 if said else i
    before = qualifier_before(t, toks, k)
    if before is None and not said:
        return None
    kind, start, trim, _ = before or ("exact", k, proclitic_trim(toks[k]), "")
    if not said and (kind not in _AGE_EN or not toks[i].raw.endswith("ه")):
        return None  # حتى الثانية: a clock hour
    n = int(p.value)
    en = f"{_AGE_EN.get(kind, '')} {'the age of ' if said else ''}{n}".strip()
    return _rank(p, start, trim, p.end, en, "duration", en, qualifier=kind)


def _found(p: NumberParse, start: int, trim: int, end: int, what: str) -> Found:
    """A rank with its English: 4th largest, 3rd place."""
    return _rank(p, start, trim, end, f"{ordinal_en(int(p.value))}{what}")


def _rank(
    p: NumberParse,
    start: int,
    trim: int,
    end: int,
    en: str,
    category: str = "rank",
    amount_en: str = "",
    counted: tuple[int, int] | None = None,
    qualifier: str = "exact",
) -> Found:
    return Found(
        start=start,
        end=end,
        start_trim=trim,
        value=p.value,
        high=None,
        unit=None,
        category=category,
        qualifier=qualifier,
        en=en,
        amount_en=amount_en,
        counted=counted,
    )


def _before_noun(t: FigureTables, toks: list[Tok], i: int, p: NumberParse) -> Found | None:
    """أول زيارة، ثاني اجتماع، سابع أيام الهجوم: the ordinal in construct with an indefinite noun
    (never an adverb: أولا، ثانيا)."""
    k = p.end
    if k >= len(toks) or p.value >= 11 or toks[i].raw.endswith(_NOT_CONSTRUCT):
        return None  # أولا، ثانيا: adverbs; ولاية ثانية: the feminine follows its noun
    if i > 0 and toks[i - 1].norm in t.name_before:
        return None  # آل ثاني: a name
    tok = toks[k]
    if tok.definite or tok.clitic or not plain_noun(t, tok):
        return None
    listed = noun_at(t, toks, k)
    end = genitive(t, toks, adjectives(t, toks, listed[1] if listed else k + 1))
    return _ranked(t, toks, p, i, number_trim(toks[i], p), (k, end), listed[0] if listed else None)


def _after_noun(t: FigureTables, toks: list[Tok], i: int, p: NumberParse) -> Found | None:
    """المرة الأولى، الزعيم الأول: a definite ordinal after the definite noun it ranks."""
    if i == 0 or p.clitic or not _ordinal_word(t, toks[i]):
        return None  # a definite cardinal (القوى الثلاث، القمة العشرين) is numbers.py's
    prev = toks[i - 1]
    if not prev.definite or prev.latin or prev.space or not may_be_counted(t, prev):
        return None
    listed = noun_at(t, toks, i - 1)
    noun = listed[0] if listed is not None and listed[1] == i else None
    if (noun is not None and noun.number in ("pl", "dual")) or sound_plural(t.morph, prev.text):
        return None  # السنوات الأولى، الأيام الأولى: the early years, no rank
    return _ranked(t, toks, p, i - 1, proclitic_trim(prev), (i - 1, i), noun, end=p.end)


def _ordinal_word(t: FigureTables, tok: Tok) -> bool:
    """The word is an ordinal (الثاني), not a cardinal read as one (العشرين)."""
    analysis = t.grammar.analyse(tok.raw)
    if analysis is None or tok.text.endswith(_ADJECTIVE):
        return False  # التحقيق الأوّلي: "initial", which folds as الأولى does
    return any(a.word.kind == "ordinal" for a in analysis.atoms)


def _ranked(
    t: FigureTables,
    toks: list[Tok],
    p: NumberParse,
    start: int,
    trim: int,
    counted: tuple[int, int],
    noun: Noun | None,
    end: int | None = None,
) -> Found:
    """The rank of a noun (tokens `counted`), or the days so far (على التوالي after a time noun)."""
    end = counted[1] if end is None else end
    category = "rank"
    if noun is not None and noun.category == "duration":
        running = _consecutive(t, toks, end)
        if running:
            category, end = "duration", running
    place = f"the {ordinal_word(int(p.value))}"
    noun_en = f" {noun.en}" if noun is not None else ""
    so_far = " running" if category == "duration" else ""
    return _rank(p, start, trim, end, f"{place}{noun_en}{so_far}", category, place, counted)


def _consecutive(t: FigureTables, toks: list[Tok], k: int) -> int:
    """The end of على التوالي at k, else 0."""
    for phrase in t.consecutive:
        m = len(phrase)
        if k + m <= len(toks) and all(word_is(toks[k + j], w, first=j == 0) for j, w in enumerate(phrase)):
            return k + m
    return 0


def _date(t: FigureTables, toks: list[Tok], k: int) -> bool:
    """An ordinal date: من الشهر، من الشهر الجاري، من مايو after the ordinal."""
    if k + 1 >= len(toks) or toks[k].raw != _PARTITIVE:
        return False
    nxt = toks[k + 1]
    return nxt.norm in t.date_after or nxt.norm in t.months or nxt.raw in t.months


def _ranked_noun_end(t: FigureTables, toks: list[Tok], k: int) -> int:
    """After رابع أكبر: the end of the noun ranked (شريك) and its adjectives (تجاري)."""
    n = len(toks)
    found = noun_at(t, toks, k) if k < n else None
    if found is not None:
        k = found[1]
    elif k < n and plain_noun(t, toks[k]) and not toks[k].definite:
        k += 1
    return adjectives(t, toks, k)
