"""Component: score each article against the theme taxonomy (resources/themes.yaml).

A theme's score is the sum of the weights of its keywords found in the text, normalised by the
article's length so long and short articles compare; the result is a share of all theme
evidence in the article, strongest first. Keywords are words, phrases or stems ("انسحاب*").
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.attrs import IS_PUNCT, IS_SPACE, NORM
from spacy.language import Language
from spacy.tokens import Doc

from briefing.model.contract import ThemeScore
from briefing.pipeline.batching import BatchPipe
from briefing.resources import Resources, ThemeEntry
from briefing.text.normalize import fold

if not Doc.has_extension("themes"):
    Doc.set_extension("themes", default=())

# Prefixes removed before comparing with theme keywords: the article and the proclitics of
# text/normalize.PROCLITICS that open nouns (no future's س, no ك before the article). Themes are
# fuzzy evidence, so this needs no lexicon guard; taking every proclitic off changes the scores
# of some articles, so the list stays as the theme weights were set against.
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "وب", "ول", "ال", "و", "ف", "ب", "ل")


def _forms(word: str) -> set[str]:
    out = {word}
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            rest = word[len(p) :]
            out.add(rest)
            if p.endswith("ل") and p != "ل":
                out.add("ال" + rest)
    return out


_Phrase = tuple[tuple[str, ...], int, float]  # the words after the first, theme index, weight
# A word's evidence: (theme index, weight) of the word alone, its forms, phrases it may open.
_WordEvidence = tuple[tuple[tuple[int, float], ...], frozenset[str], tuple[_Phrase, ...]]


@dataclass(frozen=True)
class ThemeTables:
    """The taxonomy's keywords by form: whole words, stems ("انسحاب*"), phrases by first word."""

    themes: tuple[ThemeEntry, ...]
    words: Mapping[str, tuple[tuple[int, float], ...]]  # folded word -> (theme index, weight)
    stems: Mapping[str, tuple[tuple[int, float], ...]]
    phrases: Mapping[str, tuple[_Phrase, ...]]
    stem_lengths: tuple[int, ...]  # longest first


def build_tables(themes: tuple[ThemeEntry, ...]) -> ThemeTables:
    words: dict[str, list[tuple[int, float]]] = defaultdict(list)
    stems: dict[str, list[tuple[int, float]]] = defaultdict(list)
    phrases: dict[str, list[_Phrase]] = defaultdict(list)
    for index, theme in enumerate(themes):
        for pattern, weight in theme.keywords:
            parts = fold(pattern).split()
            if len(parts) > 1:
                phrases[parts[0]].append((tuple(parts[1:]), index, weight))
            elif parts[0].endswith("*"):
                stems[parts[0][:-1]].append((index, weight))
            else:
                words[parts[0]].append((index, weight))
    return ThemeTables(
        themes=themes,
        words={k: tuple(v) for k, v in words.items()},
        stems={k: tuple(v) for k, v in stems.items()},
        phrases={k: tuple(v) for k, v in phrases.items()},
        stem_lengths=tuple(sorted({len(s) for s in stems}, reverse=True)),
    )


class ThemeScorer(BatchPipe):
    """Config: `max_themes` (how many to report), `min_share` (drop weaker themes)."""

    def __init__(self, nlp: Language, name: str, *, max_themes: int, min_share: float) -> None:
        self.name = name
        self.max_themes = max_themes
        self.min_share = min_share
        self.tables = build_tables(())
        self._cache: dict[int, _WordEvidence] = {}
        self.strings = nlp.vocab.strings

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        """Themes strip prefixes themselves and never need the normalizer's `known` words."""
        self.tables = build_tables(resources.themes)
        self._cache.clear()

    def _word_hits(self, word: str) -> tuple[tuple[int, float], ...]:
        """Theme evidence of one word alone (words and stems), best weight per theme."""
        hits: dict[int, float] = {}
        tables = self.tables
        for f in _forms(word):
            for index, weight in tables.words.get(f, ()):
                hits[index] = max(hits.get(index, 0.0), weight)
            for n in tables.stem_lengths:
                if len(f) >= n:
                    for index, weight in tables.stems.get(f[:n], ()):
                        hits[index] = max(hits.get(index, 0.0), weight)
        return tuple(hits.items())

    def _word(self, norm: int) -> _WordEvidence:
        """(single-word hits, forms, phrases that may start here) of a word, cached by its hash."""
        entry = self._cache.get(norm)
        if entry is None:
            word = self.strings[norm]
            forms = frozenset(_forms(word))
            phrases = tuple(p for f in forms for p in self.tables.phrases.get(f, ()))
            entry = self._cache[norm] = (self._word_hits(word), forms, phrases)
        return entry

    def scores(self, doc: Doc) -> list[float]:
        totals = [0.0] * len(self.tables.themes)
        arr = doc.to_array([NORM, IS_PUNCT, IS_SPACE])
        norms = arr[(arr[:, 1] == 0) & (arr[:, 2] == 0), 0].tolist()
        cache = self._cache
        words = [cache.get(h) or self._word(h) for h in norms]
        for i, (hits, _, phrases) in enumerate(words):
            if not phrases:
                # Most words: no phrase starts here, so the single-word evidence is all.
                for index, weight in hits:
                    totals[index] += weight
                continue
            best = dict(hits)
            for rest, index, weight in phrases:
                following = words[i + 1 : i + 1 + len(rest)]
                if len(following) == len(rest) and all(
                    r in w[1] for r, w in zip(rest, following, strict=True)
                ):
                    best[index] = max(best.get(index, 0.0), weight)
            for index, weight in best.items():
                totals[index] += weight
        return totals

    def __call__(self, doc: Doc) -> Doc:
        totals = self.scores(doc)
        total = sum(totals)
        if total <= 0:
            doc._.themes = ()
            return doc
        # Damp repetition: ten mentions of one keyword are not ten times the evidence.
        damped = [math.sqrt(t) for t in totals]
        norm = sum(damped)
        ranked = sorted(((d / norm, i) for i, d in enumerate(damped) if d > 0), key=lambda x: (-x[0], x[1]))
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
    requires=["token.norm"],
    assigns=["doc._.themes"],
    default_config={"max_themes": 4, "min_share": 0.1},
)
def make_themes(nlp: Language, name: str, max_themes: int, min_share: float) -> ThemeScorer:
    return ThemeScorer(nlp, name, max_themes=max_themes, min_share=min_share)
