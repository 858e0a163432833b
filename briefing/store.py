"""The SQLite store: articles, their extractions and the record of builds, behind ordered migrations.

One file, created on first use. Every write happens inside one transaction (`BEGIN IMMEDIATE`
… `COMMIT`), and the database runs in WAL mode, so a process killed at any instant leaves
either the whole write or none of it. Migrations are registered in order, recorded in
`_migrations`, each applied in its own transaction and skipped when already recorded.

Duplicates are stored once: an article whose text (folded, whitespace collapsed) or URL is
already in the store only increments that article's `duplicates` counter.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from briefing import collector
from briefing.errors import StoreError
from briefing.model.contract import Article, Extraction
from briefing.model.window import Window
from briefing.text.normalize import fold
from briefing.text.urls import url_key

PublishedFrom = Literal["source", "file", "ingested", "undated"]


# --- migrations ------------------------------------------------------------------------------

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register a migration; they run in the order they are registered, each once per database."""

    def register(fn: Migration) -> Migration:
        if any(n == name for n, _ in MIGRATIONS):
            raise ValueError(f"migration {name} registered twice")
        MIGRATIONS.append((name, fn))
        return fn

    return register


def _run(conn: sqlite3.Connection, *statements: str) -> None:
    # executescript() would COMMIT on its own; single statements stay inside the transaction.
    for statement in statements:
        conn.execute(statement)


@migration("0001_articles")
def _articles(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY,
            title TEXT,
            outlet TEXT,
            url TEXT,
            url_key TEXT UNIQUE,            -- normalised URL, for duplicate detection
            published TEXT NOT NULL,        -- YYYY-MM-DD
            published_at TEXT,              -- UTC YYYY-MM-DDTHH:MM:SSZ, when the time of day is known
            published_from TEXT NOT NULL CHECK (published_from IN ('source', 'file', 'ingested')),
            ingested_at TEXT NOT NULL,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL UNIQUE, -- sha256 of the folded, whitespace-collapsed text
            origin TEXT,                    -- the file or URL it was read from
            dateline TEXT,                  -- "طهران - " as recognised at the head of the text
            duplicates INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX IF NOT EXISTS articles_published ON articles (published)",
        "CREATE INDEX IF NOT EXISTS articles_published_at ON articles (published_at)",
    )


@migration("0002_extractions")
def _extractions(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """CREATE TABLE IF NOT EXISTS extractions (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            resources_version TEXT NOT NULL,
            contract TEXT NOT NULL,         -- Extraction.to_contract() as JSON
            extracted_at TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS extractions_version ON extractions (resources_version)",
    )


@migration("0003_builds")
def _builds(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """CREATE TABLE IF NOT EXISTS builds (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            since TEXT NOT NULL,            -- window start, UTC
            until TEXT,                     -- window end as asked (NULL: open-ended)
            window_end TEXT NOT NULL,       -- until, else started_at: where --since last resumes
            status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
            articles INTEGER,
            output TEXT,
            message TEXT
        )""",
    )


@migration("0004_builds_cursor_and_owner")
def _builds_cursor_and_owner(conn: sqlite3.Connection) -> None:
    # Earlier builds all moved the cursor (DEFAULT 1 keeps --since last where it was); pid and
    # host let a record left "running" by a killed run be told from one still going.
    have = {row[1] for row in conn.execute("PRAGMA table_info(builds)")}
    columns = {"moves_cursor": "INTEGER NOT NULL DEFAULT 1", "pid": "INTEGER", "host": "TEXT"}
    _run(conn, *(f"ALTER TABLE builds ADD COLUMN {n} {t}" for n, t in columns.items() if n not in have))


@migration("0005_article_dates")
def _article_dates(conn: sqlite3.Connection) -> None:
    """Undated articles (published NULL), and where each date came from and how precise it is.

    SQLite cannot drop a NOT NULL constraint: the table is rebuilt the documented way (new
    table, copy, drop, rename), with foreign keys off around it (Store.migrate), and checked.
    """
    if any(row[1] == "date_source" for row in conn.execute("PRAGMA table_info(articles)")):
        return  # already rebuilt
    _run(
        conn,
        """CREATE TABLE articles_new (
            id TEXT PRIMARY KEY,
            title TEXT,
            outlet TEXT,
            url TEXT,
            url_key TEXT UNIQUE,
            published TEXT,                 -- YYYY-MM-DD; NULL: undated (its date could not be read)
            published_at TEXT,
            published_from TEXT NOT NULL
                CHECK (published_from IN ('source', 'file', 'ingested', 'undated')),
            ingested_at TEXT NOT NULL,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL UNIQUE,
            origin TEXT,
            dateline TEXT,
            duplicates INTEGER NOT NULL DEFAULT 0,
            date_source TEXT,               -- front matter, sidecar, jsonl, feed, html meta, file name …
            date_precision TEXT CHECK (date_precision IN ('time', 'day', 'month', 'year'))
        )""",
        """INSERT INTO articles_new
           SELECT id, title, outlet, url, url_key, published, published_at, published_from, ingested_at,
                  text, text_hash, origin, dateline, duplicates, published_from,
                  CASE WHEN published_at IS NOT NULL THEN 'time' ELSE 'day' END
           FROM articles""",
        "DROP TABLE articles",
        "ALTER TABLE articles_new RENAME TO articles",
        "CREATE INDEX IF NOT EXISTS articles_published ON articles (published)",
        "CREATE INDEX IF NOT EXISTS articles_published_at ON articles (published_at)",
    )
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise StoreError(f"upgrading the articles table would break {len(broken)} references; not upgraded")


def _views(kind: str, columns: dict[str, str]) -> str:
    """A view of one list of the stored contracts: a row per item, with its article's date and outlet.

    A column is a JSON path into the item ($.id), or an SQL expression over `item.value`.
    """
    picked = ",\n            ".join(
        (f"json_extract(item.value, '{expr}')" if expr.startswith("$") else expr) + f" AS {name}"
        for name, expr in columns.items()
    )
    return f"""CREATE VIEW IF NOT EXISTS {kind} AS
        SELECT e.article_id, a.published, a.outlet, item.key AS n,
            {picked}
        FROM extractions AS e JOIN articles AS a ON a.id = e.article_id,
            json_each(e.contract, '$.{kind}') AS item"""


VIEW_COLUMNS: dict[str, dict[str, str]] = {
    "actors": {
        "actor": "$.id",
        "type": "$.type",
        "name_en": "$.name_en",
        "name_ar": "$.name_ar",
        "mentions": "json_array_length(item.value, '$.mentions')",
    },
    "claims": {
        "speaker_actor": "$.speaker.actor",
        "speaker_en": "$.speaker.name_en",
        "speaker_ar": "$.speaker.name_ar",
        "cue": "$.cue.text",
        "stance": "$.stance",
        "content": "$.content.text",
        "content_en": "$.content.en",
        "en": "$.en",
        "sentence": "$.sentence",
    },
    "figures": {
        "value": "$.value",
        "high": "$.high",
        "unit": "$.unit",
        "category": "$.category",
        "qualifier": "$.qualifier",
        "text": "$.text",
        "en": "$.en",
        "amount_en": "$.amount_en",
        "sentence": "$.sentence",
    },
    "themes": {"theme": "$.id", "label_en": "$.label_en", "label_ar": "$.label_ar", "score": "$.score"},
}


@migration("0006_extraction_views")
def _extraction_views(conn: sqlite3.Connection) -> None:
    """One view per kind of extraction (actors, claims, figures, themes): a row per item, so that
    sqlite-utils, datasette or plain SQL read the store without parsing the contract JSON."""
    _run(conn, *(_views(kind, columns) for kind, columns in VIEW_COLUMNS.items()))


@migration("0007_window_index")
def _window_index(conn: sqlite3.Connection) -> None:
    """An index for the other half of a window's condition (window_condition): articles dated by
    the day only (published_at NULL) are found by a range of `published` instead of all of them
    being read, so a --since window costs the same in a store of ten years as in one of a week."""
    _run(conn, "CREATE INDEX IF NOT EXISTS articles_window ON articles (published_at, published)")


# --- values ----------------------------------------------------------------------------------


def utc_stamp(moment: datetime | None = None) -> str:
    """A UTC instant as stored: YYYY-MM-DDTHH:MM:SSZ (sorts as text)."""
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def text_hash(text: str) -> str:
    """The duplicate key of a text: sha256 of its folded form with whitespace collapsed."""
    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewArticle:
    """An article on its way into the store, with where its date and text came from."""

    article: Article
    published_from: PublishedFrom
    published_at: datetime | None = None  # when the source gave a time of day
    origin: str | None = None
    dateline: str | None = None
    date_source: str | None = None  # front matter, feed, jsonl … (default: published_from)
    date_precision: str | None = None  # time, day, month, year (default: time or day)
    undated: bool = False  # a date was given and could not be read: stored with none


@dataclass(frozen=True)
class AddResult:
    status: Literal["added", "duplicate"]
    id: str  # the stored article's id (the earlier one, for a duplicate)
    reason: str | None = None  # "same text" | "same URL" for a duplicate


@dataclass(frozen=True)
class RunningBuild:
    """A build record still marked running: the run that made it, as far as it recorded."""

    id: int
    started_at: datetime
    pid: int | None
    host: str | None


@dataclass(frozen=True)
class BuildRecord:
    id: int
    started_at: datetime
    window_end: datetime
    status: str
    articles: int | None
    output: str | None


# --- the store -------------------------------------------------------------------------------


class Store:
    """An open store. Use `Store.open(path)` (or as a context manager, which closes it)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | str, *, timeout: float = 10.0) -> Store:
        """Open (creating it and its folder if needed) and migrate the store at `path`."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create its folder: {exc.strerror or exc}") from exc
        try:
            conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the database: {exc}") from exc
        store = cls(conn, path)
        try:
            with store._errors("open"):
                conn.execute("PRAGMA foreign_keys = ON")
                if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                    raise StoreError(f"{path}: cannot switch the database to WAL mode")
                # WAL + NORMAL: a commit survives the process being killed (not a power cut).
                conn.execute("PRAGMA synchronous = NORMAL")
                store.migrate()
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def open_existing(cls, path: Path | str, *, timeout: float = 10.0) -> Store:
        """Open the store at `path`, which must exist (StoreError naming it otherwise)."""
        return cls.open(require_store(path), timeout=timeout)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """sqlite3 errors become a one-line StoreError naming the file."""
        try:
            yield
        except StoreError:
            raise
        except sqlite3.DatabaseError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                reason = "the database is locked by another program (tried for a while; try again later)"
            elif "not a database" in text or "malformed" in text or "corrupt" in text:
                reason = f"the database is corrupt or not a SQLite file ({text})"
            elif "readonly" in text or "read-only" in text:
                reason = "the database is read-only"
            else:
                reason = text
            raise StoreError(f"{self.path}: {doing}: {reason}") from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        with self._errors("write"):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # --- schema --------------------------------------------------------------------------

    def applied_migrations(self) -> list[str]:
        with self._errors("read"):
            rows = self.conn.execute("SELECT name FROM _migrations ORDER BY rowid").fetchall()
        return [r[0] for r in rows]

    def migrate(self) -> list[str]:
        """Apply the registered migrations this database lacks, in order; returns their names."""
        known = [name for name, _ in MIGRATIONS]
        with self._errors("read"):
            exists = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
            ).fetchone()
        if not exists:
            with self.transaction() as conn:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
        done = self.applied_migrations()
        unknown = [n for n in done if n not in known]
        if unknown:
            raise StoreError(
                f"{self.path}: written by a newer briefing (unknown migrations: {', '.join(unknown)})"
            )
        if done == known:
            return []  # nothing to do, and no write lock taken: readers may open a busy store
        applied: list[str] = []
        # Table rebuilds (0005) drop a table others refer to: foreign keys are off while migrating
        # (the pragma is a no-op inside a transaction), each rebuild checks them itself.
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            self._apply(applied)
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")
        return applied

    def _apply(self, applied: list[str]) -> None:
        for name, fn in MIGRATIONS:
            with self.transaction() as conn:
                # Checked inside the transaction: another process may have just applied it.
                if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                    continue
                fn(conn)
                conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (name, utc_stamp()))
                applied.append(name)

    # --- articles ------------------------------------------------------------------------

    def add_article(self, new: NewArticle, *, now: datetime | None = None) -> AddResult:
        """Store an article once; a duplicate (same folded text, or same URL) is only counted."""
        a = new.article
        digest = text_hash(a.text)
        ukey = url_key(a.url)
        ingested = now or datetime.now(UTC)
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM articles WHERE text_hash = ?", (digest,)).fetchone()
            reason = "same text"
            if row is None and ukey is not None:
                row = conn.execute("SELECT id FROM articles WHERE url_key = ?", (ukey,)).fetchone()
                reason = "same URL"
            if row is not None:
                conn.execute("UPDATE articles SET duplicates = duplicates + 1 WHERE id = ?", (row[0],))
                return AddResult("duplicate", row[0], reason)
            article_id = a.id
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                article_id = f"{a.id}-{digest[:8]}"  # same name, other text: keep both
            published, came_from, source, precision = _dating(new, ingested)
            conn.execute(
                """INSERT INTO articles (id, title, outlet, url, url_key, published, published_at,
                       published_from, ingested_at, text, text_hash, origin, dateline,
                       date_source, date_precision)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article_id,
                    a.title,
                    a.source,
                    a.url,
                    ukey,
                    published,
                    utc_stamp(new.published_at) if new.published_at and published else None,
                    came_from,
                    utc_stamp(ingested),
                    a.text,
                    digest,
                    new.origin,
                    new.dateline,
                    source,
                    precision,
                ),
            )
        return AddResult("added", article_id)

    def find_by_url(self, url: str) -> str | None:
        """The id of the stored article with this URL (normalised), if any."""
        key = url_key(url)
        if key is None:
            return None
        with self._errors("read"):
            row = self.conn.execute("SELECT id FROM articles WHERE url_key = ?", (key,)).fetchone()
        return row[0] if row else None

    def count_duplicate(self, article_id: str) -> None:
        """Count one more sighting of a stored article."""
        with self.transaction() as conn:
            conn.execute("UPDATE articles SET duplicates = duplicates + 1 WHERE id = ?", (article_id,))

    def article_count(self) -> int:
        with self._errors("read"):
            return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Rows of a read-only query (the views of 0006 included), with sqlite3 errors as StoreError."""
        with self._errors("read"):
            cursor = self.conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    def undated_count(self) -> int:
        """Articles whose date could not be read: no window takes them in."""
        with self._errors("read"):
            row = self.conn.execute("SELECT count(*) FROM articles WHERE published IS NULL").fetchone()
        return int(row[0])

    def get_article(self, article_id: str) -> Article | None:
        rows = self._select_articles("WHERE id = ?", (article_id,))
        return rows[0] if rows else None

    def articles_in(self, window: Window) -> list[Article]:
        """Articles published inside the window, oldest first.

        An article with a known time of day is compared by instant; one with only a date is in
        when its day overlaps the window.
        """
        return self._select_articles(*window_query(window))

    def all_articles(self) -> list[Article]:
        return self._select_articles("ORDER BY published, id", ())

    def _select_articles(self, clause: str, params: Sequence[Any] | dict[str, Any]) -> list[Article]:
        with self._errors("read"):
            rows = self.conn.execute(
                f"SELECT id, text, title, outlet, published, url, origin FROM articles {clause}", params
            ).fetchall()
        return [
            Article(id=r[0], text=r[1], title=r[2], source=r[3], published=r[4], url=r[5], path=r[6])
            for r in rows
        ]

    # --- extractions ---------------------------------------------------------------------

    def needing_extraction(self, article_ids: Iterable[str], version: str) -> list[str]:
        """Those of `article_ids` with no extraction, or one made under another `version`."""
        ids = list(article_ids)
        current: set[str] = set()
        with self._errors("read"):
            for chunk in _chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                current.update(
                    r[0]
                    for r in self.conn.execute(
                        "SELECT article_id FROM extractions"
                        f" WHERE resources_version = ? AND article_id IN ({marks})",
                        (version, *chunk),
                    )
                )
        return [i for i in ids if i not in current]

    def save_extractions(self, extractions: Iterable[Extraction], *, now: datetime | None = None) -> int:
        """Store (or replace) extractions, all in one transaction; returns how many."""
        stamp = utc_stamp(now)
        rows = [
            (e.article.id, e.resources_version, json.dumps(e.to_contract(), ensure_ascii=False), stamp)
            for e in extractions
        ]
        with self.transaction() as conn:
            conn.executemany(
                """INSERT INTO extractions (article_id, resources_version, contract, extracted_at)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT (article_id) DO UPDATE SET resources_version = excluded.resources_version,
                       contract = excluded.contract, extracted_at = excluded.extracted_at""",
                rows,
            )
        return len(rows)

    def load_extractions(self, articles: Sequence[Article]) -> list[Extraction]:
        """The stored extractions of `articles`, in their order (those never extracted are left out).

        Each contract is parsed as its row is read, so the JSON of a whole window is never held
        at once, and the short strings that recur from article to article (actor ids, names,
        types, units, the words of mentions) are shared: a window of 10,000 articles keeps one
        copy of "Syria" rather than thousands (issue 15: memory at scale).
        """
        by_id = {a.id: a for a in articles}
        found: dict[str, Extraction] = {}
        parse = _SharingDecoder().decode
        with self._errors("read"), collector.paused():
            for chunk in _chunks(list(by_id), 500):
                marks = ",".join("?" * len(chunk))
                rows = self.conn.execute(
                    f"SELECT article_id, contract FROM extractions WHERE article_id IN ({marks})", chunk
                )
                for article_id, contract in rows:
                    found[article_id] = Extraction.from_contract(parse(contract), by_id[article_id])
        return [found[a.id] for a in articles if a.id in found]

    # --- builds --------------------------------------------------------------------------

    def start_build(
        self,
        window: Window,
        *,
        now: datetime | None = None,
        moves_cursor: bool = True,
        pid: int | None = None,
        host: str | None = None,
    ) -> int:
        """Record a build as running; `moves_cursor`: a --since last build, where the next resumes."""
        started = now or datetime.now(UTC)
        with self.transaction() as conn:
            cur = conn.execute(
                """INSERT INTO builds (started_at, since, until, window_end, status, moves_cursor, pid, host)
                   VALUES (?, ?, ?, ?, 'running', ?, ?, ?)""",
                (
                    utc_stamp(started),
                    utc_stamp(window.start),
                    utc_stamp(window.end) if window.end else None,
                    utc_stamp(window.end or started),
                    int(moves_cursor),
                    pid,
                    host,
                ),
            )
            return int(cur.lastrowid or 0)

    def finish_build(
        self,
        build_id: int,
        *,
        ok: bool,
        articles: int | None = None,
        output: str | None = None,
        message: str | None = None,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE builds SET finished_at = ?, status = ?, articles = ?, output = ?, message = ?"
                " WHERE id = ?",
                (utc_stamp(), "ok" if ok else "failed", articles, output, message, build_id),
            )

    def last_build(self) -> BuildRecord | None:
        """The most recent successful build."""
        return self._latest_build("")

    def cursor_build(self) -> BuildRecord | None:
        """The most recent successful build that moves the `--since last` cursor."""
        return self._latest_build(" AND moves_cursor = 1")

    def _latest_build(self, extra: str) -> BuildRecord | None:
        with self._errors("read"):
            row = self.conn.execute(
                "SELECT id, started_at, window_end, status, articles, output FROM builds"
                f" WHERE status = 'ok'{extra} ORDER BY id DESC LIMIT 1"
            ).fetchone()
        if row is None:
            return None
        return BuildRecord(row[0], parse_stamp(row[1]), parse_stamp(row[2]), row[3], row[4], row[5])

    def running_builds(self) -> list[RunningBuild]:
        """Build records still marked running, oldest first."""
        with self._errors("read"):
            rows = self.conn.execute(
                "SELECT id, started_at, pid, host FROM builds WHERE status = 'running' ORDER BY id"
            ).fetchall()
        return [RunningBuild(r[0], parse_stamp(r[1]), r[2], r[3]) for r in rows]

    def mark_builds_failed(self, build_ids: Sequence[int], message: str) -> None:
        """Mark build records (of killed runs) failed, with `message`."""
        if not build_ids:
            return
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE builds SET status = 'failed', finished_at = ?, message = ?"
                " WHERE id = ? AND status = 'running'",
                [(utc_stamp(), message, i) for i in build_ids],
            )

    # --- maintenance ---------------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks (empty: all is well)."""
        with self._errors("check"):
            problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [f"foreign key: {tuple(r)}" for r in self.conn.execute("PRAGMA foreign_key_check")]
        return problems

    def stats(self, version: str | None = None) -> dict[str, Any]:
        """Counts for `briefing db stats`."""
        q = self.conn.execute
        with self._errors("read"):
            out: dict[str, Any] = {
                "path": str(self.path),
                "articles": q("SELECT count(*) FROM articles").fetchone()[0],
                "duplicates_seen": q("SELECT coalesce(sum(duplicates), 0) FROM articles").fetchone()[0],
                "published": q("SELECT min(published), max(published) FROM articles").fetchone(),
                "published_from": dict(
                    q(
                        "SELECT published_from, count(*) FROM articles GROUP BY published_from ORDER BY 1"
                    ).fetchall()
                ),
                "outlets": q("SELECT count(DISTINCT outlet) FROM articles").fetchone()[0],
                "extractions": q("SELECT count(*) FROM extractions").fetchone()[0],
                "builds_ok": q("SELECT count(*) FROM builds WHERE status = 'ok'").fetchone()[0],
                "builds_failed": q("SELECT count(*) FROM builds WHERE status = 'failed'").fetchone()[0],
                "migrations": self.applied_migrations(),
            }
            if version is not None:
                out["extractions_current"] = q(
                    "SELECT count(*) FROM extractions WHERE resources_version = ?", (version,)
                ).fetchone()[0]
        last = self.last_build()
        out["last_build"] = last.started_at.isoformat() if last else None
        return out


def require_store(path: Path | str) -> Path:
    """`path`, if a store file is there; else StoreError naming it and how to make one."""
    path = Path(path)
    if not path.is_file():
        what = "not a file" if path.exists() else "no store there"
        raise StoreError(f"{path}: {what} (`briefing ingest` or `briefing db init --db {path}` creates one)")
    return path


def window_query(window: Window) -> tuple[str, dict[str, Any]]:
    """The clause of Store.articles_in (after FROM articles) and its parameters.

    `+published` keeps SQLite from walking the whole published index for the order: it then
    searches the two halves of the condition by their indexes (MULTI-INDEX OR) and sorts what
    it found, a few rows, however large the store (tests/test_scale.py checks the plan).
    """
    condition, params = window_condition(window)
    return f"WHERE {condition} ORDER BY +published, coalesce(published_at, ''), id", params


def window_condition(window: Window) -> tuple[str, dict[str, Any]]:
    """The SQL condition (on the articles table) and parameters of "published inside `window`".

    An undated article (published NULL) is never inside a window.
    """
    condition = (
        "((published_at IS NOT NULL AND published_at >= :start"
        + (" AND published_at < :end" if window.end else "")
        + ") OR (published_at IS NULL AND published >= :first_day"
        + (" AND published <= :last_day" if window.end else "")
        + "))"
    )
    params = {
        "start": utc_stamp(window.start),
        "end": utc_stamp(window.end) if window.end else None,
        "first_day": window.first_day,
        "last_day": window.last_day,
    }
    return condition, params


def _dating(new: NewArticle, ingested: datetime) -> tuple[str | None, str, str | None, str | None]:
    """(published, published_from, date_source, date_precision) of an article to store.

    An unreadable date leaves it undated; no date at all dates it by its ingestion (as before).
    """
    if new.undated:
        return None, "undated", None, None
    if new.article.published:
        precision = new.date_precision or ("time" if new.published_at else "day")
        return new.article.published, new.published_from, new.date_source or new.published_from, precision
    return ingested.date().isoformat(), "ingested", "ingested", "day"


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class _SharingDecoder(json.JSONDecoder):
    """A JSON decoder whose short string values are shared between the documents it decodes."""

    SHORT = 40  # characters: names, ids, labels, mention words; longer texts rarely recur

    def __init__(self) -> None:
        super().__init__(object_hook=self._share)
        self._seen: dict[str, str] = {}

    def _share(self, obj: dict[str, Any]) -> dict[str, Any]:
        seen = self._seen
        for key, value in obj.items():
            if type(value) is str and len(value) <= self.SHORT:
                obj[key] = seen.setdefault(value, value)
        return obj
