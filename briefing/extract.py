"""The extraction stage: Articles through the pipeline into contract-shaped Extractions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from briefing.model.contract import Article, Extraction

BATCH_SIZE = 64


def doc_to_extraction(article: Article, doc: Doc, version: str) -> Extraction:
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    return Extraction(
        article=article,
        actors=tuple(doc._.actors),
        figures=tuple(doc._.figures),
        claims=tuple(doc._.claims),
        themes=tuple(doc._.themes),
        sentences=sentences,
        resources_version=version,
    )


def extract_articles(nlp: Language, articles: Iterable[Article], version: str) -> Iterator[Extraction]:
    """Extractions in input order; the pipeline runs in batches."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        yield doc_to_extraction(article, doc, version)


def error_record(article: str, reason: str) -> dict[str, Any]:
    """The contract's line for an input that could not be read."""
    return {"article": article, "error": reason}


def to_jsonl(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)
