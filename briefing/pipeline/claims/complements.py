"""What opens a cue's content: its complement, looked for after the cue within the clause.

أن / إن ("that"; not إلى أن "until" or إلا أن "but"), a colon or an opening quotation mark, a
preposition (عن، إلى، على، من: the cue's entry names which it takes), ب + a verbal noun (طالب
بإخلاء), or a direct object, which starts after the one addressed (طلبت من إيران عدم …).
"""

from __future__ import annotations

from briefing.pipeline.claims.content import clause_start
from briefing.pipeline.claims.context import Context, Cue
from briefing.pipeline.claims.wordbits import (
    COMMAS,
    FINAL,
    IS_BARE_BA,
    IS_COLON,
    IS_COMMA,
    IS_COMPLEMENT_PREP,
    IS_OPEN_QUOTE,
    IS_THAT,
    IS_WITH,
    OPEN_QUOTES,
    QUOTES,
)

_MAX_REGION = 22  # tokens between a cue and the word that opens its content
_QUOTED_WORDS = 5  # words a quotation holds at least, when it opens away from its cue
_MAX_PARENTHESIS = 16  # tokens of a parenthesis between a cue's subject and its complement

# (first content token, marker token, complement)
Marker = tuple[int, int, str]


def marker(ctx: Context, cue: Cue, limit: int) -> Marker | None:
    """(first content token, marker token, complement) after the cue, within the clause."""
    comps = cue.entry.complements
    that, quote, with_ = "that" in comps, "quote" in comps, "with" in comps
    tables = ctx.tables
    that_words, prepositions = tables.that, tables.complement_prepositions
    fw, texts, cue_at, np_of = ctx.fw, ctx.texts, ctx.cue_at, ctx.np_of
    asked = _asked(that, quote, with_)  # a token with none of these bits, and no cue, is passed
    first_prep: Marker | None = None
    stop = min(limit, cue.end + _MAX_REGION + 1)
    i = _next_asked(ctx, cue.end, stop, asked)
    while i < stop:
        norm, text = fw[i], texts[i]
        if that and norm in that_words and that_here(ctx, cue, i):
            return i + 1, i, "that"
        if quote and (text == ":" or text in OPEN_QUOTES):
            found = _quote_at(ctx, cue, i, limit)
            if found is not None:
                return found
        if text in COMMAS and i + 1 < limit and clause_start(ctx, i + 1):
            # "وذكر المرصد، ومقره في بريطانيا، أن …": a parenthesis, then the complement
            # (else the clause ends: `limit` ends the loop)
            i = _past_parenthesis(ctx, cue, i, limit)
            continue
        if i in cue_at and _another_claim(ctx, cue, i):
            break
        comp = prepositions.get(norm)
        if comp is not None and norm == cue.entry.source and adjacent(ctx, cue, i):
            # "نقلت الصحيفة عن مسؤولين إن …": عن names the source, not the content
            i = _past_source(ctx, i + 1, limit)
            continue
        if comp in comps and np_of[i] < 0:
            nxt = i + 1
            if that and nxt < limit and fw[nxt] in that_words:
                return nxt + 1, nxt, "that"
            # A preposition right after the verb or its subject opens the content ("أعرب عن
            # أمله"); further on it is a fallback, should no أن follow.
            if adjacent(ctx, cue, i):
                return i + 1, i, comp
            first_prep = first_prep or (i + 1, i, comp)
        elif with_ and first_prep is None and with_here(ctx, i):
            first_prep = (i, i, "with")
        i = _next_asked(ctx, i + 1, stop, asked)
    return first_prep


def _next_asked(ctx: Context, i: int, stop: int, asked: int) -> int:
    """The first token from i with one of the `asked` word bits or a cue; `stop` if none is:
    most tokens `marker` passes are words none of its tests holds for."""
    bits, cue_at = ctx.bits, ctx.cue_at
    while i < stop and not bits[i] & asked and i not in cue_at:
        i += 1
    return i


def _another_claim(ctx: Context, cue: Cue, i: int) -> bool:
    """Does the cue at token i open a claim of its own (a participle, a relay, a verb joined by
    و or ف), where the search for this cue's complement ends?"""
    other = ctx.cue_at[i]
    return i > cue.start and (other.entry.kind in ("participle", "relay") or ctx.joined(i))


def _asked(that: bool, quote: bool, with_: bool) -> int:
    """The word bits `marker` asks about, for a cue taking these complements."""
    asked = IS_COMMA | IS_COMPLEMENT_PREP
    asked |= (IS_THAT if that else 0) | (IS_COLON | IS_OPEN_QUOTE if quote else 0)
    return asked | (IS_WITH | IS_BARE_BA if with_ else 0)


def _quote_at(ctx: Context, cue: Cue, i: int, limit: int) -> Marker | None:
    """A colon, or a quotation mark right after the cue or after its subject and what it adds
    (وقال في بيان "…"), opening quoted content."""
    if ctx.texts[i] == ":":
        return i + 1, i, "quote"
    if i == cue.end or (ctx.np_of[i] < 0 and _quotation(ctx, i, limit)):
        return i, i, "quote"
    return None


def _past_parenthesis(ctx: Context, cue: Cue, i: int, limit: int) -> int:
    """After the comma at token i, the token past a parenthesis closed by a comma ("، التي توسطت
    في الاتفاق،"، "، الثلاثاء،") when what follows it opens the cue's complement (أن، من، بـ);
    else `limit`."""
    end = min(limit, i + _MAX_PARENTHESIS)
    j = next((k for k in range(i + 1, end) if ctx.texts[k] in COMMAS or ctx.texts[k] in FINAL), end)
    if j >= end or ctx.texts[j] not in COMMAS:
        return limit
    k = ctx.skip_blank(j + 1)
    if k >= limit:
        return limit
    fw, tables = ctx.fw[k], ctx.tables
    comps = cue.entry.complements
    opens = (
        ("that" in comps and fw in tables.that)
        or tables.complement_prepositions.get(fw) in comps
        or ("with" in comps and with_here(ctx, k))
    )
    return k if opens else limit


def _quotation(ctx: Context, i: int, limit: int) -> bool:
    """Does the quotation mark at token i open quoted words, not a name or a term ("الأكثر
    دموية")? At least _QUOTED_WORDS words before it closes, or it runs on to the end."""
    words = 0
    for k in range(i + 1, limit):
        if ctx.texts[k] in QUOTES:
            return words >= _QUOTED_WORDS
        words += ctx.alpha[k]
    return True


def _past_source(ctx: Context, i: int, limit: int) -> int:
    """The token after the source a preposition names (the phrase at token i, if one starts)."""
    if i < limit and ctx.np_of[i] == i:
        return ctx.phrase(i).end
    return i


def adjacent(ctx: Context, cue: Cue, i: int) -> bool:
    """Is token i right after the cue, or right after a speaker phrase that follows it?"""
    first = ctx.skip_blank(cue.end)
    if i == first:
        return True
    np = ctx.np(first)
    return np is not None and ctx.skip_blank(np.end) == i


def that_here(ctx: Context, cue: Cue, i: int) -> bool:
    """Is أن at i the "that" of the cue, not part of إلى أن (until), بعد أن, إلا أن …?"""
    if i == cue.end or ctx.fw[i - 1] not in ctx.tables.conjunction_heads:
        return True
    # "أشار إلى أن", "يعتبر المحللون إلى أن": إلى right after the cue or its subject
    j = i - 1
    return ctx.fw[j] == "الي" and (j == cue.end or ctx.np_of[j - 1] == ctx.skip_blank(cue.end))


def with_here(ctx: Context, i: int) -> bool:
    """Is token i ب + a verbal noun (طالب بإخلاء)? The word's bits say whether its text is
    ب alone, or ب and more than one letter and no word ب starts otherwise (بشن، بدعم; not بعد،
    بسبب، بأن)."""
    bits = ctx.bits[i]
    if bits & IS_BARE_BA and i + 1 < ctx.n and ctx.bits[i + 1] & IS_OPEN_QUOTE:
        return True  # بـ"التوغل"
    return bool(bits & IS_WITH) and ctx.np_of[i] < 0


def skip_addressee(ctx: Context, i: int, limit: int) -> int:
    """طلبت من إيران عدم …, أبلغ نظراءه بـ …, يرى فيه منطلقا: the one asked, or what a pronoun
    points back to, is not the content."""
    while i < limit and (ctx.space[i] or ctx.fw[i] in ctx.tables.pronoun_prepositions):
        i += 1
    if i < limit and ctx.fw[i] in ("من", "الي"):
        i += 1
        if i < limit and ctx.np_of[i] == i:
            return ctx.phrase(i).end
        return min(i + 1, limit)
    if i < limit and ctx.np_of[i] == i and ctx.texts[i][:1] == "ل" and ctx.clitic[i]:
        return ctx.phrase(i).end
    return i
