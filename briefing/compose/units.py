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
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from briefing.compose.claims import claim_strength
from briefing.compose.outlets import outlet_of
from briefing.compose.references import Cited, Span, sentence_span
from briefing.compose.sources import iso_date
from briefing.compose.tolls import Tolls, window_year
from briefing.model.contract import Claim, EventDate, Extraction, Figure
from briefing.pipeline.dates import read_dates
from briefing.pipeline.dates.lexicon import DateLexicon
from briefing.resources.loader import packaged
from briefing.resources.schema import DatesFile, StoriesFile
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
    # In the article's order of actors, not a set: counts of actors break ties by first seen, and
    # a set's order changes with the process's string hashing (PYTHONHASHSEED), so would the brief.
    actors: tuple[str, ...]
    day: date | None  # the event's day: stated, else the article's
    background: bool
    claim: Claim | None = None
    figure: Figure | None = None
    strength: float = 0.0  # a claim's strength (claims.claim_strength); leads and figures 0
    index: int = 0  # the sentence's place in its article (0: the lead)
    dated: bool = False  # its day is stated in the text (else it is the article's)
    outlet: str = ""  # the article's outlet id (outlets.py; "" for none)
    toll: bool = False  # a figure in a sentence giving a war's cumulative toll (tolls.py)


class Words:
    """Folds a window's words to the form stories compare: the window's own vocabulary tells
    which proclitics to take off (وبالحديدة → حديدة when حديدة or الحديدة is written alone)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.ignore = frozenset(self._bare(_fold(w)) for w in packaged("stories", StoriesFile).ignore_ar)
        self.known = frozenset(map(_fold, {w for t in texts for w in _WORD.findall(t)}))  # each word once
        self._seen: dict[str, frozenset[str]] = {}  # a sentence holding several claims and figures
        self._bare_words: dict[str, str] = {}
        self.tolls = Tolls(self.bare)
        self.dates = DateLexicon.build(packaged("dates", DatesFile))

    @staticmethod
    def _bare(folded: str) -> str:
        return folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded

    def of(self, text: str) -> frozenset[str]:
        """The words of `text` that tell which event (see the module's docstring)."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._words(text)
        return found

    def bare(self, text: str) -> list[str]:
        """Every word of `text` folded, without its proclitics and article, none left out."""
        return [self._bare_word(m.group()) for m in _WORD.finditer(text)]

    def _bare_word(self, word: str) -> str:
        # A window's words repeat across its sentences: each is read once.
        found = self._bare_words.get(word)
        if found is None:
            found = self._bare_words[word] = self._bare(strip_proclitics(_fold(word), self.known)[0])
        return found

    def _words(self, text: str) -> frozenset[str]:
        return frozenset(w for w in self.bare(text) if len(w) >= MIN_LETTERS and w not in self.ignore)


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


def lead_day(text: str, published: date | None, words: Words, start: date | None) -> date | None:
    """The day an article's lead states for its event, when one of the window's (an explainer's
    lead states none: it tells of no day)."""
    for _found, when in read_dates(text, published, words.dates):
        day = event_day(when, None)
        if day is not None and (start is None or day >= start) and (published is None or day <= published):
            return day
    return None


class _Mentions:
    """Where an article names its actors, in text order: which actors a sentence names is two
    bisections, not a look at every mention for every sentence."""

    def __init__(self, ext: Extraction) -> None:
        pairs = sorted((m.start, i) for i, a in enumerate(ext.actors) for m in a.mentions)
        self.starts = [start for start, _ in pairs]
        self.actor = [i for _, i in pairs]
        self.ids = [a.id for a in ext.actors]

    def within(self, span: Span) -> tuple[str, ...]:
        """The ids of the actors named in `span`, in the article's order of actors."""
        found = set(self.actor[bisect_left(self.starts, span[0]) : bisect_left(self.starts, span[1])])
        return tuple(self.ids[i] for i in sorted(found))


def _lead(n: int, ext: Extraction, words: Words, start: date | None, mentions: _Mentions) -> Unit:
    """An article's lead: its title and first sentence. Without sentence data the lead is not
    cited (kind "title"): it still tells which story."""
    text, sents = ext.article.text, ext.sentences
    published = iso_date(ext.article.published)
    first = sents[0] if sents else (0, min(len(text), MAX_LEAD))
    lead_text = (ext.article.title or "") + "\n" + text[first[0] : first[1]]
    return Unit(
        "lead" if sents else "title",
        n,
        Cited(n, first, (first,)),
        words.of(lead_text),
        mentions.within(first),
        published,
        any(b.sentence == 0 for b in ext.background),
        dated=lead_day(lead_text, published, words, start) is not None,
    )


def article_units(n: int, ext: Extraction, words: Words, start: date | None) -> list[Unit]:
    """An article's units: its lead (title and first sentence), then its claims and figures."""
    text = ext.article.text
    published = iso_date(ext.article.published)
    background = {b.sentence for b in ext.background}
    mentions = _Mentions(ext)
    units: list[Unit] = [_lead(n, ext, words, start, mentions)] if text else []
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
                mentions.within(sent),
                day,
                bg,
                claim=c,
                strength=claim_strength(c, ext),
                index=c.sentence,
                dated=c.date is not None and c.date.precision == "day",
            )
        )
    year = window_year(start, published)
    for f in ext.figures:
        sent = sentence_span(ext, f.sentence, f.start, f.end)
        bg = f.sentence in background or before(f.date, start)
        units.append(
            Unit(
                "figure",
                n,
                Cited(n, sent, ((f.start, f.end),)),
                words.of(text[sent[0] : sent[1]]),
                mentions.within(sent),
                event_day(f.date, published),
                bg,
                figure=f,
                index=f.sentence,
                dated=f.date is not None and f.date.precision == "day",
                toll=words.tolls.cumulative(text[sent[0] : sent[1]], year),
            )
        )
    outlet = outlet_of(ext.article).id
    return [replace(u, outlet=outlet) for u in units]
