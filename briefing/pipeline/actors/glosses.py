"""A person's or organisation's name in Latin letters, in brackets right after its Arabic one, is
another mention of the same actor: مؤسسة "سيمبيوسيس" (Symbiosis), ألبرت أينشتاين (Albert Einstein),
معهد الدراسات العلمية والثقافية (ICSS).
"""

from __future__ import annotations

import re

from briefing.pipeline.actors.document import OPENING, Hit, Tokens

MAX_GLOSS_WORDS = 6  # Inlingua International Language School
# People and organisations: after a place, the Latin word in brackets is a dateline's source
# (دبي، الإمارات العربية المتحدة (CNN)--), not the place's name.
GLOSSED = ("PERSON", "ORG")
# A word of a name in Latin letters: letters, with the dots, hyphens, apostrophes and ampersands
# of names (St., Al-Jazeera, O'Neill, AT&T).
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.\-'&]*")


def latin_glosses(a: Tokens, hits: list[Hit]) -> list[Hit]:
    """Hits for the bracketed Latin originals that follow the hits' names."""
    out: list[Hit] = []
    n = len(a.norms)
    openings = a.marked(OPENING)
    if not openings:
        return out
    taken = {h.start for h in hits}
    for h in hits:
        # (the bracket opens right after the name, or after its closing quotation mark)
        if h.type not in GLOSSED or (h.end not in openings and h.end + 1 not in openings):
            continue
        j = h.end
        if j < n and a.is_quote(j):
            j += 1  # مؤسسة "سيمبيوسيس" (Symbiosis): the quoted name's closing mark
        if j >= n or a.raw(j) != "(":
            continue
        end = _gloss_end(a, j + 1)
        if end > j + 1 and j + 1 not in taken:
            out.append(Hit(j + 1, end, a.idx[j + 1], a.end_char(end), h.actor, h.type))
            taken.add(j + 1)
    return out


def _gloss_end(a: Tokens, k: int) -> int:
    """The end of the Latin words from token k to a closing bracket, or k: one to
    MAX_GLOSS_WORDS words, one at least a capital's (a name, not a gloss in words)."""
    end = k
    while end < len(a.norms) and end - k < MAX_GLOSS_WORDS and _LATIN_WORD.fullmatch(a.raw(end)):
        end += 1
    if end == k or end >= len(a.norms) or a.raw(end) != ")":
        return k
    return end if any(a.raw(i)[0].isupper() for i in range(k, end)) else k
