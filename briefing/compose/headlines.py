"""A story's headlines, Arabic and English, taken from its most central article; nothing invented.

The central article is the one most of the story's items come from (the earliest on a tie). When
the story holds that article's lead, the headlines are its title (Arabic, trimmed to a short
clause) and the title's English gist (else the English line of the article's strongest claim, or
the story's); else the story's strongest claim (its sentence trimmed, and its English line), else
its first figure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefing.compose.units import LEADS, Unit
from briefing.model.contract import Extraction

MAX_WORDS = 18  # a headline longer than this is cut at a clause boundary, else after this many words
_SITE_SUFFIX = re.compile(r"\s+[|\-–—]\s+[^|\-–—]{1,40}$")
_CLAUSE_END = re.compile(r"\s*(?:[،,؛;:.!?؟]|\.\.)\s*")


def trim(text: str, max_words: int = MAX_WORDS) -> str:
    """A short clause of `text`: one line, no site name after a bar, at most `max_words` words."""
    text = " ".join(text.split())
    text = _SITE_SUFFIX.sub("", text).strip()
    words = text.split(" ")
    if len(words) <= max_words:
        return text.rstrip(".،,")
    head = " ".join(words[:max_words])
    cuts = [m.start() for m in _CLAUSE_END.finditer(head) if m.start() >= len(head) // 3]
    return (head[: cuts[-1]] if cuts else head + " …").rstrip(".،,")


def central(units: Sequence[Unit]) -> int:
    """The source number most of the story's items come from (the earliest on a tie)."""
    counts = Counter(u.src for u in units)
    return min(counts, key=lambda src: (-counts[src], src))


def headlines(units: Sequence[Unit], exts: Sequence[Extraction]) -> tuple[str, str]:
    """(English, Arabic) headlines of a story made of these units (source numbers into `exts`);
    the English one starts with a capital, as a headline does."""
    en, ar = _headlines(units, exts)
    return en[:1].upper() + en[1:], ar


def _headlines(units: Sequence[Unit], exts: Sequence[Extraction]) -> tuple[str, str]:
    src = central(units)
    ext = exts[src - 1]
    if any(u.kind in LEADS and u.src == src for u in units):
        first = ext.sentences[0] if ext.sentences else (0, len(ext.article.text))
        ar = trim(ext.article.title or ext.article.text[first[0] : first[1]])
        return ext.title_en or _line(_claim(units, src) or _claim(units) or _figure(units, src)), ar
    pick = _claim(units) or _figure(units) or units[0]
    text = exts[pick.src - 1].article.text
    return _line(pick), trim(text[pick.cited.sent[0] : pick.cited.sent[1]])


def _claim(units: Sequence[Unit], src: int | None = None) -> Unit | None:
    """The strongest claim (of one article, or of all)."""
    claims = [u for u in units if u.claim and (src is None or u.src == src)]
    return min(claims, key=lambda u: (-u.strength, u.src, u.cited.sent[0]), default=None)


def _figure(units: Sequence[Unit], src: int | None = None) -> Unit | None:
    return next((u for u in units if u.figure and (src is None or u.src == src)), None)


def _line(u: Unit | None) -> str:
    """The English line of a claim or figure unit ("" for none)."""
    if u is None:
        return ""
    return u.claim.en if u.claim else (u.figure.en if u.figure else "")
