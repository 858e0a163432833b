"""Component: score each article against the theme taxonomy (resources/themes.yaml).

What an article is mostly about is read from its keywords (words, phrases or stems such as
"انسحاب*"), weighed in four ways:

- each word of the text is evidence for its most specific keywords only: a phrase over the words
  it covers ("حزب الله" is not also the "حزب" of party politics), a whole word over a stem, a
  longer stem over a shorter one;
- within a paragraph, a keyword's evidence grows with the square root of its count, so several
  words of a theme weigh more than one word repeated;
- across the article, a theme's evidence in each paragraph is square-rooted before the
  paragraphs are summed: a theme that runs through the article outweighs one that fills a
  single paragraph, and the themes of the background paragraphs keep their place as secondary
  themes (the brief's theme sections and an article's theme line read them);
- a keyword inside the name of a body (an ORG of the actors, "الحوثيين", "مجلس الأمن") counts
  `name_weight` of a mention: a name says who takes part, not what the article is about, and a
  party named in every paragraph would otherwise set the theme of every article on its war.

A theme's score is Σ over paragraphs of √(Σ over its keywords of weight × √count); the result is
each theme's share of all theme evidence in the article, strongest first. A paragraph is a line.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy
from mypy_extensions import mypyc_attr
from spacy.attrs import IS_PUNCT, IS_SPACE, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from briefing.model.contract import ThemeScore
from briefing.pipeline.actor_spans import actor_spans
from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.columns import token_array
from briefing.pipeline.wordslots import WordValues
from briefing.resources import Resources, ThemeEntry
from briefing.text.normalize import fold

if not Doc.has_extension("themes"):
    Doc.set_extension("themes", default=())

# Prefixes removed before comparing with theme keywords: the article and the proclitics of
# text/normalize.PROCLITICS that open nouns (no future's س, no ك before the article). Themes are
# fuzzy evidence, so this needs no lexicon guard; taking every proclitic off changes the scores
# of some articles, so the list stays as the theme weights were set against.
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "وب", "ول", "ال", "و", "ف", "ب", "ل")

# How specific a match is: a phrase of n words scores n * _PHRASE, a whole word _WORD, a stem
# its length (always less than _WORD).
_WORD = 999
_PHRASE = 1000

_NAME_LABEL = "ORG"  # the actor type whose names count `name_weight`


def _forms(word: str) -> set[str]:
    out = {word}
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            rest = word[len(p) :]
            out.add(rest)
            if p.endswith("ل") and p != "ل":
                out.add("ال" + rest)
    return out


def _heavier(weights: tuple[float, ...], kw: int, other: int) -> bool:
    """Whether keyword `kw` beats `other` for the same word: the heavier, else the one listed
    first (so the keyword a word counts for never depends on set order)."""
    return (weights[kw], -kw) > (weights[other], -other)


_Hit = tuple[int, int]  # theme index, keyword index
_Phrase = tuple[tuple[str, ...], int, int]  # the words after the first, theme index, keyword index
# A word's evidence: the keywords of its most specific single-word hits (the best of each theme),
# its forms, the phrases it may open, and whether it has any hit or phrase.
_WordEvidence = tuple[tuple[int, ...], frozenset[str], tuple[_Phrase, ...], bool]


@dataclass(frozen=True)
class ThemeTables:
    """The taxonomy's keywords by form: whole words, stems ("انسحاب*"), phrases by first word.

    Every keyword has an index into `weights` (and `keyword_theme`): evidence is counted per
    keyword."""

    themes: tuple[ThemeEntry, ...]
    weights: tuple[float, ...]
    keyword_theme: tuple[int, ...]
    words: Mapping[str, tuple[_Hit, ...]]  # folded word -> (theme index, keyword index)
    stems: Mapping[str, tuple[_Hit, ...]]
    phrases: Mapping[str, tuple[_Phrase, ...]]
    stem_lengths: tuple[int, ...]  # longest first


def build_tables(themes: tuple[ThemeEntry, ...]) -> ThemeTables:
    words: dict[str, list[_Hit]] = defaultdict(list)
    stems: dict[str, list[_Hit]] = defaultdict(list)
    phrases: dict[str, list[_Phrase]] = defaultdict(list)
    weights: list[float] = []
    keyword_theme: list[int] = []
    for index, theme in enumerate(themes):
        for pattern, weight in theme.keywords:
            kw = len(weights)
            weights.append(weight)
            keyword_theme.append(index)
            parts = fold(pattern).split()
            if len(parts) > 1:
                phrases[parts[0]].append((tuple(parts[1:]), index, kw))
            elif parts[0].endswith("*"):
                stems[parts[0][:-1]].append((index, kw))
            else:
                words[parts[0]].append((index, kw))
    return ThemeTables(
        themes=themes,
        weights=tuple(weights),
        keyword_theme=tuple(keyword_theme),
        words={k: tuple(v) for k, v in words.items()},
        stems={k: tuple(v) for k, v in stems.items()},
        phrases={k: tuple(v) for k, v in phrases.items()},
        stem_lengths=tuple(sorted({len(s) for s in stems}, reverse=True)),
    )


@mypyc_attr(allow_interpreted_subclasses=True)
class ThemeScorer(BatchPipe):
    """Config: `max_themes` (how many to report), `min_share` (drop weaker themes),
    `name_weight` (what a keyword inside a body's name counts)."""

    def __init__(
        self, nlp: Language, name: str, *, max_themes: int, min_share: float, name_weight: float
    ) -> None:
        self.name = name
        self.max_themes = max_themes
        self.min_share = min_share
        self.name_weight = name_weight
        self.tables = build_tables(())
        # Each word's evidence, read once: the readings in a list, and each word's place in it (and
        # whether it has any evidence) by norm hash in a WordValues, which finds a document's words
        # by their ids in C (a dictionary lookup per word cost three times as much).
        self._words = WordValues(2)
        self._evidence: list[_WordEvidence] = []
        self.strings = nlp.vocab.strings

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        """Themes strip prefixes themselves and never need the normalizer's `known` words."""
        self.tables = build_tables(resources.themes)
        self._words, self._evidence = WordValues(2), []

    def _word_hits(self, forms: frozenset[str]) -> tuple[_Hit, ...]:
        """The most specific single-word matches of a word's forms, the heaviest per theme."""
        tables = self.tables
        words, stems = tables.words, tables.stems
        found: list[tuple[int, int, int]] = []  # specificity, theme, keyword
        for f in forms:
            # Most lookups miss: a hit only is unpacked (a generator per lookup made a first
            # run's themes stage twice as long as a warm one's).
            hits = words.get(f)
            if hits:
                found += [(_WORD, theme, kw) for theme, kw in hits]
            for n in tables.stem_lengths:
                if len(f) >= n and (hits := stems.get(f[:n])):
                    found += [(n, theme, kw) for theme, kw in hits]
        if not found:
            return ()
        top = max(spec for spec, _, _ in found)
        best: dict[int, int] = {}
        for spec, theme, kw in found:
            if spec == top and (theme not in best or _heavier(tables.weights, kw, best[theme])):
                best[theme] = kw
        return tuple(best.items())

    def _word(self, norm: int) -> _WordEvidence:
        """(its single-word hits' keywords, forms, phrases that may start here, any of them) of a word."""
        forms = frozenset(_forms(self.strings[norm]))
        phrases = tuple(p for f in forms for p in self.tables.phrases.get(f, ()))
        hits = self._word_hits(forms)
        return (tuple(kw for _, kw in hits), forms, phrases, bool(hits or phrases))

    def _learn(self, norms: list[int]) -> None:
        """Read the evidence of the words `norms` (distinct, not seen before)."""
        start = len(self._evidence)
        self._evidence.extend(self._word(norm) for norm in norms)
        places = range(start, len(self._evidence))
        flags = [entry[3] for entry in self._evidence[start:]]
        self._words.add(norms, numpy.array([places, flags], dtype="int64").T)

    def _evidence_at(self, norms: numpy.ndarray) -> numpy.ndarray:
        """(place in self._evidence, any evidence) of each word of `norms`."""
        found = self._words.of(norms)
        if found is None:  # a word not seen yet
            self._learn(self._words.missing(norms))
            found = self._words.of(norms)
            assert found is not None
        return found

    def _phrase_hits(
        self, place: list[int], openers: list[int]
    ) -> tuple[dict[int, int], list[tuple[int, int, int]]]:
        """Phrases found in the text (`place`: each word's in self._evidence; `openers`: the
        words that may open one): the specificity each word of one is claimed at, and the phrases
        that hold every word they cover against longer ones as (start, length, keyword)."""
        evidence = self._evidence
        claimed: dict[int, int] = {}
        found: list[tuple[int, int, int]] = []
        for i in openers:
            for rest, _, kw in evidence[place[i]][2]:
                following = place[i + 1 : i + 1 + len(rest)]
                if len(following) != len(rest) or rest[0] not in evidence[following[0]][1]:
                    continue  # most phrases fail on their second word: no loop for them
                if all(r in evidence[k][1] for r, k in zip(rest, following, strict=True)):
                    n = len(rest) + 1
                    found.append((i, n, kw))
                    for p in range(i, i + n):
                        claimed[p] = max(claimed.get(p, 0), n * _PHRASE)
        kept = [(i, n, kw) for i, n, kw in found if all(claimed[p] == n * _PHRASE for p in range(i, i + n))]
        return claimed, kept

    def counts(self, doc: Doc) -> dict[tuple[int, int], float]:
        """Each keyword's count in each paragraph, as {(paragraph, keyword): count}; a mention
        inside a body's name counts `name_weight`."""
        arr = token_array(doc, [NORM, IS_PUNCT, IS_SPACE, ORTH])
        keep = (arr[:, 1] == 0) & (arr[:, 2] == 0)
        found = self._evidence_at(arr[keep, 0])
        place, evidence = found[:, 0].tolist(), self._evidence
        # Most words are evidence of no theme: only those with some are looked at, in text order.
        marked = found[:, 1].nonzero()[0].tolist()
        openers = [i for i in marked if evidence[place[i]][2]]
        claimed, phrases = self._phrase_hits(place, openers) if openers else ({}, [])
        # Per word: the keywords it counts for, the best of each theme (phrases first: they claim
        # their words); a word's own hits are already the best of each theme.
        spots = self._phrase_keywords(phrases)
        spots += [(i, kws) for i in marked if (kws := evidence[place[i]][0]) and not claimed.get(i)]
        if not spots:
            return {}
        tokens = keep.nonzero()[0][[i for i, _ in spots]]
        breaks = self._line_breaks(arr)
        paragraphs = numpy.searchsorted(breaks, tokens, side="right").tolist() if breaks else [0] * len(spots)
        inside = self._inside_names(doc)
        counts: dict[tuple[int, int], float] = defaultdict(float)
        for (_, keywords), para, token in zip(spots, paragraphs, tokens.tolist(), strict=True):
            factor = self.name_weight if token in inside else 1.0
            for kw in keywords:
                counts[para, kw] += factor
        return counts

    def _phrase_keywords(self, phrases: list[tuple[int, int, int]]) -> list[tuple[int, tuple[int, ...]]]:
        """(first word, keywords) of the phrases found: the heaviest keyword of each theme."""
        weights, theme_of = self.tables.weights, self.tables.keyword_theme
        at: dict[int, dict[int, int]] = defaultdict(dict)
        for i, _, kw in phrases:
            best = at[i]
            theme = theme_of[kw]
            if theme not in best or _heavier(weights, kw, best[theme]):
                best[theme] = kw
        return [(i, tuple(best.values())) for i, best in at.items()]

    def _line_breaks(self, arr: numpy.ndarray) -> list[int]:
        """The tokens that end a paragraph (one paragraph a line): the space tokens holding a line
        break, from the doc's array of (NORM, IS_PUNCT, IS_SPACE, ORTH); read from the array, since
        `doc.text` would build the whole text again."""
        strings = self.strings
        return [t for t in (arr[:, 2] != 0).nonzero()[0].tolist() if "\n" in strings[int(arr[t, 3])]]

    def _inside_names(self, doc: Doc) -> set[int] | frozenset[int]:
        """The tokens inside a body's name, where a keyword counts `name_weight`."""
        if self.name_weight == 1.0 or "actors" not in doc.spans:
            return frozenset()
        label = self.strings[_NAME_LABEL]
        return {t for start, end, kind, _ in actor_spans(doc) if kind == label for t in range(start, end)}

    def scores(self, doc: Doc) -> list[float]:
        """Per theme: the sum over paragraphs of √(Σ weight × √count of its keywords there)."""
        weights, theme_of = self.tables.weights, self.tables.keyword_theme
        per_paragraph: dict[tuple[int, int], float] = defaultdict(float)
        for (para, kw), count in self.counts(doc).items():
            per_paragraph[para, theme_of[kw]] += weights[kw] * math.sqrt(count)
        totals = [0.0] * len(self.tables.themes)
        for (_, theme), evidence in per_paragraph.items():
            totals[theme] += math.sqrt(evidence)
        return totals

    def __call__(self, doc: Doc) -> Doc:
        totals = self.scores(doc)
        total = sum(totals)
        if total <= 0:
            doc._.themes = ()
            return doc
        ranked = sorted(((t / total, i) for i, t in enumerate(totals) if t > 0), key=lambda x: (-x[0], x[1]))
        out: list[ThemeScore] = []
        for share, index in ranked[: self.max_themes]:
            if share < self.min_share and out:
                break
            theme = self.tables.themes[index]
            out.append(
                ThemeScore(
                    id=theme.id,
                    label_en=theme.label_en,
                    label_ar=theme.label_ar,
                    score=share,
                    eval_id=theme.eval_id,
                )
            )
        doc._.themes = tuple(out)
        return doc


@Language.factory(
    "briefing_themes",
    requires=["token.norm", "doc._.actors"],
    assigns=["doc._.themes"],
    default_config={"max_themes": 4, "min_share": 0.1, "name_weight": 0.25},
)
def make_themes(
    nlp: Language, name: str, max_themes: int, min_share: float, name_weight: float
) -> ThemeScorer:
    return ThemeScorer(nlp, name, max_themes=max_themes, min_share=min_share, name_weight=name_weight)
