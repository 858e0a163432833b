"""The typed schema of every data file under briefing/resources/, checked when the file loads.

Each file is one pydantic model (`…File`) of frozen entries (`…Entry`): a key the schema does not
know, a missing field, a wrong type or value, a duplicate id is a ResourceError that names the
file, the entry and the reason (`validate`). Checks that need several files at once (an Arabic
surface claimed by two actors, a reference to an unknown id) are the loader's.

A new data file needs a model here and a line in `SCHEMAS`; the loader refuses a file it has no
schema for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from briefing.errors import ResourceError
from briefing.model.vocab import CATEGORIES, QUALIFIERS, STANCES
from briefing.text.normalize import fold, has_arabic
from briefing.text.numbers import NumberKind
from briefing.text.verbs import defective, first_person, inflect, participle_forms, with_pronouns

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


# --- watchlist.yaml (a user layer's: briefing/resources/user.py) ---------------------------------


class WatchlistFile(Entry):
    """Actor ids (of the packaged gazetteer or the user's) that every brief reports on."""

    watch: Annotated[tuple[Text, ...], Field(min_length=1), AfterValidator(lambda ids: _no_repeats(ids))]


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


# --- glossary.yaml and english.yaml: the English gist ---------------------------------------------

GlossPos = Literal["noun", "adj", "verb", "prep", "conj", "part", "pron", "adv", "phrase", "num"]


class GlossEntry(IdEntry):
    """A word or expression of news Arabic and its English, where the lexicon's first sense is
    wrong for news or the lexicon lacks it; function words carry the id a transfer rule reads."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]
    en: Text
    pos: GlossPos
    plural: str | None = None  # the English plural, when not the regular one
    definite: bool = False  # an expression that carries its own article ("the Security Council")
    # A verb's preposition (its glossary id, e.g. prep-bi) and what it becomes in English after
    # the verb ("" drops it): قام ب → carry out, طالب ب → demand, دعا إلى → call for.
    governs: str | None = None
    governs_en: str = ""
    # A verbal noun's English verb where neither its pattern nor its gloss shows it (بقاء,
    # survival: stay), for the to-infinitive English makes of it (عزمها البقاء: its intention to stay)
    verb: str | None = None


class GlossaryFile(Entry):
    glossary: tuple[GlossEntry, ...]

    @field_validator("glossary")
    @classmethod
    def _unique(cls, entries: tuple[GlossEntry, ...]) -> tuple[GlossEntry, ...]:
        return unique_ids(entries)


# --- idioms.yaml: verbs and the fixed words English says as one verb phrase ------------------------

IdiomPronoun = Literal["", "object", "person", "owner"]


class IdiomEntry(IdEntry):
    """A verb of news Arabic and the fixed words after it (its subject may stand between) that
    English says as one verb phrase: دفع الثمن, pay the price; أطلق سراح, release. The verb is
    matched by its lemma, in any tense, person or proclitic; the English is conjugated as the verb
    is (ستدفع: will pay)."""

    verb: Annotated[ArabicTexts, Field(min_length=1)]  # the perfect's third person masculine singular
    words: Annotated[ArabicTexts, Field(min_length=1)]  # the fixed words, each form in full
    en: Text  # its verb first ("pay the price"); "be …": a passive ("be killed")
    # The fixed words keep their own English, only the verb's changes (عقد اجتماعا: hold a meeting)
    keep: bool = False
    # A pronoun on the last fixed word: the verb's object (ثمنها: for it), a person (سراحه: him),
    # or the subject's own ({poss} in en: أدلى بصوته, cast his vote; لقي حتفه: none)
    pronoun: IdiomPronoun = ""
    nouns: ArabicTexts = ()  # the verb's verbal nouns (دخول), matched by their lemma too
    noun_en: str | None = None  # their English for the verb's part (entry); else its gerund
    # the preposition the phrase governs and its English after it (وضع حدا ل: put an end to)
    governs: str | None = None
    governs_en: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> IdiomEntry:
        if "{poss}" in self.en and self.pronoun != "owner":
            raise ValueError(f"{self.id}: {{poss}} in en needs pronoun: owner")
        if self.keep and self.pronoun:
            raise ValueError(f"{self.id}: keep takes no pronoun (the words keep their own English)")
        return self


class IdiomsFile(Entry):
    idioms: tuple[IdiomEntry, ...]

    @field_validator("idioms")
    @classmethod
    def _unique(cls, entries: tuple[IdiomEntry, ...]) -> tuple[IdiomEntry, ...]:
        return unique_ids(entries)


class IrregularVerb(Entry):
    base: Text
    past: Text
    participle: Text


class EnglishFile(Entry):
    """Irregular English forms the gist conjugates and pluralises with."""

    verbs: tuple[IrregularVerb, ...]
    plurals: Mapping[str, str]
    uncountable: tuple[str, ...] = ()
    # Of those, the ones English puts in the plural after an Arabic plural (السلطات: the authorities)
    plural_mass: tuple[str, ...] = ()
    # Nouns in -ing that English counts (a meeting); any other -ing noun is a gerund and takes no
    # "a" (waging, regaining: an Arabic verbal noun)
    countable_ing: tuple[str, ...] = ()
    # Nouns whose owner, in news, is a person: بلاده, نظيره read "his country", "his counterpart"
    personal: tuple[str, ...] = ()
    # Words (their English) whose verbal noun complement English says as a to-infinitive:
    # عزمها البقاء, its intention to stay; قررت الحكومة الانسحاب, the government decided to withdraw
    infinitive_heads: tuple[str, ...] = ()
    # Verbs of asking (their English) → their English before an object and a to-infinitive:
    # طلبت من إيران الانسحاب, asked Iran to withdraw
    asking: Mapping[str, str] = Field(default_factory=dict)
    # Verbs whose verbal noun's genitive is its subject, not its object (بقاء بريطانيا: Britain
    # staying): no to-infinitive is made of the verbal noun with a genitive
    intransitive: tuple[str, ...] = ()
    # Nouns of action whose name in the genitive, before the action's preposition, is its subject:
    # تخلي روسيا عن إيران, Russia's abandonment of Iran (gist-nouns)
    actions: tuple[str, ...] = ()
    # Abstract nouns English names with no article where Arabic gives them one: مكافحة الإرهاب,
    # the fight against terrorism; الأمن والاستقرار, security and stability (gist-nouns)
    generic: tuple[str, ...] = ()
    # Adjectives of a community, no state: they stand before a state's adjective, never paired
    # with it (الميليشيات الشيعية العراقية: the Iraqi Shiite militias; but Saudi-American) (gist-nouns)
    communities: tuple[str, ...] = ()
    # The last words of names English says with "the" (the United States, the Security Council,
    # the Gaza Strip, the Syrian Democratic Forces) (gist-nouns)
    the_names: tuple[str, ...] = ()


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
    family_connectors: WordList = ()  # أبو, آل: any word after one is the name's (أبو جبل)
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
    name_particles: WordList = ()  # دي of ستيفان دي ميستورا: between two name words
    # After these a one-word organisation's name that is an everyday noun is that noun (هذه القاعدة).
    everyday_markers: WordList = ()
    # Adjectives that describe an organisation, never open its name (الوكالة الرسمية "the official
    # agency", المنظمة المعنية): a described organisation's first adjective is none of them.
    describing_adjectives: WordList = ()
    settlement_nouns: WordList
    document_nouns: WordList
    realm_nouns: WordList = ()  # ملك, ولاية: in construct before a place's name (ملك أراجون)
    place_prepositions: WordList = ()  # في: before a word the analyser cannot read, a place's name
    capital_nouns: WordList = ()  # العاصمة: before a capital's name, a state's adjective between
    # ـوف, ـيتش: the endings of foreign family names, on words the analyser cannot read (شومسكي)
    foreign_surname_endings: WordList = ()
    # في, لدى: join a title's complements before the name (سفير إسرائيل لدى الأمم المتحدة)
    title_complement_links: WordList = ()
    # عاما, سنة: an age in brackets after a name (أغاسي ( 36 عاما )) says it is a person's
    age_words: WordList = ()
    # يدعى, اسمها, الملقب: the word after one opens a person's name (وشابة تدعى جنجر)
    naming_words: WordList = ()
    # كتب, متابعة, حوار: an article's credit line; past a colon or a dash, a name (كتب ـ محيي الدين فتحي)
    byline_words: WordList = ()
    # مباراة, الدوري: words of a sports report; there a city before a masculine adjective is a club
    sports_words: WordList = ()
    # الإنجليزي: a club's country's masculine adjective that no state's entry gives
    club_adjectives: WordList = ()
    # فاز, تغلب; على, مع; ضيفه: a match's verb, the word before the other side, its host noun
    match_verbs: WordList = ()
    match_links: WordList = ()
    match_hosts: WordList = ()
    # وكالات, خاص: a dateline's generic source, no outlet's name (عواصم - وكالات :)
    dateline_sources: WordList = ()
    # تأليف, إخراج: a work's credits; the name after one opens as after a title (وإخراج شيرين عادل)
    credit_words: WordList = ()

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
            if kind not in _NOT_VOCABULARY:
                yield from getattr(self, kind)


# Lists that are no words the normalizer may uncover: لدي is no ل + دي (nor is لدى, a title's
# complement link); an ending is no word.
_NOT_VOCABULARY = (
    "non_name_words",
    "name_particles",
    "foreign_surname_endings",
    "title_complement_links",
    "everyday_markers",
    "describing_adjectives",
    "age_words",
    "naming_words",
    "byline_words",
    "sports_words",
    "club_adjectives",
    "match_verbs",
    "match_links",
    "match_hosts",
    "dateline_sources",
    "credit_words",
)


class GivenNamesFile(Entry):
    """given_names.yaml (generated by scripts/build_given_names.py): names that open a person's name."""

    given_names: WordList


class AbdCompound(IdEntry):
    """The word after عبد in a compound given name, with its English spelling (الملك: Malik)."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]
    en: Text


class NameCompoundsFile(Entry):
    """name_compounds.yaml: the spellings of compound given names (عبد الملك → Abdul Malik)."""

    abd_compounds: tuple[AbdCompound, ...]

    @field_validator("abd_compounds")
    @classmethod
    def _unique(cls, entries: tuple[AbdCompound, ...]) -> tuple[AbdCompound, ...]:
        return unique_ids(entries)


class OrgPatternEntry(IdEntry):
    """A noun that introduces an organisation's name (organisation, newspaper, team …)."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]
    en: Text
    # A place right after the noun names the organisation: a club (فريق ليون), an outlet (صحيفة القدس).
    place_named: bool = False
    # Only a city names it, not a state: a state's name after it is its national side, which
    # ANERcorp tags as the state (لاعبي إيطاليا), while a city's is its club (صفوف مانشستر).
    city_only: bool = False
    # A sports club's noun: the place it names is the club wherever the article names the place
    # alone (ANERcorp tags خارج مانشستر, بمانشستر in an article about the club so).
    club: bool = False
    # Only a place after it names the organisation: other words are no name (صفوف قادتها "the
    # ranks of its leaders", صفوف القرآن "Quran classes").
    place_only: bool = False
    # A definite genitive and its adjectives after the noun name it too (منظمة التحرير الفلسطينية).
    genitive: bool = False


class BodyEntry(IdEntry):
    """A state body named by its noun and the state's adjective (وزارة الخارجية التركية)."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]  # the first is how the body is named in full
    short_ar: ArabicTexts = ()  # forms that name the body only with the adjective: الخارجية السعودية
    en: Text  # "Foreign Ministry": the state's English adjective goes before it
    gender: Literal["m", "f"]  # of the noun, which the adjective agrees with
    alone: bool = False  # `ar` names the body without an adjective too: وزارة الخارجية


def _english_pattern(entries: tuple[OrgPatternEntry, ...]) -> tuple[OrgPatternEntry, ...]:
    for entry in entries:
        if "{name}" not in entry.en:
            raise ValueError(f"{entry.id}: en must hold {{name}}, the place of the rest of the name")
    return entries


class OrgPatternsFile(Entry):
    """org_patterns.yaml: nouns that belong to the name (`named`) or only introduce it (`before`,
    `quoted` between quotes only), facilities named after a place (`facilities`) and state bodies
    (`bodies`)."""

    named: Annotated[tuple[OrgPatternEntry, ...], AfterValidator(_english_pattern)]
    before: tuple[OrgPatternEntry, ...]
    facilities: Annotated[tuple[OrgPatternEntry, ...], AfterValidator(_english_pattern)] = ()
    bodies: tuple[BodyEntry, ...] = ()
    # Nouns that introduce an organisation's name only between quotes (مؤسسة "سكور بلس").
    quoted: tuple[OrgPatternEntry, ...] = ()
    # Definite nouns that name an organisation with the adjectives after them (البنك التجاري).
    described: tuple[OrgPatternEntry, ...] = ()

    @field_validator("named", "before", "facilities", "quoted", "described")
    @classmethod
    def _unique(cls, entries: tuple[OrgPatternEntry, ...]) -> tuple[OrgPatternEntry, ...]:
        return unique_ids(entries)

    @field_validator("bodies")
    @classmethod
    def _unique_bodies(cls, entries: tuple[BodyEntry, ...]) -> tuple[BodyEntry, ...]:
        return unique_ids(entries)

    def kinds(
        self,
    ) -> tuple[tuple[Literal["named", "before", "quoted", "described"], tuple[OrgPatternEntry, ...]], ...]:
        """(kind, entries) in the file's order."""
        return (
            ("named", self.named),
            ("before", self.before),
            ("quoted", self.quoted),
            ("described", self.described),
        )

    def forms(self) -> Iterator[str]:
        """Every Arabic form the file lists, of every section."""
        for entry in (*self.named, *self.before, *self.facilities, *self.quoted, *self.described):
            yield from entry.ar
        for body in self.bodies:
            yield from (*body.ar, *body.short_ar)


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


# --- numbers.yaml, units.yaml: figures ------------------------------------------------------------

# Categories a counted noun or an event word may give a figure (money, percent and rank come from
# the number's own marks: a currency, %, an ordinal).
COUNTED_CATEGORIES = frozenset(c.id for c in CATEGORIES.values() if c.counted)
# The not_figures entries the figures component reads, by id.
NOT_FIGURE_IDS = (
    "months",
    "era",
    "year-before",
    "identifier-before",
    "clock-after",
    "ordinal-labels",
    "date-after",
    "name-before",
    "one-idioms",
)


def _invalid(message: str) -> PydanticCustomError:
    """A schema error whose message is shown as written, after the file and the entry."""
    return PydanticCustomError("resource", message)


def _counted_category(value: str) -> str:
    if value not in COUNTED_CATEGORIES:
        raise _invalid(f"must be one of {sorted(COUNTED_CATEGORIES)}")
    return value


CountedCategory = Annotated[str, AfterValidator(_counted_category)]
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]  # ISO 4217


def _unique_in(entries: tuple[E, ...], section: str) -> tuple[E, ...]:
    """`unique_ids`, its message shown as written: "x: duplicate id in counted"."""
    try:
        return unique_ids(entries, section)
    except ValueError as exc:
        raise _invalid(str(exc)) from None


class NumberEntry(IdEntry):
    """A number word (briefing.text.numbers): its kind in the grammar, value and forms."""

    kind: NumberKind
    value: Annotated[float, Field(strict=True)]  # a number, never a string that reads as one
    en: Text
    en_plural: Text | None = None  # for scale and vague words: "thousands"
    standalone: bool = True  # False: too ambiguous to be a figure without a counted noun (ست)
    teen_only: bool = False  # only opens 11-19 (اثنا عشر، الحادي عشر)
    ar: Annotated[ArabicTexts, Field(min_length=1)]  # singular forms, without clitics and article
    dual: ArabicTexts = ()
    plural: ArabicTexts = ()


class QualifierPhrasing(Entry):
    """Phrases of a qualifier that English says its own way (ما يقارب: nearly, not about)."""

    en: Text
    before: Annotated[ArabicTexts, Field(min_length=1)]


class QualifierWords(IdEntry):
    """The phrases that give a figure one qualifier (the contract's vocabulary, model.vocab)."""

    en: str = ""  # what the English rendering puts in front: "more than"
    before: ArabicTexts = ()  # written in front of the number: أكثر من 30
    after: ArabicTexts = ()  # written after the number or its noun: 30 قتيلا تقريبا
    phrasings: tuple[QualifierPhrasing, ...] = ()  # the same qualifier, other English


class RangeFrame(IdEntry):
    """A range frame: `open` before the low number, `join` between low and high."""

    open: ArabicTexts = ()
    join: Texts = ()  # also dashes: 200-300


class NumbersFile(Entry):
    numbers: Annotated[tuple[NumberEntry, ...], Field(min_length=1)]
    qualifiers: tuple[QualifierWords, ...] = ()
    ranges: tuple[RangeFrame, ...] = ()
    percent: Texts = ()  # percent markers after a number: بالمئة، في المئة، %

    @field_validator("numbers")
    @classmethod
    def _unique_numbers(cls, numbers: tuple[NumberEntry, ...]) -> tuple[NumberEntry, ...]:
        return _unique_in(numbers, "")

    @field_validator("qualifiers")
    @classmethod
    def _unique_qualifiers(cls, qualifiers: tuple[QualifierWords, ...]) -> tuple[QualifierWords, ...]:
        return _unique_in(qualifiers, "qualifiers")

    @field_validator("ranges")
    @classmethod
    def _unique_ranges(cls, ranges: tuple[RangeFrame, ...]) -> tuple[RangeFrame, ...]:
        return _unique_in(ranges, "ranges")

    # Checks of a whole file name their section in the message: the error has no location.
    @model_validator(mode="after")
    def _known_qualifiers(self) -> NumbersFile:
        for q in self.qualifiers:
            if q.id not in QUALIFIERS:
                raise _invalid(f"qualifiers: {q.id!r} is not one of {', '.join(QUALIFIERS)}")
        return self


class CountedNoun(IdEntry):
    """A noun that counts something (قتيل، جندي، يوم): its category and both languages."""

    category: CountedCategory
    en: Text
    en_plural: Text | None = None
    ar: Annotated[ArabicTexts, Field(min_length=1)]  # singular; a phrase is matched as a whole
    plural: ArabicTexts = ()
    people: bool = False  # counts people (شخص، طفل): a casualty frame may recast it
    target: bool = False  # what a strike hits (موقع، مقر): a strike frame may recast it


class CurrencyVariant(Entry):
    """One ISO code of a currency noun, picked by the adjective after it or the article's words."""

    code: CurrencyCode
    adjectives: ArabicTexts = ()  # ليرة سورية
    context: ArabicTexts = ()  # country words that decide a bare ليرة


class CurrencyNoun(IdEntry):
    """A currency noun (دولار، ليرة) with its codes and symbols."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]
    plural: ArabicTexts = ()
    # English for an amount whose country the text leaves unsaid (10 ملايين درهم: 10 million
    # dirhams, not UAE dirhams); the id and id + "s" when absent
    en: Text | None = None
    en_plural: Text | None = None
    default: CurrencyCode  # when neither an adjective nor the article decides
    factor: float = 1.0  # سنت is 0.01 of its code
    dual: bool = True  # derive the dual (دولاران، دولارين) from the singular
    symbols: Texts = ()  # written on digits: $10
    variants: tuple[CurrencyVariant, ...] = ()


class EventWords(IdEntry):
    """Words that say what happened to those counted (مقتل 5 جنود → killed)."""

    category: CountedCategory
    en: Text
    ar: ArabicTexts = ()  # before the number
    after: ArabicTexts = ()  # after the counted noun: لقوا حتفهم
    # verbs (the third person masculine perfect) whose every form, by the morphological analysis,
    # is an event word before the number or after its counted noun: قتل → قُتلوا، استهدف → استهدفت
    verbs: ArabicTexts = ()
    distant: bool = False  # a toll, that may stand further back in the clause (ارتفع عدد القتلى … إلى 20)


class SuperlativeWords(IdEntry):
    """أكبر، أهم …: what makes an ordinal a rank (رابع أكبر شريك); `before`: المرتبة الثالثة."""

    en: Text
    ar: Annotated[ArabicTexts, Field(min_length=1)]
    before: bool = False


class NotFigureWords(IdEntry):
    """Words around a number that make it a date, an identifier or a name (ids: NOT_FIGURE_IDS)."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]


class UnitsFile(Entry):
    counted: tuple[CountedNoun, ...] = ()
    function_words: ArabicTexts = ()  # never a counted noun: a number before one stands alone
    currencies: tuple[CurrencyNoun, ...] = ()
    iso_codes: tuple[CurrencyCode, ...] = ()  # written in Latin letters after a number (42 KWD)
    events: tuple[EventWords, ...] = ()
    # words before a number that count some of those of an earlier casualty figure of the sentence
    # (قتل 20 شخصا بينهم 11 طفلا: the 11 are killed too)
    among: ArabicTexts = ()
    consecutive: ArabicTexts = ()  # after an ordinal of a time noun: لليوم الثاني على التوالي = 2 days
    age: ArabicTexts = ()  # before an ordinal that is an age: دون سن الخامسة = under the age of 5
    others: ArabicTexts = ()  # after a number whose noun is left out: وسبعة آخرون (as counted before)
    superlatives: tuple[SuperlativeWords, ...] = ()
    not_figures: tuple[NotFigureWords, ...]

    @field_validator("counted", "currencies", "events", "superlatives", "not_figures")
    @classmethod
    def _unique(cls, entries: tuple[E, ...], info: ValidationInfo) -> tuple[E, ...]:
        return _unique_in(entries, str(info.field_name))

    @model_validator(mode="after")
    def _all_not_figures(self) -> UnitsFile:
        ids = {e.id for e in self.not_figures}
        for key in NOT_FIGURE_IDS:
            if key not in ids:
                raise _invalid(f"not_figures: the '{key}' entry is missing")
        return self


# --- claims: cues.yaml, speakers.yaml, claim_rules.yaml -------------------------------------------

CueKind = Literal["verb", "participle", "noun", "relay", "impersonal"]
# What opens a cue's content: أن/إن, a quotation or colon, a preposition, ب + verbal noun, an object.
Complement = Literal["that", "quote", "about", "to", "on", "from", "in", "with", "object"]
PrepositionComplement = Literal["about", "to", "on", "from", "in"]
SpeakerKind = Literal["media", "report", "source", "document", "official", "expert", "public"]


def surface_key(surface: str) -> str:
    """The folded form a lexicon surface is matched by: words joined by one space."""
    return " ".join(fold(surface).split())


def _one_owner(entries: Iterable[tuple[str, Iterable[str]]]) -> None:
    """A ValueError naming the first surface that two entries list."""
    owner: dict[str, str] = {}
    for eid, surfaces in entries:
        for surface in surfaces:
            other = owner.setdefault(surface_key(surface), eid)
            if other != eid:
                raise ValueError(f"{eid}: surface '{surface}' is also listed under {other}")


# What an object pronoun on a verb stands for: the statement itself (وهو ما نفاه، تصريحات نقلتها:
# the claimed words come before) or someone or something else (اتهمه بـ، تعتبره جزءا: they follow).
ObjectPronoun = Literal["statement", "other"]
# A cue form's variant: plain; an imperfect (ليؤكد takes ل); first person (نؤكد، quoted); a verb
# whose object pronoun is the statement (نفاه) or another (اتهمه); a verbal noun with a possessive
# pronoun (إدانتها).
CueVariant = Literal["", "imperfect", "first", "statement", "object", "possessed"]


class CueEntry(IdEntry):
    """A reporting cue (قال، نفى، بحسب، تصريحات …): see the header of cues.yaml."""

    stance: str  # an id of briefing.model.vocab.STANCES
    en: Text  # the English verb of the claim line
    kind: CueKind
    complements: Annotated[tuple[Complement, ...], Field(min_length=1)] = ("that", "quote")
    forms: ArabicTexts = ()
    perfect: ArabicText | None = None  # 3rd masc. singular, inflected when loaded
    imperfect: ArabicText | None = None
    object_pronoun: ObjectPronoun | None = None  # its forms with an object pronoun, and what it is
    participle: ArabicText | None = None  # active participle, masc. singular: مؤكد
    nouns: ArabicTexts = ()  # verbal nouns: تأكيد (with possessive pronouns when loaded)
    except_: ArabicTexts = Field((), alias="except")  # inflected forms another entry owns
    unattributed: ArabicTexts = ()  # forms that claim without a speaker (يقال، يذكر)
    source: ArabicText | None = None  # a preposition naming the source, not the content: نقل عن
    act: bool = False  # a speech act of its own (accusation, condemnation): its stance, whoever speaks

    @field_validator("stance")
    @classmethod
    def _stance(cls, value: str) -> str:
        if value not in STANCES:
            raise ValueError(f"must be one of {', '.join(STANCES)}")
        return value

    @field_validator("imperfect")
    @classmethod
    def _imperfect(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("ي"):
            raise ValueError("must be the 3rd masc. singular (ي...)")
        return value

    @model_validator(mode="after")
    def _surfaces(self) -> CueEntry:
        surfaces = self.surfaces
        if not surfaces:
            raise ValueError("no Arabic forms")
        if self.kind != "verb" and (self.participle or self.nouns or self.object_pronoun):
            raise ValueError("only a verb has a participle, verbal nouns or object pronoun forms")
        if not {fold(u) for u in self.unattributed} <= {surface_key(s) for s in surfaces}:
            raise ValueError("'unattributed' lists a form the entry does not have")
        return self

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every Arabic form as written, over all its variants."""
        return tuple(f for _, _, forms in self.variants() for f in forms)

    def variants(self) -> list[tuple[CueKind, CueVariant, tuple[str, ...]]]:
        """(kind, variant, forms as written) of each kind of form the entry has. A form is listed
        once, under the first variant that makes it; `except` drops inflected forms."""
        dropped = {fold(x) for x in self.except_}
        seen: set[str] = set()

        def keep(forms: Iterable[str]) -> tuple[str, ...]:
            out = []
            for f in forms:
                key = surface_key(f)
                if key not in seen and key not in dropped:
                    seen.add(key)
                    out.append(f)
            return tuple(out)

        if self.kind != "verb":
            return [(self.kind, "", keep(self.forms))]
        perfect = inflect(self.perfect, None)
        imperfect = inflect(None, self.imperfect)
        weak = defective(self.perfect, self.imperfect)
        # Nouns and participles first: folded, مطالبة and أمله the nouns are written like
        # participles (مطالبة، آملة), and آملا the participle like a dual verb (أملا).
        out: list[tuple[CueKind, CueVariant, tuple[str, ...]]] = [
            ("noun", "", keep(self.nouns)),
            ("noun", "possessed", keep(with_pronouns(self.nouns))),
            (
                "participle",
                "",
                keep(participle_forms(self.participle, weak, self.perfect) if self.participle else ()),
            ),
            ("verb", "", keep([*self.forms, *perfect])),
            ("verb", "imperfect", keep(imperfect)),
            ("verb", "first", keep(first_person(self.perfect, self.imperfect))),
        ]
        if self.object_pronoun:
            variant: CueVariant = "statement" if self.object_pronoun == "statement" else "object"
            out.append(("verb", variant, keep(with_pronouns([*perfect, *imperfect]))))
        return [v for v in out if v[2]]


class CuesFile(Entry):
    cues: Annotated[tuple[CueEntry, ...], Field(min_length=1)]
    # The prepositions that open a complement of that name (about: عن).
    prepositions: dict[PrepositionComplement, ArabicText]

    @field_validator("cues")
    @classmethod
    def _unique(cls, cues: tuple[CueEntry, ...]) -> tuple[CueEntry, ...]:
        _one_owner((c.id, c.surfaces) for c in unique_ids(cues))
        return cues


class SpeakerEntry(IdEntry):
    """A speaker head: a noun that stands as a claim's source (مصدر، الصحيفة، محللون)."""

    kind: SpeakerKind
    en: Text  # "a source", "the newspaper": singular; "officials": plural
    ar: Annotated[ArabicTexts, Field(min_length=1)]
    plural: bool = False
    relay: bool = False  # plural anonymous sources, relaying for the outlet
    refers: Literal["person", "outlet"] | None = None  # what the definite singular refers back to
    # Words of the English name of an outlet of this kind (Times; Agency; Observatory): "the
    # newspaper" refers back to an organisation so named. `named_only`: to no other outlet.
    outlet_words_en: Texts = ()
    named_only: bool = False


class QualifierEntry(IdEntry):
    """A word that extends a speaker head into its phrase (مطلع، مقرب من، رفيع)."""

    en: Text
    ar: ArabicTexts = ()
    takes: ArabicText | None = None  # a preposition whose object joins the phrase

    @field_validator("ar")
    @classmethod
    def _one_word(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for surface in value:
            if " " in surface.strip():
                raise ValueError(f"qualifier '{surface}' must be one word")
        return value


class SpeakersFile(Entry):
    speakers: Annotated[tuple[SpeakerEntry, ...], Field(min_length=1)]
    qualifiers: Annotated[tuple[QualifierEntry, ...], Field(min_length=1)]

    @field_validator("speakers")
    @classmethod
    def _speakers(cls, speakers: tuple[SpeakerEntry, ...]) -> tuple[SpeakerEntry, ...]:
        _one_owner((s.id, s.ar) for s in unique_ids(speakers))
        return speakers

    @field_validator("qualifiers")
    @classmethod
    def _qualifiers(cls, qualifiers: tuple[QualifierEntry, ...]) -> tuple[QualifierEntry, ...]:
        _one_owner((q.id, q.ar) for q in unique_ids(qualifiers))
        return qualifiers


class ClaimRulesFile(Entry):
    """claim_rules.yaml: the kinds of words the claim rules read, as ParticlesFile's entries."""

    words: tuple[ParticleEntry, ...]

    @field_validator("words")
    @classmethod
    def _unique(cls, words: tuple[ParticleEntry, ...]) -> tuple[ParticleEntry, ...]:
        return unique_ids(words)

    def forms(self, word_id: str) -> tuple[str, ...]:
        """The Arabic forms of one entry, as written; KeyError for an unknown id."""
        for entry in self.words:
            if entry.id == word_id:
                return entry.ar
        raise KeyError(word_id)


# --- armed_groups.yaml: armed groups, forces and coalitions by their trigger -----------------------


class GroupNounEntry(IdEntry):
    """A definite group noun named by the adjectives after it (المقاومة الشعبية)."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]
    en: Text  # the noun in English, after the adjectives: "Resistance"
    gender: Literal["m", "f"]  # the adjectives agree with it
    states: bool = True  # a state's adjective names one (المقاومة الفلسطينية; not الجبهة السورية)
    genitive: bool = False  # in construct: one definite noun follows first (مجموعة الأزمات الدولية)


class GroupWordEntry(IdEntry):
    """An adjective, a purpose or a force noun of armed_groups.yaml, with its English."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]
    en: Text
    ar_f: ArabicTexts = ()  # an adjective's irregular feminine (العليا of الأعلى)
    after_genitive: bool = False  # an adjective that names only after a noun in construct (الدولية)


class CoalitionEntry(Entry):
    """The coalition noun, the words that say which state leads it, the demonstratives before
    which it is a common noun."""

    ar: Annotated[ArabicTexts, Field(min_length=1)]
    led_by: ArabicTexts
    demonstratives: ArabicTexts
    not_before: ArabicTexts = ()  # an alliance between parties: التحالف بين, التحالف مع
    en: Text


class NamedAsEntry(Entry):
    """Words that name a group in quotes after them, and the nouns of groups before them."""

    phrases: Annotated[ArabicTexts, Field(min_length=1)]
    nouns: Annotated[ArabicTexts, Field(min_length=1)]
    window: int = 5  # words between the noun and the phrase, at most


class ArmedGroupsFile(Entry):
    """armed_groups.yaml: group nouns and the adjectives and purposes that name them, the nouns
    before a group's name or eponym, and the coalition."""

    nouns: tuple[GroupNounEntry, ...]
    adjectives: tuple[GroupWordEntry, ...]
    purposes: tuple[GroupWordEntry, ...]
    forces: tuple[GroupWordEntry, ...]
    coalition: CoalitionEntry
    named_as: NamedAsEntry | None = None

    @field_validator("nouns", "adjectives", "purposes", "forces")
    @classmethod
    def _unique(cls, entries: tuple[E, ...]) -> tuple[E, ...]:
        return unique_ids(entries)

    def forms(self) -> Iterator[str]:
        """Every Arabic form the file lists."""
        for section in (self.nouns, self.adjectives, self.purposes, self.forces):
            for entry in section:
                yield from entry.ar
                yield from getattr(entry, "ar_f", ())
        c = self.coalition
        yield from (*c.ar, *c.led_by, *c.demonstratives, *c.not_before)
        if self.named_as is not None:
            yield from (*self.named_as.phrases, *self.named_as.nouns)


# --- outlets.yaml and stories.yaml: compose ------------------------------------------------------


class OutletEntry(IdEntry):
    """A news outlet: its short names for citations, and the stored names and domains it matches."""

    en: Text
    ar: ArabicText
    names: Texts = ()
    domains: Texts = ()


class OutletsFile(Entry):
    outlets: tuple[OutletEntry, ...]

    @field_validator("outlets")
    @classmethod
    def _unique(cls, outlets: tuple[OutletEntry, ...]) -> tuple[OutletEntry, ...]:
        return unique_ids(outlets)


PluralForms = Mapping[Literal["zero", "one", "two", "few", "many", "other"], Text]


class OpeningWords(Entry):
    """The opening paragraph's phrases in one language ({placeholders} filled by compose)."""

    span: Text
    day: Text
    counts: Text
    counts_no_outlet: Text  # when no article names its outlet (a build from plain files)
    articles: PluralForms
    outlets: PluralForms
    join: str

    @field_validator("articles", "outlets")
    @classmethod
    def _other(cls, forms: PluralForms) -> PluralForms:
        if "other" not in forms:
            raise ValueError("plural forms need an 'other' form")
        return forms


class TollWords(Entry):
    """What makes a casualty figure a war's cumulative toll, not a count of the window's events."""

    wars_ar: ArabicTexts = ()  # الحرب، النزاع: what a cumulative toll is the toll of
    since_ar: ArabicTexts = ()  # منذ: counting from a past time
    verbs_ar: ArabicTexts = ()  # أسفر، خلّف: "the conflict that killed ..."


class StoriesFile(Entry):
    ignore_ar: ArabicTexts
    opening: Mapping[Literal["en", "ar"], OpeningWords]
    tolls: TollWords = TollWords()


# --- dates.yaml: event dates and background sentences (briefing/pipeline/dates/) ---------------


class MonthEntry(IdEntry):
    en: Text
    ar: Annotated[ArabicTexts, Field(min_length=1)]
    month: Annotated[int, Field(ge=1, le=12, strict=True)]


class WeekdayEntry(IdEntry):
    en: Text
    ar: Annotated[ArabicTexts, Field(min_length=1)]
    weekday: Annotated[int, Field(ge=0, le=6, strict=True)]  # Monday is 0
    not_before: ArabicTexts = ()  # words after it that make it no weekday (الأحد عشر: eleven)
    not_after: ArabicTexts = ()  # words before it that do (بين الاثنين: between the two)


class OrdinalDayEntry(IdEntry):
    """An ordinal naming a day of the month before من and a month ("الخامس من آذار")."""

    en: Text
    ar: Annotated[ArabicTexts, Field(min_length=1)]
    day: Annotated[int, Field(ge=1, le=31, strict=True)]


class RelativeEntry(IdEntry):
    """A day or period counted from the article's date ("أمس", "الشهر الماضي")."""

    en: Text
    ar: Annotated[ArabicTexts, Field(min_length=1)]
    unit: Literal["day", "week", "month", "year"]
    offset: Annotated[int, Field(le=0, strict=True)]  # only the past and the present date a claim
    not_before: ArabicTexts = ()


class AgoUnit(IdEntry):
    en: Text
    ar: Annotated[ArabicTexts, Field(min_length=1)]
    unit: Literal["day", "week", "month", "year"]
    count: Annotated[int, Field(ge=1, strict=True)] | None = None  # None: digits give the count


class AgoWords(Entry):
    words: Annotated[ArabicTexts, Field(min_length=1)]
    not_before: ArabicTexts = ()
    units: Annotated[tuple[AgoUnit, ...], Field(min_length=1), AfterValidator(unique_ids)]


class PluperfectEntry(IdEntry):
    en: Text
    auxiliaries: Annotated[ArabicTexts, Field(min_length=1)]
    particle: Annotated[ArabicTexts, Field(min_length=1)]
    gap: Annotated[int, Field(ge=1, le=20, strict=True)]


class EarlierEntry(IdEntry):
    en: Text
    ar: Annotated[ArabicTexts, Field(min_length=1)]
    not_before: ArabicTexts = ()


class BackgroundWords(Entry):
    pluperfect: PluperfectEntry
    earlier: EarlierEntry


class HeadlineShape(Entry):
    min_words: Annotated[int, Field(ge=1, strict=True)]
    max_words: Annotated[int, Field(ge=1, strict=True)]

    @model_validator(mode="after")
    def _ordered(self) -> HeadlineShape:
        if self.min_words > self.max_words:
            raise ValueError("min_words is more than max_words")
        return self


class DatesFile(Entry):
    version: Annotated[int, Field(ge=1, strict=True)]
    months: Annotated[tuple[MonthEntry, ...], Field(min_length=12), AfterValidator(unique_ids)]
    weekdays: Annotated[
        tuple[WeekdayEntry, ...], Field(min_length=7, max_length=7), AfterValidator(unique_ids)
    ]
    relative: Annotated[tuple[RelativeEntry, ...], AfterValidator(unique_ids)]
    ordinal_days: Annotated[tuple[OrdinalDayEntry, ...], AfterValidator(unique_ids)] = ()
    ago: AgoWords
    past: ArabicTexts
    future: ArabicTexts
    year_words: Annotated[ArabicTexts, Field(min_length=1)]
    named_by_date: ArabicTexts = ()
    since: ArabicTexts
    between: ArabicTexts
    background: BackgroundWords
    headlines: HeadlineShape

    @model_validator(mode="after")
    def _every_month_and_day(self) -> DatesFile:
        if {m.month for m in self.months} != set(range(1, 13)):
            raise ValueError("months: every month from 1 to 12 needs an entry")
        if {d.weekday for d in self.weekdays} != set(range(7)):
            raise ValueError("weekdays: every weekday from 0 to 6 needs one entry")
        if self.ordinal_days and sorted(d.day for d in self.ordinal_days) != list(range(1, 32)):
            raise ValueError("ordinal_days: every day from 1 to 31 needs one entry")
        return self


# --- the registry ---------------------------------------------------------------------------------

F = TypeVar("F", bound=Entry)

# File stem → its schema; every actors*.yaml file is an ActorsFile.
SCHEMAS: Mapping[str, type[Entry]] = {
    "titles": TitlesFile,
    "themes": ThemesFile,
    "boilerplate": BoilerplateFile,
    "particles": ParticlesFile,
    "glossary": GlossaryFile,
    "english": EnglishFile,
    "idioms": IdiomsFile,
    "actor_rules": ActorRulesFile,
    "given_names": GivenNamesFile,
    "org_patterns": OrgPatternsFile,
    "person_names": PersonNamesFile,
    "name_compounds": NameCompoundsFile,
    "numbers": NumbersFile,
    "units": UnitsFile,
    "cues": CuesFile,
    "speakers": SpeakersFile,
    "claim_rules": ClaimRulesFile,
    "armed_groups": ArmedGroupsFile,
    "outlets": OutletsFile,
    "stories": StoriesFile,
    "dates": DatesFile,
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
    # In a file of one list of entries, the list's key ('themes') says nothing an entry id does
    # not: keep what follows it (an error about the list as a whole names its entry itself).
    lists = [k for k, v in data.items() if isinstance(v, list)] if isinstance(data, dict) else []
    entries = data.get(loc[0]) if isinstance(data, dict) and loc else None
    if loc and lists == [loc[0]] and isinstance(entries, list) and all(isinstance(e, dict) for e in entries):
        parts = parts[1:]
    return "".join(p + ": " for p in parts)
