"""The stories of a brief as shown: ranked, bounded, every claim and figure with its citations.

The first `max_key_developments` stories are the key developments, each with up to
`max_key_claims` claims and `max_key_lines` figure lines; the next `max_stories` are shown
shorter, so the brief stays the same size whatever the window. A citation names the outlet by its
short names (outlets.py), the article's date and the numbered reference of the cited sentence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from briefing.compose.claims import claim_fields
from briefing.compose.drafts import Draft, article_date, draft_stories, first_per_outlet, marks
from briefing.compose.merge import ClaimGroup, LineGroup, ReportGroup
from briefing.compose.outlets import outlet_of
from briefing.compose.references import Cited, References, number_references
from briefing.compose.sources import order_sources
from briefing.compose.units import Unit
from briefing.model.brief import (
    Citation,
    CitedSentence,
    ComposeOptions,
    FigureLine,
    FigureReport,
    Story,
    StoryClaim,
    StoryOutlet,
)
from briefing.model.contract import Extraction
from briefing.model.vocab import CATEGORIES

_LEADING_NUMBER = re.compile(r"^\s*[\d.,]+(?:\s+(?:thousand|million|billion))?\s+")
Shown = tuple[Draft, int, int]  # a story, how many of its claims and figure lines are shown


def shown(drafts: Sequence[Draft], opts: ComposeOptions) -> tuple[Shown, ...]:
    """The stories a brief shows, in rank order, with how much of each."""
    key = [
        (d, opts.max_key_claims if i < opts.key_full else opts.max_key_claims_short, opts.max_key_lines)
        for i, d in enumerate(drafts[: opts.max_key_developments])
    ]
    rest = drafts[opts.max_key_developments : opts.max_key_developments + opts.max_stories]
    return tuple(key + [(d, opts.max_story_claims, opts.max_story_lines) for d in rest])


def citation(u: Unit, exts: Sequence[Extraction], refs: References) -> Citation:
    ext = exts[u.src - 1]
    outlet = outlet_of(ext.article)
    return Citation(
        source=u.src,
        outlet_en=outlet.en,
        outlet_ar=outlet.ar,
        date=article_date(ext),
        ref=refs.number(u.cited),
    )


def _citations(
    units: Sequence[Unit], exts: Sequence[Extraction], refs: References, limit: int
) -> tuple[Citation, ...]:
    return tuple(citation(u, exts, refs) for u in first_per_outlet(units, limit))


def _claim(g: ClaimGroup, exts: Sequence[Extraction], refs: References, limit: int) -> StoryClaim:
    c = g.head.claim
    assert c is not None
    return StoryClaim(
        **claim_fields(c),  # type: ignore[arg-type]
        date=c.date.value if c.date else None,
        citations=_citations(g.units, exts, refs, limit),
    )


def _report(r: ReportGroup, exts: Sequence[Extraction], refs: References, limit: int) -> FigureReport:
    f = r.figure
    return FigureReport(
        value=f.value,
        high=f.high,
        qualifier=f.qualifier,
        en=f.en,
        ar=f.text,
        date=f.date.value if f.date else None,
        citations=_citations(r.units, exts, refs, limit),
    )


def _subject_en(line: LineGroup) -> str:
    """What a line counts, in English: the figure's English without its amount, else its category."""
    f = line.reports[0].figure
    if f.amount_en and f.en.startswith(f.amount_en) and f.en[len(f.amount_en) :].strip():
        return f.en[len(f.amount_en) :].strip()
    rest = _LEADING_NUMBER.sub("", f.en, count=1).strip()
    if rest and rest != f.en.strip():
        return rest
    cat = CATEGORIES.get(f.category)
    return str(cat.label) if cat else f.category


def figure_line(
    line: LineGroup, exts: Sequence[Extraction], refs: References, limit: int, story_id: str | None = None
) -> FigureLine:
    f = line.reports[0].figure
    return FigureLine(
        subject_en=_subject_en(line),
        subject_ar=f.counted.text if f.counted else f.text,
        category=f.category,
        unit=f.unit,
        reports=tuple(_report(r, exts, refs, limit) for r in line.reports),
        conflict=line.conflict,
        story=story_id,
    )


def _outlets(d: Draft, exts: Sequence[Extraction]) -> tuple[StoryOutlet, ...]:
    by_outlet: dict[str, list[int]] = {}
    for src in d.sources:
        by_outlet.setdefault(outlet_of(exts[src - 1].article).id, []).append(src)
    out = []
    for nums in by_outlet.values():
        o = outlet_of(exts[nums[0] - 1].article)
        dates = sorted(x for x in (article_date(exts[n - 1]) for n in nums) if x)
        out.append(StoryOutlet(o.en, o.ar, dates[0] if dates else None, tuple(nums)))
    return tuple(sorted(out, key=lambda o: (o.date or "9999", o.outlet_en)))


def _sentence(cited: Cited, exts: Sequence[Extraction]) -> CitedSentence:
    a = exts[cited.src - 1].article
    start, end = cited.sent
    return CitedSentence(article=a.id, start=start, end=end, text=a.text[start:end])


def _refs(cited: Sequence[Cited], exts: Sequence[Extraction]) -> tuple[CitedSentence, ...]:
    keys = sorted({c.key: c for c in cited}.values(), key=lambda c: c.key)
    return tuple(_sentence(c, exts) for c in keys)


def _ranked_ids(d: Draft, exts: Sequence[Extraction], types: frozenset[str] | None = None) -> tuple[str, ...]:
    kinds = {a.id: a.type for e in (exts[s - 1] for s in d.sources) for a in e.actors}
    counts = Counter(a for u in d.units if not u.background for a in u.actors)
    return tuple(a for a, _ in counts.most_common() if types is None or kinds.get(a) in types)


def _themes(d: Draft, exts: Sequence[Extraction]) -> tuple[str, ...]:
    weight: dict[str, float] = defaultdict(float)
    items = Counter(u.src for u in d.units if not u.background)
    for src, n in items.items():
        for t in exts[src - 1].themes:
            weight[t.id] += t.score * n
    return tuple(t for t in sorted(weight, key=lambda t: -weight[t])[:3] if weight[t] > 0)


def story(
    d: Draft,
    rank: int,
    exts: Sequence[Extraction],
    refs: References,
    n_claims: int,
    n_lines: int,
    opts: ComposeOptions,
) -> Story:
    """The Story of a draft as shown: its first `n_claims` claims and `n_lines` figure lines."""
    lines = tuple(figure_line(x, exts, refs, opts.max_citations, d.id) for x in d.lines[:n_lines])
    return Story(
        id=d.id,
        rank=rank,
        anchor=f"story-{d.id}",
        headline_en=d.headline_en,
        headline_ar=d.headline_ar,
        date=d.first.isoformat() if d.first else None,
        date_end=d.last.isoformat() if d.last and d.last != d.first else None,
        outlets=_outlets(d, exts),
        sources=d.sources,
        countries=_ranked_ids(d, exts, frozenset({"GPE"}))[:3],
        themes=_themes(d, exts),
        actors=_ranked_ids(d, exts)[:8],
        claims=tuple(_claim(g, exts, refs, opts.max_citations) for g in d.claims[:n_claims]),
        figures=lines,
        refs=_refs(list(d.cited(n_claims, n_lines, opts.max_citations)), exts),
        salience=d.salience,
        casualties=int(d.killed),
        background=_refs([u.cited for u in d.background], exts),
        citations=tuple(citation(u, exts, refs) for u in d.leads[: opts.max_citations]),
    )


def key_figure_lines(stories: Sequence[Story], limit: int) -> tuple[FigureLine, ...]:
    """The key figures: the figure lines of key categories shown in the stories, in story order,
    the most telling category first within a story."""
    lines = [
        line
        for s in stories
        for line in s.figures
        if line.category in CATEGORIES and CATEGORIES[line.category].key
    ]
    return tuple(lines[:limit])


def find_stories(
    extractions: Sequence[Extraction],
    *,
    period: tuple[date, date] | None = None,
    options: ComposeOptions | None = None,
) -> tuple[Story, ...]:
    """The stories of a window as compose shows them, ranked (1 = most salient): the first
    `max_key_developments` in full, the next `max_stories` shorter. Sources are numbered in
    compose's order (sources.order_sources); reference numbers count only the stories' sentences."""
    opts = options or ComposeOptions()
    exts = order_sources(extractions)
    picks = shown(draft_stories(exts, period), opts)
    refs = number_references(exts, marks(picks, opts.max_citations))
    return tuple(story(d, rank, exts, refs, nc, nl, opts) for rank, (d, nc, nl) in enumerate(picks, 1))
