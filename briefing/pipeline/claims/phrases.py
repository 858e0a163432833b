"""Speaker phrases: where they are in a document and what each one is.

Two kinds: an actor of doc.spans["actors"] (coordinated actors of one type joined: فرنسا
وبريطانيا), and a head phrase: a speaker head of speakers.yaml or a title, grown by qualifiers
("مصدر مطلع"، "مقرب من حكومة دمشق"), nationality adjectives ("مسؤولين إيرانيين"), the body it
belongs to and a second head joined to it. A title in apposition to a name ("الباحث السياسي، صدام
الجاسر") is tied to that person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import lt

from briefing.pipeline.actor_spans import ActorSpan as ActorSpan4
from briefing.pipeline.actor_spans import actor_spans
from briefing.pipeline.claims.context import ActorSpan, Context, Pending, Phrase
from briefing.pipeline.claims.tables import HeadWord
from briefing.pipeline.claims.wordbits import COMMAS, FINAL, IS_FUNCTION, QUOTES
from briefing.text.normalize import raw_prefix_length

_MAX_GROWTH = 6  # words a head phrase grows by at most
_MAX_BARE = 4  # words of a subject phrase the lexicons do not know


def find_phrases(ctx: Context, matches: list[tuple[int, int, int]]) -> None:
    """Note every phrase: head phrases are built at once, actor phrases only when read."""
    actor_at = _actors_by_start(actor_spans(ctx.doc))
    head_at: dict[int, tuple[int, HeadWord]] = {}
    heads = ctx.tables.heads
    for match_id, start, end in matches:
        entry = heads.get(match_id)
        if entry is not None and (start not in head_at or end > head_at[start][0]):
            head_at[start] = (end, entry)
    # Left to right over the words a phrase may start at; a phrase covers what it spans.
    # Actor phrases are only noted here: few are ever read, and Phrase objects are built then.
    texts, fw, space, norms, n = ctx.texts, ctx.fw, ctx.space, ctx.norms, ctx.n
    pending, np_of, built = ctx.pending, ctx.np_of, []
    honorific, qualifiers = ctx.tables.honorific_pronouns, ctx.tables.qualifiers
    done = 0
    for i in sorted(actor_at.keys() | head_at.keys()) if head_at else actor_at:
        if i < done or fw[i] in honorific:
            continue  # "معاليه": the person named before, not a phrase of its own
        span = actor_at.get(i)
        if span is not None:
            end, label, aid = span
            chain: list[int] | None = None
            # Coordinated actors: فرنسا وبريطانيا، تركيا وروسيا وإيران
            while end in actor_at and actor_at[end][1] == label and texts[end].startswith("و"):
                chain = chain or [aid]
                chain.append(actor_at[end][2])
                end = actor_at[end][0]
            if chain is None:
                # Most names stand alone: what follows is no qualifier and no quotation mark.
                k = end
                while k < n and space[k]:
                    k += 1
                if k < n and (norms[k] in qualifiers or texts[k] in QUOTES):
                    end = _apposed_name_end(ctx, actor_at, end, aid)
            pending[i] = (end, label, aid, chain)
            if i in head_at:  # "وكالة الأنباء الإماراتية"، "المرصد السوري": the body's kind
                ctx.actor_kinds[i] = head_at[i][1].kind
        else:
            np = head_phrase(ctx, actor_at, head_at, i)
            ctx.nps[i] = np
            built.append(np)
            end = np.end
        np_of[i:end] = [i] * (end - i)
        done = end
    _appositions(ctx, built)


def _actors_by_start(group: tuple[ActorSpan4, ...]) -> dict[int, ActorSpan]:
    """The actor span kept at each start, in the order of the starts: the longest, then the
    first in the group's order. The actors component writes its spans in text order, none
    sharing a start, and the group is then taken as it is; else it is sorted."""
    starts = [s[0] for s in group]
    if all(map(lt, starts, starts[1:])):
        return {s: (e, label, aid) for s, e, label, aid in group}
    found = sorted([(s, s - e, k, e, label, aid) for k, (s, e, label, aid) in enumerate(group)])
    by_start = {s[0]: (s[3], s[4], s[5]) for s in reversed(found)}
    return {s: by_start[s] for s in sorted(by_start)}


def _apposed_name_end(ctx: Context, actor_at: dict[int, ActorSpan], end: int, aid: int) -> int:
    """The end of an actor phrase with what stands beside it: a qualifier (وكالة الأنباء اليمنية
    الرسمية), then the short name in quotation marks (وكالة الأنباء السورية الرسمية "سانا"). Only a
    quoted mention of the same actor joins: any other quotation after a speaker is what was said
    (وقال المتحدث "سنرد")."""
    k = _past_spaces(ctx, end)
    qualifier = ctx.tables.qualifiers.get(ctx.norms[k]) if k < ctx.n else None
    if qualifier is not None and not qualifier.takes:
        end = k + 1
        k = _past_spaces(ctx, end)
    span = actor_at.get(k + 1) if k < ctx.n and ctx.texts[k] in QUOTES else None
    if span is None or span[2] != aid or span[0] >= ctx.n or ctx.texts[span[0]] not in QUOTES:
        return end
    return span[0] + 1


def _past_spaces(ctx: Context, i: int) -> int:
    while i < ctx.n and ctx.space[i]:
        i += 1
    return i


def names(ctx: Context, rec: Pending) -> tuple[str, ...]:
    """The actor ids of a pending actor phrase."""
    return (ctx.label(rec[2]),) if rec[3] is None else tuple(dict.fromkeys(map(ctx.label, rec[3])))


def actor_phrase(ctx: Context, i: int, rec: Pending) -> Phrase:
    """The phrase of a pending actor phrase starting at token i."""
    end, label, aid, _ = rec
    actor = ctx.label(aid)
    return Phrase(
        i,
        end,
        start_char(ctx, i),
        ctx.end_char(end - 1),
        actor,
        ctx.label(label),
        kinds=(ctx.actor_kinds[i],) if i in ctx.actor_kinds else (),
        names=names(ctx, rec),
        countries=(actor,),
    )


@dataclass(slots=True)
class _Growth:
    """What a head phrase gathers as it grows."""

    kinds: list[str]
    quals: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    actor: str | None = None


def head_phrase(
    ctx: Context, actor_at: dict[int, ActorSpan], head_at: dict[int, tuple[int, HeadWord]], i: int
) -> Phrase:
    """The head phrase starting at token i, grown word by word."""
    end, head = head_at[i]
    # Plural anonymous sources relay for the outlet; tracked as their own kind for the stance.
    # An unnamed official ("مسؤول أمريكي"، "دبلوماسيون") is an anonymous source.
    kind = "source-relay" if head.relay else head.kind
    words = sum(ctx.alpha[i:end])  # "وزير الخارجية" as one head: in construct
    if (
        kind == "official"
        and not ctx.norms[i].startswith("ال")
        and words == 1
        and not _construct(ctx, actor_at, end)
    ):
        kind = "source"
    grown = _Growth([kind])
    steps = 0
    while end < ctx.n and steps < _MAX_GROWTH:
        steps += 1
        nxt = _grow(ctx, actor_at, head_at, end, grown)
        if nxt < 0:
            break
        end = nxt
    return Phrase(
        i,
        end,
        start_char(ctx, i),
        ctx.end_char(end - 1),
        grown.actor,
        "HEAD",
        head,
        tuple(grown.kinds),
        tuple(grown.quals),
        tuple(dict.fromkeys(grown.countries)),
    )


def _construct(ctx: Context, actor_at: dict[int, ActorSpan], end: int) -> bool:
    """Is the head ending before token `end` made definite by the word after it ("وزير
    الخارجية"، "مسؤولو الوزارة"), unlike an unnamed one ("مسؤول أمريكي"، "مسؤول في الوزارة")?"""
    k = ctx.skip_blank(end)
    return k < ctx.n and (k in actor_at or (ctx.fw[k].startswith("ال") and not ctx.clitic[k]))


def _grow(
    ctx: Context,
    actor_at: dict[int, ActorSpan],
    head_at: dict[int, tuple[int, HeadWord]],
    end: int,
    grown: _Growth,
) -> int:
    """Where the phrase ends once the word at `end` joins it; -1 when that word does not."""
    tables = ctx.tables
    span = actor_at.get(end)
    if span is not None and span[1] != tables.loc:
        if span[1] == tables.person:
            return -1  # a title before a name: the name is the speaker, found on its own
        if span[1] == tables.org:
            grown.actor = grown.actor or ctx.label(span[2])
        grown.countries.append(ctx.label(span[2]))
        return span[0]
    norm = ctx.norms[end]
    if norm in tables.demonyms:
        grown.countries.append(tables.demonyms[norm])
        return end + 1
    qualifier = tables.qualifiers.get(norm)
    if qualifier is None and norm.startswith("و"):
        qualifier = tables.qualifiers.get(norm[1:])
    if qualifier is not None:
        grown.quals.append(qualifier.en)
        return _object_of(ctx, actor_at, end + 1, qualifier.takes, grown)
    text = ctx.texts[end]
    if end in head_at and text[:1] in "لو" and ctx.clitic[end]:
        # تقارير لمحللين، مسؤولين وخبراء: a second head joined to the first
        end2, other = head_at[end]
        grown.kinds.append(other.kind)
        return end2
    if text in QUOTES and end + 1 in actor_at:
        # صحيفة "الشرق الأوسط": a name in quotation marks
        span = actor_at[end + 1]
        if span[1] == tables.org:
            grown.actor = grown.actor or ctx.label(span[2])
        end = span[0]
        return end + 1 if end < ctx.n and ctx.texts[end] in QUOTES else end
    return -1


def _object_of(
    ctx: Context, actor_at: dict[int, ActorSpan], end: int, takes: str | None, grown: _Growth
) -> int:
    """After a qualifier that takes a preposition ("مقرب من"), the object joins the phrase."""
    n = ctx.n
    if takes and end < n and ctx.norms[end] == takes:
        end += 1
        if end in actor_at:
            grown.countries.append(ctx.label(actor_at[end][2]))
            end = actor_at[end][0]
        elif end < n and ctx.alpha[end]:
            end += 1  # a word before the name: "مقرب من حكومة دمشق"
            if end in actor_at:
                grown.countries.append(ctx.label(actor_at[end][2]))
                end = actor_at[end][0]
    return end


def _appositions(ctx: Context, heads: list[Phrase]) -> None:
    """An apposition ("الباحث السياسي، صدام الجاسر") ties the title to the person."""
    n = ctx.n
    for np in heads:
        if np.head is None or np.head.refers != "person":
            continue
        k = np.end
        while k < n and k - np.end < 2 and (ctx.texts[k] in COMMAS or ctx.space[k]):
            k += 1
        person = _person_at(ctx, k)
        if person:
            ctx.resolved.setdefault(title_key(ctx, np), person)


def _person_at(ctx: Context, k: int) -> str:
    """The actor id of the person whose phrase starts at token k, else "". Read off a pending
    actor phrase without building it: most are never read."""
    hit = ctx.nps.get(k)
    if hit is not None:
        return hit.actor or "" if hit.type == "PERSON" else ""
    rec = ctx.pending.get(k)
    if rec is None or rec[1] != ctx.tables.person:
        return ""
    return ctx.label(rec[2])


def title_key(ctx: Context, np: Phrase) -> str:
    """The key a title phrase is resolved under: its words."""
    return "title-np:" + " ".join(ctx.norms[np.start : np.end])


def start_char(ctx: Context, i: int) -> int:
    """Where word i starts once its proclitics are left out (للمسؤولين → مسؤولين)."""
    text, norm, idx = ctx.texts[i], ctx.norms[i], ctx.idx[i]
    folded = ctx.fold(text)
    if folded == norm:
        return idx
    if folded.endswith(norm):
        removed = len(folded) - len(norm)
    elif norm.startswith("ال") and folded.endswith(norm[2:]):
        removed = len(folded) - len(norm) + 2  # لل + X written for ل + ال + X
    else:
        return idx + ctx.clitic[i]
    return idx + raw_prefix_length(text, removed)


def bare_phrase(ctx: Context, i: int, limit: int, opens: int | None = None) -> Phrase | None:
    """A subject phrase of words no lexicon knows, starting at token i: a definite noun and the
    definite words after it ("القوات المهاجمة"، "الاجتماع الطارئ"), a noun and its genitive ("مراسل
    وكالة الأنباء"), or one word standing right before the claimed words open at token `opens`
    (a name: وقالت وير "…"; with `opens` None, before a comma or the end of the sentence)."""
    if i >= limit or not content_word(ctx, i) or ctx.fw[i] in ctx.tables.non_speakers:
        return None
    end = i + 1
    if not definite(ctx, i):
        if end < limit and ctx.np_of[end] == end and ctx.phrase(end).type != "LOC":
            end = ctx.phrase(end).end  # مراسل وكالة الأنباء الفرنسية
        elif end < limit and content_word(ctx, end) and definite(ctx, end):
            end += 1  # أحد السكان
        elif not (_name_like(ctx, i) and _stands_alone(ctx, end, limit, opens)):
            return None
    while end < limit and end - i < _MAX_BARE and content_word(ctx, end) and definite(ctx, end):
        end += 1  # the definite words after the head: القوات المهاجمة، الوحدات الكردية
    return Phrase(i, end, start_char(ctx, i), ctx.end_char(end - 1), None, "NP")


def bare_phrase_before(ctx: Context, end: int, s_start: int) -> Phrase | None:
    """The bare phrase that ends at token `end` (exclusive): definite words back to its head
    ("لكن التحالف يرى"), or one word ("ولكن ناشطين أحصوا")."""
    k = end - 1
    while k >= s_start and end - k <= _MAX_BARE and content_word(ctx, k) and definite(ctx, k):
        k -= 1
    start = k + 1
    if start < end and ctx.fw[start] in ctx.tables.non_speakers:
        return None
    if start == end:
        # one indefinite word: not an accusative one (صورا قال إنها …: an object)
        if end - 1 < s_start or not content_word(ctx, end - 1) or ctx.fw[end - 1].endswith("ا"):
            return None
        start = end - 1
    return Phrase(start, end, start_char(ctx, start), ctx.end_char(end - 1), None, "NP")


def content_word(ctx: Context, i: int) -> bool:
    """Can token i be a word of a bare subject phrase (a word, not a function word, a cue or a
    word of another phrase)?"""
    if i >= ctx.n or not ctx.alpha[i] or ctx.np_of[i] >= 0 or i in ctx.cue_at:
        return False
    # a function word (the word's IS_FUNCTION bit: a preposition, أن، قد، لم، هو …) is none
    return not (ctx.bits[i] & IS_FUNCTION or _only_verb(ctx, i))


def _only_verb(ctx: Context, i: int) -> bool:
    """Does the lexicon read token i as a verb only ("مقالات رأي تناولت الأوضاع")?"""
    readings = ctx.readings(i)
    return bool(readings) and all(r.stem.pos.startswith("VERB") for r in readings)


def _name_like(ctx: Context, i: int) -> bool:
    """Can a lone word be a name: one the lexicon does not read, or reads as a proper noun (not
    "مسؤوليتها" or "فيه")?"""
    readings = ctx.readings(i)
    return not readings or any(r.stem.pos == "NOUN_PROP" for r in readings)


def definite(ctx: Context, i: int) -> bool:
    """Does token i carry the article (and no preposition before it)? Not a word whose stem
    starts with ال (التزام، التقاء): the lexicon, where it reads the word, says."""
    fw = ctx.fw[i]
    if not (fw.startswith("ال") and len(fw) > 3):
        return False
    readings = ctx.readings(i)
    return not readings or any("DET" in r.prefix.tags for r in readings)


def _stands_alone(ctx: Context, end: int, limit: int, opens: int | None) -> bool:
    """Is the word before token `end` followed by the opening of the claimed words (`opens`), or,
    with `opens` None, by a comma, a full stop or the end of the sentence?"""
    k = end
    while k < limit and ctx.space[k]:
        k += 1
    if opens is not None:
        # right before the marker, or before the preposition that leads to it (شدد فتح على أن)
        return k == opens or (k + 1 == opens and ctx.fw[k] in ctx.tables.prepositions)
    return k >= limit or ctx.texts[k] in COMMAS or ctx.texts[k] in FINAL
