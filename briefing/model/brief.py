"""The brief as data: what compose makes, render shows, and brief.json keeps (both ways).

Plain frozen dataclasses, no markup and no translations. `Brief.to_json()` is written next to
the rendered brief; `Brief.from_json()` reads it back, so a built brief can be mailed later
without rebuilding it.
"""

from __future__ import annotations

import dataclasses
import types
from dataclasses import dataclass, field
from typing import Any, Union, get_args, get_origin, get_type_hints

from briefing.errors import BriefFileError


@dataclass(frozen=True)
class WatchedActor:
    """An actor of the user's watch-list (resources/user.py), named as the gazetteer names it."""

    id: str
    type: str
    name_en: str
    name_ar: str


@dataclass(frozen=True)
class ComposeOptions:
    """Limits that keep a brief over many articles readable; defaults suit a daily window."""

    max_article_actors: int = 10
    max_article_claims: int = 6
    max_article_figures: int = 10
    max_index_actors: int = 400
    watch: tuple[WatchedActor, ...] = ()  # always reported, mentioned or not
    max_key_developments: int = 8  # the top stories, in full on the first pages
    max_stories: int = 14  # the other stories, shorter, in the sections
    max_key_claims: int = 4  # per key development among the first key_full
    key_full: int = 3  # key developments told with max_key_claims; the others with max_key_claims_short
    max_key_claims_short: int = 2
    max_key_lines: int = 3  # figure lines per key development
    max_story_claims: int = 2  # per other story
    max_story_lines: int = 1
    max_citations: int = 5  # per claim or figure report
    max_key_figure_lines: int = 10
    max_watch_claims: int = 6  # per watched actor
    max_watch_figures: int = 6
    group_by: str = "theme"  # the sections of the brief proper: theme | country
    max_prominent_actors: int = 40  # the actors index of the brief proper
    max_change_rows: int = 8  # per kind (country, theme) in "what changed"


@dataclass(frozen=True)
class Source:
    """One source article; `number` is its place in the Articles section (1-based)."""

    number: int
    id: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    file: str | None
    anchor: str
    title_en: str | None = None  # the English gist of the title
    outlet_en: str | None = None  # the outlet's short names (resources/outlets.yaml), for citations
    outlet_ar: str | None = None


@dataclass(frozen=True)
class Segment:
    text: str
    mark: bool = False


@dataclass(frozen=True)
class Ref:
    """A numbered reference: one sentence of one source, its cited spans marked."""

    number: int
    source: int
    start: int
    end: int
    anchor: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ActorItem:
    id: str
    type: str
    name_en: str
    name_ar: str
    mentions: int
    sources: tuple[int, ...]
    transliterated: bool = False


@dataclass(frozen=True)
class Concern:
    id: str
    name_en: str
    name_ar: str


@dataclass(frozen=True)
class FigureItem:
    """One figure, merged across every article that reports it."""

    value: float
    high: float | None
    unit: str | None
    category: str
    qualifier: str
    en: str
    ar: str  # the Arabic words as written in the first source
    concerns: tuple[Concern, ...]
    sources: tuple[int, ...]
    refs: tuple[int, ...]
    background: bool = False  # told as earlier events (Extraction.background, or dated before the window)


@dataclass(frozen=True)
class ClaimItem:
    speaker_id: str | None
    speaker_en: str | None
    speaker_ar: str | None
    stance: str
    cue_ar: str
    content_ar: str  # quoted exactly
    en: str
    source: int
    ref: int
    background: bool = False  # told as earlier events (Extraction.background, or dated before the window)


@dataclass(frozen=True)
class ArticleSummary:
    source: Source
    themes: tuple[tuple[str, str], ...]  # (label_en, label_ar)
    actors: tuple[ActorItem, ...]
    claims: tuple[ClaimItem, ...]
    figures: tuple[FigureItem, ...]
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class WatchItem:
    """A watched actor in the window: its mentions, its claims and the figures named beside it."""

    actor: WatchedActor
    mentions: int  # 0: not mentioned this period
    sources: tuple[int, ...]
    claims: tuple[ClaimItem, ...]
    figures: tuple[FigureItem, ...]


# --- The brief proper (issue 14): stories, key figures with conflicts, sections, what changed ---


@dataclass(frozen=True)
class Citation:
    """An inline citation, "(BBC, 14 Apr)": an outlet's short names, the article's date, and the
    numbered reference (one sentence of one source) it links to."""

    source: int  # Source.number
    outlet_en: str  # short name from resources/outlets.yaml, else the stored name
    outlet_ar: str
    date: str | None  # ISO date of the article
    ref: int  # Ref.number; the link goes to its anchor


@dataclass(frozen=True)
class CitedSentence:
    """A cited sentence as brief.json gives it: offsets into the article's text as stored."""

    article: str  # the article id
    start: int
    end: int
    text: str  # == article text[start:end]


@dataclass(frozen=True)
class StoryClaim:
    """One statement, however many outlets reported it (a citation each)."""

    speaker_id: str | None
    speaker_en: str | None  # None: unattributed
    speaker_ar: str | None
    stance: str
    cue_ar: str
    content_ar: str  # quoted exactly, from the first citation's article
    en: str  # the English line
    date: str | None  # ISO (at its precision) of when it was said, when the text says
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class FigureReport:
    """One value for a counted thing, with every citation that gives it (its corroboration)."""

    value: float
    high: float | None
    qualifier: str
    en: str
    ar: str  # as written in the first citation's article
    date: str | None  # ISO (at its precision) of what it counts, when the text says
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class FigureLine:
    """One thing counted ("Douma: killed"). Reports that agree are one report with several
    citations; reports that disagree stand side by side, the most conservative first."""

    subject_en: str
    subject_ar: str
    category: str
    unit: str | None
    reports: tuple[FigureReport, ...]
    conflict: bool  # more than one report and they disagree
    story: str | None = None  # Story.id it belongs to


@dataclass(frozen=True)
class StoryOutlet:
    """An outlet that reported a story, and the date it first did."""

    outlet_en: str
    outlet_ar: str
    date: str | None
    sources: tuple[int, ...]


@dataclass(frozen=True)
class Story:
    """One event (or one running event) of the window, merged across articles and outlets."""

    id: str  # stable for the same event across builds
    rank: int  # 1 = most salient
    anchor: str
    headline_en: str
    headline_ar: str
    date: str | None  # ISO; the first day
    date_end: str | None  # the last day, when the story runs over days
    outlets: tuple[StoryOutlet, ...]
    sources: tuple[int, ...]
    countries: tuple[str, ...]  # actor ids of the countries it is about, most mentioned first
    themes: tuple[str, ...]  # theme ids, strongest first
    actors: tuple[str, ...]  # actor ids, most prominent first
    claims: tuple[StoryClaim, ...]
    figures: tuple[FigureLine, ...]
    refs: tuple[CitedSentence, ...]  # the sentences its claims and figures are cited from
    salience: float
    casualties: int = 0  # people killed, by the most conservative report of each line
    background: tuple[CitedSentence, ...] = ()  # its sentences about earlier events: never news
    citations: tuple[Citation, ...] = ()  # its articles' leads (title, first sentence), the latest first


@dataclass(frozen=True)
class Section:
    """A part of the brief proper: one theme or one country (`--group-by`), its stories."""

    kind: str  # theme | country
    id: str
    label_en: str
    label_ar: str
    anchor: str
    stories: tuple[str, ...]  # Story ids, in rank order


@dataclass(frozen=True)
class ChangeRow:
    """A country or theme in this window against the previous window of the same length."""

    kind: str  # country | theme
    id: str
    label_en: str
    label_ar: str
    stories: int
    stories_before: int
    claims: int
    claims_before: int
    casualties: int
    casualties_before: int
    marker: str  # up | down | same | new | gone


@dataclass(frozen=True)
class Changes:
    """What changed since the previous window (from the store)."""

    previous_start: str  # ISO
    previous_end: str
    previous_articles: int  # 0: nothing stored for the previous window, and the brief says so
    rows: tuple[ChangeRow, ...] = ()
    new_actors: tuple[ActorItem, ...] = ()  # prominent actors absent from the previous window


@dataclass(frozen=True)
class Brief:
    generated: str  # ISO datetime
    period_start: str  # ISO date
    period_end: str
    period_from_articles: bool  # False: no dated article, the period is the generation date
    outlets: int
    sources: tuple[Source, ...]
    actors: tuple[ActorItem, ...]
    actors_total: int
    articles: tuple[ArticleSummary, ...]
    refs: tuple[Ref, ...]
    options: ComposeOptions = field(default_factory=ComposeOptions)
    watch: tuple[WatchItem, ...] = ()
    title: str | None = None  # the user's title (config `title`, build --title); else the default
    logo: str | None = None  # the user's logo as a data: URI (config `logo`)
    # The brief proper (issue 14); the per-article listing above (articles, refs) is the appendix.
    schema_version: int = 2  # docs/brief.schema.json
    opening_en: str = ""
    opening_ar: str = ""
    key_developments: tuple[Story, ...] = ()  # rank order, at most 8
    stories: tuple[Story, ...] = ()  # the other stories shown in the sections, rank order
    key_figure_lines: tuple[FigureLine, ...] = ()
    group_by: str = "theme"  # theme | country
    sections: tuple[Section, ...] = ()
    changes: Changes | None = None  # None: not built from a store
    # Every actor (at most options.max_index_actors), for the appendix; `actors` is the
    # prominent ones, the brief proper's index.
    appendix_actors: tuple[ActorItem, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.sources

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["empty"] = self.empty
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Brief:
        """The Brief saved as brief.json by `briefing build` (to_json); BriefFileError if not one."""
        brief = _from_json(cls, data)
        assert isinstance(brief, Brief)
        return brief


def _from_json(tp: Any, value: Any) -> Any:
    """Rebuild typed data (dataclasses, tuples, optionals) from the JSON of dataclasses.asdict."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(value, dict):
            raise BriefFileError(f"{tp.__name__}: expected an object, got {type(value).__name__}")
        hints = get_type_hints(tp)
        kwargs = {
            f.name: _from_json(hints[f.name], value[f.name])
            for f in dataclasses.fields(tp)
            if f.init and f.name in value
        }
        try:
            return tp(**kwargs)
        except TypeError as exc:
            raise BriefFileError(f"{tp.__name__}: {exc}") from None
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        if value is None:
            return None
        options = [a for a in get_args(tp) if a is not type(None)]
        return _from_json(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(tp)
        if not isinstance(value, list):
            raise BriefFileError(f"expected a list, got {type(value).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_json(args[0], v) for v in value)
        return tuple(_from_json(a, v) for a, v in zip(args, value, strict=True))
    if tp is float and isinstance(value, int):
        return float(value)
    return value
