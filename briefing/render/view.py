"""What the templates of the brief proper need beyond the Brief itself, worked out once in Python.

The brief proper cites numbered references ("(BBC, 14 Apr)" links to #ref-N); its compact
sources list holds those anchors, one line per outlet (each cited article's date and reference
numbers), each number linking on to the sentence highlighted in the appendix. Sections name key
developments only by a link and show the other stories short, and the watch list links to a
story rather than print a claim the brief already shows: no claim text is printed twice in the
brief proper.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache

from briefing.model.brief import Brief, Citation, FigureLine, Section, Source, Story
from briefing.text.normalize import has_arabic
from briefing.text.transliterate import Transliterator

MAX_INLINE_CITATIONS = 4  # per claim or report; the rest are counted ("+2")
SHORT_CLAIMS = 1  # of a story in the sections (not a key development)
SHORT_LINES = 1


@dataclass(frozen=True)
class CitedSource:
    """One line of the sources list: an article the brief proper cites, and its reference numbers."""

    source: Source
    outlet_en: str
    outlet_ar: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class OutletSources:
    """The sources list's line for one outlet: its cited articles, oldest first."""

    outlet_en: str
    outlet_ar: str
    sources: tuple[CitedSource, ...]


@dataclass(frozen=True)
class BriefView:
    stories: Mapping[str, Story]  # every story shown, by id
    key_numbers: Mapping[str, int]  # a key development's id → its number (1-based)
    sections: tuple[Section, ...]  # Brief.sections, or one section of the other stories
    cited: tuple[CitedSource, ...]  # in source order
    outlets: tuple[OutletSources, ...]  # the same, by outlet (alphabetical)
    shown_claims: Mapping[str, str]  # Arabic content of a claim in a story → that story's anchor
    appendix: str  # where the appendix is: appendix.html, or appendix.pdf in a PDF beside one


def brief_view(brief: Brief, appendix: str = "appendix.html") -> BriefView:
    # Key developments in full; the sections' other stories short, whatever compose gave them
    # (brief.json keeps them whole): the brief proper stays within its pages on any window.
    stories = {s.id: s for s in brief.key_developments}
    stories.update((s.id, short_story(s)) for s in brief.stories)
    shown: dict[str, str] = {}
    for story in stories.values():
        for claim in story.claims:
            shown.setdefault(claim.content_ar, story.anchor)
    cited = _cited_sources(brief, _citations(brief, stories.values()), _watch_refs(brief, shown))
    return BriefView(
        stories=stories,
        key_numbers={s.id: n for n, s in enumerate(brief.key_developments, 1)},
        sections=_sections(brief),
        cited=cited,
        outlets=by_outlet(cited),
        shown_claims=shown,
        appendix=appendix,
    )


def short_story(story: Story) -> Story:
    """A story of a section: its first claim and its first figure line."""
    return replace(story, claims=story.claims[:SHORT_CLAIMS], figures=story.figures[:SHORT_LINES])


def _sections(brief: Brief) -> tuple[Section, ...]:
    """The sections as composed; stories that no section lists are gathered in a last one."""
    listed = {sid for section in brief.sections for sid in section.stories}
    rest = tuple(s.id for s in brief.stories if s.id not in listed)
    if not rest:
        return brief.sections
    # Labels are filled by the template from the catalog ("Other stories"), so they stay empty.
    return (
        *brief.sections,
        Section(kind="other", id="other", label_en="", label_ar="", anchor="stories-other", stories=rest),
    )


def story_citations(story: Story) -> Iterator[Citation]:
    for claim in story.claims:
        yield from claim.citations
    yield from line_citations(story.figures)


def line_citations(lines: Iterable[FigureLine]) -> Iterator[Citation]:
    for line in lines:
        for report in line.reports:
            yield from report.citations


def _citations(brief: Brief, shown: Iterable[Story]) -> Iterator[Citation]:
    for story in shown:
        yield from story_citations(story)
    yield from line_citations(brief.key_figure_lines)


def _watch_refs(brief: Brief, shown: Mapping[str, str]) -> Iterator[tuple[int, int]]:
    """(source, ref) of what the watch list prints itself (claims already in a story are linked)."""
    ref_source = {r.number: r.source for r in brief.refs}
    for item in brief.watch:
        for claim in item.claims:
            if claim.content_ar not in shown:
                yield claim.source, claim.ref
        for figure in item.figures:
            for ref in figure.refs:
                if ref in ref_source:
                    yield ref_source[ref], ref


def _cited_sources(
    brief: Brief, citations: Iterable[Citation], extra: Iterable[tuple[int, int]]
) -> tuple[CitedSource, ...]:
    refs: dict[int, set[int]] = {}
    names: dict[int, tuple[str, str]] = {}
    for c in citations:
        refs.setdefault(c.source, set()).add(c.ref)
        names.setdefault(c.source, (c.outlet_en, c.outlet_ar))
    for number, ref in extra:
        refs.setdefault(number, set()).add(ref)
    out = []
    for source in brief.sources:
        if source.number in refs:
            stored = source.outlet or ""
            en, ar = names.get(source.number, (stored, stored))
            out.append(CitedSource(source, en, ar, tuple(sorted(refs[source.number]))))
    return tuple(out)


def by_outlet(cited: Iterable[CitedSource]) -> tuple[OutletSources, ...]:
    groups: dict[str, list[CitedSource]] = {}
    for c in cited:
        groups.setdefault(c.outlet_en, []).append(c)
    return tuple(
        OutletSources(name, found[0].outlet_ar, tuple(found))
        for name, found in sorted(groups.items(), key=lambda item: item[0].casefold())
    )


@cache
def _romanizer() -> Transliterator:
    # Rules only: an outlet's name is not a person's name, so no table of names.
    return Transliterator(table={}, stopwords=frozenset())


def latin_name(name: str) -> str:
    """An outlet's name for English text: an Arabic name the outlets table does not know
    ("صحيفة الأرز") spelled in Latin letters ("Sahifa al-Arz"); any other name as it is."""
    return _romanizer().name_en(name) if has_arabic(name) else name


def distinct_citations(citations: Iterable[Citation]) -> list[Citation]:
    """One citation per outlet and day: two articles of the same outlet that day read the same inline."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for c in citations:
        if (c.outlet_en, c.date) not in seen:
            seen.add((c.outlet_en, c.date))
            out.append(c)
    return out


def outlet_count(citations: Iterable[Citation]) -> int:
    """How many outlets these citations come from (a report's corroboration)."""
    return len({c.outlet_en for c in citations})
