"""Stretches of words English says as a clause of its own: لم … بعد (not … yet), سقوط with
the dead or wounded it counts (سقوط عدد من القتلى: a number of people were killed), بالفعل
as its clause reads it (already, really, indeed), and إلى أن (until, or "that" after a word
that governs إلى)."""

from __future__ import annotations

from briefing.pipeline.gist.words import ADV, CONJ, PART, PHRASE, PREP, PUNCT, V, Word

# glossary id → (the participle of "people were …", the noun inside a clause)
_CASUALTIES = {
    "dead": ("killed", "deaths"),
    "wounded": ("wounded", "injuries"),
    "victims": ("killed", "casualties"),
}
_COUNTS = frozenset({"a-number-of", "many-of"})  # عدد من، العديد من
_AFTER_YET = frozenset({PUNCT, PREP, CONJ, PART, V})  # what follows بعد "yet", not "after"


def not_yet(words: list[Word]) -> None:
    """بعد after a verb negated by لم, governing nothing, is "yet": لم يتم الرد بعد."""
    n = len(words)
    for i in [k for k, w in enumerate(words) if w.id == "neg-lam"]:
        for j in range(i + 2, min(i + 6, n)):
            w = words[j]
            if w.pos == PUNCT:
                break
            if (
                w.id == "prep-bad"
                and not w.conj
                and words[j - 1].id != "only"
                and (j + 1 == n or words[j + 1].pos in _AFTER_YET)
            ):
                words[j] = Word(w.text, ADV, "yet")
                break


def casualties(words: list[Word]) -> None:
    """سقوط (fall) with the dead, wounded or victims after it: at the head of a clause, "people
    were killed"; inside one (أدى إلى سقوط قتلى), the nouns "deaths", "injuries", "casualties"."""
    for i in reversed([k for k, w in enumerate(words) if w.id == "fall"]):
        k = i + 1
        count = words[k] if k < len(words) and words[k].id in _COUNTS else None
        k += count is not None
        if k >= len(words) or words[k].id not in _CASUALTIES or words[k].conj or words[k].prep:
            continue
        verb, noun = _CASUALTIES[words[k].id]
        also = words[k + 1] if k + 1 < len(words) else None
        also_id = also.id if also is not None and also.conj == "and" and also.id in _CASUALTIES else ""
        head = words[i]
        if i == 0 or words[i - 1].pos in (PUNCT, CONJ) or head.conj:
            both = f" and {_CASUALTIES[also_id][0]}" if also_id and _CASUALTIES[also_id][0] != verb else ""
            many = f"{count.en} " if count is not None else ""
            text = " ".join(w.text for w in words[i : k + 1 + bool(also_id)])
            clause = Word(text, PHRASE, f"{many}people were {verb}{both}", conj=head.conj, fixed=True)
            words[i : k + 1 + bool(also_id)] = [clause]
            continue
        dead = words[k] = words[k].copy()
        dead.en, dead.plural_en, dead.number, dead.definite = noun[:-1], noun, "pl", False
        if also_id:
            hurt = words[k + 1] = words[k + 1].copy()
            hurt.en, hurt.plural_en, hurt.number, hurt.definite = "", _CASUALTIES[also_id][1], "pl", False
            hurt.en = hurt.plural_en[:-1]
        del words[i]


_IF = frozenset({"conj-idha", "conj-law", "if-ma", "in-case", "whether"})  # إذا، لو، إذا ما، في حال، سواء
_WANT = frozenset({"want", "wish", "desire", "intend"})


def really(words: list[Word]) -> None:
    """بالفعل is "already" (تستضيف تركيا بالفعل: Turkey already hosts), but "really" after a verb
    of wanting or in an if-clause (إذا ما أرادت بالفعل: if it really wanted), and "indeed" at the
    head of its clause (وبالفعل تلقت إسرائيل: and indeed Israel received)."""
    for i in [k for k, w in enumerate(words) if w.id == "already"]:
        w = words[i]
        if i == 0 or words[i - 1].pos == PUNCT or w.conj:
            en = "indeed"
        elif (words[i - 1].pos == V and words[i - 1].en in _WANT) or _in_if_clause(words, i):
            en = "really"
        else:
            continue
        words[i] = w.copy()
        words[i].en = en


def _in_if_clause(words: list[Word], i: int) -> bool:
    """Is there an "if" between the start of i's clause (a punctuation mark) and i, close by?"""
    for j in range(i - 1, max(-1, i - 8), -1):
        if words[j].pos == PUNCT:
            return False
        if words[j].id in _IF:
            return True
    return False


def until_or_that(words: list[Word]) -> None:
    """إلى أن before a verb is "until" (تبقى إلى أن تطالبها: stays until it asks it), but "that"
    before a noun (في إشارة إلى أن الزيارة: in a reference that the visit) or after a word that
    governs إلى in its clause (أشار الوزير إلى أن: the minister pointed out that)."""
    for i in [k for k, w in enumerate(words) if w.id == "until-an"]:
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is None or nxt.pos != V or nxt.conj or _governs_ila(words, i):
            words[i] = Word(words[i].text, PART, "that", conj=words[i].conj)


def _governs_ila(words: list[Word], i: int) -> bool:
    """Is there a word that governs إلى (أشار, دعا) in i's clause, close before it?"""
    for j in range(i - 1, max(-1, i - 8), -1):
        if words[j].pos == PUNCT:
            return False
        governs = words[j].governs
        if governs is not None and governs[0] == "prep-ila":
            return True
    return False
