"""A story's claims and figures merged across its articles and outlets.

The same statement from several outlets is one claim with a citation for each: the same speaker
(actor id, else the name as written; the unattributed count as one speaker) and content words
that mostly overlap (SAME_CLAIM of the shorter one's). Figures are merged by what they count: a
line per category, unit and counted noun (for casualties, the category alone: "قتيلا" and "شخصا"
count the same dead); reports on a line that are the same figure (figures.same_figure) are one
report with several citations, and different values stand side by side, the most conservative
(lowest) first, as ACLED does. Two values on one line must come from different articles (one
article's two values count two things), be within SPLIT_RATIO of each other (a war's toll is not a
day's) and come from sentences that share words or actors (merge._fits).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.compose.figures import same_figure
from briefing.compose.units import Unit, Words
from briefing.model.contract import Figure
from briefing.model.vocab import CATEGORIES
from briefing.text.normalize import fold

SAME_CLAIM = 0.6  # share of the shorter content's words the other must hold
SPLIT_RATIO = 10.0
SAME_CONTEXT = 0.3  # share of the shorter sentence's words and actors that two reports must share


@dataclass(frozen=True)
class ClaimGroup:
    """One statement: its reports (units), first the one quoted."""

    units: tuple[Unit, ...]

    @property
    def head(self) -> Unit:
        return self.units[0]


@dataclass(frozen=True)
class ReportGroup:
    """One value on a figure line: the units that report it, first the one quoted."""

    units: tuple[Unit, ...]

    @property
    def figure(self) -> Figure:
        assert self.units[0].figure is not None
        return self.units[0].figure


@dataclass(frozen=True)
class LineGroup:
    """One counted thing: its values, the most conservative first."""

    key: tuple[str, str | None, str]
    reports: tuple[ReportGroup, ...]

    @property
    def conflict(self) -> bool:
        return len(self.reports) > 1


def _speaker(u: Unit) -> tuple[str, str]:
    sp = u.claim.speaker if u.claim else None
    if sp is None:
        return ("", "")
    return (sp.actor, "") if sp.actor else ("", fold(sp.name_ar))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return len(a & b) / min(len(a), len(b))


def merge_claims(units: Sequence[Unit], words: Words) -> list[ClaimGroup]:
    """The claims of a story, one group per statement, in order of their first report."""
    groups: list[tuple[tuple[str, str], frozenset[str], list[Unit]]] = []
    for u in units:
        if u.claim is None:
            continue
        who, content = _speaker(u), words.of(u.claim.content.text)
        for g_who, g_content, members in groups:
            if g_who == who and _overlap(content, g_content) >= SAME_CLAIM:
                members.append(u)
                break
        else:
            groups.append((who, content, [u]))
    return [ClaimGroup(tuple(m)) for _, _, m in groups]


def _counted(f: Figure, words: Words) -> str:
    cat = CATEGORIES.get(f.category)
    if cat is not None and cat.event:
        return ""  # casualties: the story tells whose
    # The counted noun, else the span's words besides the number ("10 حاملات" vs "10 طائرات").
    return " ".join(sorted(words.of(f.counted.text if f.counted else f.text)))


def _fits(line: list[Unit], u: Unit) -> bool:
    """May `u` be one more report of what `line` counts? Not when its article already gives the
    line another value (one article's two values count two things), nor when it is more than
    SPLIT_RATIO times off the line's values, nor, unless it agrees with the line's first report,
    when its sentence shares too little with that report's (SAME_CONTEXT of the shorter)."""
    assert u.figure is not None
    f = u.figure
    for v in line:
        assert v.figure is not None
        if v.src == u.src and not same_figure(v.figure, f):
            return False
    values = [_value(v) for v in line]
    if _value(u) > SPLIT_RATIO * max(min(values), 1e-9) or max(values) > SPLIT_RATIO * max(_value(u), 1e-9):
        return False
    head = line[0]
    assert head.figure is not None
    return same_figure(head.figure, f) or _overlap(_context(head), _context(u)) >= SAME_CONTEXT


def _context(u: Unit) -> frozenset[str]:
    return u.words | {"@" + a for a in u.actors}


def _lines(members: list[Unit]) -> list[list[Unit]]:
    lines: list[list[Unit]] = []
    for u in members:
        line = next((x for x in lines if _fits(x, u)), None)
        if line is None:
            lines.append([u])
        else:
            line.append(u)
    return lines


def _value(u: Unit) -> float:
    assert u.figure is not None
    return abs(u.figure.value)


def _reports(units: list[Unit]) -> tuple[ReportGroup, ...]:
    groups: list[list[Unit]] = []
    for u in units:
        assert u.figure is not None
        for g in groups:
            if g[0].figure is not None and same_figure(g[0].figure, u.figure):
                g.append(u)
                break
        else:
            groups.append([u])
    # Corroborated reports first among equals; the original order of reports breaks ties.
    groups.sort(key=lambda g: (_value(g[0]), -len({x.src for x in g})))
    return tuple(ReportGroup(tuple(sorted(g, key=_first_report))) for g in groups)


def _first_report(u: Unit) -> tuple[int, int]:
    return (u.src, u.cited.sent[0])


def merge_figures(units: Sequence[Unit], words: Words, keep: Callable[[Figure], bool]) -> list[LineGroup]:
    """The figures of a story (those `keep` accepts), one line per counted thing."""
    by_key: dict[tuple[str, str | None, str], list[Unit]] = {}
    for u in units:
        if u.figure is not None and keep(u.figure):
            key = (u.figure.category, u.figure.unit, _counted(u.figure, words))
            by_key.setdefault(key, []).append(u)
    lines = [LineGroup(key, _reports(part)) for key, members in by_key.items() for part in _lines(members)]
    return lines
