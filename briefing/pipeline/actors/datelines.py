"""An outlet named in a dateline: at the start of a line a place, a dash, and the outlet's one or
two words before a colon or a dash (الدوحة - الراية :, البحرين - الرأي -, الدوحة - قنا :). The
words there are the outlet even when they are everyday words (الرأي "the opinion") or a place's
name (قنا, البلقاء); not a reporter's name (it opens with a given name) nor a generic source
(وكالات, خاص: actor_rules.yaml's dateline_sources).
"""

from __future__ import annotations

from collections.abc import Mapping

from briefing.pipeline.actors.document import Hit, Tokens
from briefing.pipeline.actors.fixtures import DASH_IDS, DASHES
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.words import Words
from briefing.text.normalize import fold

MAX_WORDS = 2  # an outlet's name in a dateline
ENDS = DASHES | {":"}


def at_line_start(text: str, char: int) -> bool:
    """Does only blank space stand between the last newline (or the text's start) and `char`?"""
    k = char - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


def dateline_outlets(
    w: Words,
    hits: list[Hit],
    taken: set[int],
    found: FoundActors,
    generic: frozenset[str],
) -> list[Hit]:
    """New outlets named in datelines; a place's hit there is made the outlet's. `taken` grows."""
    a = w.a
    n = len(a.norms)
    out: list[Hit] = []
    dashes = a.marked(DASH_IDS)
    places = [h for h in hits if h.end in dashes and h.type in ("GPE", "LOC") and h.end + 2 < n]
    if not places:
        return out
    by_start = {h.start: h for h in hits}
    for g in places:
        if not at_line_start(a.text, a.idx[g.start]):
            continue
        start = g.end + 1
        end = next((e for e in range(start + 1, min(n, start + MAX_WORDS + 1)) if a.raw(e) in ENDS), 0)
        if not end or any(a.punct[j] for j in range(start, end)):
            continue
        h = by_start.get(start)
        if h is not None:
            # not a state's (لبنان - سوريا : a fixture's sides)
            if h.end == end and h.type == "LOC" and _outlet_place(a, end, by_start):
                mention = a.mention(h.start, h.end)
                h.actor, h.type = found.add("ORG", mention, w.t.translit.name_en(mention)), "ORG"
            continue
        words = [a.word(j) for j in range(start, end)]
        if any(j in taken or not w.nameish(j, first=j == start) for j in range(start, end)):
            continue
        if words[0] in w.t.given or any(x in generic for x in words):
            continue
        mention = a.mention(start, end)
        aid = found.add("ORG", mention, w.t.translit.name_en(mention))
        taken.update(range(start, end))
        out.append(Hit(start, end, a.start_char(start), a.end_char(end), aid, "ORG", fold(mention)))
    return out


def _outlet_place(a: Tokens, end: int, by_start: Mapping[int, Hit]) -> bool:
    """Is the place before token `end` (a colon or a dash) the outlet (الدوحة - قنا :, عمان -
    البلقاء - فيصل ملكاوي), not a second place of the dateline (مقديشو - نيروبي - ( رويترز ))?"""
    after = end + 1
    return a.raw(end) == ":" or (after < len(a.norms) and not a.punct[after] and after not in by_start)
