"""The stance of a claim: the cue's own, unless the content or the speaker says otherwise.

Content that is itself an act overrides the cue ("إن على إيران أن تنسحب", "بضرورة إخلاء": a
demand; "لا صحة لـ…": a denial). A relay phrase is a report, whoever the source; a neutral cue
said by media, monitors, reports, documents, anonymous sources or the public is a report, by
experts an assessment.
"""

from __future__ import annotations

import functools
from itertools import compress, islice

from briefing.pipeline.claims.context import Context, Cue
from briefing.pipeline.claims.tables import phrase_openers, without_conjunction

_DEMAND_REACH = 6  # tokens after على in which أن makes "على X أن …" a demand
_ACT_REACH = 6  # words from the start of the content in which an obligation makes a demand
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
    neutral = cue.entry.stance == "assert" and not cue.entry.act
    if neutral and kinds and kinds[0] in _RELAYING:
        return "report"
    if cue.entry.stance in ("assert", "assess") and not cue.entry.act:
        act = _act(ctx, content)
        # a judgment stated in the negative ("وصفت الوضع بأنه لا يصدق") is still a judgment
        if act is not None and (act != "deny" or cue.entry.stance == "assert"):
            return act
    if neutral and kinds and kinds[0] == "expert":
        return "assess"
    return cue.entry.stance


def _act(ctx: Context, content: tuple[int, int]) -> str | None:
    """The act the words themselves make, if any: an obligation near their start (يجب، يتعين،
    ضرورة) a demand, future retaliation (سنرد، ستدفع الثمن) a threat, readiness (استعداد) a
    promise, a negation opening them (لم، لا) a denial."""
    start, end = content
    tables = ctx.tables
    fw, alpha = ctx.fw, ctx.alpha
    # A demand, a promise or a denial is read on the first words; a threat on every word, which
    # few contents (a clause, tens of words) hold a word for.
    words = list(islice(map(_bare, compress(fw[start:end], alpha[start:end])), _ACT_REACH))
    if not words:
        return None
    if any(
        w in tables.obligation and (k == 0 or words[k - 1] not in tables.manner) for k, w in enumerate(words)
    ):
        return "demand"
    if _may_threaten(ctx, start, end) and _threatens(
        tables.retaliation, list(map(_bare, compress(fw[start:end], alpha[start:end])))
    ):
        return "threaten"
    if words[0] in tables.readiness:
        return "promise"
    if words[0] in tables.negations and not (len(words) > 1 and words[1] in tables.negation_exceptions):
        return "deny"
    return None


def _may_threaten(ctx: Context, start: int, end: int) -> bool:
    """Does a token of [start, end) hold a word `_threatens` may find? One set test over the
    content's folded words: every word `_threatens` reads (an alphabetic one, و or ف off) that
    makes or opens a retaliation phrase is in `threat_forms` as written, so a content without
    one holds no threat; one more word let through (written with diacritics, not alphabetic)
    only has `_threatens` read the same words."""
    return not ctx.tables.threat_forms.isdisjoint(ctx.fw[start:end])


def _threatens(retaliation: frozenset[str], words: list[str]) -> bool:
    """Do the words (folded, و and ف off) hold a retaliation word or phrase (سنرد، ستدفع الثمن)?"""
    openers = _openers(retaliation)  # a two-word phrase is tried only after its first word
    # The pairs are looked at only when a word may open one (most contents have none).
    return not retaliation.isdisjoint(words) or (
        (not openers.isdisjoint(words) or " " in "".join(words))
        and any(
            f"{w} {n}" in retaliation
            for w, n in zip(words, [*words[1:], ""], strict=True)
            if w in openers or " " in w
        )
    )


_openers = functools.lru_cache(maxsize=8)(phrase_openers)
_bare = functools.lru_cache(maxsize=1 << 14)(without_conjunction)  # a word without و or ف
