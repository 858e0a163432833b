"""Component and stage: event dates of claims and figures, and the background sentences.

The component (`briefing_dates`, last in the pipeline) finds, once per document, the date
expressions of the sentences a pre-filter lets through (triggers.py: one array read; all the
expressions of a sentence holding a claim or a figure, the explicit ones of the others) and the
sentences holding a background marker (background.py): nothing there needs the article.
`date_events` then, with the article's date, resolves those expressions (resolve.py), gives
each claim and figure its date (assign.py) and lists the background sentences. Without an
article date, relative expressions ("أمس", "الأحد الماضي") give no date.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from mypy_extensions import mypyc_attr
from spacy.language import Language
from spacy.tokens import Doc

from briefing.model.contract import Background, Claim, EventDate, Figure, Mention
from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.dates.assign import Dated, claim_date, figure_date
from briefing.pipeline.dates.background import background, marker
from briefing.pipeline.dates.find import Found, find_dates
from briefing.pipeline.dates.lexicon import DateLexicon
from briefing.pipeline.dates.resolve import resolve
from briefing.pipeline.dates.triggers import Triggers
from briefing.pipeline.tokenizer import text_of
from briefing.resources import Resources
from briefing.resources.schema import DatesFile

if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=None)


@dataclass(frozen=True)
class DocDates:
    """What the component finds in a document: date expressions and background markers."""

    found: tuple[Found, ...]
    marked: dict[int, str]  # sentence index → pluperfect | earlier
    lexicon: DateLexicon
    sentences: tuple[tuple[int, int], ...] = ()  # character spans, as doc.sents gives them


@mypyc_attr(allow_interpreted_subclasses=True)
class DatesComponent(BatchPipe):
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.strings = nlp.vocab.strings
        self.lexicon: DateLexicon | None = None
        self.triggers: Triggers | None = None

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        self.lexicon = DateLexicon.build(resources.get("dates", DatesFile))
        self.triggers = Triggers(self.strings, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None or self.triggers is None:
            return doc
        sentences = self.triggers.read(doc)
        text = text_of(doc)  # a sentence's text is its slice (a Span's text joins its tokens)
        # A sentence holding a claim or a figure needs all its dates; another only its explicit
        # ones (digits, month names), which are what may date it before the article's week.
        anchored = {c.sentence for c in doc._.claims} | {f.sentence for f in doc._.figures}
        found: list[Found] = []
        for i, groups in sorted(sentences.dates.items()):
            if i not in anchored:
                groups = groups & _EXPLICIT
                if not groups:
                    continue
            start, end = sentences.spans[i]
            found += find_dates(text[start:end], self.lexicon, start, groups)
        marked = {}
        for i in sorted(sentences.markers):
            start, end = sentences.spans[i]
            reason = marker(text[start:end], self.lexicon)
            if reason is not None:
                marked[i] = reason
        found = _not_figures(found, doc._.figures)
        doc._.dates = DocDates(tuple(found), marked, self.lexicon, tuple(sentences.spans))
        return doc


_EXPLICIT = frozenset({"digits", "month"})


@Language.factory(
    "briefing_dates",
    requires=["token.is_sent_start", "doc._.figures", "doc._.claims"],
    assigns=["doc._.dates"],
)
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)


def _not_figures(found: list[Found], figures: Sequence[Figure]) -> list[Found]:
    """Drop a "year" the figures stage read as a count ("في 2000 منزل")."""
    spans = [(f.start, f.end) for f in figures]
    return [d for d in found if d.kind != "year" or not any(s < d.end and d.start < e for s, e in spans)]


_Item = TypeVar("_Item", Claim, Figure)


def _dated(item: _Item, when: EventDate | None) -> _Item:
    """`item` with the date `when`: itself when it has none and gets none, as most do (a copy
    of a frozen dataclass runs its __init__ again)."""
    return item if when is None and item.date is None else replace(item, date=when)


def _span(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


def published_day(published: str | None) -> date | None:
    """The article's date as a day, None when it has none (or none that reads)."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def read_dates(text: str, published: date | None, lexicon: DateLexicon) -> list[tuple[Found, EventDate]]:
    """Every date expression of `text` that resolves, with its date (`published`: the article's)."""
    out = []
    for found in find_dates(text, lexicon):
        when = resolve(found, published)
        if when is not None:
            out.append((found, when.date))
    return out


@dataclass(frozen=True)
class Dating:
    claims: tuple[Claim, ...]
    figures: tuple[Figure, ...]
    background: tuple[Background, ...]


def date_events(
    doc: Doc,
    text: str,
    sentences: Sequence[tuple[int, int]],
    claims: Sequence[Claim],
    figures: Sequence[Figure],
    published: str | None,
) -> Dating:
    """Claims and figures with the dates their text states, and the background sentences;
    `text` is the document's (the article's: doc.text rebuilds it from the tokens)."""
    dates: DocDates | None = doc._.dates
    if dates is None or not sentences:
        return Dating(tuple(claims), tuple(figures), ())
    day = published_day(published)
    starts = [s for s, _ in sentences]
    by_sentence: list[list[Dated]] = [[] for _ in sentences]
    for found in dates.found:
        i = bisect_right(starts, found.start) - 1
        when = resolve(found, day) if i >= 0 else None
        if when is not None:
            by_sentence[i].append((found, when))
    # Most sentences state no date: their claims and figures get none without a look.
    dated_claims = tuple(
        _dated(c, claim_date(text, row, _span(c.cue), _span(c.content), day) if row else None)
        for c in claims
        for row in (by_sentence[c.sentence],)
    )
    dated_figures = tuple(
        _dated(f, figure_date(text, row, (f.start, f.end)) if row else None)
        for f in figures
        for row in (by_sentence[f.sentence],)
    )
    whens = [[w for _, w in row] for row in by_sentence]
    marked = background(text, sentences, dates.marked, whens, dated_claims, day, dates.lexicon)
    return Dating(dated_claims, dated_figures, marked)


def sentence_spans(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The character spans of the doc's sentences: the component's, read from one array, when
    it ran (doc.sents makes a Span object for each)."""
    dates: DocDates | None = doc._.dates
    if dates is not None and (dates.sentences or not len(doc)):
        return dates.sentences
    return tuple((s.start_char, s.end_char) for s in doc.sents)
