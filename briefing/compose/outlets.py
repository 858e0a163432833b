"""Outlets of a brief: the short names a citation gives, and which articles are one outlet's.

Stored outlet names are as feeds and files give them ("Al Arabiya (alarabiya.net)", "BBC News
Arabic"); resources/outlets.yaml maps them, or the article's web domain, to a stable id and short
names in both languages. An outlet the table does not know keeps its stored name, without the
"(domain)" part, in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from briefing.model.contract import Article
from briefing.resources.loader import packaged
from briefing.resources.schema import OutletsFile

_DOMAIN_PART = re.compile(r"\s*\(([^()]*)\)\s*$")


@dataclass(frozen=True)
class Outlet:
    id: str  # the table's id; for an outlet it does not know, its name folded to lower case
    en: str
    ar: str


UNKNOWN = Outlet("", "", "")  # an article with no outlet at all


@dataclass(frozen=True)
class _Table:
    by_name: Mapping[str, Outlet]
    by_domain: Mapping[str, Outlet]


@cache
def _table() -> _Table:
    by_name: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for e in packaged("outlets", OutletsFile).outlets:
        outlet = Outlet(e.id, e.en, e.ar)
        for name in (e.en, *e.names):
            by_name.setdefault(name.casefold(), outlet)
        for domain in e.domains:
            by_domain.setdefault(domain.casefold().removeprefix("www."), outlet)
    return _Table(by_name, by_domain)


def _by_domain(host: str | None) -> Outlet | None:
    """The outlet of a host name: the domain itself or any parent domain of it."""
    if not host:
        return None
    parts = host.casefold().removeprefix("www.").split(".")
    table = _table().by_domain
    for i in range(len(parts) - 1):
        found = table.get(".".join(parts[i:]))
        if found:
            return found
    return None


def outlet_of(article: Article) -> Outlet:
    """The outlet of an article: by its stored name, else the "(domain)" in it, else its URL."""
    stored = (article.source or "").strip()
    m = _DOMAIN_PART.search(stored)
    bare = stored[: m.start()].strip() if m else stored
    found = _table().by_name.get(stored.casefold()) or _table().by_name.get(bare.casefold())
    found = found or _by_domain(m.group(1).strip() if m else None)
    found = found or _by_domain(urlsplit(article.url or "").hostname if article.url else None)
    if found:
        return found
    if not bare:
        return UNKNOWN
    return Outlet(bare.casefold(), bare, bare)


COPY_SHINGLE = 5  # words per shingle
COPY_SIMILARITY = 0.5  # Jaccard of shingles above which two texts are one text (a wire copy)


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = text.split()
    return frozenset(tuple(words[i : i + COPY_SHINGLE]) for i in range(max(len(words) - COPY_SHINGLE + 1, 1)))


def _copies(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= COPY_SIMILARITY


def independent_outlets(articles: Sequence[Article]) -> int:
    """How many independent outlets these articles come from: one per outlet, and outlets that
    ran near-identical texts (an agency's copy) counted once."""
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    outlets = [outlet_of(a).id for a in articles]
    shingles = [_shingles(a.text) for a in articles]
    for i in range(len(articles)):
        for j in range(i):
            if outlets[i] == outlets[j] or _copies(shingles[i], shingles[j]):
                parent[root(i)] = root(j)
    return len({root(i) for i in range(len(articles))})
