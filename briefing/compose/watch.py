"""The watch-list: actors the user always wants reported, with what the window says of them.

Each watched actor gets its mentions, the claims it makes or is named in (strongest first), and
the figures reported in a sentence that names it; an actor the window never names is still
listed, so the reader knows it was looked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.compose.claims import ClaimRec, claim_item, pick_claims
from briefing.compose.figures import FigureGroup, FigureGroups, Report, figure_item
from briefing.compose.references import References
from briefing.model.brief import ComposeOptions, WatchedActor, WatchItem
from briefing.model.contract import Extraction


@dataclass(frozen=True)
class WatchPick:
    actor: WatchedActor
    claims: tuple[ClaimRec, ...]
    figures: tuple[FigureGroup, ...]


def watch_picks(
    exts: Sequence[Extraction],
    claims: Sequence[Sequence[ClaimRec]],
    figures: FigureGroups,
    opts: ComposeOptions,
) -> tuple[WatchPick, ...]:
    """What the brief shows of each watched actor, within the limits of `opts`.

    Args:
        claims: each article's claims, per source (index n-1), as for `select`.
    """
    return tuple(
        WatchPick(
            actor,
            pick_claims(
                (r for recs in claims for r in recs if _claim_concerns(r, exts[r.cited.src - 1], actor.id)),
                opts.max_watch_claims,
            ),
            tuple(g for g in figures.groups if any(_names(r, actor.id) for r in g.reports))[
                : opts.max_watch_figures
            ],
        )
        for actor in opts.watch
    )


def _claim_concerns(rec: ClaimRec, ext: Extraction, actor_id: str) -> bool:
    """The actor speaks, or is named in what is said."""
    claim = rec.claim
    if claim.speaker is not None and claim.speaker.actor == actor_id:
        return True
    return _named_in(ext, actor_id, claim.content.start, claim.content.end)


def _names(report: Report, actor_id: str) -> bool:
    """The figure's sentence names the actor."""
    return _named_in(report.ext, actor_id, *report.cited.sent)


def _named_in(ext: Extraction, actor_id: str, lo: int, hi: int) -> bool:
    return any(a.id == actor_id and any(lo <= m.start < hi for m in a.mentions) for a in ext.actors)


def watch_item(pick: WatchPick, exts: Sequence[Extraction], refs: References) -> WatchItem:
    mentions, sources = 0, []
    for n, ext in enumerate(exts, 1):
        found = sum(len(a.mentions) for a in ext.actors if a.id == pick.actor.id)
        if found:
            mentions += found
            sources.append(n)
    return WatchItem(
        actor=pick.actor,
        mentions=mentions,
        sources=tuple(sources),
        claims=tuple(claim_item(r, refs) for r in pick.claims),
        figures=tuple(figure_item(g, refs) for g in pick.figures),
    )
