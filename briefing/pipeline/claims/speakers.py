"""The Speaker of a claim, made from its speaker phrase.

An actor phrase names the actor (in English from doc._.actors, else from the gazetteer). A head
phrase that refers back ("الصحيفة", "المسؤول الأميركي") stands for the actor it refers to, when
one is found; otherwise the speaker is unnamed and its English is a gloss of the phrase ("a senior
official (Iran)").
"""

from __future__ import annotations

import functools

from briefing.model.contract import Speaker
from briefing.pipeline.claims.context import Context, Phrase
from briefing.pipeline.claims.phrases import title_key
from briefing.pipeline.claims.tables import HeadWord
from briefing.text.bama import Analysis
from briefing.text.normalize import fold

_REFER_BACK_SENTENCES = 3  # how far back a person reference looks for the person


def speaker(ctx: Context, np: Phrase, at: int) -> Speaker:
    """The speaker a phrase names, for the cue at token `at`."""
    name_ar = ctx.text[np.start_char : np.end_char]
    if np.type == "NP":
        return _bare(ctx, np, name_ar)
    if np.type != "HEAD":
        names = [actor_en(ctx, a) for a in np.names] or [actor_en(ctx, np.actor or "")]
        name_en = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return Speaker(np.actor, name_en, name_ar, np.start_char, np.end_char)
    head = np.head
    assert head is not None
    actor = np.actor
    if actor is not None and head.refers == "outlet":
        ctx.resolved[head.id] = actor
    # definite by the article, or in construct with a definite word ("وزير الخارجية المصري")
    words = [k for k in range(np.start, np.end) if ctx.alpha[k]][:2]
    definite = any(ctx.norms[k].startswith("ال") for k in words)
    if actor is None and definite and head.refers:
        actor = _refer_back(ctx, np, head, at)
    if actor is not None and head.refers and actor in ctx.actors_by_id:
        return Speaker(actor, actor_en(ctx, actor), name_ar, np.start_char, np.end_char)
    return Speaker(None, _gloss(ctx, np, definite), name_ar, np.start_char, np.end_char)


def actor_en(ctx: Context, actor: str) -> str:
    """An actor's English name."""
    info = ctx.actors_by_id.get(actor)
    if info is not None:
        return str(info.name_en)
    return ctx.tables.actor_en.get(actor, actor)


def _refer_back(ctx: Context, np: Phrase, head: HeadWord, at: int) -> str | None:
    """The actor a short reference ("المسؤول الأميركي", "الصحيفة") stands for, if any."""
    if head.refers == "person":
        return _person(ctx, np, at)
    hit = ctx.resolved.get(head.id)
    if hit:
        return hit
    # The outlet named most recently before the reference: not any organisation (وكالة
    # الأنباء الرسمية after الاتحاد الأوروبي is no EU agency).
    for j in range(np.start - 1, -1, -1):
        k = ctx.np_of[j]
        if k >= 0 and ctx.phrase(k).actor and _outlet(ctx, ctx.phrase(k), head):
            actor = ctx.phrase(k).actor or ""
            country = ctx.tables.country_of.get(actor)
            if np.countries and country is not None and country not in np.countries:
                continue  # "الإذاعة الإسرائيلية" is no outlet of another state named before
            ctx.resolved[head.id] = actor
            return actor
    return None


def _outlet(ctx: Context, np: Phrase, head: HeadWord) -> bool:
    """Is the organisation a phrase names an outlet of the head's kind (speakers.yaml, refers):
    its own word in the phrase or the two words before it, else a word of its English name?"""
    tables = ctx.tables
    kind = tables.outlet_kinds.get(head.id)
    if kind is None:
        return False
    if np.type not in ("ORG", "HEAD"):  # HEAD: a head that named its outlet (وكالة أنباء الأناضول)
        return False
    text = ctx.text[np.start_char : np.end_char]
    before = ctx.text[max(0, np.start_char - 40) : np.start_char].split()[-2:]  # موقع صحيفة X
    words = {w.removeprefix("ال") for w in fold(" ".join([*before, text])).split()}
    media = {w for w in words if w in tables.media_words}
    media |= {w[1:] for w in words if w[1:] in tables.media_words}  # a proclitic on it (لصحيفة)
    if media or np.type == "HEAD":
        return bool(media & kind.words)
    name_en = actor_en(ctx, np.actor or "").lower()
    en_words = set(name_en.replace("-", " ").split())
    if en_words & kind.en:
        return True
    if kind.named_only or any(en_words & k.en for k in tables.outlet_kinds.values()):
        return False
    return fold(text) in tables.outlet_names or name_en in tables.outlet_names


def _person(ctx: Context, np: Phrase, at: int) -> str | None:
    """The person a title phrase refers to: by apposition, or the last person who spoke."""
    hit = ctx.resolved.get(title_key(ctx, np))
    if hit:
        return hit
    here = ctx.sent(at)
    for d in reversed(ctx.drafts):
        if here - d.sent > _REFER_BACK_SENTENCES:
            break
        if d.speaker and d.speaker.actor and d.np is not None and d.np.type == "PERSON":
            return d.speaker.actor
    return None


def _gloss(ctx: Context, np: Phrase, definite: bool) -> str:
    """English for an unnamed speaker: "a senior official (Iran)", "the newspaper"."""
    head = np.head
    assert head is not None
    base = head.en.split(" ", 1)[1] if not head.plural else head.en
    words = " ".join([*dict.fromkeys(np.quals), base])
    if not head.plural:
        article = "the" if definite else ("an" if words[:1] in "aeiou" else "a")
        words = f"{article} {words}"
    places = [actor_en(ctx, c) for c in np.countries]
    return f"{words} ({', '.join(dict.fromkeys(places))})" if places else words


def _bare(ctx: Context, np: Phrase, name_ar: str) -> Speaker:
    """The speaker of a phrase no lexicon knows: the body it is a short form of ("المرصد" for
    "المرصد السوري لحقوق الإنسان" named earlier, "الوزارة السعودية" for "وزارة الخارجية
    السعودية"), else unnamed, in English a gloss of its words or, a lone word, a name."""
    actor = short_form(ctx, np)
    if actor is not None:
        np.actor = actor
        return Speaker(actor, actor_en(ctx, actor), name_ar, np.start_char, np.end_char)
    return Speaker(None, bare_english(ctx, np), name_ar, np.start_char, np.end_char)


def short_form(ctx: Context, np: Phrase) -> str | None:
    """The actor named earlier whose mention holds every word of the phrase, the first word
    first, articles aside: "المرصد" → "المرصد السوري لحقوق الإنسان"."""
    words = [_bare_word(ctx.norms[k]) for k in range(np.start, np.end) if ctx.alpha[k]]
    if not words:
        return None
    best: tuple[int, str] | None = None
    for actor in ctx.actors_by_id.values():
        if actor.type not in ("ORG", "GPE"):
            continue
        for m in actor.mentions:
            if m.start >= np.start_char or (best is not None and m.start <= best[0]):
                continue
            mention, mention_set = _mention_words(m.text)
            if len(mention) > len(words) and mention[0] == words[0] and mention_set.issuperset(words):
                best = (m.start, actor.id)
    return best[1] if best else None


@functools.lru_cache(maxsize=1 << 12)
def _mention_words(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The words of a mention, folded and without the article, in order and as a set: kept per
    mention, which each phrase no lexicon knows compares itself with."""
    words = tuple(_bare_word(fold(w)) for w in text.split())
    return words, frozenset(words)


def _bare_word(folded: str) -> str:
    return folded[2:] if folded.startswith("ال") and len(folded) > 3 else folded


def bare_english(ctx: Context, np: Phrase) -> str:
    """English for a phrase no lexicon knows: its head's first English sense, with the
    adjectives after a definite head and the countries of nationality adjectives ("the emergency
    meeting", "the ministry (Turkey)"), or the spelling of a name (a lone word the lexicon does
    not read as a common noun)."""
    tokens = [k for k in range(np.start, np.end) if ctx.alpha[k]]
    words = [ctx.texts[k] for k in tokens]
    head = _gloss_word(ctx.readings(tokens[0]), False)
    if not head or (len(words) == 1 and not ctx.norms[tokens[0]].startswith("ال")):
        return ctx.tables.transliterate(" ".join(words))
    demonyms = ctx.tables.demonyms
    places = [actor_en(ctx, demonyms[ctx.norms[k]]) for k in tokens[1:] if ctx.norms[k] in demonyms]
    adjectives: list[str] = []
    if ctx.norms[tokens[0]].startswith("ال"):
        for k in tokens[1:]:
            if ctx.norms[k] not in demonyms:
                adjectives.insert(0, _gloss_word(ctx.readings(k), True))
    words_en = " ".join(["the", *filter(None, adjectives), head])
    return f"{words_en} ({', '.join(dict.fromkeys(places))})" if places else words_en


def _gloss_word(readings: tuple[Analysis, ...], modifier: bool) -> str:
    """The first English sense of a word's noun reading (of its adjective reading after the
    head: a noun there is a genitive, left out); "" when it has none."""
    wanted = "ADJ" if modifier else "NOUN"
    for reading in readings:
        if reading.stem.pos == wanted and reading.first_sense:
            return reading.first_sense
    return ""
