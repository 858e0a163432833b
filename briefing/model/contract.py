"""The data shapes that flow between stages, and their contract JSON (CONTRACT.md), both ways.

`to_contract()` writes the JSON that `briefing extract` prints and the store keeps;
`from_contract()` reads it back (the store's extractions), the inverse for every field the
contract carries. Closed vocabularies (stances, categories …) are in briefing.model.vocab.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
class EventDate:
    """When a claim was made or what a figure counts happened, as the text states it.

    `value` is ISO at its precision: "2018-04-14" (day), "2018-04" (month), "2018" (year).
    """

    value: str
    precision: str  # day | month | year

    def to_contract(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision}

    @classmethod
    def from_contract(cls, d: dict[str, Any]) -> EventDate:
        return cls(value=str(d["value"]), precision=str(d["precision"]))


@dataclass(frozen=True)
class Background:
    """A sentence that tells of something before the article's news (pluperfect, في وقت سابق,
    a date before the article's, the headline of another story embedded in the text)."""

    sentence: int  # index into Extraction.sentences
    reason: str  # pluperfect | earlier | dated | headline

    def to_contract(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "reason": self.reason}

    @classmethod
    def from_contract(cls, d: dict[str, Any]) -> Background:
        return cls(sentence=int(d["sentence"]), reason=str(d["reason"]))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str

    def to_contract(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_contract(cls, d: dict[str, Any]) -> Mention:
        return cls(start=int(d["start"]), end=int(d["end"]), text=str(d["text"]))


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

    @classmethod
    def from_contract(cls, a: dict[str, Any]) -> Actor:
        return cls(
            id=a["id"],
            type=a["type"],
            name_en=a["name_en"],
            name_ar=a["name_ar"],
            mentions=tuple(Mention.from_contract(m) for m in a.get("mentions", ())),
            transliterated=bool(a.get("transliterated", False)),
        )


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
    en: str  # the span in English, naming what is counted: "7 Iranian soldiers"
    sentence: int
    amount_en: str = ""  # the amount alone: "more than 30", "about 2,000", "$100 million"
    counted: Mention | None = None  # the words naming what is counted, inside the span
    date: EventDate | None = None  # when what it counts happened, when the text says

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
            "amount_en": self.amount_en,
            "counted": self.counted.to_contract() if self.counted else None,
            **({"date": self.date.to_contract()} if self.date else {}),
        }

    @classmethod
    def from_contract(cls, f: dict[str, Any]) -> Figure:
        return cls(
            value=float(f["value"]),
            high=None if f.get("high") is None else float(f["high"]),
            unit=f.get("unit"),
            category=f["category"],
            qualifier=f["qualifier"],
            start=int(f["start"]),
            end=int(f["end"]),
            text=f["text"],
            en=f.get("en", ""),
            sentence=int(f.get("sentence", 0)),
            amount_en=str(f.get("amount_en", "")),
            counted=Mention.from_contract(f["counted"]) if f.get("counted") else None,
            date=EventDate.from_contract(f["date"]) if f.get("date") else None,
        )


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

    @classmethod
    def from_contract(cls, s: dict[str, Any]) -> Speaker:
        return cls(
            actor=s.get("actor"),
            name_en=s.get("name_en", ""),
            name_ar=s.get("name_ar", ""),
            start=s.get("start"),
            end=s.get("end"),
        )


@dataclass(frozen=True)
class Claim:
    speaker: Speaker | None
    cue: Mention
    stance: str
    content: Mention
    en: str  # one English sentence: who, the speech act, and the content's gist
    sentence: int
    content_en: str = ""  # the English gist of exactly the content span
    date: EventDate | None = None  # when it was said, when the text says

    def to_contract(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_contract() if self.speaker else None,
            "cue": self.cue.to_contract(),
            "stance": self.stance,
            "content": {**self.content.to_contract(), "en": self.content_en},
            "en": self.en,
            "sentence": self.sentence,
            **({"date": self.date.to_contract()} if self.date else {}),
        }

    @classmethod
    def from_contract(cls, c: dict[str, Any]) -> Claim:
        speaker = c.get("speaker")
        return cls(
            speaker=None if speaker is None else Speaker.from_contract(speaker),
            cue=Mention.from_contract(c["cue"]),
            stance=c["stance"],
            content=Mention.from_contract(c["content"]),
            en=c.get("en", ""),
            sentence=int(c.get("sentence", 0)),
            content_en=str(c["content"].get("en", "")),
            date=EventDate.from_contract(c["date"]) if c.get("date") else None,
        )


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

    @classmethod
    def from_contract(cls, t: dict[str, Any]) -> ThemeScore:
        return cls(
            id=t["id"],
            label_en=t["label_en"],
            label_ar=t["label_ar"],
            score=float(t["score"]),
            eval_id=t.get("eval_id"),
        )


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
    title_en: str | None = None  # the English gist of the title
    background: tuple[Background, ...] = ()  # sentences about earlier events, in text order

    def to_contract(self) -> dict[str, Any]:
        a = self.article
        return {
            "article": a.id,
            "source": a.source,
            "published": a.published,
            "title": a.title,
            "title_en": self.title_en,
            "url": a.url,
            "actors": [x.to_contract() for x in self.actors],
            "figures": [x.to_contract() for x in self.figures],
            "claims": [x.to_contract() for x in self.claims],
            "themes": [x.to_contract() for x in self.themes],
            "sentences": [list(s) for s in self.sentences],
            "background": [b.to_contract() for b in self.background],
            "resources_version": self.resources_version,
        }

    @classmethod
    def from_contract(cls, data: dict[str, Any], article: Article) -> Extraction:
        """The Extraction that `to_contract()` turned into `data`, around `article` (which
        supplies what the contract does not carry: the text)."""
        return cls(
            article=article,
            actors=tuple(Actor.from_contract(a) for a in data.get("actors", ())),
            figures=tuple(Figure.from_contract(f) for f in data.get("figures", ())),
            claims=tuple(Claim.from_contract(c) for c in data.get("claims", ())),
            themes=tuple(ThemeScore.from_contract(t) for t in data.get("themes", ())),
            sentences=tuple((int(s[0]), int(s[1])) for s in data.get("sentences", ())),
            resources_version=str(data.get("resources_version", "")),
            title_en=data.get("title_en"),
            background=tuple(Background.from_contract(b) for b in data.get("background", ())),
        )
