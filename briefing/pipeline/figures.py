"""Component: figures, the numbers in a text that count or measure something in the world.

The number itself is read by briefing.text.numbers (digits, words, duals, scales, fractions). Around
it this component reads what makes it a figure: a qualifier before or after (أكثر من، نحو،
تقريبا), a range frame (بين … و …، من … إلى …، 200-300), the counted noun after it (or with من,
or before it for "مسؤولين إيرانيين ثلاثة"), a percent marker, a currency and its ISO code, and
event words that say what happened to those counted (مقتل 34 جنديا → killed). It drops what is
not a figure: dates and years, identifiers and model names (القرار 2254، إس 200), clock times,
phone numbers, list numbers, definite number words used as names or ordinals (قمة العشرين).

Output: doc.spans["figures"] (token spans labelled with the category) and doc._.figures, a tuple
of briefing.model.Figure whose start/end are character offsets into the raw text (a proclitic
in front of the first word is left out: "وأكثر من" starts after و).

Config: none; every word list lives in resources/numbers.yaml and resources/units.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter
from typing import Any, NamedTuple

import numpy
from babel.numbers import format_currency, format_decimal, get_currency_symbol
from spacy.attrs import IDX, NORM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.errors import ResourceError
from briefing.model.contract import Figure
from briefing.model.vocab import CATEGORIES, QUALIFIERS
from briefing.pipeline.batching import BatchPipe
from briefing.resources import Resources
from briefing.resources.schema import NumbersFile
from briefing.text.normalize import fold, raw_prefix_length
from briefing.text.numbers import NumberGrammar, NumberParse, is_phone_like, parse_digits

if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=())

CATEGORIES_OF_COUNTED = frozenset(c.id for c in CATEGORIES.values() if c.counted)
# Events may recast people counted with a neutral or military noun (مقتل 34 جنديا), never money
# or time.
_RECASTABLE = frozenset({"count", "personnel"})
_NISBA_ENDINGS = ("ي", "يه", "يا", "يين", "يون", "يات", "يتين", "يين")
_SCALE_EN = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# The characters c with "a" <= c.lower() <= "z": ASCII letters, and İ and the Kelvin sign.
_LATIN = re.compile("[A-Za-z\u0130\u212a]")
_RAW = attrgetter("raw")
_CAND = attrgetter("cand")


@dataclass(frozen=True)
class Noun:
    """A counted noun or currency as read from units.yaml."""

    id: str
    category: str
    en: str
    en_plural: str
    number: str  # "sg" | "pl" | "dual"
    currency: Currency | None = None


@dataclass(frozen=True)
class Currency:
    id: str
    default: str
    factor: float
    adjectives: Mapping[str, str]  # folded adjective -> ISO code
    context: Mapping[str, str]  # folded country word -> ISO code


@dataclass
class _Lexicon:
    nouns: dict[str, Noun] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], Noun]]] = field(default_factory=dict)
    symbols: dict[str, Noun] = field(default_factory=dict)
    iso: frozenset[str] = frozenset()
    events_before: dict[tuple[str, ...], str] = field(default_factory=dict)
    events_after: dict[str, str] = field(default_factory=dict)
    superlatives: dict[str, str] = field(default_factory=dict)
    rank_before: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    era: frozenset[str] = frozenset()
    year_before: frozenset[str] = frozenset()
    identifier_before: frozenset[str] = frozenset()
    clock_after: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    qualifiers_before: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    qualifiers_by_last: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    qualifiers_after: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    qualifier_en: dict[str, str] = field(default_factory=dict)
    percent: list[tuple[str, ...]] = field(default_factory=list)
    range_open: dict[str, str] = field(default_factory=dict)  # folded word -> frame id
    range_join: dict[str, frozenset[str]] = field(default_factory=dict)  # frame id -> joins


class _Tok(NamedTuple):
    """What the figures component needs of one token (shared by every token of a word).

    A tuple of strings and numbers, which the garbage collector stops tracking: tens of
    thousands of them are kept, and tracked objects would make every full collection slower.
    """

    text: str  # the raw token text
    raw: str  # folded token text, clitics on
    norm: str  # folded, proclitic-free, article off
    definite: bool
    clitic: int  # raw characters of proclitics
    space: bool
    latin: bool
    cand: int = 0


@dataclass
class _Found:
    start: int  # token index of the span start
    end: int  # token index after the span
    start_trim: int  # raw characters to skip in the first token
    value: float
    high: float | None
    unit: str | None
    category: str
    qualifier: str
    en: str
    noun: Noun | None = None
    vague_en: str | None = None


def vocabulary(resources: Resources) -> list[str]:
    """Number words, qualifiers, counted nouns, currencies and event words."""
    numbers = resources.file("numbers")
    units = resources.file("units")
    words: set[str] = set()
    grammar = NumberGrammar(resources.get("numbers", NumbersFile).numbers)
    words.update(grammar.surfaces())
    for q in numbers.get("qualifiers", []):
        # "after" phrases (وأكثر، فأكثر) are matched on the raw word: declaring them would
        # stop the normalizer from reading وأكثر as و + أكثر.
        for phrase in q.get("before", []):
            words.update(phrase.split())
    for item in units.get("counted", []):
        for phrase in (*item.get("ar", []), *item.get("plural", [])):
            words.update(phrase.split())
            if " " not in phrase:
                words.update(_duals(fold(phrase)))
    for item in units.get("currencies", []):
        words.update(item.get("ar", []))
        words.update(item.get("plural", []))
    for item in units.get("events", []):
        for phrase in (*item.get("ar", []), *item.get("after", [])):
            words.update(phrase.split())
    for item in units.get("superlatives", []):
        words.update(item.get("ar", []))
    for item in units.get("not_figures", []):
        words.update(item.get("ar", []))
    return sorted(words)


class FigureExtractor(BatchPipe):
    """Finds figures; see the module docstring."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.grammar: NumberGrammar | None = None
        self.lex = _Lexicon()
        self._analyse: Any = None  # the normalizer's (norm, clitic) reader, when present
        # The normalizer's words proclitics may be cut down to (None: not known, ask every token).
        self._known: frozenset[str] | None = None
        self._prefixes: dict[str, str] = {}
        self._toks: dict[tuple[str, str], _Tok] = {}
        # Readings by orth hash, when the normalizer runs: each doc is then one dict lookup per
        # token, and only a word seen for the first time is read from its strings.
        self._by_orth: dict[int, _Tok] = {}
        self._en: dict[tuple[str, str], str] = {}  # rendered amounts, by (repr(value), code)

    # ---- resources ---------------------------------------------------------------------

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        numbers = resources.file("numbers")
        units = resources.file("units")
        self.grammar = NumberGrammar(resources.get("numbers", NumbersFile).numbers)
        self.lex = _build_lexicon(numbers, units)
        self._toks.clear()
        self._by_orth.clear()
        self._en.clear()
        # Babel reads its English locale data on first use: read it now, not in the first document.
        _money_en(1.5, "USD")
        if self.nlp is not None and "briefing_normalizer" in self.nlp.pipe_names:
            normalizer = self.nlp.get_pipe("briefing_normalizer")
            self._analyse = getattr(normalizer, "analyse", None)
            self._known = known
        # First words of the phrases looked for after (or before) each number, so that a word
        # starting none of them is passed at once. An empty phrase matches anywhere: then None,
        # and every phrase is tried as written.
        lex = self.lex
        self._events_by_first: dict[str, list[tuple[tuple[str, ...], str]]] | None = None
        if all(lex.events_before):
            self._events_by_first = {}
            for phrase, category in lex.events_before.items():
                self._events_by_first.setdefault(phrase[0], []).append((phrase, category))
        after = [phrase for phrase, _ in lex.qualifiers_after]
        self._qualifier_after_first = frozenset(p[0] for p in after) if all(after) else None
        self._percent_first = frozenset(p[0] for p in lex.percent) if all(lex.percent) else None

    # ---- pipeline ----------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        # Every token attribute through one array read: doc[i], Span.text and doc.sents build
        # Token objects, which is slow.
        arr = doc.to_array([ORTH, NORM, SENT_START, IDX, SPACY])
        toks = self._tokens(doc, arr)
        found = self._find(toks)
        spans: list[Span] = []
        figures: list[Figure] = []
        if found:
            sent_of = (numpy.cumsum(arr[:, 2].astype("int64") == 1) - 1).clip(min=0).tolist()
            idx = arr[:, 3].tolist()
            space = arr[:, 4].tolist()
        for f in found:
            last = toks[f.end - 1].text
            start = idx[f.start] + f.start_trim
            end = idx[f.end - 1] + len(last)
            text = "".join(
                [toks[k].text + " " if space[k] else toks[k].text for k in range(f.start, f.end - 1)]
            )
            spans.append(Span(doc, f.start, f.end, label=f.category))
            figures.append(
                Figure(
                    value=f.value,
                    high=f.high,
                    unit=f.unit,
                    category=f.category,
                    qualifier=f.qualifier,
                    start=start,
                    end=end,
                    text=(text + last)[f.start_trim :],
                    en=f.en,
                    sentence=sent_of[f.start],
                )
            )
        doc.spans["figures"] = spans
        doc._.figures = tuple(figures)
        return doc

    def find(self, doc: Doc) -> list[_Found]:
        """The figures of `doc`, as token spans."""
        return self._find(self._tokens(doc, doc.to_array([ORTH, NORM])))

    def _find(self, toks: list[_Tok]) -> list[_Found]:
        grammar = self.grammar
        if grammar is None:
            raise RuntimeError("briefing_figures: load(resources) was not called")
        words = list(map(_RAW, toks))
        out: list[_Found] = []
        doc_currency: dict[str, str] = {}
        context_counts: Counter[str] | None = None
        done = 0
        for i in list(compress(range(len(toks)), map(_CAND, toks))):
            if i < done:
                continue
            result: _Found | None = None
            if toks[i].cand == 1:
                result = self._number_at(toks, words, i)
                if result is None:
                    result = self._rank_at(toks, words, i)
            else:
                result = self._dual_at(toks, i)
            if result is not None and result.category == "money" and result.unit is None:
                if context_counts is None:
                    context_counts = Counter(t.norm for t in toks)
                result.unit = _resolve_default(self.lex, result, toks, doc_currency, context_counts)
                result.en = self._render(result, result.noun, result.vague_en)
            if result is not None:
                if result.category == "money" and result.unit:
                    noun = self._noun_in(toks, result.start, result.end)
                    if noun is not None and noun.currency is not None:
                        doc_currency.setdefault(noun.currency.id, result.unit)
                out.append(result)
                done = result.end
        return out

    # ---- tokens ------------------------------------------------------------------------

    def _tokens(self, doc: Doc, arr: numpy.ndarray) -> list[_Tok]:
        """Every token's reading, from the doc's ORTH and NORM columns (`arr`, in this order)."""
        strings = doc.vocab.strings
        if self._analyse is None:
            tok = self._tok
            return [tok(strings[orth], strings[norm]) for orth, norm in arr[:, :2].tolist()]
        # With the normalizer, a token's reading depends on its text alone (the normalizer's
        # analysis of it), so readings are kept by orth hash and each word is read once.
        orths = arr[:, 0].tolist()
        by_orth = self._by_orth
        toks = list(map(by_orth.get, orths))
        if None not in toks:
            return toks  # type: ignore[return-value]
        new = set(orths).difference(by_orth)
        where = dict(zip(orths, range(len(orths)), strict=True))
        read = {}
        for orth in new:
            k = where[orth]
            read[orth] = self._read(doc, k, strings[orth], strings[int(arr[k, 1])])
        if len(by_orth) + len(read) <= 200_000:
            by_orth.update(read)
            return list(map(by_orth.__getitem__, orths))
        return [by_orth.get(orth) or read[orth] for orth in orths]

    def _read(self, doc: Doc, k: int, text: str, norm: str) -> _Tok:
        """The reading of token k, `norm` being the normalizer's form of it (its lexeme norm).

        This is what _tok reads through the normalizer's analysis, without folding the text
        again: the normalizer cuts proclitics only down to a word it knows, so any other norm is
        the folded text itself, and a norm equal to the raw text (folded already) has none either.
        """
        clitic = 0
        if norm != text and (self._known is None or norm in self._known):
            clitic = doc[k]._.clitic
        prefix = ""
        if clitic:
            prefix = self._prefixes.get(text[:clitic]) or self._prefixes.setdefault(
                text[:clitic], fold(text[:clitic])
            )
        return self._make_tok(text, prefix + norm, norm, len(prefix), clitic)

    def _tok(self, text: str, norm: str) -> _Tok:
        """The token's reading, cached by (text, norm): a news vocabulary is small."""
        key = (text, norm)
        hit = self._toks.get(key)
        if hit is not None:
            return hit
        if self._analyse is not None:
            # Reuse the normalizer's folding: its norm plus the folded proclitics is the token.
            norm, clitic = self._analyse(text)
            prefix = ""
            if clitic:
                prefix = self._prefixes.get(text[:clitic]) or self._prefixes.setdefault(
                    text[:clitic], fold(text[:clitic])
                )
            raw = prefix + norm
            letters = len(prefix)
        else:
            raw = fold(text)
            # The normalizer removed proclitics iff its norm is a strict suffix of the folded text.
            letters = len(raw) - len(norm) if norm != raw and raw.endswith(norm) else 0
            clitic = raw_prefix_length(text, letters) if letters else 0
        hit = self._make_tok(text, raw, norm, letters, clitic)
        if len(self._toks) < 200_000:
            self._toks[key] = hit
        return hit

    def _make_tok(self, text: str, raw: str, norm: str, letters: int, clitic: int) -> _Tok:
        latin = _LATIN.search(raw) is not None
        cand = 0  # 1: may start a number or ordinal; 2: a dual noun (يومين)
        if raw and not latin and not text.isspace() and self.grammar is not None:
            if raw[0].isdigit() or raw[0] in "$€£.":
                # Only what reads as a number can start one: "." and "..." are no candidates.
                cand = 1 if parse_digits(raw) is not None or self.grammar.analyse(raw) is not None else 0
            elif self.grammar.analyse(raw) is not None:
                cand = 1
            else:
                bare = norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm
                noun = self.lex.nouns.get(bare)
                cand = 2 if noun is not None and noun.number == "dual" else 0
        definite = False
        if norm.startswith("ال") and len(norm) > 3:
            definite, norm = True, norm[2:]
        elif letters:
            definite = raw[:letters].endswith(("ال", "لل"))
        return _Tok(
            text=text,
            raw=raw,
            norm=norm,
            definite=definite,
            clitic=clitic,
            space=text.isspace(),
            latin=latin,
            cand=cand,
        )

    # ---- numbers -----------------------------------------------------------------------

    def _number_at(self, toks: list[_Tok], words: list[str], i: int) -> _Found | None:
        grammar = self.grammar
        assert grammar is not None
        lex = self.lex
        p = grammar.parse(words, i)
        if p is None:
            return None
        n = len(toks)
        if p.has_digits and not p.has_words and (is_phone_like(toks[i].raw) or toks[i].raw[0] in "-−+"):
            return None  # phone numbers; a dash on the digits joins a name (سوخوي -24)
        if p.definite and not p.vague:
            return None  # العشرين in قمة العشرين، الثلاثة in "the three": names and anaphora
        k = p.end
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[k] if k < n else None
        if p.has_digits:
            if nxt is not None and (nxt.norm in lex.months or nxt.raw in lex.months):
                return None
            if prev is not None and (prev.norm in lex.months or prev.raw in lex.months or prev.raw == "/"):
                return None
            if nxt is not None and nxt.raw in (":", "/"):
                return None
            if nxt is not None and nxt.raw in lex.era and not p.has_words:
                return None
            if _is_list_number(toks, i, k):
                return None
        qualifier = "exact"
        high: float | None = None
        q_start, q_trim = i, self._trim(toks[i], p)
        # Qualifier and range frames in front.
        frame: str | None = None
        qb = self._qualifier_before(toks, i)
        if qb is not None:
            qualifier, q_start, q_trim = qb
        else:
            rb = self._range_open(toks, i)
            if rb is not None:
                frame, q_start, q_trim = rb
        range_end = k
        value = p.value
        high_parse: NumberParse | None = None
        rng = self._range_high(toks, words, k, frame, p)
        if rng is not None:
            high_parse, range_end = rng
            high = high_parse.value
            if high_parse.scale > 1 and p.scale == 1 and value * high_parse.scale <= high:
                value *= high_parse.scale
            if high <= value or (p.year_like and high_parse.year_like):
                if p.year_like and high_parse.year_like:
                    return None
                high, high_parse, range_end = None, None, k
            else:
                qualifier = "range"
        elif frame is not None:
            q_start, q_trim = i, self._trim(toks[i], p)
        last = high_parse or p
        k = range_end
        percent = p.percent or last.percent
        symbol = p.symbol or last.symbol
        if not percent:
            m = self._match_percent(toks, k)
            if m:
                percent, k = True, k + m
        if symbol is None and not percent:
            if k < n and toks[k].raw in lex.symbols:
                symbol, k = toks[k].raw, k + 1
            elif q_start == i and i > 0 and toks[i - 1].raw in lex.symbols:
                symbol, q_start, q_trim = toks[i - 1].raw, i - 1, 0
        noun: Noun | None = None
        unit: str | None = None
        noun_end = k
        noun_before = False
        if not percent and symbol is None:
            found = self._noun_after(toks, k, allow_definite=p.vague or (p.fraction and p.scale == 1))
            if found is not None:
                noun, noun_end = found
            elif k < n and toks[k].latin and toks[k].raw.upper() in lex.iso:
                unit, noun_end = toks[k].raw.upper(), k + 1
        if symbol is not None:
            sym_noun = lex.symbols[symbol]
            noun = sym_noun
            noun_end = k
        if noun is None and unit is None and not percent and not p.has_digits and high is None:
            nb = self._noun_before(toks, i)
            if nb is not None:
                noun, q_start, q_trim = nb
                noun_before = True
        # Bare numbers: only digits and unambiguous number words stand alone.
        bare_number = unit is None and not percent and (noun is None or noun.id == "unknown")
        if bare_number and p.has_digits and prev is not None and q_start == i and self._identifier(prev):
            return None
        if noun is None and unit is None and not percent:
            if not p.standalone or (p.fraction and p.scale == 1):
                return None
            if p.year_like and high is None:
                return None
            if p.has_digits and nxt is not None and nxt.raw in lex.clock_after:
                return None
        if p.year_like and high is None and noun is None and unit is None and not percent:
            return None
        if noun is not None and noun.id == "unknown" and p.year_like:
            if prev is not None and (prev.norm in lex.year_before or prev.raw in lex.year_before):
                return None
            return None
        end = noun_end
        if noun is not None and not noun_before:
            end = self._adjectives(toks, end)
        # Qualifiers written after.
        qa = self._qualifier_after(toks, end)
        if qa is not None and qualifier == "exact":
            qualifier, end = qa
        if p.vague and qualifier == "exact":
            qualifier = "at_least"
        category = "count"
        if percent:
            category = "percent"
        elif unit is not None:
            category = "money"
        elif noun is not None:
            if noun.currency is not None:
                category = "money"
                unit = self._currency_code(toks, noun_end, noun.currency)
                value *= noun.currency.factor
                if high is not None:
                    high *= noun.currency.factor
            else:
                category = noun.category
                if p.fraction and p.scale == 1 and category != "duration":
                    category, value = "percent", value * 100
        if category in _RECASTABLE:
            event = self._event(toks, q_start, end)
            if event is not None:
                category = event
        if unit is None and category == "money" and noun is not None and noun.currency is None:
            unit = None
        found_fig = _Found(
            start=q_start,
            end=end,
            start_trim=q_trim,
            value=value,
            high=high,
            unit=unit,
            category=category,
            qualifier=qualifier,
            en="",
            noun=noun,
            vague_en=p.vague_en,
        )
        found_fig.en = self._render(found_fig, noun, p.vague_en)
        return found_fig

    def _trim(self, tok: _Tok, p: NumberParse) -> int:
        return raw_prefix_length(tok.text, len(p.clitic)) if p.clitic else 0

    def _qualifier_before(self, toks: list[_Tok], i: int) -> tuple[str, int, int] | None:
        if i == 0:
            return None
        last = toks[i - 1]
        candidates = self.lex.qualifiers_by_last.get(last.raw, []) + self.lex.qualifiers_by_last.get(
            last.norm, []
        )
        for phrase, qualifier in candidates:
            m = len(phrase)
            s = i - m
            if s < 0:
                continue
            if all(_word_is(toks[s + j], phrase[j], first=(j == 0)) for j in range(m)):
                return qualifier, s, _proclitic_trim(toks[s])
        return None

    def _range_open(self, toks: list[_Tok], i: int) -> tuple[str, int, int] | None:
        lex = self.lex
        for size in (2, 1):
            s = i - size
            if s < 0:
                continue
            key = " ".join(_bare(toks[s + j]) for j in range(size))
            frame = lex.range_open.get(key)
            if frame is not None:
                return frame, s, _proclitic_trim(toks[s])
        return None

    def _range_high(
        self, toks: list[_Tok], words: list[str], k: int, frame: str | None, low: NumberParse
    ) -> tuple[NumberParse, int] | None:
        grammar = self.grammar
        assert grammar is not None
        n = len(toks)
        if k >= n:
            return None
        joins = self.lex.range_join
        tok = toks[k]
        candidates: list[int] = []
        if frame is not None and tok.raw in joins.get(frame, ()):
            candidates.append(k + 1)
        if frame is not None and tok.raw not in joins.get(frame, ()):
            # و / ل written on the high number: بين 200 و300 is two tokens, بين عشرة وعشرين one.
            candidates.append(k)
        if frame is None and tok.raw in joins.get("dash", ()):
            candidates.append(k + 1)
        for c in candidates:
            if c >= n:
                continue
            high = grammar.parse(words, c)
            if high is None or high.definite:
                continue
            if c == k:
                clitic = high.clitic
                if not clitic or clitic not in joins.get(frame or "", ()):
                    continue
            if (
                frame is None
                and tok.raw in ("إلى", "الى", "او", "أو")
                and not (high.end < n and self._noun_after(toks, high.end, allow_definite=False))
            ):
                continue
            return high, high.end
        return None

    def _match_percent(self, toks: list[_Tok], k: int) -> int:
        n = len(toks)
        first = self._percent_first
        if first is not None and (k >= n or toks[k].raw not in first):
            return 0
        for phrase in self.lex.percent:
            m = len(phrase)
            if k + m <= n and all(toks[k + j].raw == phrase[j] for j in range(m)):
                return m
        return 0

    def _noun_after(self, toks: list[_Tok], k: int, allow_definite: bool) -> tuple[Noun, int] | None:
        n = len(toks)
        if k >= n:
            return None
        tok = toks[k]
        if tok.raw == "من" and k + 1 < n:
            nxt = toks[k + 1]
            found = self._noun_at(toks, k + 1)
            if found is not None:
                return found
            if nxt.definite and self._plain_noun(nxt):
                return _UNKNOWN, k + 2
            return None
        if tok.definite and not allow_definite:
            return None
        found = self._noun_at(toks, k)
        if found is not None:
            return found
        if self._plain_noun(tok) and (not tok.definite or allow_definite):
            return _UNKNOWN, k + 1
        return None

    def _noun_at(self, toks: list[_Tok], k: int) -> tuple[Noun, int] | None:
        lex = self.lex
        tok = toks[k]
        bare = tok.norm
        for rest, phrase_noun in lex.phrases.get(bare, ()):
            if k + len(rest) < len(toks) and all(
                _bare(toks[k + 1 + j]) == rest[j] or _strip_acc(_bare(toks[k + 1 + j])) == rest[j]
                for j in range(len(rest))
            ):
                return phrase_noun, k + 1 + len(rest)
        noun = lex.nouns.get(bare)
        if noun is None and bare.endswith("ا"):
            noun = lex.nouns.get(bare[:-1])
        if noun is None:
            return None
        return noun, k + 1

    def _noun_in(self, toks: list[_Tok], start: int, end: int) -> Noun | None:
        for k in range(start, end):
            found = self._noun_at(toks, k)
            if found is not None:
                return found[0]
        return None

    def _plain_noun(self, tok: _Tok) -> bool:
        """An Arabic word that may be a counted noun: not a function word, not a number."""
        raw = tok.raw
        if tok.space or tok.latin or len(tok.norm) < 3 or not ("\u0621" <= raw[-1] <= "\u064a"):
            return False
        if tok.norm in self.lex.function_words or raw in self.lex.function_words:
            return False
        if self.grammar is not None and self.grammar.analyse(raw) is not None:
            return False
        return not (tok.norm in self.lex.months or tok.norm in self.lex.clock_after)

    def _noun_before(self, toks: list[_Tok], i: int) -> tuple[Noun, int, int] | None:
        j = i - 1
        skipped = 0
        while j >= 0 and skipped <= 2:
            tok = toks[j]
            if tok.space:
                return None
            found = self._noun_at(toks, j)
            if found is not None and found[1] == j + 1 + 0 and not tok.definite:
                noun = found[0]
                if noun.currency is None:
                    return noun, j, _proclitic_trim(tok)
                return None
            if _is_nisba(tok.norm) and not tok.definite:
                j -= 1
                skipped += 1
                continue
            return None
        return None

    def _adjectives(self, toks: list[_Tok], end: int) -> int:
        """The end of up to two relational adjectives after a counted noun (جنديا تركيا)."""
        n = len(toks)
        if end == 0:
            return end
        accusative = toks[end - 1].raw.endswith("ا")
        for _ in range(2):
            if end >= n or toks[end].clitic or toks[end].latin or not _is_nisba(toks[end].raw):
                break
            # -يا agrees with an accusative noun only; after others it is a name (لروسيا).
            if toks[end].raw.endswith("يا") and not accusative:
                break
            end += 1
        return end

    def _qualifier_after(self, toks: list[_Tok], end: int) -> tuple[str, int] | None:
        n = len(toks)
        first = self._qualifier_after_first
        if first is not None and (end >= n or (toks[end].raw not in first and _bare(toks[end]) not in first)):
            return None
        for phrase, qualifier in self.lex.qualifiers_after:
            m = len(phrase)
            if end + m <= n and all(
                toks[end + j].raw == phrase[j] or _bare(toks[end + j]) == phrase[j] for j in range(m)
            ):
                return qualifier, end + m
        return None

    def _event(self, toks: list[_Tok], start: int, end: int) -> str | None:
        lex = self.lex
        for back in range(1, 4):
            s = start - back
            if s < 0 or toks[s].space or toks[s].raw in (".", "،", "؛"):
                break
            # Only the phrases whose first word is here, in the order of events_before.
            by_first = self._events_by_first
            phrases = lex.events_before.items() if by_first is None else by_first.get(_bare(toks[s]), ())
            for phrase, category in phrases:
                m = len(phrase)
                if s + m <= start and all(_bare(toks[s + j]) == phrase[j] for j in range(m)):
                    return category
        for j in range(end, min(end + 4, len(toks))):
            after = lex.events_after.get(toks[j].raw) or lex.events_after.get(_bare(toks[j]))
            if after is not None:
                return after
        return None

    def _identifier(self, prev: _Tok) -> bool:
        lex = self.lex
        if prev.latin or prev.raw in lex.identifier_before or prev.norm in lex.identifier_before:
            return True
        if prev.raw in ("-", "–", "/") or prev.raw.endswith("-"):
            return True  # سوخوي- 34
        if prev.raw in lex.year_before:
            return False
        # A definite noun right before digits names something: الفوج 49، الصفحة 192.
        return prev.definite and self._plain_noun(prev) and not _is_nisba(prev.norm)

    def _currency_code(self, toks: list[_Tok], k: int, currency: Currency) -> str | None:
        for j in range(k, min(k + 2, len(toks))):
            code = currency.adjectives.get(toks[j].norm) or currency.adjectives.get(_bare(toks[j]))
            if code is not None:
                return code
        if not currency.context:
            return currency.default
        return None  # decided from the article: _resolve_default

    # ---- ranks -------------------------------------------------------------------------

    def _rank_at(self, toks: list[_Tok], words: list[str], i: int) -> _Found | None:
        grammar = self.grammar
        assert grammar is not None
        p = grammar.parse_ordinal(words, i)
        if p is None:
            return None
        n = len(toks)
        lex = self.lex
        k = p.end
        superlative: str | None = None
        start, trim = i, self._trim(toks[i], p)
        if k < n and not p.definite and toks[k].norm in lex.superlatives and not toks[k].clitic:
            superlative = lex.superlatives[toks[k].norm]
            k += 1
            found = self._noun_at(toks, k) if k < n else None
            if found is not None:
                k = found[1]
            elif k < n and self._plain_noun(toks[k]) and not toks[k].definite:
                k += 1
            k = self._adjectives(toks, k)
        elif p.definite and i > 0 and _bare(toks[i - 1]) in lex.rank_before:
            start, trim = i - 1, _proclitic_trim(toks[i - 1])
        else:
            return None
        value = p.value
        en = f"{_ordinal_en(int(value))} {superlative}" if superlative else f"{_ordinal_en(int(value))} place"
        return _Found(
            start=start,
            end=k,
            start_trim=trim,
            value=value,
            high=None,
            unit=None,
            category="rank",
            qualifier="exact",
            en=en,
        )

    # ---- duals -------------------------------------------------------------------------

    def _dual_at(self, toks: list[_Tok], i: int) -> _Found | None:
        tok = toks[i]
        if tok.definite:
            return None  # الجانبين، البلدين: "the two", a reference back, not a count
        noun = self.lex.nouns[tok.norm]
        end = self._adjectives(toks, i + 1)
        category = noun.category
        unit = None
        value = 2.0
        if noun.currency is not None:
            category = "money"
            unit = self._currency_code(toks, i + 1, noun.currency) or noun.currency.default
            value *= noun.currency.factor
        elif category in _RECASTABLE:
            category = self._event(toks, i, end) or category
        f = _Found(
            start=i,
            end=end,
            start_trim=_proclitic_trim(tok),
            value=value,
            high=None,
            unit=unit,
            category=category,
            qualifier="exact",
            en="",
            noun=noun,
        )
        f.en = self._render(f, noun, None)
        return f

    # ---- English -----------------------------------------------------------------------

    def _amount_en(self, value: float, code: str = "") -> str:
        """_money_en (with a code) or _number_en, remembered: Babel's formatting is slow."""
        key = (repr(value), code)  # repr tells 1 from 1.0 and -0.0 from 0.0, as Babel may
        hit = self._en.get(key)
        if hit is None:
            hit = _money_en(value, code) if code else _number_en(value)
            if len(self._en) < 100_000:
                self._en[key] = hit
        return hit

    def _render(self, f: _Found, noun: Noun | None, vague_en: str | None) -> str:
        q = self.lex.qualifier_en.get(f.qualifier, "")
        if f.category == "rank":
            return f.en
        if vague_en and f.high is None:
            amount = vague_en
            if f.category == "money" and f.unit:
                amount = f"{vague_en} of {f.unit}"
        elif f.category == "money" and f.unit:
            amount = self._amount_en(f.value, f.unit)
            if f.high is not None:
                amount = f"{amount}–{self._amount_en(f.high, f.unit)}"
        elif f.category == "percent":
            amount = f"{self._amount_en(f.value)}%"
            if f.high is not None:
                amount = f"{self._amount_en(f.value)}–{self._amount_en(f.high)}%"
        else:
            amount = self._amount_en(f.value)
            if f.high is not None:
                amount = f"{amount}–{self._amount_en(f.high)}"
        label = ""
        if f.category in ("killed", "wounded", "displaced"):
            label = f.category
        elif f.category not in ("money", "percent") and noun is not None and noun.id != "unknown":
            single = f.high is None and f.value == 1 and not vague_en
            label = noun.en if single else noun.en_plural
        elif f.category == "personnel":
            label = "personnel"
        elif f.category == "strikes":
            label = "strikes"
        if label and vague_en and f.high is None and f.category not in ("killed", "wounded", "displaced"):
            label = f"of {label}"
        text = f"{amount} {label}".strip()
        return f"{q} {text}".strip() if f.qualifier not in ("exact", "range") else text


_UNKNOWN = Noun(id="unknown", category="count", en="", en_plural="", number="sg")


def _bare(tok: _Tok) -> str:
    return tok.norm


def _strip_acc(word: str) -> str:
    return word[:-1] if word.endswith("ا") else word


def _word_is(tok: _Tok, word: str, first: bool) -> bool:
    if tok.raw == word:
        return True
    if first and (tok.norm == word or ("ال" + tok.norm) == word):
        return True
    return tok.norm == word and not tok.clitic


def _is_nisba(word: str) -> bool:
    """Relational adjectives (إيرانيين، الجوية، تركيا as جنديا تركيا), by their ending."""
    w = word[2:] if word.startswith("ال") else word
    if len(w) < 4 or not w.endswith(_NISBA_ENDINGS):
        return False
    stem = w[: -next(len(e) for e in sorted(_NISBA_ENDINGS, key=len, reverse=True) if w.endswith(e))]
    return len(stem) >= 2 and not stem.endswith("ا")


def _is_list_number(toks: list[_Tok], i: int, k: int) -> bool:
    at_line_start = (
        i == 0 or (toks[i - 1].space and "\n" in toks[i - 1].raw) or (i > 0 and toks[i - 1].raw == "\n")
    )
    return at_line_start and k < len(toks) and toks[k].raw in ("-", ")", ".", ":", "–")


def _proclitic_trim(tok: _Tok) -> int:
    """Raw characters of the token's proclitics (و ف ب ل ك), the article kept."""
    if not tok.clitic:
        return 0
    letters = len(tok.raw) - len(tok.norm) - (2 if tok.definite else 0)
    return raw_prefix_length(tok.text, letters) if letters > 0 else 0


def _duals(sg: str) -> list[str]:
    stem = sg[:-1] + "ت" if sg.endswith("ه") else sg
    return [stem + "ان", stem + "ين"]


def _number_en(value: float) -> str:
    for scale, word in _SCALE_EN:
        if abs(value) >= scale:
            scaled = value / scale
            if round(scaled, 2) == scaled:
                return f"{format_decimal(scaled, format='#,##0.##', locale='en')} {word}"
    return format_decimal(value, format="#,##0.##", locale="en")


def _money_en(value: float, code: str) -> str:
    """$30 billion, €20, YER 407 billion: Babel's symbol when it has one, else the code."""
    word = ""
    for scale, name in _SCALE_EN:
        if abs(value) >= scale and round(value / scale, 2) == value / scale:
            value, word = value / scale, f" {name}"
            break
    if get_currency_symbol(code, locale="en").isalpha():
        return f"{code} {format_decimal(value, format='#,##0.##', locale='en')}{word}"
    return format_currency(value, code, format="¤#,##0.##", locale="en", currency_digits=False) + word


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _resolve_default(
    lex: _Lexicon, f: _Found, toks: list[_Tok], seen: dict[str, str], counts: Counter[str]
) -> str | None:
    """A bare ليرة / ريال / دينار: the code used earlier in the article, else its country words."""
    for k in range(f.start, f.end):
        tok = toks[k]
        noun = lex.nouns.get(tok.norm) or lex.nouns.get(_strip_acc(tok.norm))
        if noun is None or noun.currency is None:
            continue
        currency = noun.currency
        if currency.id in seen:
            return seen[currency.id]
        best, best_count = currency.default, 0
        by_code: Counter[str] = Counter()
        for word, code in currency.context.items():
            by_code[code] += counts.get(word, 0)
        for code, c in by_code.items():
            if c > best_count:
                best, best_count = code, c
        return best
    return None


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in text.split())


def _build_lexicon(numbers: Mapping[str, Any], units: Mapping[str, Any]) -> _Lexicon:
    lex = _Lexicon()
    fname = "units.yaml"
    seen: set[str] = set()

    def check_id(item: Any, section: str) -> str:
        if not isinstance(item, dict) or not item.get("id"):
            raise ResourceError(f"{fname}: {section}: an entry has no id")
        eid = f"{section}:{item['id']}"
        if eid in seen:
            raise ResourceError(f"{fname}: {item['id']}: duplicate id in {section}")
        seen.add(eid)
        return str(item["id"])

    listed: set[str] = set()
    for item in units.get("counted", []):
        for s in (*item.get("ar", []), *item.get("plural", [])):
            listed.add(fold(s))
    for item in units.get("counted", []):
        eid = check_id(item, "counted")
        category = item.get("category")
        if category not in CATEGORIES_OF_COUNTED:
            raise ResourceError(f"{fname}: {eid}: category must be one of {sorted(CATEGORIES_OF_COUNTED)}")
        if not item.get("en") or not item.get("ar"):
            raise ResourceError(f"{fname}: {eid}: both 'en' and 'ar' are required")
        en, en_pl = str(item["en"]), str(item.get("en_plural") or item["en"])
        for number, key in (("sg", "ar"), ("pl", "plural")):
            for surface in item.get(key, []):
                _add_noun(lex, surface, Noun(eid, category, en, en_pl, number))
                if number == "sg" and " " not in surface:
                    for dual in _duals(fold(surface)):
                        if dual not in listed:
                            lex.nouns.setdefault(dual, Noun(eid, category, en, en_pl, "dual"))
    for item in units.get("currencies", []):
        eid = check_id(item, "currencies")
        default = item.get("default")
        if not default or not item.get("ar"):
            raise ResourceError(f"{fname}: {eid}: 'ar' and 'default' are required")
        adjectives: dict[str, str] = {}
        context: dict[str, str] = {}
        for variant in item.get("variants", []):
            code = variant.get("code")
            if not code:
                raise ResourceError(f"{fname}: {eid}: a variant has no code")
            for adj in variant.get("adjectives", []):
                bare = fold(adj)
                bare = bare[2:] if bare.startswith("ال") else bare
                adjectives[bare] = code
                if bare.endswith("ي"):  # سوري → سورية، سوريين، سوريه
                    for form in (bare + "ه", bare + "ين", bare + "ون", bare + "ا"):
                        adjectives.setdefault(form, code)
            for word in variant.get("context", []):
                w = fold(word)
                context[w[2:] if w.startswith("ال") and len(w) > 4 else w] = code
        currency = Currency(
            id=eid,
            default=str(default),
            factor=float(item.get("factor", 1.0)),
            adjectives=adjectives,
            context=context if any(v.get("context") for v in item.get("variants", [])) else {},
        )
        for number, key in (("sg", "ar"), ("pl", "plural")):
            for surface in item.get(key, []):
                _add_noun(lex, surface, Noun(eid, "money", eid, eid, number, currency))
                if number == "sg" and item.get("dual", True):
                    for dual in _duals(fold(surface)):
                        lex.nouns.setdefault(dual, Noun(eid, "money", eid, eid, "dual", currency))
        for symbol in item.get("symbols", []):
            lex.symbols[symbol] = Noun(
                eid,
                "money",
                eid,
                eid,
                "sg",
                Currency(
                    id=eid,
                    default=str(default),
                    factor=float(item.get("factor", 1.0)),
                    adjectives=adjectives,
                    context={},
                ),
            )
    lex.iso = frozenset(str(c).upper() for c in units.get("iso_codes", []))
    for item in units.get("events", []):
        eid = check_id(item, "events")
        category = item.get("category")
        if category not in CATEGORIES_OF_COUNTED:
            raise ResourceError(f"{fname}: {eid}: unknown category {category!r}")
        for phrase in item.get("ar", []):
            lex.events_before[tuple(_strip_article(w) for w in _phrase(phrase))] = category
        for word in item.get("after", []):
            lex.events_after[fold(word)] = category
    for item in units.get("superlatives", []):
        eid = check_id(item, "superlatives")
        if item.get("before"):
            lex.rank_before = lex.rank_before | {_strip_article(fold(w)) for w in item.get("ar", [])}
            continue
        for w in item.get("ar", []):
            if " " not in w:
                lex.superlatives[fold(w)] = str(item["en"])
    groups: dict[str, set[str]] = {}
    for item in units.get("not_figures", []):
        eid = check_id(item, "not_figures")
        words: set[str] = set()
        for w in item.get("ar", []):
            f = fold(str(w))
            words.add(f)
            if f.startswith("ال") and len(f) > 4:
                words.add(f[2:])
        groups[eid] = words
    for key in ("months", "era", "year-before", "identifier-before", "clock-after"):
        if key not in groups:
            raise ResourceError(f"{fname}: not_figures: the '{key}' entry is missing")
    lex.months = frozenset(groups["months"])
    lex.era = frozenset(groups["era"])
    lex.year_before = frozenset(groups["year-before"])
    lex.identifier_before = frozenset(groups["identifier-before"])
    lex.clock_after = frozenset(groups["clock-after"])
    lex.function_words = frozenset(fold(w) for w in units.get("function_words", []))
    # numbers.yaml: qualifiers, ranges, percent.
    nfname = "numbers.yaml"
    before: list[tuple[tuple[str, ...], str]] = []
    after: list[tuple[tuple[str, ...], str]] = []
    for item in numbers.get("qualifiers", []):
        qid = item.get("id") if isinstance(item, dict) else None
        if not isinstance(qid, str) or qid not in QUALIFIERS:
            raise ResourceError(f"{nfname}: qualifiers: {qid!r} is not one of {', '.join(QUALIFIERS)}")
        lex.qualifier_en[qid] = str(item.get("en", ""))
        before += [(_phrase(p), qid) for p in item.get("before", [])]
        after += [(_phrase(p), qid) for p in item.get("after", [])]
    lex.qualifiers_before = sorted(before, key=lambda x: -len(x[0]))
    for phrase, qid in lex.qualifiers_before:
        lex.qualifiers_by_last.setdefault(phrase[-1], []).append((phrase, qid))
    lex.qualifiers_after = sorted(after, key=lambda x: -len(x[0]))
    for item in numbers.get("ranges", []):
        rid = item.get("id") if isinstance(item, dict) else None
        if not rid:
            raise ResourceError(f"{nfname}: ranges: an entry has no id")
        for w in item.get("open", []):
            lex.range_open[" ".join(_phrase(w))] = rid
        lex.range_join[rid] = frozenset(fold(w) for w in item.get("join", []))
    lex.percent = sorted((_phrase(p) for p in numbers.get("percent", [])), key=lambda x: -len(x))
    return lex


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _add_noun(lex: _Lexicon, surface: str, noun: Noun) -> None:
    words = _phrase(surface)
    if len(words) == 1:
        lex.nouns.setdefault(words[0], noun)
    else:
        lex.phrases.setdefault(words[0], []).append((words[1:], noun))


@Language.factory("briefing_figures", assigns=["doc.spans", "doc._.figures"])
def make_figures(nlp: Language, name: str) -> FigureExtractor:
    return FigureExtractor(nlp, name)
