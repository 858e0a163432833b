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

    max_key_figures: int = 20
    max_developments: int = 4  # themes in "key developments"
    max_theme_actors: int = 12
    max_theme_claims: int = 24
    max_theme_figures: int = 12
    max_article_actors: int = 10
    max_article_claims: int = 6
    max_article_figures: int = 10
    max_chart_actors: int = 8
    max_chart_themes: int = 6
    max_index_actors: int = 400
    watch: tuple[WatchedActor, ...] = ()  # always reported, mentioned or not
    max_watch_claims: int = 6  # per watched actor
    max_watch_figures: int = 6


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


@dataclass(frozen=True)
class SpeakerGroup:
    actor: str | None
    name_en: str | None  # None: unattributed
    name_ar: str | None
    claims: tuple[ClaimItem, ...]


@dataclass(frozen=True)
class ThemeSection:
    id: str
    label_en: str | None  # None for the unclassified section; the template names it
    label_ar: str | None
    weight: float
    anchor: str
    sources: tuple[int, ...]
    actors: tuple[ActorItem, ...]
    speakers: tuple[SpeakerGroup, ...]
    figures: tuple[FigureItem, ...]


@dataclass(frozen=True)
class Development:
    """Two or three lines on one leading theme."""

    theme: str
    label_en: str | None
    label_ar: str | None
    anchor: str
    claims: tuple[ClaimItem, ...]
    figures: tuple[FigureItem, ...]


@dataclass(frozen=True)
class ArticleSummary:
    source: Source
    themes: tuple[tuple[str, str], ...]  # (label_en, label_ar)
    actors: tuple[ActorItem, ...]
    claims: tuple[ClaimItem, ...]
    figures: tuple[FigureItem, ...]
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class ChartRow:
    name_en: str
    name_ar: str
    counts: tuple[int, ...]  # per chart theme, same order as Chart.themes
    total: int


@dataclass(frozen=True)
class Chart:
    """Actor mentions by theme, for the one picture in the brief."""

    themes: tuple[tuple[str | None, str | None], ...]
    rows: tuple[ChartRow, ...]
    max_total: int


@dataclass(frozen=True)
class WatchItem:
    """A watched actor in the window: its mentions, its claims and the figures named beside it."""

    actor: WatchedActor
    mentions: int  # 0: not mentioned this period
    sources: tuple[int, ...]
    claims: tuple[ClaimItem, ...]
    figures: tuple[FigureItem, ...]


@dataclass(frozen=True)
class Brief:
    generated: str  # ISO datetime
    period_start: str  # ISO date
    period_end: str
    period_from_articles: bool  # False: no dated article, the period is the generation date
    outlets: int
    sources: tuple[Source, ...]
    developments: tuple[Development, ...]
    key_figures: tuple[FigureItem, ...]
    themes: tuple[ThemeSection, ...]
    actors: tuple[ActorItem, ...]
    actors_total: int
    articles: tuple[ArticleSummary, ...]
    refs: tuple[Ref, ...]
    chart: Chart | None
    options: ComposeOptions = field(default_factory=ComposeOptions)
    watch: tuple[WatchItem, ...] = ()
    title: str | None = None  # the user's title (config `title`, build --title); else the default
    logo: str | None = None  # the user's logo as a data: URI (config `logo`)

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
