"""Read article files and run them through the pipeline into contract-shaped Extractions.

Reading is forgiving and loud: UTF-8 first, Windows-1256 (common for Arabic) with a notice,
and a one-line reason for anything else (missing, empty, binary, no Arabic). A file that fails
becomes an error record; the others go on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from briefing.model.contract import Article, Extraction
from briefing.text.normalize import has_arabic

BATCH_SIZE = 64


@dataclass(frozen=True)
class ReadError:
    """A file that could not become an Article, with a one-line reason."""

    article: str
    path: str
    reason: str

    def to_contract(self) -> dict[str, str]:
        return {"article": self.article, "error": self.reason}

    def message(self) -> str:
        return f"{self.path}: {self.reason}"


def collect_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the *.txt files inside folders named, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        else:
            out.append(path)
    return out


def decode(raw: bytes) -> tuple[str, str | None]:
    """Text and a notice (None when it was plain UTF-8). ValueError says why it is not text."""
    if not raw.strip():
        raise ValueError("empty file")
    if b"\0" in raw[:4096]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise ValueError("not UTF-8 nor Windows-1256 text") from exc
    if not has_arabic(text):
        raise ValueError("not UTF-8 text, and not Arabic in Windows-1256 either")
    return text, "decoded as Windows-1256 (not UTF-8)"


def guess_title(text: str) -> str | None:
    """The first line when it reads like a headline, else None."""
    first = text.strip().split("\n", 1)[0].strip()
    if first and len(first) <= 160 and not first.endswith((".", ":", "،")) and "\n" in text.strip():
        return first
    return None


def read_article(path: Path, warn: Callable[[str], None]) -> Article | ReadError:
    """An Article from a text file, or a ReadError with the reason."""
    stem = path.stem
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ReadError(stem, str(path), "no such file")
    except IsADirectoryError:
        return ReadError(stem, str(path), "is a directory")
    except OSError as exc:
        return ReadError(stem, str(path), f"cannot read: {exc.strerror or exc}")
    try:
        text, notice = decode(raw)
    except ValueError as exc:
        return ReadError(stem, str(path), str(exc))
    if notice:
        warn(f"{path}: {notice}")
    if not has_arabic(text):
        return ReadError(stem, str(path), "no Arabic text in this file")
    return Article(id=stem, text=text, title=guess_title(text), path=str(path))


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


def to_jsonl(record: Extraction | ReadError) -> str:
    return json.dumps(record.to_contract(), ensure_ascii=False)
