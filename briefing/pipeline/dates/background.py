"""Sentences that tell of something before the article's news (Extraction.background).

Reasons, the first that applies:
- pluperfect: كان … قد ("وكانت الأمم المتحدة قد سحبت موظفيها");
- earlier: في وقت سابق، حينها، آنذاك، سابقا، منذ ذلك الحين … (resources/dates.yaml);
  neither when the sentence states a date in the article's week: "وكانت القوات قد شنت الأربعاء
  هجوما" in Thursday's article tells the week's news in the pluperfect; its claims and figures
  carry that date, and whether it falls before the brief's window is for the brief to say;
- dated: every date the sentence states ends more than DATED_DAYS days before the article's date
  (a year before the article's year, a month before the article's, a day more than a week
  before it); "منذ 2011" does not count (what began then goes on). A sentence holding claims
  is dated by when they were made: "قال اليوم إن عام 2012 …" and "وأضاف أن … بعد يناير 2016"
  are the news, "وكان أوباما حذر في 2012 من …" is not;
- headline: the headline of another story that some outlets set between paragraphs: a whole
  line of the body (neither the first nor the last), of resources' min_words to max_words
  words, without final punctuation, holding no claim. Shorter lines are the article's own
  subheadings ("ردود فعل دولية"), a line with a claim is reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from briefing.model.contract import Background, Claim, EventDate
from briefing.pipeline.dates.lexicon import DateLexicon
from briefing.pipeline.dates.resolve import When
from briefing.text.normalize import fold_keeping_offsets

DATED_DAYS = 7  # "the article's week": a date ending more than a week before it is background
_FINAL = ".!?؟…:"
_CLOSING = "\"'»”)]} \t"
_LIST_ITEM = re.compile(r"^\s*(?:\d+\s*[-.)]|[-•*·])")
_BLANK = re.compile(r"\s*")  # \s is str.isspace's whitespace, which str.strip takes off
_BLANK_TO_BREAK = re.compile(r"[^\S\n]*(?:\n|\Z)")


def marker(sentence: str, lexicon: DateLexicon) -> str | None:
    """pluperfect | earlier when the sentence holds that marker (the first in that order)."""
    folded, _ = fold_keeping_offsets(sentence)
    for reason, pattern in lexicon.markers.items():
        if pattern.search(folded):
            return reason
    return None


def dated(whens: Sequence[When], claims: Sequence[Claim], published: date | None) -> bool:
    """Whether what a sentence tells ends before the article's week: every date it states,
    or, when it holds claims, the dates they were made (a claim without one is the news's:
    "وأضاف أن الأسلحة نقلت بعد يناير 2016" is said now)."""
    if published is None:
        return False
    if claims:
        said = [c.date for c in claims]
        return all(d is not None and _last(d) < published - timedelta(days=DATED_DAYS) for d in said)
    counted = [w for w in whens if not w.since]
    return bool(counted) and max(w.last for w in counted) < published - timedelta(days=DATED_DAYS)


def _last(when: EventDate) -> date:
    """The last day an EventDate covers."""
    year = int(when.value[:4])
    if when.precision == "year":
        return date(year, 12, 31)
    month = int(when.value[5:7])
    if when.precision == "month":
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return date.fromisoformat(when.value)


def recent(whens: Sequence[When], published: date | None) -> bool:
    """Whether a sentence states a date that begins in the article's week or after it."""
    if published is None:
        return False
    return any(not w.since and w.first >= published - timedelta(days=DATED_DAYS) for w in whens)


def is_headline(text: str, span: tuple[int, int], lexicon: DateLexicon) -> bool:
    """Whether the sentence at `span` is another story's headline set in the body (see above)."""
    start, end = span
    first = _BLANK.match(text, start, end).end()  # type: ignore[union-attr]  # \s* matches anywhere
    if end > start and text[end - 1].isspace():
        end = start + len(text[start:end].rstrip())
    start = first
    # A whole line: blank to the line break after it (looked at first: a sentence that shares its
    # line with the next shows it in a character or two), and blank back to the one before.
    if _BLANK_TO_BREAK.match(text, end) is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not _blank(text, line_start, start):
        return False
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if _blank(text, 0, line_start) or _blank(text, line_end, len(text)):
        return False  # the first or last line: a title or a closing line, not in the body
    line = text[start:end].rstrip(_CLOSING)
    shape = lexicon.data.headlines
    words = len(line.split())
    return (
        shape.min_words <= words <= shape.max_words
        and bool(line)
        and line[-1] not in _FINAL
        and not _LIST_ITEM.match(line)
    )


def _blank(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all whitespace (without copying the slice: it may be most of
    the text, once for each of its lines)."""
    return _BLANK.match(text, start, end).end() == end  # type: ignore[union-attr]


def background(
    text: str,
    sentences: Sequence[tuple[int, int]],
    marked: dict[int, str],
    whens: Sequence[Sequence[When]],
    claims: Sequence[Claim],
    published: date | None,
    lexicon: DateLexicon,
) -> tuple[Background, ...]:
    """The background sentences in text order; `whens[i]` are the dates sentence i states,
    `claims` the dated claims."""
    claimed: dict[int, list[Claim]] = {}
    for claim in claims:
        claimed.setdefault(claim.sentence, []).append(claim)
    out: list[Background] = []
    for i, span in enumerate(sentences):
        reason = None if recent(whens[i], published) else marked.get(i)
        if reason is None and dated(whens[i], claimed.get(i, ()), published):
            reason = "dated"
        if reason is None and i not in claimed and is_headline(text, span, lexicon):
            reason = "headline"
        if reason is not None:
            out.append(Background(i, reason))
    return tuple(out)
