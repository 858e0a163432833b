"""Build the extraction pipeline: the one place that knows the components and their order.

    tokenizer (Arabic-news infixes)
    briefing_normalizer   token.norm_ = folded, proclitic-free form; token._.clitic
    briefing_sentences    sentence starts
    briefing_gazetteer    SpanRuler over the actor gazetteer, matching on NORM → doc.spans["actor_candidates"]
    briefing_actors       titles + names, resolution, short forms → doc.spans["actors"], doc._.actors
    briefing_figures      numbers × scale × unit × qualifier → doc.spans["figures"], doc._.figures
    briefing_claims       reporting cues, speakers, content → doc.spans["claims"], doc._.claims
    briefing_themes       weighted keyword scores → doc._.themes

Each briefing component offers `vocabulary(resources)` (words its patterns use, so that the
normalizer may strip proclitics in front of them) and `load(resources)` (its patterns). Both
are called here, once, before the first document.
"""

from __future__ import annotations

import gc
from itertools import chain
from typing import Any, Protocol, cast

import spacy
from spacy.language import Language

# Importing the modules registers their factories.
from briefing.pipeline import actors as _actors
from briefing.pipeline import claims as _claims
from briefing.pipeline import figures as _figures
from briefing.pipeline import normalizer as _normalizer
from briefing.pipeline import themes as _themes
from briefing.pipeline.tokenizer import customize_tokenizer
from briefing.resources import Resources

_REGISTERED = (_actors, _claims, _figures, _normalizer, _themes)

COMPONENTS = ("briefing_actors", "briefing_figures", "briefing_claims", "briefing_themes")


class ResourceComponent(Protocol):
    def vocabulary(self, resources: Resources) -> Any: ...

    def load(self, resources: Resources) -> None: ...


def build_nlp(resources: Resources) -> Language:
    """A ready pipeline over `resources`; build it once per process and reuse it."""
    nlp = spacy.blank("ar")
    customize_tokenizer(nlp)
    normalizer: Any = nlp.add_pipe("briefing_normalizer")
    nlp.add_pipe("briefing_sentences")
    nlp.add_pipe(
        "span_ruler",
        name="briefing_gazetteer",
        config={
            "spans_key": "actor_candidates",
            "phrase_matcher_attr": "NORM",
            "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
            "validate": True,
        },
    )
    components: list[ResourceComponent] = [cast(ResourceComponent, nlp.add_pipe(name)) for name in COMPONENTS]
    normalizer.set_known(chain.from_iterable(c.vocabulary(resources) for c in components))
    for component in components:
        component.load(resources)
    # The loaded resources are hundreds of thousands of long-lived objects; moving them out of
    # the collector's generations keeps full collections during extraction short.
    gc.collect()
    gc.freeze()
    return nlp
