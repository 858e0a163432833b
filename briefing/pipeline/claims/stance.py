"""The stance of a claim: the cue's own, unless the content or the speaker says otherwise.

Content that is itself an act overrides the cue ("إن على إيران أن تنسحب", "بضرورة إخلاء": a
demand; "لا صحة لـ…": a denial). A relay phrase is a report, whoever the source; a neutral cue
said by media, monitors, reports, documents, anonymous sources or the public is a report, by
experts an assessment.
"""

from __future__ import annotations

from briefing.pipeline.claims.context import Context, Cue

_DEMAND_REACH = 6  # tokens after على in which أن makes "على X أن …" a demand
# Speakers whose neutral statements are relayed information: media and monitors, reports,
# documents, anonymous sources, witnesses and the public.
_RELAYING = frozenset({"media", "report", "document", "source", "source-relay", "public"})


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
    if cue.entry.kind == "relay":
        return "report"  # every relay cue, whoever the source
    if cue.entry.stance == "assert" and kinds and not cue.entry.act:
        if kinds[0] in _RELAYING:
            return "report"
        if kinds[0] == "expert":
            return "assess"
    return cue.entry.stance
