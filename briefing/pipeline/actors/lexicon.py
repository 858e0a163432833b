"""The words of the actor rules and of names: what the normalizer may uncover under a proclitic
(`vocabulary`), and which words are only ever names.

Both come out of one pass over the resources, `name_lexicon`, computed once per Resources object:
the pipeline asks for the vocabulary before loading, and the component's tables need the
"only names" set and the transliterator that pass builds.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.pipeline.gazetteer import government_phrases
from briefing.pipeline.loading import once_per_resources
from briefing.resources import Resources
from briefing.resources.schema import ActorRulesFile, ArmedGroupsFile, GivenNamesFile, OrgPatternsFile
from briefing.text.normalize import fold, strip_proclitics
from briefing.text.transliterate import Transliterator

# A name token counts as a name from this much evidence in the name table.
NAME_MIN_COUNT = 3


@dataclass(frozen=True)
class NameLexicon:
    """The vocabulary of the actor rules, and the name words in it that are never everyday words."""

    words: frozenset[str]  # as written; the pipeline folds them
    only_names: frozenset[str]  # folded
    translit: Transliterator


def _resource_words(resources: Resources) -> tuple[set[str], set[str]]:
    """(words of the rules, titles and non-person surfaces; words of people's names), as written."""
    words: set[str] = set()
    # The words of people's names are name words, like the name lexicon's (below): a rare
    # name a gazetteer lists (هيرمان أينشتاين) must not make أينشتاين an everyday word.
    person_words: set[str] = set()
    for e in resources.actors:
        for s in (*e.surfaces_ar, *e.ambiguous_ar):
            (person_words if e.type == "PERSON" else words).update(s.split())
        words.update("ال" + d for d in e.demonym_ar)
    for surface, _ in government_phrases(resources):
        words.update(surface.split())
    for t in resources.titles:
        for form in t.ar:
            words.update(form.split())
    words.update(resources.get("actor_rules", ActorRulesFile).vocabulary())
    words.update(resources.get("given_names", GivenNamesFile).given_names)
    for form in resources.get("org_patterns", OrgPatternsFile).forms():
        words.update(form.split())
    for form in resources.get("armed_groups", ArmedGroupsFile).forms():
        words.update(form.split())
    return words, person_words


@once_per_resources
def name_lexicon(resources: Resources) -> NameLexicon:
    """The vocabulary and the only-name words of `resources` (computed once per Resources object)."""
    translit = Transliterator.from_resources(resources)
    words, person_words = _resource_words(resources)
    # Person-name tokens too: a name is never cut into proclitic + word (كريمي is not ك + ريمي),
    # and a proclitic before a name comes off (وكريمي).
    own = {fold(w) for w in words}
    # A name token that reads as proclitic + one of our words (وتل of وتل أبيب) would stop
    # that proclitic from coming off: it is left out.
    names = {
        t
        for t in translit.name_tokens(min_count=NAME_MIN_COUNT)
        if t in own or not strip_proclitics(t, own)[1]
    }
    # Name words that are only names: the rest (أمين of أمين عام) stay resource words. The
    # gazetteer's own name words all stay whole words (كيري is never ك + يري).
    person = {fold(w) for w in person_words}
    only_names = frozenset((names | person) - own)
    return NameLexicon(frozenset(words | names | person_words), only_names, translit)


def vocabulary(resources: Resources) -> frozenset[str]:
    """Words of names, titles and actor rules: the normalizer may strip proclitics before them."""
    return name_lexicon(resources).words
