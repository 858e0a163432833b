"""The Claim of a draft, with its English line: "Sergey Lavrov (Russia) said (about: Iran, Syria)."

The line names the speaker (and the state a named speaker belongs to), the cue's English verb
(or the stance's, when the stance is not the cue's own) and what the content is about: the actors
and the figures it mentions.
"""

from __future__ import annotations

from bisect import bisect_left

from briefing.model.contract import Claim, Mention
from briefing.model.vocab import STANCES
from briefing.pipeline.claims.context import Context, Draft
from briefing.pipeline.claims.phrases import names
from briefing.pipeline.claims.speakers import actor_en

_MAX_ABOUT = 6  # actors and figures named in the line at most


def claim(ctx: Context, draft: Draft) -> Claim:
    """The contract's Claim for a draft."""
    i = draft.cue.start
    # A verb's proclitics (و ف س) are not part of the cue.
    cue_start = ctx.idx[i] + ctx.clitic[i] if draft.cue.entry.kind in ("verb", "participle") else ctx.idx[i]
    cue_end = ctx.end_char(draft.cue.end - 1)
    cue = Mention(cue_start, cue_end, ctx.text[cue_start:cue_end])
    c0, c1 = draft.content
    content = Mention(c0, c1, ctx.text[c0:c1])
    return Claim(draft.speaker, cue, draft.stance, content, english(ctx, draft), draft.sent)


def english(ctx: Context, draft: Draft) -> str:
    """The claim's English line."""
    sp = draft.speaker
    if sp is None:
        who = "Unattributed:"
    else:
        who = sp.name_en
        country = ctx.tables.country_of.get(sp.actor or "")
        if country and country != sp.actor:
            who += f" ({actor_en(ctx, country)})"
    items: list[str] = []
    t0, t1 = draft.content_tokens
    starts = ctx.starts
    for k in starts[bisect_left(starts, t0) : bisect_left(starts, t1)]:
        rec = ctx.pending.get(k)  # the actor phrases: head phrases are built at once
        if rec is not None:
            items.extend(actor_en(ctx, a) for a in names(ctx, rec))
    c0, c1 = draft.content
    for f0, f1, en in ctx.figures:
        if c0 <= f0 and f1 <= c1:
            items.append(en)
    items = list(dict.fromkeys(i for i in items if i))
    tail = f" (about: {', '.join(items[:_MAX_ABOUT])})" if items else ""
    entry = draft.cue.entry
    verb = entry.en if draft.stance == entry.stance else STANCES[draft.stance].verb_en
    return f"{who} {verb}{tail}."
