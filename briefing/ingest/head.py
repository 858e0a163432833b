"""The head of an article's text: its title line and its dateline ("دمشق – (رويترز) -").

Recognising them never changes the text: the reader takes the title line as the title when no
metadata gives one, and ingestion keeps the dateline beside the stored article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.normalize import fold, has_arabic

_AR_WORD = r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3]+"
_DASH = r"[-–—]"
# "طهران - ", "دمشق – (رويترز) -", "القدس (أ ف ب) -", "بيروت، لبنان (CNN) --"
DATELINE = re.compile(
    rf"^(?P<place>{_AR_WORD}(?:[ ،,]+{_AR_WORD}){{0,4}})[ \t]*"
    rf"(?:\((?P<agency1>[^()\n]{{1,40}})\)[ \t]*)?{_DASH}{{1,2}}[ \t]*"
    rf"(?:\((?P<agency2>[^()\n]{{1,40}})\)[ \t]*{_DASH}{{1,2}}[ \t]*)?"
)


@dataclass(frozen=True)
class Head:
    title: str | None  # the leading title line, when there is one
    dateline: str | None  # "دمشق – (رويترز) -" as written
    place: str | None
    agency: str | None


def looks_like_title(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= 200 and not line.endswith((".", ":", "،", "؛")) and has_arabic(line)


def read_head(text: str, known_title: str | None = None) -> Head:
    """The title line and the dateline at the head of an article, when they are there."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if not lines:
        return Head(None, None, None, None)
    title = None
    body_first = lines[0]
    if known_title:
        first_is_title = fold(" ".join(lines[0].split())) == fold(" ".join(known_title.split()))
    else:
        first_is_title = len(lines) > 1 and looks_like_title(lines[0]) and not DATELINE.match(lines[0])
    if first_is_title:
        title = lines[0].strip()
        body_first = lines[1] if len(lines) > 1 else ""
    match = DATELINE.match(body_first.strip())
    # A dateline is followed by the sentence it opens, not by the end of the line.
    if not match or len(body_first.strip()) - match.end() < 20:
        return Head(title, None, None, None)
    return Head(
        title=title,
        dateline=match.group(0).strip(),
        place=match.group("place"),
        agency=match.group("agency1") or match.group("agency2"),
    )
