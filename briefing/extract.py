"""The extraction stage: Articles through the pipeline into contract-shaped Extractions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from briefing import collector
from briefing.model.contract import Article, Extraction
from briefing.pipeline.dates import date_events, sentence_spans
from briefing.pipeline.gist.component import GistComponent

BATCH_SIZE = 64
# Components whose output a title's gist does not read (GistComponent.title_en).
TITLE_SKIPS = ("briefing_claims", "briefing_themes", "briefing_dates")


def doc_to_extraction(article: Article, doc: Doc, version: str, title_en: str | None = None) -> Extraction:
    sentences = sentence_spans(doc)
    dating = date_events(doc, article.text, sentences, doc._.claims, doc._.figures, article.published)
    return Extraction(
        article=article,
        actors=tuple(doc._.actors),
        figures=dating.figures,
        claims=dating.claims,
        themes=tuple(doc._.themes),
        sentences=sentences,
        resources_version=version,
        title_en=title_en,
        background=dating.background,
    )


def extract_articles(nlp: Language, articles: Iterable[Article], version: str) -> Iterator[Extraction]:
    """Extractions in input order; the pipeline runs in batches, titles too (for their gist)."""
    gist = nlp.get_pipe("briefing_gist") if "briefing_gist" in nlp.pipe_names else None
    if not isinstance(gist, GistComponent):
        gist = None
    for batch in _batches(articles, BATCH_SIZE):
        with collector.fewer_passes(collector.EXTRACT_YOUNG_THRESHOLD):
            extractions = _extract_batch(nlp, gist, batch, version)
        collector.settle()  # the caches the batch grew: no full collection walks them again
        yield from extractions


def _extract_batch(
    nlp: Language, gist: GistComponent | None, batch: list[Article], version: str
) -> list[Extraction]:
    titles: dict[int, str] = {}
    if gist is not None:
        pending = [(a.title, i) for i, a in enumerate(batch) if a.title]
        # A title's gist reads its names and figures only: its claims and themes are not made.
        skip = [name for name in TITLE_SKIPS if name in nlp.pipe_names]
        for doc, i in nlp.pipe(pending, as_tuples=True, batch_size=BATCH_SIZE, disable=skip):
            titles[i] = gist.title_en(doc)
    docs = nlp.pipe((a.text for a in batch), batch_size=BATCH_SIZE)
    return [doc_to_extraction(batch[i], doc, version, titles.get(i)) for i, doc in enumerate(docs)]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def error_record(article: str, reason: str) -> dict[str, Any]:
    """The contract's line for an input that could not be read."""
    return {"article": article, "error": reason}


def to_jsonl(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)
