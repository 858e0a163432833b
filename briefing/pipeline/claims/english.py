"""The Claim of a draft, with the frame of its English line: "Sergey Lavrov (Russia) said."

The frame names the speaker (and the state a named speaker belongs to) and the cue's English verb
(or the stance's, when the stance is not the cue's own); the gist component (pipeline/gist)
completes it with the English of the content.
"""

from __future__ import annotations

from briefing.model.contract import Claim, Mention
from briefing.model.vocab import STANCES
from briefing.pipeline.claims.context import Context, Draft
from briefing.pipeline.claims.speakers import actor_en


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
    """The claim's English frame: who and the speech act ("Sergey Lavrov (Russia) said."; "It was
    reported." when nobody is named). The gist component completes it with the content."""
    entry = draft.cue.entry
    verb = entry.en if draft.stance == entry.stance else STANCES[draft.stance].verb_en
    sp = draft.speaker
    if sp is None:
        return f"It was {verb}."
    who = sp.name_en
    country = ctx.tables.country_of.get(sp.actor or "")
    if country and country != sp.actor:
        who += f" ({actor_en(ctx, country)})"
    return f"{who[:1].upper()}{who[1:]} {verb}."
