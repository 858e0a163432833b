"""A story's headlines, Arabic and English, taken from its most central article; nothing invented.

The central article is the one most of the story's items come from (the earliest on a tie). When
the story holds that article's lead, the headlines are its title (Arabic, trimmed to a short
clause) and the title's English gist (else the English line of the article's strongest claim, or
the story's); else the story's strongest claim (its sentence trimmed, and its English line), else
its first figure.

The title's gist reads a name as a word when the name stands alone ("هادي من عدن: …" gisted "A
leader from Aden: …"), and a quoted title says nothing of who speaks. So the English headline is
built, at most MAX_EN_WORDS words, from what the article says: a title "X: …" whose X names a person
of the article gets that person's English name before the colon; a title that is a quote gets the
name of the article's strongest claim's speaker before it; a gist holding a word no dictionary read
(marked "*") gives way to the English line of a claim or figure of the article without one. A
headline made of a claim's or figure's English line is cut to MAX_EN_WORDS words too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefing.compose.units import LEADS, Unit
from briefing.model.contract import Actor, Extraction
from briefing.text.normalize import fold

MAX_WORDS = 18  # a headline longer than this is cut at a clause boundary, else after this many words
MAX_EN_WORDS = 16  # an English headline built from the article (see the module's docstring)
HEAD_WORDS = 4  # at most this many words before a title's colon name who speaks ("هادي من عدن:")
_QUOTES = ('"', "«", "“", "'")
_PLACE_WORDS = frozenset({"from", "in", "to", "at", "on", "with", "for"})  # where a title's head goes on
_UNKNOWN = "*"  # the gist's mark of a word no dictionary reads
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
        if ext.title_en:
            return title_english(ext, units, src), ar
        return trim(_line(_claim(units, src) or _claim(units) or _figure(units, src)), MAX_EN_WORDS), ar
    pick = _claim(units) or _figure(units) or units[0]
    text = exts[pick.src - 1].article.text
    ar = trim(text[pick.cited.sent[0] : pick.cited.sent[1]])
    return trim(_sure(_line(pick), units), MAX_EN_WORDS), ar


def title_english(ext: Extraction, units: Sequence[Unit], src: int) -> str:
    """The English headline of a story led by this article's title (see the module's docstring)."""
    gist, title = ext.title_en or "", (ext.article.title or "").strip()
    head, colon, _rest = title.partition(":")
    built = gist
    person = _person_in(ext, head) if colon and len(head.split()) <= HEAD_WORDS else None
    if person is not None and ":" in gist and person.name_en.split()[-1] not in gist.split(":", 1)[0]:
        built = f"{_named_head(person, gist.split(':', 1)[0])}: {gist.split(':', 1)[1].strip()}"
    elif title.startswith(_QUOTES):
        speaker = _claim([u for u in units if u.claim and u.claim.speaker and u.claim.speaker.actor], src)
        if speaker is not None and speaker.claim is not None and speaker.claim.speaker is not None:
            built = f"{speaker.claim.speaker.name_en}: {gist}"
    built = _sure(built, [u for u in units if u.src == src])
    return built if built == gist else trim(built, MAX_EN_WORDS)


def _named_head(person: Actor, head_en: str) -> str:
    """The words before the colon with the person's name (the title's one word for it: the last of
    the English name) for what the gist made of it: "A leader from Aden" → "Hadi from Aden"."""
    words = head_en.split()
    at = next((i for i, w in enumerate(words) if w.lower() in _PLACE_WORDS), len(words))
    return " ".join([person.name_en.split()[-1], *words[at:]])


def _person_in(ext: Extraction, head: str) -> Actor | None:
    """A person of the article the words before a title's colon name (by a word of a mention)."""
    words = {fold(w) for w in head.replace("،", " ").split()}
    for actor in ext.actors:
        if actor.type != "PERSON":
            continue
        if any(fold(w) in words for m in actor.mentions for w in m.text.split()[-1:]):
            return actor
    return None


def _sure(line: str, units: Sequence[Unit]) -> str:
    """`line`, else when it holds an unread word the English line of a claim (the strongest) or
    a figure of these units that holds none."""
    if _UNKNOWN not in line:
        return line
    claims = sorted((u for u in units if u.claim), key=lambda u: (-u.strength, u.src, u.cited.sent[0]))
    figures = [u for u in units if u.figure]
    return next((x for x in map(_line, claims + figures) if x and _UNKNOWN not in x), line)


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
