"""Looking inside the store without SQL: the articles (filtered), one article with its extraction,
and the extractions as tables (the views of store migration 0006)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from briefing.errors import InputError
from briefing.model.window import Window
from briefing.store import VIEW_COLUMNS, Store, window_condition
from briefing.text.normalize import fold

KINDS = ("actors", "claims", "figures", "themes")
ARTICLE_COLUMNS = (
    "id",
    "published",
    "published_at",
    "date_source",
    "date_precision",
    "outlet",
    "title",
    "url",
)


@dataclass(frozen=True)
class ArticleFilter:
    window: Window | None = None
    outlet: str | None = None  # part of the outlet's name, any case
    text: str | None = None  # words in the title or the text (Arabic folded: أ/إ/ا, ة/ه …)
    undated: bool = False  # only the articles whose date could not be read
    limit: int | None = 50


def list_articles(store: Store, f: ArticleFilter) -> list[dict[str, Any]]:
    """The stored articles that pass the filter, newest first (undated last)."""
    where, params = _where(f)
    wanted = fold(f.text.strip()) if f.text else None
    columns = ", ".join(ARTICLE_COLUMNS)
    # Without a text search, SQL applies the limit; with one, rows are read until it is reached.
    limit = " LIMIT :limit" if f.limit is not None and wanted is None else ""
    params["limit"] = f.limit
    sql = (
        f"SELECT {columns}, text FROM articles {where}"
        f" ORDER BY published IS NULL, published DESC, coalesce(published_at, '') DESC, id{limit}"
    )
    out: list[dict[str, Any]] = []
    for row in store.query(sql, params):
        if wanted is not None and wanted not in fold(f"{row['title'] or ''}\n{row['text']}"):
            continue
        out.append({c: row[c] for c in ARTICLE_COLUMNS})
        if f.limit is not None and len(out) >= f.limit:
            break
    return out


def _where(f: ArticleFilter) -> tuple[str, dict[str, Any]]:
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if f.undated:
        conditions.append("published IS NULL")
    if f.window is not None:
        condition, params = window_condition(f.window)
        conditions.append(condition)
    if f.outlet:
        conditions.append("instr(lower(coalesce(outlet, '')), lower(:outlet)) > 0")
        params["outlet"] = f.outlet.strip()
    return ("WHERE " + " AND ".join(conditions)) if conditions else "", params


def show_article(store: Store, article_id: str) -> dict[str, Any]:
    """One article (its text too) and its stored extraction (None when it has none yet)."""
    rows = store.query(
        f"SELECT {', '.join(ARTICLE_COLUMNS)}, origin, dateline, duplicates, ingested_at, text"
        " FROM articles WHERE id = ?",
        (article_id,),
    )
    if not rows:
        raise InputError(f"{article_id}: no such article in {store.path} (`briefing articles` lists them)")
    article = dict(rows[0])
    found = store.query(
        "SELECT contract, resources_version, extracted_at FROM extractions WHERE article_id = ?",
        (article_id,),
    )
    extraction = None
    if found:
        extraction = json.loads(found[0]["contract"])
        extraction["extracted_at"] = found[0]["extracted_at"]
    return {"article": article, "extraction": extraction}


def export_rows(store: Store, kind: str, window: Window | None) -> Iterator[dict[str, Any]]:
    """Every row of one kind of extraction (a view of the store), oldest article first."""
    if kind not in KINDS:
        raise InputError(f"--kind {kind}: expected one of {', '.join(KINDS)}")
    where, params = "", dict[str, Any]()
    if window is not None:
        condition, params = window_condition(window)
        where = f"WHERE article_id IN (SELECT id FROM articles WHERE {condition})"
    columns = ["article_id", "published", "outlet", "n", *VIEW_COLUMNS[kind]]
    sql = f"SELECT {', '.join(columns)} FROM {kind} {where} ORDER BY published, article_id, n"
    for row in store.query(sql, params):
        yield {"kind": kind, **dict(row)}


def csv_lines(rows: Iterator[dict[str, Any]], kind: str) -> Iterator[str]:
    """CSV text of export rows (a header first, even with no rows)."""
    fields = ["article_id", "published", "outlet", "n", *VIEW_COLUMNS[kind]]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        yield buffer.getvalue()
