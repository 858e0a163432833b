"""The span of the claimed words.

From where the complement opens it to the end of its clause: a full stop or colon, a comma that
opens a new clause, a relay phrase or a coordinated verb; inside a quotation, its closing mark.
A relay phrase at the end of its sentence ("…، وفقًا للمسؤولين") claims the clause before it.
"""

from __future__ import annotations

from briefing.pipeline.claims.context import Context, Cue
from briefing.pipeline.claims.wordbits import (
    COMMAS,
    FINAL,
    IS_CLAUSE_ENDER,
    IS_COLON,
    IS_COMMA,
    IS_FINAL,
    IS_LEAD,
    IS_QUOTE,
    IS_SPACE,
    OPEN_QUOTES,
    QUOTES,
)

_MAX_CONTENT = 45  # tokens of content at most
_LEAD_IN = 4  # a comma this close to the sentence start ends a lead-in ("من جانبها،")
ELISION_OPENERS = frozenset({"(", "["})
_CLOSED_CLAUSE = 5  # tokens after the last comma for the relay to close that clause alone
_TRAILING = IS_COMMA | IS_QUOTE | IS_FINAL | IS_SPACE  # left off the end of the claimed words
_LEAD_IN_WORDS = IS_SPACE | IS_COMMA | IS_LEAD  # left off their start
_CLAUSE_MARKS = IS_FINAL | IS_COLON | IS_COMMA | IS_CLAUSE_ENDER  # may end a clause (_clause_end)


def content(ctx: Context, i: int, s_end: int, how: str) -> tuple[int, int] | None:
    """Token span of the claimed words from token i, cut at the end of their clause."""
    start, quoted = _opening(ctx, i, s_end, how)
    if not quoted:
        start = _past_lead(ctx, start, s_end)
    end = _clause_end(ctx, start, s_end, quoted)
    if quoted and end >= s_end:
        # The quotation goes on past the sentence: keep its first sentence.
        end = s_end
    bits = ctx.bits
    refs = ctx.tables.statement_references if end in ctx.cue_at else frozenset()
    while end > start and (bits[end - 1] & _TRAILING or ctx.fw[end - 1] in refs):
        end -= 1
    if end <= start:
        return None
    return start, end


def _opening(ctx: Context, i: int, s_end: int, how: str) -> tuple[int, bool]:
    """The first token of the content, and whether a quotation mark opens it."""
    while i < s_end and (ctx.space[i] or (ctx.texts[i] in QUOTES and how != "quote")):
        i += 1
    if how == "quote":
        while i < s_end and ctx.space[i]:
            i += 1
        if i < ctx.n and ctx.texts[i] in OPEN_QUOTES:
            i += 1
            while i < s_end and ctx.space[i]:
                i += 1
            return i, True
    return i, False


def _past_lead(ctx: Context, i: int, s_end: int) -> int:
    """Past what stands before the claimed words proper: a "that" particle (أكد … إن الهجوم),
    adverbs (اتهمت مرارا إيران) and time words with their commas (أعلن، الاثنين، دعمه)."""
    bits = ctx.bits
    while i < s_end and bits[i] & _LEAD_IN_WORDS:
        i += 1
    return i


def _clause_end(ctx: Context, start: int, s_end: int, quoted: bool) -> int:
    """Where the clause that starts at `start` ends (at most _MAX_CONTENT tokens on)."""
    texts, fw, cue_at, enders, bits = ctx.texts, ctx.fw, ctx.cue_at, ctx.tables.clause_enders, ctx.bits
    asked = IS_QUOTE if quoted else _CLAUSE_MARKS
    end = start
    stop = min(s_end, start + _MAX_CONTENT)
    while end < stop:
        if not bits[end] & asked and end not in cue_at:
            end += 1  # no quotation mark, stop, comma or clause ender, and no cue
            continue
        text = texts[end]
        if quoted:
            if text in QUOTES:
                break
        elif (text in FINAL and not (end > start and texts[end - 1] in ELISION_OPENERS)) or text == ":":
            break  # but "(...)" marks words left out, not the clause's end
        elif text in COMMAS and end + 1 < s_end and _new_claim(ctx, end + 1):
            break
        elif end > start and fw[end] in enders:
            break
        elif end > start and end in cue_at:
            other = cue_at[end].entry
            if (
                other.kind == "relay"
                or (other.kind in ("verb", "participle") and ctx.joined(end))
                or other.variant == "statement"  # "…، وهو ما نفاه": what was said ends there
            ):
                break
        end += 1
    return end


def _new_claim(ctx: Context, i: int) -> bool:
    """After a comma, what opens a new clause ends the claimed words (a cue, حيث, "، عادت إيران");
    و and what it coordinates (، وتؤيد …، وأن …، والحفاظ …) is still claimed."""
    k = i
    while k < ctx.n and (ctx.space[k] or ctx.texts[k] in QUOTES):
        k += 1
    return k < ctx.n and clause_start(ctx, k, coordination=False)


def _coordinated(ctx: Context, i: int) -> bool:
    """After a comma, و and a definite noun coordinates with the claimed words rather than
    opening a clause: "… على الانقلاب، والحفاظ على …"."""
    return ctx.texts[i][:3] in ("وال", "وبال", "ولل") and i not in ctx.cue_at


def clause_start(ctx: Context, i: int, *, coordination: bool = True) -> bool:
    """Does the token after a comma open a new clause (وذلك، حيث، وفقا، لافتا …)? With
    `coordination`, a word joined by و does (a cue's complement ends there)."""
    text, norm = ctx.texts[i], ctx.fw[i]
    tables = ctx.tables
    if i in ctx.cue_at and ctx.cue_at[i].entry.kind in ("relay", "participle", "verb"):
        return True
    if coordination and text.startswith("و") and len(text) > 1 and ctx.np_of[i] != i:
        return True
    if norm in tables.clause_openers:
        return True
    # "، عادت إيران …": a bare word and then a named actor read as a verb and its subject
    nxt = ctx.np(i + 1)
    return (
        nxt is not None
        and nxt.type in ("PERSON", "ORG", "GPE")
        and ctx.np_of[i] < 0
        and ctx.alpha[i]
        and not norm.startswith("ال")
        and not ctx.clitic[i]
        and norm not in tables.prepositions
        and norm not in tables.explanation_openers
        and norm not in tables.that
        and i not in ctx.cue_at
        and may_be_verb(ctx, i)  # not a title in apposition: "، ممثل منظمة الصحة العالمية، إن"
    )


def may_be_verb(ctx: Context, i: int) -> bool:
    """Has token i a verb reading (or no reading the lexicon knows)?"""
    readings = ctx.readings(i)
    return not readings or any(r.stem.pos.startswith("VERB") for r in readings)


def clause_head(ctx: Context, s_start: int, i: int) -> bool:
    """Is token i the first word of its sentence (a leading و, quotes and spaces aside)?"""
    return all(ctx.space[k] or ctx.texts[k] in QUOTES for k in range(s_start, i))


def clause_before(ctx: Context, cue: Cue, s_start: int) -> tuple[int, int] | None:
    """The clause a relay phrase at the end of its sentence is attached to."""
    chained = _chained(ctx, cue)
    if chained is not None:
        return chained
    end = cue.start
    while end > s_start and (ctx.texts[end - 1] in COMMAS or ctx.space[end - 1]):
        end -= 1
    start = s_start
    here = ctx.sent(cue.start)
    earlier = [d.cue.start for d in ctx.drafts if d.sent == here and d.cue.start < cue.start]
    commas = [k for k in range(s_start, end) if ctx.texts[k] in COMMAS]
    if earlier:
        start = earlier[0]
    elif commas and end - commas[-1] > _CLOSED_CLAUSE:
        start = commas[-1] + 1  # the clause the relay closes
    else:
        # A short lead-in before a comma ("يوم الجمعة،", "من جانبها،") is not the claim.
        for k in range(s_start, min(s_start + _LEAD_IN, end)):
            if ctx.texts[k] in COMMAS:
                start = k + 1
                break
    while start < end and (ctx.space[start] or ctx.texts[start] in QUOTES):
        start += 1
    if end - start < 2:
        return None
    return start, end


def _chained(ctx: Context, cue: Cue) -> tuple[int, int] | None:
    """A chain of relays ("وفقًا لمصدرين، وفق الصحيفة") shares the clause before the first."""
    if not ctx.drafts:
        return None
    d = ctx.drafts[-1]
    if d.cue.entry.kind != "relay" or d.sent != ctx.sent(cue.start) or d.cue.start >= cue.start:
        return None
    for t in range(d.cue.end, cue.start):
        if ctx.np_of[t] >= 0 or ctx.texts[t] in COMMAS or ctx.space[t] or ctx.texts[t] in QUOTES:
            continue
        if ctx.fw[t] != "عن" and ctx.texts[t].rstrip("\u0640") != "ل":
            return None  # a word between the two relays: they are not a chain
    return d.content_tokens


def referred(ctx: Context, cue: Cue, s_start: int) -> tuple[int, int] | None:
    """What a verb's object pronoun stands for ("…، وهو ما نفاه التحالف"، "تصريحات نقلتها صحيفة"):
    the words of the claim made before it in the sentence ("واتهمت دمشق التحالف بتنفيذها، الأمر
    الذي نفته واشنطن"), else the clause before it."""
    here = ctx.sent(cue.start)
    earlier = [d for d in ctx.drafts if d.sent == here and d.content_tokens[1] <= cue.start]
    if earlier:
        return earlier[-1].content_tokens
    refs = ctx.tables.statement_references
    end = cue.start
    while end > s_start and (ctx.space[end - 1] or ctx.texts[end - 1] in COMMAS or ctx.fw[end - 1] in refs):
        end -= 1
    commas = [k for k in range(s_start, end) if ctx.texts[k] in COMMAS]
    start = commas[-1] + 1 if commas and end - commas[-1] > _CLOSED_CLAUSE else s_start
    while start < end and (ctx.space[start] or ctx.texts[start] in QUOTES):
        start += 1
    return (start, end) if end - start >= 2 else None
