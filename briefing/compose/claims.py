"""Claims in a brief: how strong a claim is, which claims are picked, and how they read.

A claim is shown with the number of the reference it is cited from; in a theme section the
claims are grouped by speaker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.compose.references import Cited, References, sentence_span
from briefing.model.brief import ClaimItem
from briefing.model.contract import Claim, Extraction
from briefing.model.vocab import STANCES


@dataclass(frozen=True)
class ClaimRec:
    """A claim of one article, with where it is cited from and how strong it is."""

    claim: Claim
    cited: Cited
    strength: float


def claim_strength(claim: Claim, ext: Extraction) -> float:
    """How much a claim says about a development: its stance, a known speaker, a number, its length."""
    score = STANCES[claim.stance].weight if claim.stance in STANCES else 1.0
    if claim.speaker is not None:
        score += 1.0
        if claim.speaker.actor:
            score += 1.0
    n = len(claim.content.text)
    if n < 20:
        score -= 1.5  # a fragment says little
    elif n > 300:
        score -= 0.5
    # Claims that carry a number are usually the news.
    if any(f.sentence == claim.sentence for f in ext.figures):
        score += 0.5
    return score


def collect_claims(exts: Sequence[Extraction]) -> tuple[tuple[ClaimRec, ...], ...]:
    """Every article's claims (in the given order) with their cited sentence and strength."""
    return tuple(
        tuple(
            ClaimRec(
                c,
                Cited(n, sentence_span(ext, c.sentence, c.cue.start, c.cue.end), _claim_spans(c)),
                claim_strength(c, ext),
            )
            for c in ext.claims
        )
        for n, ext in enumerate(exts, 1)
    )


def _claim_spans(claim: Claim) -> tuple[tuple[int, int], ...]:
    return (claim.cue.start, claim.cue.end), (claim.content.start, claim.content.end)


def pick_claims(recs: Iterable[ClaimRec], limit: int) -> tuple[ClaimRec, ...]:
    """The `limit` strongest claims, strongest first; ties go to the earlier source, then cue."""
    return tuple(sorted(recs, key=lambda r: (-r.strength, r.cited.src, r.claim.cue.start))[:limit])


def claim_fields(c: Claim) -> dict[str, str | None]:
    """What every shown claim carries: its speaker (id and names; None when unattributed), its
    stance, its cue and content as written, and its English line."""
    sp = c.speaker
    return {
        "speaker_id": sp.actor if sp else None,
        "speaker_en": sp.name_en if sp else None,
        "speaker_ar": sp.name_ar if sp else None,
        "stance": c.stance,
        "cue_ar": c.cue.text,
        "content_ar": c.content.text,
        "en": c.en,
    }


def claim_item(rec: ClaimRec, refs: References) -> ClaimItem:
    return ClaimItem(**claim_fields(rec.claim), source=rec.cited.src, ref=refs.number(rec.cited))  # type: ignore[arg-type]
