"""Cited sentences and their numbered references.

A claim or figure is cited from the sentence that holds it. Every sentence shown in the brief
gets one reference number, in reading order of the Articles section (by source, then position),
and is kept as plain and marked segments so a reader can check the cited words in context.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefing.model.brief import Ref, Segment
from briefing.model.contract import Extraction

MAX_PASSAGE = 420  # characters of context shown around a cited span in a long sentence

Span = tuple[int, int]  # character offsets [start, end) into an article's text
SentenceKey = tuple[int, Span]  # (source number, sentence): what one reference number stands for


@dataclass(frozen=True)
class Cited:
    """A claim or figure of one article: the sentence it is cited from and the spans to mark."""

    src: int  # source number (1-based, the order of the Articles section)
    sent: Span
    spans: tuple[Span, ...]

    @property
    def key(self) -> SentenceKey:
        return (self.src, self.sent)


def sentence_span(ext: Extraction, index: int, start: int, end: int) -> Span:
    """The sentence holding [start, end): the given index when it fits, else looked up, else a window."""
    sents = ext.sentences
    if 0 <= index < len(sents) and sents[index][0] <= start < sents[index][1]:
        return sents[index]
    if sents:
        i = bisect.bisect_right([s for s, _ in sents], start) - 1
        if i >= 0 and sents[i][0] <= start < sents[i][1]:
            return sents[i]
    # No sentence data: cite a window snapped to whitespace.
    text = ext.article.text
    lo = max(0, start - MAX_PASSAGE // 2)
    hi = min(len(text), max(end, start) + MAX_PASSAGE // 2)
    lo, hi = _snap(text, (lo, hi), (start, end), (0, len(text)))
    return (lo, max(hi, end))


def _snap(text: str, window: Span, inner: Span, outer: Span) -> Span:
    """Move the window's ends to a space, so no word is cut: a cut end inside `outer` moves
    inwards, but never into `inner` (the words that must stay whole)."""
    lo, hi = window
    if lo > outer[0]:
        sp = text.find(" ", lo, inner[0])
        lo = sp + 1 if sp != -1 else lo
    if hi < outer[1]:
        sp = text.rfind(" ", inner[1], hi)
        hi = sp if sp != -1 else hi
    return lo, hi


@dataclass(frozen=True)
class References:
    """The numbered references, and the number of every cited sentence shown."""

    refs: tuple[Ref, ...]
    numbers: Mapping[SentenceKey, int]

    def number(self, cited: Cited) -> int:
        return self.numbers[cited.key]

    def of_source(self, src: int) -> tuple[Ref, ...]:
        return self._by_source.get(src, ())

    @functools.cached_property
    def _by_source(self) -> dict[int, tuple[Ref, ...]]:
        """Each source's refs in order: asked once per article, so not found by a scan each time."""
        out: dict[int, list[Ref]] = {}
        for r in self.refs:
            out.setdefault(r.source, []).append(r)
        return {src: tuple(refs) for src, refs in out.items()}


def joined_marks(*parts: Mapping[SentenceKey, Iterable[Span]]) -> dict[SentenceKey, set[Span]]:
    """Several parts' cited sentences as one, each sentence's marks joined (first part's order)."""
    out: dict[SentenceKey, set[Span]] = {}
    for part in parts:
        for key, spans in part.items():
            out.setdefault(key, set()).update(spans)
    return out


def number_references(exts: Sequence[Extraction], marks: Mapping[SentenceKey, Iterable[Span]]) -> References:
    """Number the cited sentences by source, then position, and mark their cited spans.

    `marks` is in selection order, which only breaks ties between windows cited without sentence
    data that start at the same place.
    """
    numbers: dict[SentenceKey, int] = {}
    refs: list[Ref] = []
    for key in sorted(marks, key=lambda k: (k[0], k[1][0])):
        num = len(refs) + 1
        numbers[key] = num
        src, sent = key
        segments = sentence_segments(exts[src - 1].article.text, sent, marks[key])
        refs.append(
            Ref(number=num, source=src, start=sent[0], end=sent[1], anchor=f"ref-{num}", segments=segments)
        )
    return References(tuple(refs), numbers)


def sentence_segments(text: str, sent: Span, spans: Iterable[Span]) -> tuple[Segment, ...]:
    """The sentence as plain and marked segments; a long sentence is cut around its marks."""
    marks = _merged_marks(sent, spans)
    lo, hi = _passage(text, sent, marks)
    out: list[Segment] = [Segment("… ")] if lo > sent[0] else []
    pos = lo
    for a, b in marks:
        a, b = max(a, lo), min(b, hi)
        if a >= b:
            continue
        if a > pos:
            out.append(Segment(text[pos:a]))
        out.append(Segment(text[a:b], True))
        pos = b
    if pos < hi:
        out.append(Segment(text[pos:hi]))
    if hi < sent[1]:
        out.append(Segment(" …"))
    return _trimmed(out)


def _merged_marks(sent: Span, spans: Iterable[Span]) -> list[Span]:
    """The cited spans clipped to the sentence, sorted, overlapping ones joined."""
    s0, s1 = sent
    marks = sorted((max(a, s0), min(b, s1)) for a, b in spans if b > s0 and a < s1 and b > a)
    merged: list[Span] = []
    for a, b in marks:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _passage(text: str, sent: Span, marks: Sequence[Span]) -> Span:
    """The part of the sentence shown: all of it, or around the marks when it is long."""
    s0, s1 = sent
    if s1 - s0 <= MAX_PASSAGE or not marks:
        return sent
    first, last = marks[0][0], marks[-1][1]
    pad = max(60, (MAX_PASSAGE - (last - first)) // 2)
    return _snap(text, (max(s0, first - pad), min(s1, last + pad)), (first, last), sent)


def _trimmed(segments: list[Segment]) -> tuple[Segment, ...]:
    # Sentence spans may carry the line breaks around them.
    if segments and not segments[0].mark:
        segments[0] = Segment(segments[0].text.lstrip())
    if segments and not segments[-1].mark:
        segments[-1] = Segment(segments[-1].text.rstrip())
    return tuple(s for s in segments if s.text)
