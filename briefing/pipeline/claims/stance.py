"""The stance of a claim: the cue's own, unless the content or the speaker says otherwise.

Content that is itself an act overrides the cue ("إن على إيران أن تنسحب", "بضرورة إخلاء": a
demand; "لا صحة لـ…": a denial). A relay phrase citing experts or the public is an assessment; a
neutral cue said by media, reports or relaying sources is a report.
"""

from __future__ import annotations

from briefing.pipeline.claims.context import Context, Cue

_DEMAND_REACH = 6  # tokens after على in which أن makes "على X أن …" a demand


def stance(ctx: Context, cue: Cue, kinds: tuple[str, ...], content: tuple[int, int]) -> str:
    """The stance of a claim made by `cue` with this content, said by speakers of `kinds`."""
    first = ctx.texts[content[0]]
    folded_first = ctx.fold(first)
    if folded_first in ctx.tables.necessity_nouns:
        return "demand"
    if first.startswith("على") and any(
        ctx.fw[k] in ctx.tables.that
        for k in range(content[0] + 1, min(content[1], content[0] + _DEMAND_REACH))
    ):
        return "demand"
    if folded_first == "لا" and content[0] + 1 < content[1] and ctx.fw[content[0] + 1].startswith("صح"):
        return "deny"
    if cue.entry.kind == "relay" and ("expert" in kinds or "public" in kinds):
        return "assess"
    if cue.entry.stance == "assert" and kinds and kinds[0] in ("media", "report", "source-relay"):
        return "report"
    return cue.entry.stance
