"""Component: figures, the numbers in a text that count or measure something in the world.

The number itself is read by briefing.text.numbers (digits, words, duals, scales, fractions). Around
it this component reads what makes it a figure: a qualifier before or after (أكثر من، نحو،
تقريبا), a range frame (بين … و …، من … إلى …، 200-300), the counted noun after it (or with من,
or before it for "مسؤولين إيرانيين ثلاثة"), a percent marker, a currency and its ISO code, and
the frame that says what happened to those counted (مقتل 34 جنديا، ثلاثة جنود قتلوا، بينهم
أربعة أطفال → killed; استهدفت 7 مواقع → strikes). It drops what is
not a figure: dates and years, identifiers and model names (القرار 2254، إس 200), clock times,
phone numbers, list numbers, definite number words used as names or ordinals (قمة العشرين).

Output: doc.spans["figures"] (token spans labelled with the category) and doc._.figures, a tuple
of briefing.model.Figure whose start/end are character offsets into the raw text (a proclitic
in front of the first word is left out: "وأكثر من" starts after و).

The rule families, one module each:
    tokens       each token's reading (folded, proclitics, candidate), cached by orth
    numbers      the figure at a number: the steps, from the grammar's reading to the category
    not_figures  dates, years, identifiers, clock times, phones, list numbers, names
    qualifiers   qualifiers and range frames
    units        counted nouns, nisba adjectives, nouns before the number, percent
    frames       the category from what happened to those counted: event words and verbs before
                 or after, tolls, partitives and lists after a casualty figure, strike objects
    currency     ISO codes of currency nouns, and the article's code for a bare one
    ranks        ordinals that rank (رابع أكبر، المرتبة الثالثة)
    duals        dual nouns that count two (يومين)
    english      Figure.en
    lexicon      the load-time tables (FigureTables) from numbers.yaml and units.yaml

Config: none; every word list lives in resources/numbers.yaml and resources/units.yaml.
"""

from __future__ import annotations

from mypy_extensions import mypyc_attr
from spacy.attrs import IDX, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.model.contract import Figure, Mention
from briefing.pipeline.batching import BatchPipe
from briefing.pipeline.columns import SentenceOf, token_array, token_list
from briefing.pipeline.figures import english
from briefing.pipeline.figures.currency import ArticleMoney
from briefing.pipeline.figures.duals import dual_at, one_at
from briefing.pipeline.figures.found import Found
from briefing.pipeline.figures.frames import CASUALTIES, RECASTABLE, carried
from briefing.pipeline.figures.lexicon import FigureTables, build_tables
from briefing.pipeline.figures.morph import is_verb
from briefing.pipeline.figures.numbers import first_of_pair, number_at
from briefing.pipeline.figures.ranks import rank_at
from briefing.pipeline.figures.tokens import Tok, TokTable
from briefing.pipeline.labels import LabelIds
from briefing.pipeline.tokenizer import text_of
from briefing.resources import Resources
from briefing.resources.schema import NumbersFile, ParticlesFile, UnitsFile
from briefing.text.bama import shared_analyzer
from briefing.text.inflect import duals
from briefing.text.normalize import fold
from briefing.text.numbers import NumberGrammar

if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=())

_OPENING = ("(", "[")  # a bracket before a converted amount (between dashes it keeps its own)
_NOT_COUNTS = frozenset({"money", "percent", "rank"})  # no "others" of them


def vocabulary(resources: Resources) -> list[str]:
    """Number words, qualifiers, counted nouns, currencies and event words."""
    numbers = resources.get("numbers", NumbersFile)
    units = resources.get("units", UnitsFile)
    words: set[str] = set(NumberGrammar(numbers.numbers).surfaces())
    for q in numbers.qualifiers:
        # "after" phrases (وأكثر، فأكثر) are matched on the raw word: declaring them would
        # stop the normalizer from reading وأكثر as و + أكثر.
        for phrase in q.before:
            words.update(phrase.split())
    for item in units.counted:
        for phrase in (*item.ar, *item.plural):
            words.update(phrase.split())
            if " " not in phrase:
                words.update(duals(fold(phrase)))
    for currency in units.currencies:
        words.update((*currency.ar, *currency.plural))
    for event in units.events:
        for phrase in (*event.ar, *event.after):  # verbs are known by their analysis
            words.update(phrase.split())
    for phrase in units.among:
        words.update(phrase.split())
    for superlative in units.superlatives:
        words.update(superlative.ar)
    for group in units.not_figures:
        words.update(group.ar)
    return sorted(words)


@mypyc_attr(allow_interpreted_subclasses=True)
class FigureExtractor(BatchPipe):
    """Finds figures; see the module docstring."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.tables: FigureTables | None = None
        # Per-word caches, emptied by load: token readings by orth hash (a document's are then
        # taken in C), folded proclitics, and English amounts (Babel is slow).
        self._toks = TokTable()
        self._amounts: english.Amounts = {}
        self._label = LabelIds()  # the spans' labels by their string ids

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        """Build the tables; `known`: the words the normalizer may take proclitics off for."""
        numbers = resources.get("numbers", NumbersFile)
        time_words = resources.get("particles", ParticlesFile).forms("time-words")
        units = resources.get("units", UnitsFile)
        self.tables = build_tables(numbers, units, known, time_words, shared_analyzer())
        self._toks = TokTable(self.tables)
        self._amounts.clear()
        english.warm()

    def __call__(self, doc: Doc) -> Doc:
        tables = self.tables
        if tables is None:
            raise RuntimeError("briefing_figures: load(resources, known) was not called")
        # Every token attribute through one array read: doc[i], Span.text and doc.sents build
        # Token objects, which is slow.
        arr = token_array(doc, [ORTH, NORM, SENT_START])
        toks, words, cands = self._toks.read(doc, arr)
        sent_of = SentenceOf(arr[:, 2])
        found = self._find(tables, toks, words, cands, sent_of)
        self._set_annotations(doc, toks, found, sent_of)
        return doc

    def _find(
        self, t: FigureTables, toks: list[Tok], words: list[str], cands: list[int], sent_of: SentenceOf
    ) -> list[Found]:
        """The figures of a document, left to right, none overlapping (`words`: each token's
        folded text; `cands`: the tokens that may start a figure)."""
        out: list[Found] = []
        money = ArticleMoney(toks)
        done = 0
        for i in cands:
            if i < done:
                continue
            cand = toks[i].cand
            if cand == 1:
                found = number_at(t, toks, words, i) or rank_at(t, toks, words, i)
            elif cand == 2:
                found = dual_at(t, toks, i)
            else:
                found = one_at(t, toks, i)
            if found is None:
                continue
            if found.others:
                _others(t, toks, out, found, sent_of)
            _carry(t, toks, out, found, sent_of)
            money.settle(t, found)
            _converted(toks, out, found)
            pair = first_of_pair(t, toks, words, found, done)
            for f in (pair, found) if pair is not None else (found,):
                f.en, f.amount_en = english.render(f, t.qualifier_en, self._amounts)
                out.append(f)
            done = found.end
        return out

    def _set_annotations(self, doc: Doc, toks: list[Tok], found: list[Found], sent_of: SentenceOf) -> None:
        """doc.spans["figures"] and doc._.figures, with character offsets and sentence indices."""
        spans: list[Span] = []
        figures: list[Figure] = []
        if found:
            idx, text = token_list(doc, IDX), text_of(doc)
        for f in found:
            start, end = idx[f.start] + f.start_trim, idx[f.end - 1] + len(toks[f.end - 1].text)
            spans.append(Span(doc, f.start, f.end, label=self._label(doc, f.category)))
            figures.append(
                Figure(
                    value=f.value,
                    high=f.high,
                    unit=f.unit,
                    category=f.category,
                    qualifier=f.qualifier,
                    start=start,
                    end=end,
                    text=text[start:end],
                    en=f.en,
                    sentence=sent_of[f.start],
                    amount_en=f.amount_en,
                    counted=_mention(doc, idx, toks, f.counted),
                )
            )
        doc.spans["figures"] = spans
        doc._.figures = tuple(figures)


def _carry(t: FigureTables, toks: list[Tok], out: list[Found], found: Found, sent_of: SentenceOf) -> None:
    """A count or personnel figure takes the category of the sentence's last casualty figure
    when a partitive, a back reference or a list ties it to that one (frames.carried)."""
    if found.category not in RECASTABLE:
        return
    for prev in reversed(out):
        if sent_of[prev.start] != sent_of[found.start]:
            return
        if prev.category in CASUALTIES:
            if carried(t, toks, prev.end, prev.category, found.start, found.noun):
                found.category = prev.category
            return


def _converted(toks: list[Tok], out: list[Found], found: Found) -> None:
    """An amount in brackets right after another of its kind is the same converted (أكثر من 100
    مليون ريال (27 مليون دولار)): it takes that one's qualifier (more than $27 million)."""
    if not out or found.qualifier != "exact":
        return
    prev = out[-1]
    if prev.category != found.category or prev.qualifier in ("exact", "range"):
        return
    if found.start == prev.end + 1 and toks[prev.end].raw in _OPENING:
        found.qualifier, found.qualifier_en = prev.qualifier, prev.qualifier_en


def _others(t: FigureTables, toks: list[Tok], out: list[Found], found: Found, sent_of: SentenceOf) -> None:
    """A number whose noun is left out (وسبعة آخرون) counts more of what the sentence counted
    last, and takes its category (killed, strikes …) when its own says no more than count and no
    verb of another event stands between (وساقت أكثر من عشرة ملايين آخرين: not the killed)."""
    if not out or found.category not in RECASTABLE:
        return
    prev = out[-1]
    if sent_of[prev.start] != sent_of[found.start] or prev.category in _NOT_COUNTS:
        return
    if not any(is_verb(t.morph, toks[k].text) for k in range(prev.end, found.start)):
        found.category = prev.category


def _mention(doc: Doc, idx: list[int], toks: list[Tok], span: tuple[int, int] | None) -> Mention | None:
    """The characters of tokens span[0]..span[1] as a Mention (the counted words)."""
    if span is None or span[1] <= span[0]:
        return None
    start, end = idx[span[0]], idx[span[1] - 1] + len(toks[span[1] - 1].text)
    return Mention(start, end, text_of(doc)[start:end])


@Language.factory(
    "briefing_figures",
    requires=["token.norm", "token.is_sent_start"],
    assigns=["doc._.figures", "doc.spans"],
)
def make_figures(nlp: Language, name: str) -> FigureExtractor:
    return FigureExtractor(nlp, name)
