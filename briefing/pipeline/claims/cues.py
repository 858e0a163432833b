"""Reporting cues, and the claim each one makes according to its kind.

A verb or participle (قال، أكدت، لافتا) takes a complement and a subject; a verbal noun (دعوة،
تصريح) takes its speaker as genitive ("دعوة الرئيس بوتين إلى …"); a relay phrase (بحسب، وفقا ل)
names its source after it and claims the clause it is attached to; an impersonal phrase (يرجح على
نطاق واسع) claims without a speaker. A cue inside a quotation belongs to the quoted words, and an
unattributed frame ("يُذكر أن X شدد على …") yields to the claim inside it.
"""

from __future__ import annotations

from bisect import bisect_left

from briefing.model.contract import Speaker
from briefing.pipeline.claims.complements import marker, skip_addressee
from briefing.pipeline.claims.content import clause_before, clause_head, content, referred
from briefing.pipeline.claims.context import Context, Cue, Draft, Phrase
from briefing.pipeline.claims.phrases import bare_phrase
from briefing.pipeline.claims.speakers import speaker
from briefing.pipeline.claims.stance import stance
from briefing.pipeline.claims.subjects import after, continues, previous, subject
from briefing.pipeline.claims.wordbits import COMMAS, IS_COMMA, IS_FINAL, OPEN_QUOTES, QUOTES
from briefing.text.normalize import raw_prefix_length

_NOUN_REGION = 14  # tokens after a verbal noun's speaker searched for the complement
_RELAY_LEAD = 8  # tokens after a relay's source searched for the comma or فإن opening the content
_TRAILING_WORDS = 3  # words after a relay's source that still leave it at the end of its clause
_RELAY_STOPS = frozenset({"؛", ";", ":"})  # "وبحسب الاتفاقية؛ توسع …": open the content like a comma


def find_cues(ctx: Context, matches: list[tuple[int, int, int]]) -> None:
    """Note the cues of the matches: the longest at each start, none overlapping."""
    entries = ctx.tables.cues
    prepositions = ctx.tables.prepositions
    # Longest first at each start, then in the matcher's order.
    found = sorted(
        (start, start - end, k, end, entries[match_id])
        for k, (match_id, start, end) in enumerate(matches)
        if match_id in entries
    )
    taken = -1
    for start, _, _, end, entry in found:
        if start < taken:
            continue
        if entry.kind in ("verb", "participle"):
            # Verbs take و ف س, and an imperfect ل (ليؤكد); a ب or ل in front of another form
            # (بحذر، لطلب) makes another word.
            clitics = ctx.fold(ctx.texts[start][: ctx.clitic[start]]) if ctx.clitic[start] else ""
            if clitics.strip("وفس") and not (
                entry.variant in ("imperfect", "first") and clitics.strip("وف") == "ل"
            ):
                continue
            if entry.kind == "participle" and _describes(ctx, start):
                continue
            # After a preposition the form is a verbal noun: "من وصف المعارضة", "في نقل"
            if entry.kind == "verb" and start > 0 and ctx.fw[start - 1] in prepositions:
                continue
        ctx.cue_at[start] = Cue(start, end, entry)
        taken = end


def _describes(ctx: Context, start: int) -> bool:
    """Is the participle at `start` an adjective ("غير معلنة", "معلنة أو غير معلنة")?"""
    k = start - 1
    while k >= 0 and ctx.space[k]:
        k -= 1
    if k >= 0 and ctx.fw[k] in ctx.tables.adjective_markers:
        return True
    k = ctx.skip_blank(start + 1)
    if k >= ctx.n or ctx.fw[k] != ctx.fold("أو"):
        return False
    k = ctx.skip_blank(k + 1)
    return k < ctx.n and ctx.fw[k] in ctx.tables.adjective_markers


def drafts(ctx: Context) -> list[Draft]:
    """The claims of the cues found, in text order."""
    quote_until = -1
    for start in sorted(ctx.cue_at):
        cue = ctx.cue_at[start]
        if start < quote_until:
            continue  # a cue inside a quotation belongs to the quoted words
        kind = cue.entry.kind
        if kind == "relay":
            draft = _relay(ctx, cue)
        elif kind == "noun":
            draft = _noun(ctx, cue)
        elif kind == "impersonal":
            draft = _impersonal(ctx, cue)
        else:
            draft = _verb(ctx, cue)
        if draft is None:
            continue
        if draft.inside_quote:
            quote_until = draft.content_tokens[1]
        ctx.drafts.append(draft)
    # "يُذكر أن X شدد على …": the claim is X's; the unattributed frame adds nothing. An
    # impersonal expectation ("من المتوقع أن يعبر القادة عن …") stays: what it expects is no claim.
    said = sorted(d.cue.start for d in ctx.drafts if d.speaker is not None)
    return [
        d
        for d in ctx.drafts
        if d.speaker is not None or d.cue.entry.kind == "impersonal" or not _holds(said, d.content_tokens)
    ]


def _holds(starts: list[int], span: tuple[int, int]) -> bool:
    """Does one of `starts` (sorted) fall in the token span?"""
    k = bisect_left(starts, span[0])
    return k < len(starts) and starts[k] < span[1]


def _verb(ctx: Context, cue: Cue) -> Draft | None:
    """A verb's or participle's claim: complement, subject (or the speaker it continues), content.

    A claim is kept when no speaker is found: its speaker is then unknown (None).
    """
    s_start, s_end = ctx.sent_bounds(cue.start)
    found = marker(ctx, cue, s_end)
    if found is None and "object" not in cue.entry.complements and not _takes_object(ctx, cue):
        return None
    # Passive and impersonal forms (يُذكر أن، يقال إن) have a subject named at once, or none.
    unattributed = ctx.fold(ctx.texts[cue.start][ctx.clitic[cue.start] :]) in cue.entry.unattributed
    np, after_verb, prev = subject(ctx, cue, s_start, s_end, found, unattributed)
    said_by: Speaker | None = None
    kinds: tuple[str, ...] = ()
    if np is not None:
        said_by, kinds = speaker(ctx, np, cue.start), np.kinds
    elif prev is not None:
        said_by, kinds = prev.speaker, prev.kinds
    elif not unattributed and continues(ctx, cue, s_start) == 0:
        return None  # a verb right after a noun describes it: "مواجهة تهدد بـ…"، "لم يكشف عن"
    if found is None and cue.entry.variant == "statement":
        span = referred(ctx, cue, s_start)  # "…، وهو ما نفاه التحالف"
        return None if span is None else _draft(ctx, cue, said_by, np, kinds, span, "statement")
    if found is None:
        # A direct object: it starts after the subject when the subject follows the verb.
        first = np.end if (np is not None and after_verb) else cue.end
        first = skip_addressee(ctx, first, s_end)
        found = (first, first, "object")
    span = content(ctx, found[0], s_end, found[2])
    if span is None:
        return None
    return _draft(ctx, cue, said_by, np, kinds, span, found[2])


def _takes_object(ctx: Context, cue: Cue) -> bool:
    """Has the verb an object pronoun or a pronoun-preposition, so that what it says of that is
    an object after the subject ("تعتبره دولة الإمارات جزءا من …"، "يرى فيه التحالف منطلقا")?
    Of the prepositions, only في: "المواضيع التي نص عليها"، "تعهدات توقع عليها" name no claim."""
    if cue.entry.variant == "object":
        return True
    i = ctx.skip_blank(cue.end)
    return i < ctx.n and ctx.fw[i] in ("فيه", "فيها")  # not عليها، إليها: "التي نص عليها"


def _relay(ctx: Context, cue: Cue) -> Draft | None:
    """A relay phrase's claim: the source after it, the content before it or after a comma."""
    s_start, s_end = ctx.sent_bounds(cue.start)
    i = _relay_source(ctx, cue, s_end)
    if i >= s_end:
        return None
    if ctx.np_of[i] == i:
        np: Phrase | None = ctx.phrase(i)
    else:
        # A source no lexicon knows only for a relay set apart by a comma or opening the
        # sentence ("، حسب أرقام الأمم المتحدة"): "تسير وفق القضاء المستقل" is accordance.
        np = bare_phrase(ctx, i, s_end) if _set_apart(ctx, cue, s_start) else None
    said_by: Speaker | None
    if np is not None:
        said_by, kinds, after_np = speaker(ctx, np, cue.start), np.kinds, np.end
    else:
        # "بحسب تعبيرها": the words of the one who spoke last
        own = ctx.cue_at.get(i)
        if own is None or own.entry.variant != "possessed":
            return None
        prev = previous(ctx, cue)
        if prev is None:
            return None
        said_by, kinds, after_np = prev.speaker, prev.kinds, own.end
    while after_np < s_end and (ctx.texts[after_np] in QUOTES or ctx.space[after_np]):
        after_np += 1
    if _trails(ctx, after_np, s_end) and not clause_head(ctx, s_start, cue.start):
        span = clause_before(ctx, cue, s_start)
    else:
        span = content(ctx, _relayed_content(ctx, after_np, s_end), s_end, "object")
    if span is None:
        return None
    return _draft(ctx, cue, said_by, np, kinds, span, "relay")


def _trails(ctx: Context, i: int, s_end: int) -> bool:
    """Does the relay's source end its clause: nothing after it but a few words up to a comma
    or the end ("وفقا لما نقلته وكالة الأنباء السعودية الرسمية."، "… الرسمية (وام)."، "بحسب
    المرصد ذاته")? Content after a source is a clause of its own."""
    words, bits = 0, ctx.bits
    while i < s_end and not bits[i] & (IS_COMMA | IS_FINAL):
        words += ctx.alpha[i]
        i += 1
    return words <= _TRAILING_WORDS


def _set_apart(ctx: Context, cue: Cue, s_start: int) -> bool:
    """Does the cue open its sentence or follow a comma?"""
    j = cue.start - 1
    while j >= s_start and (ctx.space[j] or ctx.texts[j] in QUOTES):
        j -= 1
    return j < s_start or ctx.texts[j] in COMMAS


def _relay_source(ctx: Context, cue: Cue, s_end: int) -> int:
    """Where a relay's source starts: after لـ and عن, and in "بحسب ما نقلته عنه وكالة …"،
    "حسبما قال" after the verb the frame holds."""
    i = cue.end
    if ctx.fw[cue.end - 1].endswith("ما"):
        while i < s_end and ctx.space[i]:
            i += 1
        if i < s_end and ctx.alpha[i] and ctx.np_of[i] != i:
            i += 1  # the verb: نقلته، أعلنته، قال
    while i < s_end and (
        ctx.texts[i] in QUOTES
        or ctx.space[i]
        or ctx.fw[i] == "عن"
        or ctx.fw[i] in ctx.tables.pronoun_prepositions
        or ctx.texts[i].rstrip("\u0640") == "ل"
    ):
        i += 1
    return i


def _relayed_content(ctx: Context, after_np: int, s_end: int) -> int:
    """Where the content after a relay's source starts: "وبحسب تقارير …، فإن موسكو …"."""
    that = ctx.tables.that
    k = after_np
    opener = COMMAS | _RELAY_STOPS
    while k < s_end and k - after_np < _RELAY_LEAD and ctx.texts[k] not in opener and ctx.fw[k] not in that:
        k += 1
    if k < s_end and (ctx.texts[k] in opener or ctx.fw[k] in that):
        k += 1
        if k < s_end and ctx.fw[k] in that:
            k += 1
        return k
    return after_np


def _noun(ctx: Context, cue: Cue) -> Draft | None:
    """A verbal noun's claim: the speaker is its genitive, "دعوة الرئيس"، "تصريح بوتين"."""
    _, s_end = ctx.sent_bounds(cue.start)
    i = cue.end
    while i < s_end and ctx.texts[i] in QUOTES:
        i += 1
    np = ctx.np(i) if i < s_end else None
    if np is None or np.type == "LOC":
        return None
    # A title and the name after it: "دعوة الرئيس الروسي فلاديمير بوتين"
    if np.type == "HEAD":
        nxt = after(ctx, np.end, min(np.end + 3, s_end))
        if nxt is not None and nxt.type == "PERSON":
            np = nxt
    probe = Cue(cue.start, np.end, cue.entry)
    found = marker(ctx, probe, min(s_end, np.end + _NOUN_REGION))
    if found is None:
        return None
    span = content(ctx, found[0], s_end, found[2])
    if span is None:
        return None
    return _draft(ctx, cue, speaker(ctx, np, cue.start), np, np.kinds, span, found[2])


def _impersonal(ctx: Context, cue: Cue) -> Draft | None:
    """An impersonal phrase's claim, with no speaker ("لا صحة لـ…" excepted)."""
    _, s_end = ctx.sent_bounds(cue.start)
    found = marker(ctx, cue, s_end) or (cue.end, cue.end, "object")
    span = content(ctx, found[0], s_end, found[2])
    if span is None:
        return None
    said_by: Speaker | None = None
    kinds: tuple[str, ...] = ()
    if cue.entry.stance == "deny":  # "لا صحة لـ…" is said by the sentence's subject
        prev = previous(ctx, cue)
        if prev is not None:
            said_by, kinds = prev.speaker, prev.kinds
    return _draft(ctx, cue, said_by, None, kinds, span, found[2])


def _draft(
    ctx: Context,
    cue: Cue,
    said_by: Speaker | None,
    np: Phrase | None,
    kinds: tuple[str, ...],
    span: tuple[int, int],
    how: str,
) -> Draft:
    """The draft of a claim whose content is the token span `span`, opened by `how`."""
    c0, c1 = span
    start_char = ctx.idx[c0]
    if how == "with":
        start_char += raw_prefix_length(ctx.texts[c0], 1)  # ب is not content (its ال is)
    end_char = ctx.end_char(c1 - 1)
    inside_quote = how == "quote" and c0 > 0 and ctx.texts[c0 - 1] in OPEN_QUOTES
    return Draft(
        cue,
        ctx.sent(cue.start),
        said_by,
        np,
        (start_char, end_char),
        span,
        stance(ctx, cue, kinds, span),
        kinds,
        inside_quote,
    )
