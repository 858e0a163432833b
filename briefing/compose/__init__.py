"""Compose a Brief from Extractions: group by theme, merge actors and figures, number references.

The Brief is plain frozen data (no markup, no translations): render.py turns it into HTML and
PDF, and deliver.py writes its JSON next to them. Every claim and figure shown in the brief
carries numbered references; a reference is one cited sentence of one source article, with the
cited spans marked, so a reader can check the words in context.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from briefing.model.brief import (
    ActorItem,
    ArticleSummary,
    Brief,
    Chart,
    ChartRow,
    ClaimItem,
    ComposeOptions,
    Concern,
    Development,
    FigureItem,
    Ref,
    Segment,
    Source,
    SpeakerGroup,
    ThemeSection,
)
from briefing.model.contract import Claim, Extraction, Figure
from briefing.model.vocab import CATEGORIES, STANCES

FIGURE_TOLERANCE = 0.005  # same figure when values are within 0.5% (the scorer's rule)
MAX_PASSAGE = 420  # characters of context shown around a cited span in a long sentence
OTHER_THEME = "other"


# ---------------------------------------------------------------- internal working records


@dataclass
class _Cited:
    """A claim or figure of one article, with the sentence it is cited from."""

    src: int
    sent: tuple[int, int]
    spans: tuple[tuple[int, int], ...]


@dataclass
class _FigGroup:
    figs: list[tuple[Figure, _Cited, Extraction]]

    @property
    def head(self) -> Figure:
        return self.figs[0][0]

    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({c.src for _, c, _ in self.figs}))


@dataclass
class _ClaimRec:
    claim: Claim
    cited: _Cited
    strength: float


def _category_order(category: str, default: int) -> int:
    return CATEGORIES[category].order if category in CATEGORIES else default


def _is_key(category: str) -> bool:
    return category in CATEGORIES and CATEGORIES[category].key


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _sentence_span(ext: Extraction, index: int, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end): the given index when it fits, else looked up, else a window."""
    sents = ext.sentences
    if 0 <= index < len(sents) and sents[index][0] <= start < sents[index][1]:
        return sents[index]
    if sents:
        i = bisect.bisect_right([s for s, _ in sents], start) - 1
        if i >= 0 and sents[i][0] <= start < sents[i][1]:
            return sents[i]
    # No sentence data: cite a window snapped to whitespace.
    text = ext.article.text
    lo = max(0, start - MAX_PASSAGE // 2)
    hi = min(len(text), max(end, start) + MAX_PASSAGE // 2)
    if lo > 0:
        sp = text.find(" ", lo, start)
        lo = sp + 1 if sp != -1 else lo
    if hi < len(text):
        sp = text.rfind(" ", end, hi)
        hi = sp if sp != -1 else hi
    return (lo, max(hi, end))


def _close(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= FIGURE_TOLERANCE * max(abs(a), abs(b))


def _same_figure(a: Figure, b: Figure) -> bool:
    if (a.category, a.unit, a.qualifier) != (b.category, b.unit, b.qualifier):
        return False
    if not _close(a.value, b.value):
        return False
    if a.high is None or b.high is None:
        return a.high is None and b.high is None
    return _close(a.high, b.high)


def _claim_strength(claim: Claim, ext: Extraction) -> float:
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


def _figure_weight(group: _FigGroup) -> tuple[int, float, int]:
    # Within a category the largest figure leads (a war's toll before a day's); corroboration breaks ties.
    return (_category_order(group.head.category, 99), -abs(group.head.value), -len(group.sources()))


def _balanced(groups: Iterable[_FigGroup], limit: int) -> list[_FigGroup]:
    """Up to `limit` figures, a fair share from every category before any category gets more."""
    by_cat: dict[str, list[_FigGroup]] = defaultdict(list)
    for g in sorted(groups, key=_figure_weight):
        by_cat[g.head.category].append(g)
    chosen: list[_FigGroup] = []
    depth = 0
    while len(chosen) < limit and any(len(v) > depth for v in by_cat.values()):
        for cat in sorted(by_cat, key=lambda c: _category_order(c, 99)):
            if depth < len(by_cat[cat]) and len(chosen) < limit:
                chosen.append(by_cat[cat][depth])
        depth += 1
    return sorted(chosen, key=_figure_weight)


def _segments(text: str, sent: tuple[int, int], spans: Iterable[tuple[int, int]]) -> tuple[Segment, ...]:
    """The sentence as plain and marked segments; a long sentence is cut around its marks."""
    s0, s1 = sent
    marks = sorted((max(a, s0), min(b, s1)) for a, b in spans if b > s0 and a < s1 and b > a)
    merged: list[list[int]] = []
    for a, b in marks:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    lo, hi = s0, s1
    if hi - lo > MAX_PASSAGE and merged:
        first, last = merged[0][0], merged[-1][1]
        pad = max(60, (MAX_PASSAGE - (last - first)) // 2)
        lo, hi = max(s0, first - pad), min(s1, last + pad)
        if lo > s0:
            sp = text.find(" ", lo, first)
            lo = sp + 1 if sp != -1 else lo
        if hi < s1:
            sp = text.rfind(" ", last, hi)
            hi = sp if sp != -1 else hi
    out: list[Segment] = []
    if lo > s0:
        out.append(Segment("… "))
    pos = lo
    for a, b in merged:
        a, b = max(a, lo), min(b, hi)
        if a >= b:
            continue
        if a > pos:
            out.append(Segment(text[pos:a]))
        out.append(Segment(text[a:b], True))
        pos = b
    if pos < hi:
        out.append(Segment(text[pos:hi]))
    if hi < s1:
        out.append(Segment(" …"))
    # Sentence spans may carry the line breaks around them.
    if out and not out[0].mark:
        out[0] = Segment(out[0].text.lstrip())
    if out and not out[-1].mark:
        out[-1] = Segment(out[-1].text.rstrip())
    return tuple(s for s in out if s.text)


def _concerns(ext: Extraction, start: int, sent: tuple[int, int], limit: int = 2) -> list[Concern]:
    """Actors named in the figure's sentence, nearest first."""
    found: list[tuple[int, Concern]] = []
    for actor in ext.actors:
        near = [abs(m.start - start) for m in actor.mentions if sent[0] <= m.start < sent[1]]
        if near:
            found.append((min(near), Concern(actor.id, actor.name_en, actor.name_ar)))
    found.sort(key=lambda x: x[0])
    return [c for _, c in found[:limit]]


def compose(
    extractions: Sequence[Extraction],
    *,
    generated: datetime | None = None,
    period: tuple[date, date] | None = None,
    options: ComposeOptions | None = None,
) -> Brief:
    """The brief for these extractions (any order; an empty list gives an empty brief).

    Args:
        generated: when the brief is made (default: now).
        period: the window covered; default min..max published date of the articles, else
            the generation date.
    """
    opts = options or ComposeOptions()
    generated = generated or datetime.now().astimezone()

    # Sources: oldest first, undated last, then by id; one entry per article id.
    unique: dict[str, Extraction] = {}
    for ext in extractions:
        unique.setdefault(ext.article.id, ext)
    exts = sorted(
        unique.values(),
        key=lambda e: (
            _iso_date(e.article.published) is None,
            _iso_date(e.article.published) or date.min,
            e.article.id,
        ),
    )
    sources: list[Source] = []
    for n, ext in enumerate(exts, 1):
        a = ext.article
        d = _iso_date(a.published)
        sources.append(
            Source(
                number=n,
                id=a.id,
                title=a.title,
                outlet=a.source,
                date=d.isoformat() if d else None,
                url=a.url,
                file=a.path,
                anchor=f"src-{n}",
            )
        )
    dates = [d for d in (_iso_date(e.article.published) for e in exts) if d]
    if period is not None:
        p0, p1, from_articles = period[0], period[1], True
    elif dates:
        p0, p1, from_articles = min(dates), max(dates), True
    else:
        p0 = p1 = generated.date()
        from_articles = False

    # Primary theme of each article, and theme weights over all articles.
    labels: dict[str, tuple[str | None, str | None]] = {OTHER_THEME: (None, None)}
    weight: dict[str, float] = defaultdict(float)
    primary: dict[int, str] = {}
    for n, ext in enumerate(exts, 1):
        ranked = sorted((t for t in ext.themes if t.score > 0), key=lambda t: -t.score)
        for t in ranked:
            labels.setdefault(t.id, (t.label_en, t.label_ar))
            weight[t.id] += t.score
        primary[n] = ranked[0].id if ranked else OTHER_THEME
    theme_sources: dict[str, list[int]] = defaultdict(list)
    for n, tid in primary.items():
        theme_sources[tid].append(n)
    weight[OTHER_THEME] = -1.0  # unclassified articles come last
    theme_order = sorted(theme_sources, key=lambda t: (-weight[t], t))

    # Claims and figures with their cited sentences.
    claims_by_src: dict[int, list[_ClaimRec]] = defaultdict(list)
    groups: list[_FigGroup] = []
    fig_group_of: dict[tuple[int, int], _FigGroup] = {}  # (src, figure index) → group
    for n, ext in enumerate(exts, 1):
        for c in ext.claims:
            sent = _sentence_span(ext, c.sentence, c.cue.start, c.cue.end)
            spans = (c.cue.start, c.cue.end), (c.content.start, c.content.end)
            claims_by_src[n].append(_ClaimRec(c, _Cited(n, sent, spans), _claim_strength(c, ext)))
        for i, f in enumerate(ext.figures):
            sent = _sentence_span(ext, f.sentence, f.start, f.end)
            cited = _Cited(n, sent, ((f.start, f.end),))
            for g in groups:
                if _same_figure(g.head, f):
                    g.figs.append((f, cited, ext))
                    break
            else:
                g = _FigGroup([(f, cited, ext)])
                groups.append(g)
            fig_group_of[(n, i)] = g

    # Merged actors: over all articles, and per article.
    def merge_actors(nums: Iterable[int]) -> list[ActorItem]:
        acc: dict[str, dict[str, Any]] = {}
        for n in nums:
            for actor in exts[n - 1].actors:
                rec = acc.get(actor.id)
                if rec is None:
                    rec = acc[actor.id] = {
                        "actor": actor,
                        "mentions": 0,
                        "sources": set(),
                        "types": Counter(),
                    }
                elif rec["actor"].transliterated and not actor.transliterated:
                    rec["actor"] = actor  # prefer the gazetteer's names
                rec["mentions"] += len(actor.mentions)
                rec["sources"].add(n)
                rec["types"][actor.type] += len(actor.mentions) or 1
        items = [
            ActorItem(
                id=aid,
                type=r["types"].most_common(1)[0][0],
                name_en=r["actor"].name_en,
                name_ar=r["actor"].name_ar,
                mentions=r["mentions"],
                sources=tuple(sorted(r["sources"])),
                transliterated=r["actor"].transliterated,
            )
            for aid, r in acc.items()
        ]
        items.sort(key=lambda a: (-a.mentions, -len(a.sources), a.name_en))
        return items

    # Selection: decide what is shown, then number the cited sentences in reading order of the
    # Articles section (by source, then position), so every shown reference has one number.
    used: dict[tuple[int, tuple[int, int]], set[tuple[int, int]]] = defaultdict(set)

    def use(cited: _Cited) -> None:
        used[(cited.src, cited.sent)].update(cited.spans)

    def pick_claims(recs: list[_ClaimRec], limit: int) -> list[_ClaimRec]:
        best = sorted(recs, key=lambda r: (-r.strength, r.cited.src, r.claim.cue.start))[:limit]
        for r in best:
            use(r.cited)
        return best

    def pick_figures(gs: Iterable[_FigGroup], limit: int, only: set[int] | None = None) -> list[_FigGroup]:
        best = _balanced(gs, limit)
        for g in best:
            for _, cited, _ in g.figs:
                if only is None or cited.src in only:
                    use(cited)
        return best

    key_groups = pick_figures((g for g in groups if _is_key(g.head.category)), opts.max_key_figures)

    theme_picks: dict[str, tuple[list[_ClaimRec], list[_FigGroup]]] = {}
    for tid in theme_order:
        nums = set(theme_sources[tid])
        recs = [r for n in sorted(nums) for r in claims_by_src[n]]
        tgroups = [g for g in groups if any(c.src in nums for _, c, _ in g.figs)]
        theme_picks[tid] = (
            pick_claims(recs, opts.max_theme_claims),
            pick_figures(tgroups, opts.max_theme_figures),
        )

    article_picks: dict[int, tuple[list[_ClaimRec], list[_FigGroup]]] = {}
    for n, ext in enumerate(exts, 1):
        recs = sorted(pick_claims(claims_by_src[n], opts.max_article_claims), key=lambda r: r.claim.cue.start)
        seen: list[_FigGroup] = []
        for i in range(len(ext.figures)):
            g = fig_group_of[(n, i)]
            if g not in seen:
                seen.append(g)
        figs = seen[: opts.max_article_figures]
        for g in figs:
            for _, cited, _ in g.figs:
                if cited.src == n:
                    use(cited)
        article_picks[n] = (recs, figs)

    numbering: dict[tuple[int, tuple[int, int]], int] = {}
    refs: list[Ref] = []
    for key in sorted(used, key=lambda k: (k[0], k[1][0])):
        num = len(refs) + 1
        numbering[key] = num
        src, sent = key
        refs.append(
            Ref(
                number=num,
                source=src,
                start=sent[0],
                end=sent[1],
                anchor=f"ref-{num}",
                segments=_segments(exts[src - 1].article.text, sent, used[key]),
            )
        )

    def claim_item(r: _ClaimRec) -> ClaimItem:
        c, sp = r.claim, r.claim.speaker
        return ClaimItem(
            speaker_id=sp.actor if sp else None,
            speaker_en=sp.name_en if sp else None,
            speaker_ar=sp.name_ar if sp else None,
            stance=c.stance,
            cue_ar=c.cue.text,
            content_ar=c.content.text,
            en=c.en,
            source=r.cited.src,
            ref=numbering[(r.cited.src, r.cited.sent)],
        )

    def figure_item(g: _FigGroup, only: set[int] | None = None) -> FigureItem:
        head = g.head
        members = [(f, c, e) for f, c, e in g.figs if only is None or c.src in only]
        concern_count: Counter[Concern] = Counter()
        for f, c, e in members:
            concern_count.update(_concerns(e, f.start, c.sent))
        refs_here = sorted(
            {numbering[(c.src, c.sent)] for _, c, _ in members if (c.src, c.sent) in numbering}
        )
        return FigureItem(
            value=head.value,
            high=head.high,
            unit=head.unit,
            category=head.category,
            qualifier=head.qualifier,
            en=head.en,
            ar=head.text,
            concerns=tuple(c for c, _ in concern_count.most_common(2)),
            sources=tuple(sorted({c.src for _, c, _ in members})),
            refs=tuple(refs_here),
        )

    def speaker_groups(recs: list[_ClaimRec]) -> tuple[SpeakerGroup, ...]:
        grouped: dict[tuple[str, ...], list[_ClaimRec]] = defaultdict(list)
        for r in recs:
            sp = r.claim.speaker
            key = ("", "") if sp is None else (sp.actor or "", "" if sp.actor else sp.name_ar)
            grouped[key].append(r)

        def order(item: tuple[tuple[str, ...], list[_ClaimRec]]) -> tuple[bool, int, float]:
            key, rs = item
            return (key == ("", ""), -len(rs), -max(r.strength for r in rs))

        out = []
        for gkey, rs in sorted(grouped.items(), key=order):
            sp = rs[0].claim.speaker
            rs.sort(key=lambda r: (r.cited.src, r.claim.cue.start))
            out.append(
                SpeakerGroup(
                    actor=gkey[0] or None,
                    name_en=sp.name_en if sp else None,
                    name_ar=sp.name_ar if sp else None,
                    claims=tuple(claim_item(r) for r in rs),
                )
            )
        return tuple(out)

    sections: list[ThemeSection] = []
    developments: list[Development] = []
    for tid in theme_order:
        tnums = theme_sources[tid]
        recs, tgroups = theme_picks[tid]
        label_en, label_ar = labels[tid]
        anchor = f"theme-{tid}"
        fitems = tuple(figure_item(g) for g in tgroups)
        sections.append(
            ThemeSection(
                id=tid,
                label_en=label_en,
                label_ar=label_ar,
                weight=round(max(weight[tid], 0.0), 4),
                anchor=anchor,
                sources=tuple(tnums),
                actors=tuple(merge_actors(tnums)[: opts.max_theme_actors]),
                speakers=speaker_groups(list(recs)),
                figures=fitems,
            )
        )
        if tid != OTHER_THEME and len(developments) < opts.max_developments:
            # Two strongest claims from different speakers, then the strongest figure.
            lead: list[ClaimItem] = []
            speakers_seen: set[tuple[str | None, str | None]] = set()
            for r in recs:
                sp = r.claim.speaker
                who = (sp.actor, sp.name_ar) if sp else (None, None)
                if who in speakers_seen:
                    continue
                speakers_seen.add(who)
                lead.append(claim_item(r))
                if len(lead) == 2:
                    break
            lead_figs = fitems[: 3 - len(lead)] if len(lead) < 2 else fitems[:1]
            if lead or lead_figs:
                developments.append(Development(tid, label_en, label_ar, anchor, tuple(lead), lead_figs))

    articles: list[ArticleSummary] = []
    for n, ext in enumerate(exts, 1):
        recs, figs = article_picks[n]
        themes = tuple(
            (t.label_en, t.label_ar) for t in sorted(ext.themes, key=lambda t: -t.score) if t.score > 0
        )[:3]
        articles.append(
            ArticleSummary(
                source=sources[n - 1],
                themes=themes,
                actors=tuple(merge_actors([n])[: opts.max_article_actors]),
                claims=tuple(claim_item(r) for r in recs),
                figures=tuple(figure_item(g, only={n}) for g in figs),
                refs=tuple(r for r in refs if r.source == n),
            )
        )

    all_actors = merge_actors(range(1, len(exts) + 1))
    return Brief(
        generated=generated.isoformat(timespec="seconds"),
        period_start=p0.isoformat(),
        period_end=p1.isoformat(),
        period_from_articles=from_articles,
        outlets=len({e.article.source for e in exts if e.article.source}),
        sources=tuple(sources),
        developments=tuple(developments),
        key_figures=tuple(figure_item(g) for g in key_groups),
        themes=tuple(sections),
        actors=tuple(all_actors[: opts.max_index_actors]),
        actors_total=len(all_actors),
        articles=tuple(articles),
        refs=tuple(refs),
        chart=_chart(exts, sections, all_actors, opts),
        options=opts,
    )


def _chart(
    exts: Sequence[Extraction],
    sections: Sequence[ThemeSection],
    actors: Sequence[ActorItem],
    opts: ComposeOptions,
) -> Chart | None:
    """Mentions of the leading actors, split by the theme of the article they occur in."""
    top = actors[: opts.max_chart_actors]
    if len(top) < 2:
        return None  # one bar says nothing a table would not
    themes = list(sections[: opts.max_chart_themes])
    rest = sections[opts.max_chart_themes :]
    theme_of = {n: i for i, s in enumerate(themes) for n in s.sources}
    cols = len(themes) + (1 if rest else 0)
    for s in rest:
        for n in s.sources:
            theme_of[n] = len(themes)
    rows = []
    for actor in top:
        counts = [0] * cols
        for n in actor.sources:
            for a in exts[n - 1].actors:
                if a.id == actor.id:
                    counts[theme_of[n]] += len(a.mentions)
        rows.append(ChartRow(actor.name_en, actor.name_ar, tuple(counts), sum(counts)))
    labels: list[tuple[str | None, str | None]] = [(s.label_en, s.label_ar) for s in themes]
    if rest:
        labels.append((None, None))
    return Chart(themes=tuple(labels), rows=tuple(rows), max_total=max(r.total for r in rows) or 1)
