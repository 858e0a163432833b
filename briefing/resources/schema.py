"""The typed schema of every data file under briefing/resources/, checked when the file loads.

Each file is one pydantic model (`…File`) of frozen entries (`…Entry`): a key the schema does not
know, a missing field, a wrong type or value, a duplicate id is a ResourceError that names the
file, the entry and the reason (`validate`). Checks that need several files at once (an Arabic
surface claimed by two actors, a reference to an unknown id) are the loader's.

A new data file needs a model here and a line in `SCHEMAS`; the loader refuses a file it has no
schema for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from briefing.errors import ResourceError
from briefing.text.normalize import fold, has_arabic

# --- building blocks ---------------------------------------------------------------------------

Text = Annotated[str, StringConstraints(pattern=r"\S")]  # a non-blank string


def _listed(value: Any) -> Any:
    """A single string where a list is expected is a list of one."""
    return (value,) if isinstance(value, str) else value


Texts = Annotated[tuple[Text, ...], BeforeValidator(_listed)]


def _arabic(value: str) -> str:
    if not has_arabic(value):
        raise ValueError(f"{value!r} holds no Arabic")
    return value


ArabicText = Annotated[Text, BeforeValidator(lambda v: _arabic(v) if isinstance(v, str) else v)]
ArabicTexts = Annotated[tuple[ArabicText, ...], BeforeValidator(_listed)]


class Entry(BaseModel):
    """A frozen record of a data file; unknown keys are errors (a typo must not pass silently)."""

    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class IdEntry(Entry):
    id: Text


E = TypeVar("E", bound=IdEntry)


def unique_ids(entries: tuple[E, ...], what: str = "") -> tuple[E, ...]:
    """`entries`, or a ValueError naming the first id used twice."""
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ValueError(f"{entry.id}: duplicate id{' in ' + what if what else ''}")
        seen.add(entry.id)
    return entries


# --- actors*.yaml: the gazetteer ------------------------------------------------------------------

ActorTypeId = Literal["PERSON", "ORG", "GPE", "LOC"]


class ActorEntry(IdEntry):
    """A person, organisation, state or place: stable id (a Wikidata QID where known), both names."""

    type: ActorTypeId
    en: Text
    ar: ArabicText
    aliases_ar: ArabicTexts = ()
    aliases_en: Texts = ()
    # Forms shared on purpose with an entry of another type (عمان: Amman and Oman).
    ambiguous_ar: ArabicTexts = ()
    demonym_ar: ArabicTexts = ()  # masculine, feminine (and plural) adjectives: إيراني، إيرانية
    demonym_en: Texts = ()
    country: str | None = None  # id of the state a city, province, person or body belongs to
    capital_of: str | None = None  # id of the state this city is the capital of
    # A city whose name stands for a state's government in news (a capital, or تل أبيب for Israel).
    stands_for: str | None = None
    # Surfaces that are also everyday words (صور "pictures", مالي "financial"): matched only in a
    # place context such as "في صور" or "مدينة صور".
    context_only_ar: ArabicTexts = ()
    role: str | None = None  # free text: "President of Russia (2012–)"

    @property
    def surfaces_ar(self) -> tuple[str, ...]:
        return (self.ar, *self.aliases_ar)


class ActorsFile(Entry):
    actors: tuple[ActorEntry, ...]
    # Words a corpus uses outside names far more often than in one (actors_anercorp.yaml).
    common_words: tuple[str, ...] = ()


# --- titles.yaml ----------------------------------------------------------------------------------


class TitleEntry(IdEntry):
    """A title, rank, profession or honorific that stands before a person's name."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]
    en: Text
    kind: Literal["role", "rank", "profession", "honorific", "relation"] = "role"


class TitlesFile(Entry):
    titles: tuple[TitleEntry, ...]

    @field_validator("titles")
    @classmethod
    def _unique(cls, titles: tuple[TitleEntry, ...]) -> tuple[TitleEntry, ...]:
        return unique_ids(titles)


# --- themes.yaml ----------------------------------------------------------------------------------

# The evaluation's theme vocabulary (shared/eval/themes.md).
EVAL_THEME_IDS = frozenset(
    {
        "military-presence",
        "strikes-escalation",
        "ground-fighting",
        "diplomacy",
        "alliances",
        "nuclear-sanctions",
        "economy-funding",
        "casualties-humanitarian",
        "domestic-politics",
        "proxies-militias",
        "arms-supply",
        "terrorism",
        "health",
    }
)


class ThemeEntry(IdEntry):
    eval_id: str | None
    label_en: Text
    label_ar: ArabicText
    keywords: tuple[tuple[str, float], ...]  # Arabic pattern, weight; written as a mapping

    @field_validator("eval_id")
    @classmethod
    def _eval_id(cls, value: str | None) -> str | None:
        if value is not None and value not in EVAL_THEME_IDS:
            raise ValueError(f"'{value}' is not an evaluation theme id (shared/eval/themes.md)")
        return value

    @field_validator("keywords", mode="before")
    @classmethod
    def _keywords(cls, value: Any) -> Any:
        if not isinstance(value, Mapping) or not value:
            raise ValueError("must map Arabic patterns to weights")
        for pattern, weight in value.items():
            if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
                raise ValueError(f"keyword '{pattern}' needs a positive weight")
        return tuple((str(p), float(w)) for p, w in value.items())


class ThemesFile(Entry):
    themes: tuple[ThemeEntry, ...]

    @field_validator("themes")
    @classmethod
    def _unique(cls, themes: tuple[ThemeEntry, ...]) -> tuple[ThemeEntry, ...]:
        return unique_ids(themes)


# --- boilerplate.yaml -----------------------------------------------------------------------------


class BoilerplateEntry(IdEntry):
    """Lines of a scraped page that are not the article; see the file's header."""

    en: Text
    ar: ArabicText
    match: Literal["line", "tail"]
    starts_ar: Annotated[ArabicTexts, Field(min_length=1)]
    then: Literal["boundary", "punctuation"] = "boundary"
    max_chars: Annotated[int, Field(gt=0, strict=True)] = 250
    alone_takes_next: bool = False


class BoilerplateFile(Entry):
    boilerplate: Annotated[tuple[BoilerplateEntry, ...], Field(min_length=1)]

    @field_validator("boilerplate")
    @classmethod
    def _unique(cls, rules: tuple[BoilerplateEntry, ...]) -> tuple[BoilerplateEntry, ...]:
        return unique_ids(rules)


# --- particles.yaml -------------------------------------------------------------------------------


class ParticleEntry(IdEntry):
    """A kind of function word that several rules read (the "that" particles أن / إن …)."""

    en: Text
    ar: Annotated[ArabicTexts, Field(min_length=1)]


class ParticlesFile(Entry):
    particles: tuple[ParticleEntry, ...]

    @field_validator("particles")
    @classmethod
    def _unique(cls, particles: tuple[ParticleEntry, ...]) -> tuple[ParticleEntry, ...]:
        return unique_ids(particles)

    def forms(self, particle_id: str) -> tuple[str, ...]:
        """The Arabic forms of one entry, as written; KeyError for an unknown id."""
        for entry in self.particles:
            if entry.id == particle_id:
                return entry.ar
        raise KeyError(particle_id)


# --- actors rules: actor_rules.yaml, given_names.yaml, org_patterns.yaml, person_names.json ------


def _no_repeats(words: tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    for word in words:
        if word in seen:
            raise ValueError(f"'{word}' is listed twice")
        seen.add(word)
    return words


WordList = Annotated[ArabicTexts, Field(min_length=1), AfterValidator(_no_repeats)]
MarkList = Annotated[Texts, Field(min_length=1), AfterValidator(_no_repeats)]


class ActorRulesFile(Entry):
    """The kinds of words the actor rules reason with, one list per kind (see the file's comments)."""

    locative_words: WordList
    directions: WordList
    government_nouns_f: WordList
    government_nouns_m: WordList
    outlet_nouns: WordList
    state_nouns: WordList
    descriptor_nouns: WordList
    place_nouns: WordList
    org_kind_nouns: WordList
    place_epithets: WordList
    org_head_nouns: WordList
    non_name_words: WordList
    non_name_words_as_written: WordList
    name_connectors: WordList
    patronymics: WordList
    kunyas: WordList
    theophoric_first: WordList
    joined_name_openers: WordList
    compound_second: WordList
    regnal_numbers: WordList
    name_endings: WordList
    speech_verbs: WordList
    name_followers: MarkList
    reported_speech_marks: MarkList

    @model_validator(mode="after")
    def _parts_of_names_join_names(self) -> ActorRulesFile:
        # The name grammar continues a name after any connector; these kinds are connectors too.
        connectors = {fold(w) for w in self.name_connectors}
        for kind in ("patronymics", "kunyas", "theophoric_first"):
            for word in getattr(self, kind):
                if fold(word) not in connectors:
                    raise ValueError(f"{kind}: '{word}' is not among the name_connectors")
        return self

    def vocabulary(self) -> Iterator[str]:
        """Every listed word but the non-name words: those were never words the normalizer may
        uncover by taking a proclitic off, and adding them would change how it splits words."""
        for kind in type(self).model_fields:
            if kind != "non_name_words":
                yield from getattr(self, kind)


class GivenNamesFile(Entry):
    """given_names.yaml (generated by scripts/build_given_names.py): names that open a person's name."""

    given_names: WordList


class OrgPatternEntry(IdEntry):
    """A noun that introduces an organisation's name (organisation, newspaper, team …)."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]
    en: Text
    club: bool = False  # a place named after the noun is a sports club (فريق ليون)


def _english_pattern(entries: tuple[OrgPatternEntry, ...]) -> tuple[OrgPatternEntry, ...]:
    for entry in entries:
        if "{name}" not in entry.en:
            raise ValueError(f"{entry.id}: en must hold {{name}}, the place of the rest of the name")
    return entries


class OrgPatternsFile(Entry):
    """org_patterns.yaml: nouns that belong to the name (`named`) or only introduce it (`before`)."""

    named: Annotated[tuple[OrgPatternEntry, ...], AfterValidator(_english_pattern)]
    before: tuple[OrgPatternEntry, ...]

    @field_validator("named", "before")
    @classmethod
    def _unique(cls, entries: tuple[OrgPatternEntry, ...]) -> tuple[OrgPatternEntry, ...]:
        return unique_ids(entries)

    def kinds(self) -> tuple[tuple[Literal["named", "before"], tuple[OrgPatternEntry, ...]], ...]:
        """(kind, entries) in the file's order."""
        return (("named", self.named), ("before", self.before))


class PersonNamesFile(Entry):
    """person_names.json (generated by scripts/build_person_names.py): name tokens → English."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: Text = Field(alias="_source")
    licence: Text = Field(alias="_licence")
    generated_by: Text = Field(alias="_generated_by")
    format: Text = Field(alias="_format")
    source_places: Text = Field(alias="_source_places")
    lexicon_min_count: Annotated[int, Field(ge=1, strict=True)]
    stopwords: tuple[str, ...]
    # folded token → [English spelling, evidence count, 1 if the spelling reads as an Arabic name]
    tokens: Mapping[str, tuple[str, Annotated[int, Field(ge=1, strict=True)], Literal[0, 1]]]


# --- the registry ---------------------------------------------------------------------------------

F = TypeVar("F", bound=Entry)

# File stem → its schema; every actors*.yaml file is an ActorsFile.
SCHEMAS: Mapping[str, type[Entry]] = {
    "titles": TitlesFile,
    "themes": ThemesFile,
    "boilerplate": BoilerplateFile,
    "particles": ParticlesFile,
    "actor_rules": ActorRulesFile,
    "given_names": GivenNamesFile,
    "org_patterns": OrgPatternsFile,
    "person_names": PersonNamesFile,
}


def schema_for(stem: str) -> type[Entry] | None:
    """The schema of the file `<stem>.yaml` (or .json), None when there is none."""
    if stem.startswith("actors"):
        return ActorsFile
    return SCHEMAS.get(stem)


def validate(model: type[F], data: Any, fname: str) -> F:
    """`data` (a parsed file) as `model`, or a ResourceError: file, entry id, field, reason."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        message = first["msg"].removeprefix("Value error, ")
        raise ResourceError(f"{fname}: {_where(data, first['loc'])}{message}") from None


def _where(data: Any, loc: tuple[int | str, ...]) -> str:
    """'entry-id: field: ' for an error location such as ('actors', 12, 'type')."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            node = node[step]
            eid = node.get("id") if isinstance(node, dict) else None
            parts.append(str(eid) if eid else f"entry #{step + 1}")
        elif isinstance(node, dict) and step in node:
            node = node[step]
            parts.append(str(step))
        else:
            node = None
            parts.append(str(step))
    # The list's own key ('actors') says nothing an entry id does not: keep what follows it, and
    # an error about the list as a whole (a duplicate id) names its entry itself.
    entries = data.get(loc[0]) if isinstance(data, dict) and loc else None
    if isinstance(entries, list) and entries and all(isinstance(e, dict) for e in entries):
        parts = parts[1:]
    return "".join(p + ": " for p in parts)
