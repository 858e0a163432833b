"""What a number counts: the counted noun after it (with من, or before it: مسؤولين إيرانيين
ثلاثة), the relational adjectives after the noun, and percent markers. (The event words that
recast those counted as killed, wounded, displaced or strikes are frames.py's.)
"""

from __future__ import annotations

from briefing.pipeline.figures.lexicon import UNKNOWN, FigureTables, Noun
from briefing.pipeline.figures.morph import agreeing_adjective, may_be_noun, not_a_noun, possessed
from briefing.pipeline.figures.tokens import Tok, proclitic_trim, strip_acc

# Endings of relational (nisba) adjectives: إيراني، الجوية، إيرانيين، تركيا (جنديا تركيا).
_NISBA_ENDINGS = ("ي", "يه", "يا", "يين", "يون", "يات", "يتين", "يين")
_NISBA_LONGEST_FIRST = tuple(sorted(_NISBA_ENDINGS, key=len, reverse=True))
_PARTITIVE = "من"  # 7 من الحرس، مئات الآلاف من القتلى


def match_percent(t: FigureTables, toks: list[Tok], k: int) -> int:
    """How many tokens from k make a percent marker (بالمئة، في المئة، %), 0 if none."""
    n = len(toks)
    if k >= n or toks[k].raw not in t.percent_first:
        return 0
    for phrase in t.percent:
        m = len(phrase)
        if k + m <= n and all(toks[k + j].raw == phrase[j] for j in range(m)):
            return m
    return 0


def noun_after(t: FigureTables, toks: list[Tok], k: int, allow_definite: bool) -> tuple[Noun, int] | None:
    """The counted noun at k, or after من at k, and the token after it. An Arabic word the tables
    do not know counts too, as UNKNOWN; a definite one only with من or when `allow_definite`
    (a vague number or a fraction: مئات الآلاف، نصف القوات)."""
    n = len(toks)
    while k < n and toks[k].space and "\n" not in toks[k].text:
        k += 1  # a second space between the number and its noun: 12  مسلحا
    if k >= n:
        return None
    tok = toks[k]
    if tok.raw == _PARTITIVE and k + 1 < n:
        found = noun_at(t, toks, k + 1)
        if found is not None:
            return found
        nxt = toks[k + 1]
        if (nxt.definite or possessed(t.morph, nxt.text)) and plain_noun(t, nxt):
            return UNKNOWN, k + 2  # 7 من الحرس، 8.4 مليون من سكانها
        return None
    if tok.definite and not allow_definite:
        return None
    if tok.clitic and not tok.definite:
        return None  # a conjunction or preposition opens another phrase: 12 بجروح، الآلاف وبأزمة
    found = noun_at(t, toks, k)
    if found is not None:
        return found
    if plain_noun(t, tok):
        return UNKNOWN, k + 1
    return None


def noun_at(t: FigureTables, toks: list[Tok], k: int) -> tuple[Noun, int] | None:
    """The listed noun at k (a phrase of several words first), and the token after it."""
    bare = toks[k].norm
    for rest, phrase_noun in t.phrases.get(bare, ()):
        if k + len(rest) < len(toks) and all(
            toks[k + 1 + j].norm == rest[j] or strip_acc(toks[k + 1 + j].norm) == rest[j]
            for j in range(len(rest))
        ):
            return phrase_noun, k + 1 + len(rest)
    noun = t.nouns.get(bare)
    if noun is None and bare.endswith("ا"):
        noun = t.nouns.get(bare[:-1])
    if noun is None:
        noun = _with_pronoun(t, bare)
    if noun is None:
        return None
    return noun, k + 1


_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")


def _with_pronoun(t: FigureTables, bare: str) -> Noun | None:
    """A counted noun with a possessive pronoun: عناصره (its members), قواتها, قوتها (قوة + ها)."""
    for suffix in _PRONOUN_SUFFIXES:
        if bare.endswith(suffix) and len(bare) - len(suffix) >= 3:
            stem = bare[: -len(suffix)]
            noun = t.nouns.get(stem) or (t.nouns.get(stem[:-1] + "ه") if stem.endswith("ت") else None)
            if noun is not None:
                return noun
    return None


def noun_in(t: FigureTables, toks: list[Tok], start: int, end: int) -> Noun | None:
    """The first listed noun in tokens start..end."""
    for k in range(start, end):
        found = noun_at(t, toks, k)
        if found is not None:
            return found[0]
    return None


def plain_noun(t: FigureTables, tok: Tok) -> bool:
    """An Arabic word that may be a counted noun: not a function word, not a number."""
    raw = tok.raw
    if tok.space or tok.latin or len(tok.norm) < 3 or not ("\u0621" <= raw[-1] <= "\u064a"):
        return False
    if tok.norm in t.function_words or raw in t.function_words:
        return False
    if t.grammar.analyse(raw) is not None:
        return False
    if tok.norm in t.months or tok.norm in t.clock_after or raw in t.time_words:
        return False
    return not not_a_noun(t.morph, tok.text)


def noun_before(t: FigureTables, toks: list[Tok], i: int) -> tuple[Noun, int, int] | None:
    """A counted noun written before the number, past up to two nisba adjectives (مسؤولين
    إيرانيين ثلاثة): the noun, its token and its proclitics' raw length. Never a currency."""
    j = i - 1
    skipped = 0
    while j >= 0 and skipped <= 2:
        tok = toks[j]
        if tok.space:
            return None
        found = noun_at(t, toks, j)
        if found is not None and found[1] == j + 1 and not tok.definite:
            noun = found[0]
            if noun.currency is None:
                return noun, j, proclitic_trim(tok)
            return None
        if is_nisba(tok.norm) and not tok.definite:
            j -= 1
            skipped += 1
            continue
        return None
    return None


def adjectives(t: FigureTables, toks: list[Tok], end: int, plural: bool = False) -> int:
    """The end of up to two adjectives after a counted noun: relational ones (جنديا تركيا), and
    others the analysis says agree with it (مكتبا جديدا، صاروخين مسيرين، سفن أخرى)."""
    n = len(toks)
    if end == 0:
        return end
    noun = toks[end - 1].raw
    accusative = noun.endswith("ا")
    for _ in range(2):
        tok = toks[end] if end < n else None
        if tok is None or tok.clitic or tok.latin or tok.space:
            break
        if tok.raw in t.events_after or tok.norm in t.events_after:
            break  # سقط 5 أشخاص قتلى: what happened to them, no adjective (frames.py)
        if is_nisba(tok.raw):
            # -يا agrees with an accusative noun only; after others it is a name (لروسيا).
            if tok.raw.endswith("يا") and not accusative:
                break
        elif not agreeing_adjective(t.morph, noun, tok.raw, tok.text, plural):
            break
        end += 1
    return end


def is_nisba(word: str) -> bool:
    """Relational adjectives (إيرانيين، الجوية، تركيا as جنديا تركيا), by their ending."""
    w = word[2:] if word.startswith("ال") else word
    if len(w) < 4 or not w.endswith(_NISBA_ENDINGS):
        return False
    stem = w[: -next(len(e) for e in _NISBA_LONGEST_FIRST if w.endswith(e))]
    return len(stem) >= 2 and not stem.endswith("ا")


def genitive(t: FigureTables, toks: list[Tok], end: int) -> int:
    """A definite noun after the counted noun is its genitive and says what is counted too
    (9 من عناصر القوات الحكومية, 8 ملايين من سكان اليمن); its adjectives go with it."""
    if end >= len(toks) or not toks[end].definite or toks[end].clitic or not plain_noun(t, toks[end]):
        return end
    return adjectives(t, toks, end + 1)


def may_be_counted(t: FigureTables, prev: Tok) -> bool:
    """A definite noun that a number word after it counts or ranks (الدول الثلاث، المرة
    الأولى): not a label (المادة، الساعة), a month (كانون), an adjective (الحرب العالمية
    الثانية), a function word, a number or a verb."""
    norm, raw = prev.norm, prev.raw
    if norm in t.function_words or raw in t.function_words or t.grammar.analyse(raw) is not None:
        return False
    label = "ال" + norm
    if label in t.ordinal_labels or norm in t.months or raw in t.months or label in t.months:
        return False
    return not is_nisba(norm) and may_be_noun(t.morph, prev.text)


def and_a_fraction(t: FigureTables, toks: list[Tok], k: int) -> tuple[float, int] | None:
    """ونصف، وربع after a counted noun (ثلاث سنوات ونصف: 3.5 years, عامين ونصف): the fraction
    and the token after it, or None."""
    if k >= len(toks) or not toks[k].raw.startswith("و") or t.grammar.analyse(toks[k].raw) is None:
        return None
    q = t.grammar.parse([tok.raw for tok in toks[k : k + 2]], 0)
    if q is None or not q.fraction or q.scale != 1 or q.has_digits or q.value >= 1 or q.clitic != "و":
        return None
    return q.value, k + q.end
