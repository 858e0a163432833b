"""The actors' token spans as plain tuples, for the components after briefing_actors.

doc.spans["actors"] keeps Span objects for callers outside the pipeline; reading it makes a new
Span per actor mention (a microsecond or two each, thousands per batch). The actors component
also keeps (start, end, label hash, actor id hash) per span, in the same order, in doc.user_data,
which `actor_spans(doc)` reads.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

KEY = "briefing.actor_spans"  # doc.user_data: ((start, end, label hash, actor id hash), ...)
ActorSpan = tuple[int, int, int, int]


def keep_actor_spans(doc: Doc, spans: Iterable[ActorSpan]) -> None:
    doc.user_data[KEY] = tuple(spans)


def actor_spans(doc: Doc) -> tuple[ActorSpan, ...]:
    """doc.spans["actors"] as (start, end, label hash, actor id hash), in its order."""
    kept = doc.user_data.get(KEY)
    if kept is None:  # spans set some other way (by hand, in a test)
        return tuple((s.start, s.end, s.label, s.id) for s in doc.spans.get("actors", ()))
    return kept  # type: ignore[no-any-return]
