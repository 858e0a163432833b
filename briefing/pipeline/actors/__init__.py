"""Component: who is named in the article — people, organisations, states and places.

Input: the gazetteer's matches (doc._.actor_candidates, briefing_gazetteer, on NORM, so
proclitics and spelling variants are already tolerated). What the rules read of a word is derived
once per word form (forms.py: one int of bits per orth, kept across articles). The steps, each a
rule family:
- candidates.py: the matches made mentions; a shared surface decided from its context
  (disambiguation.py: عمان is Amman or Oman); a capital that acts read as its state (طهران أكدت);
- glued.py: gazetteer names glued to a neighbour by bad extraction (جنوبسوريا);
- places.py: places by the word before them: facilities (ميناء الحديدة) and unknown names after a
  settlement noun (بلدة الهري);
- organisations.py: organisations the gazetteer does not know, from the noun before them (فريق أسيك;
  org_phrases.py: names of everyday words, البنك التجاري, منظمة التحرير الفلسطينية; fixtures.py:
  clubs in a list of fixtures, ليون ( فرنسا ) - روما ( إيطاليا ));
- bodies.py: state bodies by their noun and the state's adjective (وزارة الخارجية التركية);
- groups.py: armed groups by their noun and adjectives (المقاومة الشعبية) or eponym (ميليشيا
  الحوثي); coalitions.py: the bare coalition noun (التحالف); named_as.py: a group named in
  quotes (حركة باسم "الشباب المؤمن");
- short_forms.py: short forms of the names found so far (روحاني, الهيئة);
- people.py (with names.py and lists.py): people the gazetteer does not know, after a title or
  role (اللواء مسعود جزايري) or from a given name (سهيل كريمي), transliterated;
- short forms again, for the people just found, and now people's first names (عزت after عزت
  إبراهيم الدوري); full_names.py: a found name that holds a known
  person's (عادل بن أحمد الجبير) is that person; glosses.py: a name's original in Latin
  letters, in brackets after it, is another mention (سيمبيوسيس (Symbiosis));
and output.py writes doc.spans["actors"] (token spans, span.id_ = actor id, label = type) and
doc._.actors (briefing.model.Actor, mentions as character offsets without proclitics).
"""

from __future__ import annotations

from mypy_extensions import mypyc_attr
from spacy.language import Language
from spacy.tokens import Doc

from briefing.pipeline.actors.bodies import Bodies
from briefing.pipeline.actors.candidates import Candidates
from briefing.pipeline.actors.coalitions import Coalitions
from briefing.pipeline.actors.document import Tokens, WordStrings, taken_by
from briefing.pipeline.actors.forms import GLUED, Forms
from briefing.pipeline.actors.full_names import known_people
from briefing.pipeline.actors.glosses import latin_glosses
from briefing.pipeline.actors.glued import glued
from briefing.pipeline.actors.groups import Groups
from briefing.pipeline.actors.lexicon import vocabulary
from briefing.pipeline.actors.named_as import named_as
from briefing.pipeline.actors.names import NameFinder
from briefing.pipeline.actors.organisations import Organisations
from briefing.pipeline.actors.output import FoundActors, write
from briefing.pipeline.actors.people import People
from briefing.pipeline.actors.places import Places
from briefing.pipeline.actors.same_person import one_actor_per_name
from briefing.pipeline.actors.short_forms import Shorts
from briefing.pipeline.actors.tables import ActorTables, build_tables
from briefing.pipeline.actors.words import WordCaches, Words
from briefing.pipeline.batching import BatchPipe
from briefing.resources import Resources

__all__ = ["ActorResolver", "ActorTables", "make_actors", "vocabulary"]


@mypyc_attr(allow_interpreted_subclasses=True)
class ActorResolver(BatchPipe):
    """Config: `max_name_tokens` — the longest pattern-found name, in tokens (default 4)."""

    def __init__(self, nlp: Language, name: str, *, max_name_tokens: int) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.make_doc = nlp.make_doc
        self.max_name_tokens = max_name_tokens
        self.tables: ActorTables | None = None  # built by `load`
        self.caches = WordCaches()
        self.strings = WordStrings(nlp.vocab.strings)

    def load(self, resources: Resources, known: frozenset[str]) -> None:
        """`known`: the folded words the normalizer may uncover (see briefing.pipeline)."""
        self.caches.clear()
        self.tables = build_tables(resources, known, self.vocab, self.make_doc)

    def __call__(self, doc: Doc) -> Doc:
        t = self.tables
        if t is None:
            raise RuntimeError(f"{self.name}: load(resources, known) must come before use")
        a = Tokens.of(doc, self.strings, t.phrases)
        w = Words(a, t.words, self.caches)
        found = FoundActors(t.words.translit, self.caches.name_en)
        forms = Forms(w, t.people, t.glue, t.words.known)  # what the rules read of each word form
        hits = Candidates(w, forms, t.candidates, t.context, t.entries).hits()
        if glued_at := forms.where(GLUED):  # (most articles have no glued word)
            hits += glued(a, glued_at, self.caches, t.entries, taken_by(hits))
        hits = Places(w, t.places, t.entries, found).hits(hits)
        hits += Organisations(w, t.orgs, t.entries, found).hits(hits, taken_by(hits))
        taken = taken_by(hits)  # each of the next steps adds its hits' tokens
        hits += Bodies(w, t.bodies, found).hits(taken)
        hits += Groups(w, t.groups, t.bodies.adjectives, t.entries, found).hits(taken)
        hits += Coalitions(w, t.coalitions, t.entries, found).hits(hits, taken)
        hits += named_as(w, t.named_as, found, taken)
        shorts = Shorts(w, t.orgs.heads, t.orgs.nationalities)
        # Short forms of the people the gazetteer found come first: "روحاني صديق" after "حسن
        # روحاني" is Rouhani and a word, not a new name.
        hits += shorts.hits(hits, taken_by(hits))
        finder = NameFinder(w, t.people.names, self.max_name_tokens)
        hits += People(finder, t.people, t.entries, forms).hits(taken_by(hits), found, hits)
        hits += shorts.hits(hits, taken_by(hits), first_names=True)
        known_people(hits, found, t.full_names)
        one_actor_per_name(a, hits, t.words.compound_first, t.orgs.nationalities)
        hits += latin_glosses(a, hits)
        hits.sort(key=lambda h: (h.start_char, -h.end_char))
        write(doc, a.text, hits, t.entries, found)
        return doc


@Language.factory(
    "briefing_actors",
    assigns=["doc.spans", "doc._.actors"],
    requires=["token.norm", "doc._.actor_candidates"],
    default_config={"max_name_tokens": 4},
)
def make_actors(nlp: Language, name: str, max_name_tokens: int) -> ActorResolver:
    return ActorResolver(nlp, name, max_name_tokens=max_name_tokens)
