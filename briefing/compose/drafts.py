"""The stories of a window before they are shown: events merged across articles and outlets.

`draft_stories` finds them: every article's lead, claims and figures become units (units.py),
clusters.py groups the units that tell of the same event, merge.py merges each story's claims and
figures across outlets, headlines.py names it and salience.py ranks it. A story made only of
background (sentences about earlier events) is no story of the window, and an explainer (is_explainer)
ranks below every news story. stories.py shows them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from briefing.compose.clusters import cluster_units, rarity
from briefing.compose.headlines import headlines
from briefing.compose.merge import ClaimGroup, LineGroup, merge_claims, merge_figures
from briefing.compose.outlets import independent_outlets
from briefing.compose.references import Cited, SentenceKey, Span
from briefing.compose.salience import Signals, salience
from briefing.compose.sources import iso_date
from briefing.compose.subevents import split_subevents
from briefing.compose.units import Unit, Words, article_units, window_words
from briefing.model.contract import Extraction
from briefing.model.vocab import CATEGORIES

PROMINENT = 3  # actors whose window-wide mentions make a story's prominence
LEAD_BLOCK = 5  # sentences: claims in the same block of an article rank by speaker, then place


@dataclass(frozen=True)
class Draft:
    """A story before its references are numbered: what it is made of, merged and ranked."""

    id: str
    units: tuple[Unit, ...]  # all of them, background included
    claims: tuple[ClaimGroup, ...]  # news only, in news order (_claim_order), one per sentence
    lines: tuple[LineGroup, ...]  # news only, most telling category first
    leads: tuple[Unit, ...]  # the leads of its articles that are news, the latest article first
    headline_en: str
    headline_ar: str
    first: date | None
    last: date | None
    sources: tuple[int, ...]
    salience: float
    killed: float
    explainer: bool = False  # no item nor lead dated in the window, and some history (is_explainer)

    @property
    def background(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.background)

    def cited(self, max_claims: int, max_lines: int, max_citations: int) -> Iterator[Cited]:
        """The cited sentences the story shows within these limits: its claims', its figure
        lines' and its leads'."""
        for g in self.claims[:max_claims]:
            yield from (u.cited for u in first_per_outlet(g.units, max_citations))
        for line in self.lines[:max_lines]:
            for r in line.reports:
                yield from (u.cited for u in first_per_outlet(r.units, max_citations))
        yield from (u.cited for u in self.leads[:max_citations])


def first_per_outlet(units: Sequence[Unit], limit: int) -> tuple[Unit, ...]:
    """One unit per outlet (its first article's), at most `limit`: the citations of one claim or
    value ("(BBC, 14 Apr)" once, however many BBC articles repeat it)."""
    seen: dict[str, Unit] = {}
    for u in units:
        seen.setdefault(u.outlet or f"#{u.src}", u)
    return tuple(seen.values())[:limit]


def marks(drafts: Sequence[tuple[Draft, int, int]], max_citations: int) -> dict[SentenceKey, set[Span]]:
    """Every sentence the shown stories cite (draft, claims shown, lines shown), with its marks."""
    out: dict[SentenceKey, set[Span]] = {}
    for d, n_claims, n_lines in drafts:
        for cited in d.cited(n_claims, n_lines, max_citations):
            out.setdefault(cited.key, set()).update(cited.spans)
    return out


def _claim_order(g: ClaimGroup) -> tuple[int, int, bool, int, int]:
    """Most reported first; then, as news is written, the top of an article before its body
    (where the background is), a known speaker first within each."""
    head = g.head
    known = head.claim is not None and head.claim.speaker is not None and bool(head.claim.speaker.actor)
    return (-len({u.src for u in g.units}), head.index // LEAD_BLOCK, not known, head.index, head.src)


def _one_per_sentence(groups: Sequence[ClaimGroup]) -> tuple[ClaimGroup, ...]:
    """The first claim of each cited sentence: two claims of one sentence would quote it twice."""
    seen: set[SentenceKey] = set()
    out = []
    for g in groups:
        if g.head.cited.key not in seen:
            seen.add(g.head.cited.key)
            out.append(g)
    return tuple(out)


def _line_order(line: LineGroup) -> tuple[int, int, float]:
    cat = CATEGORIES.get(line.key[0])
    sources = {u.src for r in line.reports for u in r.units}
    return (cat.order if cat else 99, -len(sources), -abs(line.reports[0].figure.value))


def _telling(lines: Sequence[LineGroup]) -> list[LineGroup]:
    """A story's figure lines as shown. Beside a line of a key category (tolls, money, forces,
    strikes), a duration, a bare number whose counted noun is unknown ("29") or an uncounted
    category (percent, rank) says little, and stays in the appendix; a count of named things
    ("10 aircraft carriers") stays."""
    if not any((cat := CATEGORIES.get(x.key[0])) is not None and cat.key for x in lines):
        return list(lines)
    return [x for x in lines if not _says_little(x)]


def _says_little(line: LineGroup) -> bool:
    cat = CATEGORIES.get(line.key[0])
    if cat is not None and cat.key:
        return False
    head = line.reports[0].figure
    return cat is None or not cat.counted or line.key[0] == "duration" or head.counted is None


def in_window(u: Unit, period: tuple[date, date] | None) -> bool:
    """Is the unit's event day stated in its text and within the window?"""
    return u.dated and period is not None and u.day is not None and period[0] <= u.day <= period[1]


def _killed(lines: Sequence[LineGroup], period: tuple[date, date] | None) -> float:
    """People killed in the window's events: each casualty line's most conservative report that
    some article gives as the window's (dated in it, or undated and no war's cumulative toll)."""
    total = 0.0
    for line in lines:
        if line.key[0] != "killed":
            continue
        counted = (
            r
            for r in line.reports
            if not _rhetorical(r.figure.text, r.figure.value)
            and any(in_window(u, period) or not u.toll for u in r.units)
        )
        report = next(counted, None)
        total += report.figure.value if report else 0.0
    return total


# A toll of this size written without a digit ("الملايين يموتون", "نحو مليون") is rhetoric about
# a war or an epidemic, not a count of the window's dead: a week's real toll of that order is
# written in digits.
_RHETORICAL_TOLL = 100_000


def _rhetorical(text: str, value: float) -> bool:
    return value >= _RHETORICAL_TOLL and not any(ch.isdigit() for ch in text)


def _days(news: Sequence[Unit], period: tuple[date, date] | None) -> tuple[date | None, date | None]:
    days = [u.day for u in news if u.day is not None]
    if period is not None:
        days = [d for d in days if period[0] <= d <= period[1]] or [
            min(max(d, period[0]), period[1]) for d in days
        ]
    return (min(days), max(days)) if days else (None, None)


def is_explainer(units: Sequence[Unit], period: tuple[date, date] | None) -> bool:
    """An explainer or backgrounder (a history, a profile, a "by the numbers" of earlier figures):
    none of its items nor its articles' leads states a day of the window, and some of it tells of
    earlier events. It ranks below every news story, however many items it holds."""
    return any(u.background for u in units) and not any(
        in_window(u, period) for u in units if not u.background
    )


def _story_id(units: Sequence[Unit], exts: Sequence[Extraction]) -> str:
    first = min(units, key=lambda u: (u.src, u.cited.sent[0]))
    key = f"{exts[first.src - 1].article.id}:{first.cited.sent[0]}"
    return "s-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Window:
    """What the stories of a window are measured against."""

    exts: Sequence[Extraction]
    words: Words
    period: tuple[date, date] | None
    mentions: Counter[str]  # actor id → mentions across the window

    def prominence(self, units: Sequence[Unit]) -> float:
        counts = Counter(a for u in units for a in u.actors)
        top = max(self.mentions.values(), default=0)
        if not top or not counts:
            return 0.0
        leading = [a for a, _ in counts.most_common(PROMINENT)]
        return sum(self.mentions[a] / top for a in leading) / PROMINENT


def _draft(units: Sequence[Unit], w: Window) -> Draft | None:
    news = [u for u in units if not u.background]
    if not news:
        return None
    claims = _one_per_sentence(sorted(merge_claims(news, w.words), key=_claim_order))
    lines = _telling(sorted(merge_figures(news, w.words, lambda f: True), key=_line_order))
    sources = tuple(sorted({u.src for u in news}))
    first, last = _days(news, w.period)
    killed = _killed(lines, w.period)
    signals = Signals(
        outlets=independent_outlets([w.exts[s - 1].article for s in sources]),
        articles=len(sources),
        last_day=last,
        killed=killed,
        prominence=w.prominence(news),
        items=len(news),
        dated=sum(1 for u in news if in_window(u, w.period)),
    )
    en, ar = headlines(news, w.exts)
    return Draft(
        id=_story_id(units, w.exts),
        units=tuple(units),
        claims=claims,
        lines=tuple(lines),
        leads=tuple(
            sorted(
                (u for u in news if u.kind == "lead"),
                key=lambda u: (-(u.day or date.min).toordinal(), -u.src),
            )
        ),
        headline_en=en,
        headline_ar=ar,
        first=first,
        last=last,
        sources=sources,
        salience=salience(signals, w.period),
        killed=killed,
        explainer=is_explainer(units, w.period),
    )


def draft_stories(exts: Sequence[Extraction], period: tuple[date, date] | None = None) -> tuple[Draft, ...]:
    """The stories of these extractions (numbered from 1 in the given order), most salient first."""
    words = window_words(exts)
    start = period[0] if period else None
    units = [u for n, e in enumerate(exts, 1) for u in article_units(n, e, words, start)]
    mentions: Counter[str] = Counter()
    for e in exts:
        mentions.update({a.id: len(a.mentions) for a in e.actors})
    w = Window(exts, words, period, mentions)
    rare = rarity(units)
    parts = [p for c in cluster_units(units) for p in split_subevents(c, rare, period)]
    drafts = [d for d in (_draft(p, w) for p in parts) if d is not None]
    return tuple(sorted(drafts, key=lambda d: (d.explainer, -d.salience, d.first or date.max, d.id)))


def article_date(ext: Extraction) -> str | None:
    d = iso_date(ext.article.published)
    return d.isoformat() if d else None
