"""Build the extraction pipeline: the one place that knows the components and their order.

    tokenizer (Arabic-news infixes)
    briefing_normalizer   token.norm_ = folded, proclitic-free form; token._.clitic
    briefing_sentences    sentence starts
    briefing_gazetteer    PhraseMatcher over the actor gazetteer, matching on NORM → doc._.actor_candidates
    briefing_actors       titles + names, resolution, short forms → doc.spans["actors"], doc._.actors
    briefing_figures      numbers × scale × unit × qualifier → doc.spans["figures"], doc._.figures
    briefing_claims       reporting cues, speakers, content → doc.spans["claims"], doc._.claims
    briefing_themes       weighted keyword scores → doc._.themes
    briefing_dates        date expressions and background markers → doc._.dates (resolved against
                          the article's date by pipeline.dates.date_events)

Loading happens in two steps, each order-free. First every component module's `vocabulary()`
names the words its patterns use; their folded union is `known`, the words the normalizer may
uncover by taking proclitics off. Then every component's `load(resources, known)` builds its
tables. Factories declare what they `require` and `assign`, and `check_order` refuses a pipeline
whose components come in an order that leaves a requirement unmet.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

import spacy
from spacy.language import Language

# Importing the modules registers their factories.
from briefing.pipeline import actors, claims, dates, figures, normalizer, sentences, themes
from briefing.pipeline.gist import component as gist
from briefing.pipeline.tokenizer import customize_tokenizer, fresh_cache
from briefing.resources import Resources
from briefing.text.normalize import fold

_REGISTERED = (normalizer, sentences, themes, gist, dates)

PIPELINE = (
    "briefing_normalizer",
    "briefing_sentences",
    "briefing_gazetteer",
    "briefing_actors",
    "briefing_figures",
    "briefing_claims",
    "briefing_gist",
    "briefing_themes",
    "briefing_dates",
)
# The words each component's patterns use (see the module docstring).
VOCABULARIES: tuple[Callable[[Resources], Iterable[str]], ...] = (
    actors.vocabulary,
    figures.vocabulary,
    claims.vocabulary,
)


@runtime_checkable
class Loadable(Protocol):
    def load(self, resources: Resources, known: frozenset[str]) -> None: ...


class PipelineError(ValueError):
    """Components in an order that leaves something they require unassigned."""


def known_words(resources: Resources) -> frozenset[str]:
    """The folded words of every component's patterns."""
    return frozenset(fold(w) for vocabulary in VOCABULARIES for w in vocabulary(resources) if w)


def check_order(nlp: Language) -> None:
    """PipelineError when a component requires what no component before it assigns."""
    analysis = nlp.analyze_pipes() or {}
    problems = {name: missing for name, missing in analysis["problems"].items() if missing}
    if problems:
        detail = "; ".join(f"{name} needs {', '.join(missing)}" for name, missing in problems.items())
        raise PipelineError(f"components out of order: {detail}")


def build_nlp(resources: Resources, *, components: Sequence[str] = PIPELINE) -> Language:
    """A ready pipeline over `resources`; build it once per process and reuse it."""
    nlp = spacy.blank("ar")
    customize_tokenizer(nlp)
    for name in components:
        nlp.add_pipe(name)
    check_order(nlp)
    known = known_words(resources)
    for name in nlp.pipe_names:
        component: object = nlp.get_pipe(name)
        if isinstance(component, Loadable):
            component.load(resources, known)
    fresh_cache(nlp)  # the patterns' words are in it: the articles' would find no room
    return freeze(nlp)


def freeze(nlp: Language, *, collect: bool = True) -> Language:
    """`nlp`, its tables moved out of the garbage collector's generations: they are hundreds of
    thousands of long-lived objects, and full collections during extraction stay short. Loading
    a pickle leaves next to no garbage, so there `collect` (a tenth of a second) may be skipped."""
    if collect:
        gc.collect()
    gc.freeze()
    return nlp
