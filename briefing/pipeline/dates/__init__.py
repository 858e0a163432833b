"""Component and stage: event dates of claims and figures, and the background sentences.

The component (`briefing_dates`, last in the pipeline) finds, once per document, the date
expressions of the text (find.py) and the sentences holding a background marker
(background.py): nothing there needs the article. `date_events` then, with the article's date,
resolves the expressions of the sentences that need one (resolve.py: those holding a claim or a
figure, and those a background date may mark), gives each claim and figure its date
(assign.py) and lists the background sentences. Without an article date, relative expressions
("أمس", "الأحد الماضي") give no date.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from briefing.model.contract import Background, Claim, Figure, Mention
from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.dates.assign import Dated, claim_date, figure_date
from briefing.pipeline.dates.background import background, marked_sentences
from briefing.pipeline.dates.find import Found, find_dates
from briefing.pipeline.dates.lexicon import DateLexicon
from briefing.pipeline.dates.resolve import resolve
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


class DatesComponent(BatchPipe):
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon: DateLexicon | None = None

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        self.lexicon = DateLexicon.build(resources.get("dates", DatesFile))

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is not None:
            sentences = [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else []
            found = _not_figures(find_dates(doc.text, self.lexicon), doc._.figures)
            marked = marked_sentences(doc.text, sentences, self.lexicon)
            doc._.dates = DocDates(tuple(found), marked, self.lexicon)
        return doc


@Language.factory(
    "briefing_dates", requires=["token.is_sent_start", "doc._.figures"], assigns=["doc._.dates"]
)
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)


def _not_figures(found: list[Found], figures: Sequence[Figure]) -> list[Found]:
    """Drop a "year" the figures stage read as a count ("في 2000 منزل")."""
    spans = [(f.start, f.end) for f in figures]
    return [d for d in found if d.kind != "year" or not any(s < d.end and d.start < e for s, e in spans)]


def _span(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


def published_day(published: str | None) -> date | None:
    """The article's date as a day, None when it has none (or none that reads)."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Dating:
    claims: tuple[Claim, ...]
    figures: tuple[Figure, ...]
    background: tuple[Background, ...]


def date_events(
    doc: Doc,
    sentences: Sequence[tuple[int, int]],
    claims: Sequence[Claim],
    figures: Sequence[Figure],
    published: str | None,
) -> Dating:
    """Claims and figures with the dates their text states, and the background sentences."""
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
    dated_claims = tuple(
        replace(c, date=claim_date(doc.text, by_sentence[c.sentence], _span(c.cue), _span(c.content), day))
        for c in claims
    )
    dated_figures = tuple(
        replace(f, date=figure_date(doc.text, by_sentence[f.sentence], (f.start, f.end))) for f in figures
    )
    whens = [[w for _, w in row] for row in by_sentence]
    marked = background(doc.text, sentences, dates.marked, whens, dated_claims, day, dates.lexicon)
    return Dating(dated_claims, dated_figures, marked)
