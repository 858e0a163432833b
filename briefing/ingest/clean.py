"""Ingestion's cleaning step: a Document read from a source becomes the article the store keeps.

Boilerplate lines (related-article links, newsletter prompts, "most read" lists, listed in
resources/boilerplate.yaml) are removed, the text is trimmed, the title comes from metadata or
the cleaned text's title line, the dateline is recognised, and an undated file takes the date of
its name or its modification time. Extraction never applies this step: its offsets are into the
text as read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.ingest.head import read_head
from briefing.ingest.items import Document, Failure
from briefing.model.contract import Article
from briefing.resources import Resources
from briefing.resources.schema import BoilerplateFile
from briefing.store import NewArticle, PublishedFrom
from briefing.text.normalize import fold, has_arabic

_LEAD = re.compile(r"^[\s\W_]+")  # bullets, dashes, quotes, spaces before a phrase
_LETTER = re.compile(r"\w")


@dataclass(frozen=True)
class BoilerplateRule:
    id: str
    match: str  # "line" | "tail"
    phrases: tuple[str, ...]  # folded
    then: str = "boundary"
    max_chars: int = 250
    alone_takes_next: bool = False


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[tuple[str, str], ...]  # (rule id, line)


class Boilerplate:
    """The rules of boilerplate.yaml, and `clean(text)` that applies them."""

    def __init__(self, rules: Sequence[BoilerplateRule]) -> None:
        self.rules = tuple(rules)

    @classmethod
    def from_resources(cls, resources: Resources) -> Boilerplate:
        """The rules of boilerplate.yaml, as its schema validated them."""
        return cls.from_file(resources.get("boilerplate", BoilerplateFile))

    @classmethod
    def from_file(cls, doc: BoilerplateFile) -> Boilerplate:
        return cls(
            tuple(
                BoilerplateRule(
                    id=rule.id,
                    match=rule.match,
                    phrases=tuple(sorted({fold(p) for p in rule.starts_ar}, key=len, reverse=True)),
                    then=rule.then,
                    max_chars=rule.max_chars,
                    alone_takes_next=rule.alone_takes_next,
                )
                for rule in doc.boilerplate
            )
        )

    def _match(self, line: str) -> tuple[BoilerplateRule, bool] | None:
        """The rule a line matches, and whether the phrase stands alone on it."""
        head = _LEAD.sub("", fold(line))
        for rule in self.rules:
            if rule.match == "line" and len(line.strip()) > rule.max_chars:
                continue
            for phrase in rule.phrases:
                if not head.startswith(phrase):
                    continue
                rest = head[len(phrase) :]
                nxt = rest[:1]
                if nxt and _LETTER.match(nxt):
                    continue  # a longer word: اشتركت, شاهدين
                if rule.then == "punctuation" and not re.match(r"\s*[^\w\s]", rest):
                    continue
                return rule, not _LETTER.search(rest)
        return None

    def clean(self, text: str) -> Cleaned:
        """`text` without its boilerplate lines; every other line is kept exactly."""
        lines = text.splitlines(keepends=True)
        content = [i for i, line in enumerate(lines) if line.strip()]
        keep = [True] * len(lines)
        removed: list[tuple[str, str]] = []
        skip_next_content = False
        for rank, i in enumerate(content):
            line = lines[i]
            if skip_next_content:
                skip_next_content = False
                stripped = line.strip()
                if len(stripped) <= 160 and not stripped.endswith((".", "!", "؟", "?", ":")):
                    keep[i] = False
                    removed.append((removed[-1][0], stripped))
                    continue
            found = self._match(line)
            if found is None:
                continue
            rule, alone = found
            if rule.match == "tail":
                after = content[rank + 1 :]
                if rank >= len(content) / 2 and all(len(lines[j].strip()) <= 200 for j in after):
                    for j in (i, *after):
                        keep[j] = False
                        removed.append((rule.id, lines[j].strip()))
                    break
                continue
            keep[i] = False
            removed.append((rule.id, line.strip()))
            skip_next_content = alone and rule.alone_takes_next
        if not removed:
            return Cleaned(text, ())
        out = "".join(line for line, k in zip(lines, keep, strict=True) if k)
        out = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", out).strip()
        return Cleaned(out, tuple(removed))


def prepare(doc: Document, boilerplate: Boilerplate | None) -> NewArticle | Failure:
    """The stored form of `doc`: cleaned (unless `boilerplate` is None), titled, dated."""
    text = doc.article.text.lstrip("\ufeff")
    if boilerplate is not None:
        text = boilerplate.clean(text).text
    text = text.strip()
    if not text:
        return Failure(doc.source, "empty text", doc.article.id)
    if not has_arabic(text):
        return Failure(doc.source, "no Arabic text", doc.article.id)
    title = None if doc.title_from_text else doc.article.title
    head = read_head(text, title)
    published = doc.article.published
    came_from: PublishedFrom = "source"
    if published is None and doc.file_date is not None and not doc.undated:
        published, came_from = doc.file_date, "file"
    article = Article(
        id=doc.article.id,
        text=text,
        title=title or head.title,
        source=doc.article.source,
        published=published,
        url=doc.article.url,
        path=doc.article.path,
    )
    return NewArticle(
        article,
        published_from=came_from if published else "ingested",
        published_at=doc.published_at,
        origin=doc.origin,
        dateline=head.dateline,
        date_source=doc.date_source,
        date_precision=doc.date_precision,
        undated=doc.undated,
    )
