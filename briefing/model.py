"""The data shapes that flow between stages, and their contract JSON (CONTRACT.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "LOC")
STANCES = ("assert", "deny", "warn", "threaten", "promise", "demand", "report", "assess")
QUALIFIERS = ("exact", "about", "more_than", "less_than", "at_least", "up_to", "range")
FIGURE_CATEGORIES = (
    "money",
    "killed",
    "wounded",
    "displaced",
    "personnel",
    "strikes",
    "duration",
    "count",
    "percent",
    "rank",
)


@dataclass(frozen=True)
class Article:
    """One news article as read from a file or the store; `text` is never altered."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str

    def to_contract(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Actor:
    id: str
    type: str
    name_en: str
    name_ar: str
    mentions: tuple[Mention, ...]
    transliterated: bool = False  # name_en was made by rule, not taken from the gazetteer

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "name_en": self.name_en,
            "name_ar": self.name_ar,
            "mentions": [m.to_contract() for m in self.mentions],
        }
        if self.transliterated:
            out["transliterated"] = True
        return out


@dataclass(frozen=True)
class Figure:
    value: float
    high: float | None
    unit: str | None
    category: str
    qualifier: str
    start: int
    end: int
    text: str
    en: str
    sentence: int

    def to_contract(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        high: float | int | None = self.high
        if high is not None and float(high).is_integer():
            high = int(high)
        return {
            "value": value,
            "high": high,
            "unit": self.unit,
            "category": self.category,
            "qualifier": self.qualifier,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "en": self.en,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Speaker:
    actor: str | None  # actor id when the speaker is a known actor
    name_en: str
    name_ar: str
    start: int | None = None
    end: int | None = None

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"actor": self.actor, "name_en": self.name_en, "name_ar": self.name_ar}
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        return out


@dataclass(frozen=True)
class Claim:
    speaker: Speaker | None
    cue: Mention
    stance: str
    content: Mention
    en: str
    sentence: int

    def to_contract(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_contract() if self.speaker else None,
            "cue": self.cue.to_contract(),
            "stance": self.stance,
            "content": self.content.to_contract(),
            "en": self.en,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class ThemeScore:
    id: str
    label_en: str
    label_ar: str
    score: float
    eval_id: str | None = None

    def to_contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "eval_id": self.eval_id,
            "label_en": self.label_en,
            "label_ar": self.label_ar,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    themes: tuple[ThemeScore, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=())  # sentence char spans, for citing
    resources_version: str = ""

    def to_contract(self) -> dict[str, Any]:
        a = self.article
        return {
            "article": a.id,
            "source": a.source,
            "published": a.published,
            "title": a.title,
            "url": a.url,
            "actors": [x.to_contract() for x in self.actors],
            "figures": [x.to_contract() for x in self.figures],
            "claims": [x.to_contract() for x in self.claims],
            "themes": [x.to_contract() for x in self.themes],
            "sentences": [list(s) for s in self.sentences],
            "resources_version": self.resources_version,
        }
