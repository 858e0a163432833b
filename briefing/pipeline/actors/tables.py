"""The actor component's load-time tables, one frozen dataclass built from the resources by
`build_tables`: a part per rule family, each built by its own module."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab

from briefing.pipeline.actors.bodies import BodyTables, build_body_tables
from briefing.pipeline.actors.candidates import CandidateTables, build_candidate_tables
from briefing.pipeline.actors.coalitions import CoalitionTables, build_coalition_tables
from briefing.pipeline.actors.disambiguation import ContextTables, build_context_tables
from briefing.pipeline.actors.full_names import FullNameTables, build_full_name_tables
from briefing.pipeline.actors.glued import GlueTables, build_glue_tables
from briefing.pipeline.actors.groups import GroupTables, build_group_tables
from briefing.pipeline.actors.lexicon import name_lexicon
from briefing.pipeline.actors.named_as import NamedAsTables, build_named_as_tables
from briefing.pipeline.actors.organisations import OrgTables, build_org_tables
from briefing.pipeline.actors.people import PeopleTables, build_people_tables
from briefing.pipeline.actors.places import PlaceTables, build_place_tables
from briefing.pipeline.actors.triggered import SharedPhrases
from briefing.pipeline.actors.words import WordTables, build_word_tables
from briefing.pipeline.gazetteer import gazetteer_index
from briefing.pipeline.loading import PatternTokenizer
from briefing.resources import ActorEntry, Resources


@dataclass(frozen=True)
class ActorTables:
    entries: Mapping[str, ActorEntry]  # the gazetteer, by id
    words: WordTables  # what a word can be in a name (every family)
    candidates: CandidateTables  # gazetteer matches made mentions
    context: ContextTables  # shared and everyday-word surfaces
    glue: GlueTables  # names glued to a neighbour
    orgs: OrgTables  # organisations by their nouns
    bodies: BodyTables  # state bodies by their noun and the state's adjective
    people: PeopleTables  # people by title, role and name words
    groups: GroupTables  # armed groups by their nouns and adjectives or eponyms
    coalitions: CoalitionTables  # the bare coalition noun
    full_names: FullNameTables  # known people by first and last name
    named_as: NamedAsTables  # groups named in quotes
    places: PlaceTables  # places by the word before them
    phrases: SharedPhrases  # the families' phrase matchers joined: one walk per article


def build_tables(
    resources: Resources, known: frozenset[str], vocab: Vocab, make_doc: Callable[[str], Doc]
) -> ActorTables:
    """The tables for `resources`; `known` as the normalizer has it, `make_doc` the tokenizer."""
    index = gazetteer_index(resources)
    words = build_word_tables(resources, known, name_lexicon(resources))
    pattern_doc = PatternTokenizer(make_doc, known)
    orgs = build_org_tables(resources, vocab, pattern_doc)
    bodies = build_body_tables(resources, vocab, pattern_doc)
    people = build_people_tables(resources, words, vocab, pattern_doc)
    groups = build_group_tables(resources, vocab, pattern_doc)
    named_as = build_named_as_tables(resources, vocab, pattern_doc)
    matchers = [orgs.nouns, bodies.nouns, people.titles, groups.matcher, named_as.phrases]
    return ActorTables(
        entries={e.id: e for e in resources.actors},
        words=words,
        candidates=build_candidate_tables(resources, index, vocab.strings),
        context=build_context_tables(resources, index, vocab.strings),
        glue=build_glue_tables(resources, index, words),
        orgs=orgs,
        bodies=bodies,
        people=people,
        groups=groups,
        coalitions=build_coalition_tables(resources, vocab.strings),
        full_names=build_full_name_tables(resources, words.compound_first),
        named_as=named_as,
        places=build_place_tables(resources, vocab.strings),
        phrases=SharedPhrases(vocab, [m for m in matchers if m is not None]),
    )
