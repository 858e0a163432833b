"""The claim rules' load-time tables, built once by `build_tables` from the resources.

The cue lexicon (cues.yaml), the speaker heads (speakers.yaml and the titles of titles.yaml) and
their qualifiers, one PhraseMatcher over cues and heads, nationality adjectives and the actor facts
the English line needs, and the function words the rules read (particles.yaml, claim_rules.yaml),
all folded the way the normalizer folds tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from briefing.resources import Resources
from briefing.resources.schema import (
    ClaimRulesFile,
    CuesFile,
    OutletsFile,
    ParticlesFile,
    SpeakersFile,
    TitleEntry,
    surface_key,
)
from briefing.text.normalize import fold, has_arabic
from briefing.text.transliterate import Transliterator


@dataclass(frozen=True, slots=True)
class CueWord:
    """A cue of the lexicon, as the rules read it."""

    id: str
    stance: str
    en: str
    kind: str  # verb | participle | noun | relay | impersonal
    complements: frozenset[str]
    # "" | imperfect (ليؤكد) | first (نؤكد, a quoted speaker) | statement (نفاه: the pronoun is
    # what was said) | object (اتهمه، تعتبره: another object pronoun) | possessed (إدانتها: the
    # possessor is the speaker)
    variant: str
    unattributed: frozenset[str]  # folded forms that may claim without a speaker
    source: str | None = None  # folded preposition naming the source: نقل عن
    act: bool = False  # a speech act of its own (اتهم، أدان): the speaker's kind leaves its stance

    @property
    def key(self) -> str:
        """The matcher id of the cue's forms."""
        return f"cue:{self.id}/{self.kind}/{self.variant}"


@dataclass(frozen=True, slots=True)
class HeadWord:
    """A speaker head (مصدر، الصحيفة، محللون) or a title standing as one."""

    id: str
    kind: str
    en: str
    plural: bool
    relay: bool = False
    refers: str | None = None  # person | outlet: what the definite singular refers back to


@dataclass(frozen=True, slots=True)
class QualifierWord:
    id: str
    en: str
    takes: str | None = None  # folded preposition whose object joins the phrase


@dataclass(frozen=True, slots=True)
class OutletKind:
    """The outlets a head refers back to (speakers.yaml `refers: outlet`)."""

    words: frozenset[str]  # its own words, folded, without the article: صحيفة، جريدة، مجلة
    en: frozenset[str]  # lower-case words of such an outlet's English name: times, post
    named_only: bool = False  # refers only to an outlet so named


@dataclass(frozen=True, slots=True)
class ClaimTables:
    matcher: PhraseMatcher  # cue and head surfaces on NORM; match ids "cue:<id>", "head:<id>"
    cues: Mapping[int, CueWord]  # match id → cue
    heads: Mapping[int, HeadWord]  # match id → head
    qualifiers: Mapping[str, QualifierWord]  # folded word → qualifier
    demonyms: Mapping[str, str]  # folded nationality adjective → actor id
    country_of: Mapping[str, str]  # actor id → id of its state
    actor_en: Mapping[str, str]  # actor id → English name
    known: frozenset[str]  # the words the normalizer may uncover by taking proclitics off
    loc: int  # string hashes of the actor span labels
    person: int
    org: int
    # Function words (particles.yaml, claim_rules.yaml), folded. They are never declared as
    # vocabulary (see `vocabulary`): declaring "ان" would let the normalizer read كان as ك + ان.
    # The rules compare them with a token's folded form, proclitics kept (Context.fw).
    that: frozenset[str]  # أن / إن and their forms
    prepositions: frozenset[str]
    qad: frozenset[str]
    complement_prepositions: Mapping[str, str]  # folded preposition → complement (عن → about)
    continuing_conjunctions: frozenset[str]  # subject-continuing conjunctions: كما، ثم، حيث
    clause_openers: frozenset[str]  # open a clause after a comma: حيث، بينما، إلا
    explanation_openers: frozenset[str]  # go on with what precedes after a comma: أي، مثل
    auxiliaries_and_relatives: frozenset[str]  # auxiliaries and relative pronouns: قد، كان، التي
    conjunction_heads: frozenset[str]  # make أن a conjunction: إلى أن، بعد أن، إلا أن
    ba_initial_words: frozenset[str]  # an initial ب that is not ب + verbal noun: بعد، بسبب، بيان
    necessity_nouns: frozenset[str]  # ضرورة، وجوب
    both: frozenset[str]  # كل، كلا
    clause_enders: frozenset[str]  # end the claimed clause wherever they stand: والتي، ولكن
    leading_time_words: frozenset[str]  # a date word before the content is not claimed: الاثنين
    not_subject: frozenset[str]  # never head a subject phrase: هو، ذلك، لم
    adverbs: frozenset[str]  # أيضا، مجددا، مرارا: neither speaker nor content
    pronoun_prepositions: frozenset[str]  # له، فيه، عنه: point back, are not claimed
    non_speakers: frozenset[str]  # events and situations, never a claim's source: التطورات
    statement_references: frozenset[str]  # وهو ما نفاه، الأمر الذي نفته: refer back to a statement
    honorific_pronouns: frozenset[str]  # معاليه، سموه: the person named before
    affiliation: frozenset[str]  # لدى، في، إلى: a title's post, the name follows ("السفير لدى …")
    obligation: frozenset[str]  # يجب، يتعين، ضرورة: a demand
    negations: frozenset[str]  # لم، لن، لا: a denial when they open the content
    negation_exceptions: frozenset[str]  # تزال، بد: after لا/ما, no negation
    adjective_markers: frozenset[str]  # غير: "غير معلنة" is an adjective, no cue
    manner: frozenset[str]  # كما، بما: before يجب، يلزم, a manner, no demand
    retaliation: frozenset[str]  # سنرد، "ستدفع الثمن" (one or two words): a threat
    readiness: frozenset[str]  # استعداد: a promise
    transliterate: Callable[[str], str]  # a name's English spelling (Transliterator.name_en)
    # What makes an organisation an outlet that "the agency", "the newspaper" may refer back to.
    outlet_kinds: Mapping[str, OutletKind] = field(default_factory=dict)  # head id → its kind
    media_words: frozenset[str] = frozenset()  # every outlet head's words (وكالة، صحيفة، قناة)
    outlet_names: frozenset[str] = frozenset()  # outlets.yaml: folded Arabic, lower-case English
    # Words that are, or open, a retaliation phrase, و or ف on or off: from `retaliation`.
    threat_forms: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "threat_forms", threat_forms(self.retaliation))


def without_conjunction(folded: str) -> str:
    """A folded word without a leading و or ف (ولن، فسنرد)."""
    return folded[1:] if len(folded) > 3 and folded[0] in "وف" else folded


def phrase_openers(phrases: frozenset[str]) -> frozenset[str]:
    """The first words of the phrases of more than one word."""
    return frozenset(p.split(" ")[0] for p in phrases if " " in p)


def threat_forms(retaliation: frozenset[str]) -> frozenset[str]:
    """The folded words that are a retaliation word or the first word of a retaliation phrase
    once a leading و or ف is off (`without_conjunction`): that word itself, or it after و or ف."""
    words = retaliation | phrase_openers(retaliation)
    return frozenset(f for w in words for f in (w, "و" + w, "ف" + w) if without_conjunction(f) in words)


def cue_words(cues: CuesFile) -> dict[str, CueWord]:
    """Folded surface (words joined by one space) → cue: one CueWord per kind and variant of
    each entry's forms (a verb, its participle, its verbal nouns …)."""
    forms: dict[str, CueWord] = {}
    for entry in cues.cues:
        for kind, variant, surfaces in entry.variants():
            word = CueWord(
                entry.id,
                entry.stance,
                entry.en,
                kind,
                frozenset(entry.complements),
                variant,
                frozenset(fold(u) for u in entry.unattributed),
                fold(entry.source) if entry.source else None,
                entry.act,
            )
            for surface in surfaces:
                forms.setdefault(surface_key(surface), word)
    return forms


def head_words(speakers: SpeakersFile, titles: Iterable[TitleEntry] = ()) -> dict[str, HeadWord]:
    """Folded surface → speaker head; `titles` stand as heads that refer to a person."""
    heads: dict[str, HeadWord] = {}
    for entry in speakers.speakers:
        plural = entry.plural or not entry.en.startswith(("a ", "an ", "the "))
        head = HeadWord(entry.id, entry.kind, entry.en, plural, entry.relay, entry.refers)
        for surface in entry.ar:
            heads[surface_key(surface)] = head
    for title in titles:
        if title.kind == "honorific":
            continue
        kind = "expert" if title.kind == "profession" else "official"
        head = HeadWord("title:" + title.id, kind, "the " + title.en, False, False, "person")
        for form in title.ar:
            heads.setdefault(surface_key(form), head)
    return heads


def qualifier_words(speakers: SpeakersFile) -> dict[str, QualifierWord]:
    """Folded word → qualifier."""
    quals: dict[str, QualifierWord] = {}
    for entry in speakers.qualifiers:
        word = QualifierWord(entry.id, entry.en, fold(entry.takes) if entry.takes else None)
        for surface in entry.ar:
            quals[surface_key(surface)] = word
    return quals


def _demonyms(resources: Resources) -> dict[str, str]:
    """Nationality adjectives, in the forms a speaker phrase takes: إيراني(ة)، الإيرانيين ..."""
    demonyms: dict[str, str] = {}
    for e in resources.actors:
        for d in e.demonym_ar:
            f = fold(d)
            forms = {f, f + "ين", f + "ون"} if f.endswith("ي") else {f}
            for form in forms:
                demonyms.setdefault(form, e.id)
                demonyms.setdefault("ال" + form, e.id)
                demonyms.setdefault("و" + form, e.id)
    return demonyms


def _matcher(nlp: Language, forms: list[tuple[str, str]]) -> PhraseMatcher:
    """A PhraseMatcher on NORM over (folded surface, match id) pairs."""
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    by_id: dict[str, list[Doc]] = {}
    for key, eid in forms:
        pattern = nlp.make_doc(key)
        for tok in pattern:
            tok.norm_ = tok.text  # keys are folded already, as the normalizer folds tokens
        by_id.setdefault(eid, []).append(pattern)
    for eid, patterns in by_id.items():
        matcher.add(eid, patterns)
    return matcher


def build_tables(resources: Resources, known: frozenset[str], nlp: Language) -> ClaimTables:
    """The tables of `resources`; `nlp` gives the vocabulary and tokenizer the matcher uses."""
    speakers = resources.get("speakers", SpeakersFile)
    cues_file = resources.get("cues", CuesFile)
    cues = cue_words(cues_file)
    heads = head_words(speakers, resources.titles)
    strings = nlp.vocab.strings
    particles = resources.get("particles", ParticlesFile)
    rules = resources.get("claim_rules", ClaimRulesFile)

    def folded(forms: Iterable[str]) -> frozenset[str]:
        return frozenset(fold(w) for w in forms)

    return ClaimTables(
        # One matcher for cues and speaker heads: one pass over the doc.
        matcher=_matcher(
            nlp,
            [(k, v.key) for k, v in cues.items()] + [(k, "head:" + v.id) for k, v in heads.items()],
        ),
        cues={strings.add(v.key): v for v in cues.values()},
        heads={strings.add("head:" + v.id): v for v in heads.values()},
        qualifiers=qualifier_words(speakers),
        demonyms=_demonyms(resources),
        country_of={e.id: e.country for e in resources.actors if e.country},
        actor_en={e.id: e.en for e in resources.actors},
        known=known,
        loc=strings.add("LOC"),
        person=strings.add("PERSON"),
        org=strings.add("ORG"),
        that=folded(particles.forms("that")),
        prepositions=folded(particles.forms("prepositions")),
        qad=folded(particles.forms("qad")),
        complement_prepositions={fold(p): c for c, p in cues_file.prepositions.items()},
        continuing_conjunctions=folded(rules.forms("subject-continuing-conjunctions")),
        clause_openers=folded(rules.forms("clause-openers")),
        explanation_openers=folded(rules.forms("explanation-openers")),
        auxiliaries_and_relatives=folded(rules.forms("auxiliaries-and-relatives")),
        conjunction_heads=folded(rules.forms("conjunction-heads")),
        ba_initial_words=folded(rules.forms("ba-initial-words")),
        necessity_nouns=folded(rules.forms("necessity-nouns")),
        both=folded(rules.forms("both")),
        clause_enders=folded(rules.forms("clause-enders")),
        leading_time_words=folded(particles.forms("time-words")),
        not_subject=folded(rules.forms("not-subject-words")),
        adverbs=folded(rules.forms("adverbs")),
        pronoun_prepositions=folded(rules.forms("pronoun-prepositions")),
        non_speakers=folded(rules.forms("non-speaker-nouns")),
        statement_references=folded(rules.forms("statement-references")),
        honorific_pronouns=folded(rules.forms("honorific-pronouns")),
        affiliation=folded(rules.forms("affiliation-prepositions")),
        obligation=folded(rules.forms("obligation-words")),
        negations=folded(rules.forms("negations")),
        negation_exceptions=folded(rules.forms("negation-exceptions")),
        adjective_markers=folded(rules.forms("adjective-participle-markers")),
        manner=folded(rules.forms("manner-before-obligation")),
        retaliation=folded(rules.forms("retaliation-words")),
        readiness=folded(rules.forms("readiness-nouns")),
        transliterate=Transliterator.from_resources(resources).name_en,
        **_outlet_tables(resources, speakers),
    )


def _outlet_tables(resources: Resources, speakers: SpeakersFile) -> dict[str, Any]:
    """ClaimTables' fields that tell an outlet: outlet_kinds, media_words, outlet_names."""
    kinds = {
        e.id: OutletKind(
            frozenset(_bare_word(form) for form in e.ar),
            frozenset(w.lower() for w in e.outlet_words_en),
            e.named_only,
        )
        for e in speakers.speakers
        if e.refers == "outlet"
    }
    return {
        "outlet_kinds": kinds,
        "media_words": frozenset(w for k in kinds.values() for w in k.words),
        "outlet_names": _outlet_names(resources.get("outlets", OutletsFile)),
    }


def _bare_word(form: str) -> str:
    """A head's first word, folded, without its article: الصحيفة → صحيفه."""
    word = fold(form).split()[0]
    return word[2:] if word.startswith("ال") else word


def _outlet_names(outlets: OutletsFile) -> frozenset[str]:
    names: set[str] = set()
    for outlet in outlets.outlets:
        for name in (outlet.ar, outlet.en, *outlet.names):
            names.add(fold(name) if has_arabic(name) else name.lower())
    return frozenset(names)
