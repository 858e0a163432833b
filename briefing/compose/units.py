"""The cited sentences stories are made of: each article's lead, its claims and its figures.

A unit is what one sentence of one article tells: the words that say which event (folded, with
proclitics, the article and the words of resources/stories.yaml's `ignore_ar` taken off), the
actors named in it (by id), the day of the event (the date the text states, else the article's),
and whether it is background: a sentence extraction marks as telling of earlier events, or one
whose stated date is before the window.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from briefing.compose.claims import claim_strength
from briefing.compose.outlets import outlet_of
from briefing.compose.references import Cited, Span, sentence_span
from briefing.compose.sources import iso_date
from briefing.model.contract import Claim, EventDate, Extraction, Figure
from briefing.resources.loader import packaged
from briefing.resources.schema import StoriesFile
from briefing.text.normalize import fold, strip_proclitics

_fold = functools.lru_cache(maxsize=1 << 16)(fold)  # a window's words repeat across its articles
_WORD = re.compile(r"[^\W\d_]{2,}")
LEADS = frozenset({"lead", "title"})
MAX_LEAD = 300  # characters read as the lead of an article without sentence data
MIN_LETTERS = 3  # shorter words are mostly particles, whatever their spelling


@dataclass(frozen=True)
class Unit:
    """One cited sentence's share of a story: an article's lead, one claim or one figure."""

    kind: str  # lead | title (a lead that is not cited) | claim | figure
    src: int  # source number
    cited: Cited
    words: frozenset[str]
    actors: frozenset[str]
    day: date | None  # the event's day: stated, else the article's
    background: bool
    claim: Claim | None = None
    figure: Figure | None = None
    strength: float = 0.0  # a claim's strength (claims.claim_strength); leads and figures 0
    index: int = 0  # the sentence's place in its article (0: the lead)
    dated: bool = False  # its day is stated in the text (else it is the article's)
    outlet: str = ""  # the article's outlet id (outlets.py; "" for none)


class Words:
    """Folds a window's words to the form stories compare: the window's own vocabulary tells
    which proclitics to take off (وبالحديدة → حديدة when حديدة or الحديدة is written alone)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.ignore = frozenset(self._bare(_fold(w)) for w in packaged("stories", StoriesFile).ignore_ar)
        self.known = frozenset(_fold(m.group()) for t in texts for m in _WORD.finditer(t))
        self._seen: dict[str, frozenset[str]] = {}  # a sentence holding several claims and figures

    @staticmethod
    def _bare(folded: str) -> str:
        return folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded

    def of(self, text: str) -> frozenset[str]:
        """The words of `text` that tell which event (see the module's docstring)."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._words(text)
        return found

    def _words(self, text: str) -> frozenset[str]:
        out = set()
        for m in _WORD.finditer(text):
            word = self._bare(strip_proclitics(_fold(m.group()), self.known)[0])
            if len(word) >= MIN_LETTERS and word not in self.ignore:
                out.add(word)
        return frozenset(out)


def window_words(exts: Sequence[Extraction]) -> Words:
    return Words(t for e in exts for t in (e.article.text, e.article.title or ""))


def before(when: EventDate | None, start: date | None) -> bool:
    """Is a stated date wholly before the window's first day?"""
    if when is None or start is None:
        return False
    v = when.value
    try:
        if when.precision == "day":
            return date.fromisoformat(v[:10]) < start
        if when.precision == "month":
            return (int(v[:4]), int(v[5:7])) < (start.year, start.month)
        return int(v[:4]) < start.year
    except ValueError:
        return False


def event_day(when: EventDate | None, published: date | None) -> date | None:
    if when is not None and when.precision == "day":
        try:
            return date.fromisoformat(when.value[:10])
        except ValueError:
            pass
    return published


def _actors_in(ext: Extraction, span: Span) -> frozenset[str]:
    return frozenset(a.id for a in ext.actors if any(span[0] <= m.start < span[1] for m in a.mentions))


def article_units(n: int, ext: Extraction, words: Words, start: date | None) -> list[Unit]:
    """An article's units: its lead (title and first sentence), then its claims and figures."""
    text = ext.article.text
    published = iso_date(ext.article.published)
    background = {b.sentence for b in ext.background}
    sents = ext.sentences
    units: list[Unit] = []
    if text:
        # Without sentence data the lead is not cited (kind "title"): it still tells which story.
        first = sents[0] if sents else (0, min(len(text), MAX_LEAD))
        kind = "lead" if sents else "title"
        lead_words = words.of((ext.article.title or "") + " " + text[first[0] : first[1]])
        lead = Unit(
            kind, n, Cited(n, first, (first,)), lead_words, _actors_in(ext, first), published, 0 in background
        )
        units.append(lead)
    for c in ext.claims:
        sent = sentence_span(ext, c.sentence, c.cue.start, c.cue.end)
        cited = Cited(n, sent, ((c.cue.start, c.cue.end), (c.content.start, c.content.end)))
        bg = c.sentence in background or before(c.date, start)
        day = event_day(c.date, published)
        units.append(
            Unit(
                "claim",
                n,
                cited,
                words.of(text[sent[0] : sent[1]]),
                _actors_in(ext, sent),
                day,
                bg,
                claim=c,
                strength=claim_strength(c, ext),
                index=c.sentence,
                dated=c.date is not None and c.date.precision == "day",
            )
        )
    for f in ext.figures:
        sent = sentence_span(ext, f.sentence, f.start, f.end)
        bg = f.sentence in background or before(f.date, start)
        units.append(
            Unit(
                "figure",
                n,
                Cited(n, sent, ((f.start, f.end),)),
                words.of(text[sent[0] : sent[1]]),
                _actors_in(ext, sent),
                event_day(f.date, published),
                bg,
                figure=f,
                index=f.sentence,
                dated=f.date is not None and f.date.precision == "day",
            )
        )
    outlet = outlet_of(ext.article).id
    return [replace(u, outlet=outlet) for u in units]
