"""A relay frame and the verb it governs make one claim: بحسب ما أعلنته الوزارة، حسبما قال
المرصد، وفق ما نقلت الوكالة.

The relay (بحسب ما، وفقا لما، حسبما) and the verb right after it attribute the same content to the
same source: one claim, its cue the whole frame, as an analyst cites it. Found apart, they were two
claims of the same words.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.pipeline.claims.context import Cue, Draft

_GAP = 1  # tokens between the relay and its verb (a stray ما or ل)


def one_per_frame(drafts: Iterable[Draft]) -> list[Draft]:
    """`drafts` (in text order) with each relay frame's verb claim folded into the relay's."""
    out: list[Draft] = []
    for draft in drafts:
        before = out[-1] if out else None
        if (
            before is not None
            and before.cue.entry.kind == "relay"
            and draft.cue.entry.kind == "verb"
            and 0 <= draft.cue.start - before.cue.end <= _GAP
            and draft.content == before.content
        ):
            before.cue = Cue(before.cue.start, draft.cue.end, before.cue.entry)
            if draft.speaker is not None:  # the verb's own subject (وفقا لما أعلنه المتحدث، تركي المالكي)
                before.speaker, before.np = draft.speaker, draft.np
            continue
        out.append(draft)
    return out
