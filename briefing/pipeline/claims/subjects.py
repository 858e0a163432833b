"""Which speaker phrase is a verb's subject, looked for in the usual orders.

After أن the subject comes before the verb ("إن وزراء الخارجية سيطالبون"); otherwise it follows
the verb ("وقال سهيل كريمي"), or stands before it ("الباحث السياسي، صدام الجاسر، أكد"), or is
dropped: the previous claim's speaker goes on ("وأضاف:"), surely after a comma or a conjunction
such as كما, maybe after و, and not when the verb describes the noun before it ("مواجهة تهدد").
"""

from __future__ import annotations

from briefing.pipeline.claims.content import may_be_verb
from briefing.pipeline.claims.context import Context, Cue, Draft, Phrase
from briefing.pipeline.claims.phrases import (
    bare_phrase,
    bare_phrase_before,
    content_word,
    definite,
    start_char,
)
from briefing.pipeline.claims.wordbits import COMMAS, FINAL, QUOTES

_MAX_SV = 12  # tokens looked back for a subject before its verb
_FRAME = 5  # tokens of a frame opening a sentence before its comma ("من جهتها،")
_MAX_BARE_SUBJECT = 4  # words of a subject no lexicon knows between أن and its verb
_MAX_VS_GAP = 2  # words (an adverb: اليوم، أمس، أيضا) allowed between a verb and its subject
_MAX_AFTER = 12  # tokens looked at for a subject after its verb
_NO_MARKER_REGION = 12  # tokens after a verb with no complement marker looked at for its subject
_PREVIOUS_SENTENCES = 2  # how far back a dropped subject finds the speaker it continues
_RANK = {"PERSON": 0, "HEAD": 1}  # a person before a head phrase before any other actor

# What a subject search found: the phrase, whether it follows the verb, and the previous claim
# whose speaker a dropped subject continues.
Found = tuple[Phrase | None, bool, Draft | None]


def subject(
    ctx: Context,
    cue: Cue,
    s_start: int,
    s_end: int,
    marker: tuple[int, int, str] | None,
    unattributed: bool,
) -> Found:
    """The subject of a verb or participle cue in the sentence [s_start, s_end).

    An `unattributed` form (يُذكر، يُعتبر) takes a subject named at once or none: it is passive
    or impersonal otherwise, and continues no one.
    """
    if _speaks_for_himself(ctx, cue):
        return None, False, previous(ctx, cue)
    issuer = _sentence_subject(ctx, cue, s_start) if _in_which(ctx, cue, s_start) else None
    if issuer is not None:
        # "وأصدرت إسرائيل بيانا قالت فيه إن …": the one who issued the statement speaks in it
        return issuer, False, None
    if cue.entry.kind != "verb":
        return _dropped(ctx, cue, s_start, marker)
    # After أن the subject comes first: "إن وزراء الخارجية سيطالبون كيري بـ…"; so it does at the
    # head of a clause: "لكن وسائل الإعلام اتهمت …"، "السعودية التي اتهمت …"
    np = (
        _after_that(ctx, cue, s_start)
        or _right_before(ctx, cue, s_start)
        or _bare_after_that(ctx, cue, s_start)
    )
    if np is not None:
        return np, False, None
    region_end = marker[1] if marker else min(s_end, cue.end + _NO_MARKER_REGION)
    if _agrees_before(ctx, cue):
        # "لكن كثيرين حثوا أنقرة على …": a verb before its subject is singular; a plural or
        # dual form has its subject before it or in it, and what follows is its object.
        region_end = cue.end
    np = after(ctx, cue.end, region_end)
    if np is None and unattributed:
        np = after(ctx, cue.end, region_end, passive=True)
    if not (unattributed and (marker is None or marker[2] != "that")):
        # A subject no lexicon knows before a known object: "حيث يتهم التحالف إيران بـ…"
        bare = _bare_after(ctx, cue, region_end, marker)
        if bare is not None and (np is None or (bare.end <= np.start and np.type != "PERSON")):
            np = bare
    if np is not None:
        return np, True, None
    if unattributed:
        return None, False, None
    np, _, prev = _dropped(ctx, cue, s_start, marker)
    if np is None and prev is None:
        np = _bare_before(ctx, cue, s_start)
    return np, False, prev


def _speaks_for_himself(ctx: Context, cue: Cue) -> bool:
    """Is the subject the last speaker, whatever stands around the verb: a first-person verb in
    quoted speech ("ونحن ندين الإرهاب") or an honorific pronoun after it ("وأشار معاليه")?"""
    if cue.entry.variant == "first" or _after_that_pronoun(ctx, cue):
        return True
    i = ctx.skip_blank(cue.end)
    return i < ctx.n and ctx.fw[i] in ctx.tables.honorific_pronouns


def _in_which(ctx: Context, cue: Cue, s_start: int) -> bool:
    """Does the verb open a relative clause on the noun before it, "in which" (بيانا قالت فيه)?"""
    i = ctx.skip_blank(cue.end)
    return (
        i < ctx.n
        and ctx.fw[i] in ("فيه", "فيها")
        and not ctx.joined(cue.start)
        and continues(ctx, cue, s_start) == 0
        and _glue_before(ctx, cue.start, s_start) == cue.start - 1  # no relative: "الوقت الذي"
    )


def _agrees_before(ctx: Context, cue: Cue) -> bool:
    """Is the cue a plural or dual verb form (أكدوا، يؤكدون، أكدتا، يؤكدان)? Not the masculine
    perfect dual (أكدا), written like a singular of a defective verb (دعا)."""
    if cue.entry.kind != "verb" or cue.end - cue.start != 1:
        return False
    word = ctx.fold(ctx.texts[cue.start][ctx.clitic[cue.start] :])
    return word.endswith(("وا", "ون", "تا")) or (word[:1] in "يت" and word.endswith("ان"))


def _after_that_pronoun(ctx: Context, cue: Cue) -> bool:
    """Does the verb follow أن with a pronoun (إنه، أنها، إنهما: "قال إنه يأمل"), its subject?"""
    j = cue.start - 1
    while j >= 0 and (ctx.space[j] or ctx.fw[j] in ctx.tables.qad):
        j -= 1
    return j >= 0 and ctx.fw[j] in ctx.tables.that and ctx.fw[j] not in ("ان", "بان", "فان")


def _right_before(ctx: Context, cue: Cue, s_start: int) -> Phrase | None:
    """A subject that opens its clause right before the verb ("لكن وسائل الإعلام الرسمية اتهمت"،
    "السعودية التي اتهمت"): not before a verb joined by و to what precedes, nor before one whose
    object pronoun a relative clause refers back to ("الحوثيين الذين يتهمهم التحالف")."""
    if ctx.joined(cue.start) or cue.entry.variant in ("statement", "object"):
        return None
    j = _glue_before(ctx, cue.start, s_start)
    k = ctx.np_of[j] if j >= s_start else -1
    if k < 0 or ctx.phrase(k).end != j + 1:
        return None
    np = ctx.phrase(k)
    if np.type == "LOC" or governed(ctx, k) or not opens_clause(ctx, np, s_start):
        return None
    return np


def _bare_after_that(ctx: Context, cue: Cue, s_start: int) -> Phrase | None:
    """A subject no lexicon knows between أن and its verb: "إلى أن التطمينات الأمريكية أكدت"،
    "إن وزراء خارجية الخليج سيطالبون"."""
    if ctx.joined(cue.start):
        return None
    j = cue.start - 1  # no relative between ("عمليات الإعدام التي أعلنت": its object)
    while j >= s_start and (ctx.space[j] or ctx.fw[j] in ctx.tables.qad):
        j -= 1
    k = j
    while k >= s_start and j - k < _MAX_BARE_SUBJECT and (ctx.space[k] or _subject_word(ctx, k)):
        k -= 1
    if k < s_start or k == j or ctx.fw[k] not in ctx.tables.that:
        return None
    start = ctx.skip_blank(k + 1)
    if ctx.fw[start] in ctx.tables.non_speakers or (
        ctx.np_of[start] >= 0 and ctx.phrase(ctx.np_of[start]).type == "LOC"
    ):
        return None  # an event or a place is no speaker
    return Phrase(start, j + 1, start_char(ctx, start), ctx.end_char(j), None, "NP")


def _subject_word(ctx: Context, k: int) -> bool:
    """A word of a subject phrase: one no lexicon knows, or a word of a phrase (not وأن)."""
    return ctx.np_of[k] >= 0 or (content_word(ctx, k) and ctx.fw[k][1:] not in ctx.tables.that)


def _glue_before(ctx: Context, i: int, s_start: int) -> int:
    """The last token before token i that is not an auxiliary, a relative, قد or a space."""
    glue, qad = ctx.tables.auxiliaries_and_relatives, ctx.tables.qad
    j = i - 1
    while j >= s_start and (ctx.fw[j] in glue or ctx.fw[j] in qad or ctx.space[j]):
        j -= 1
    return j


def _bare_after(ctx: Context, cue: Cue, limit: int, marker: tuple[int, int, str] | None) -> Phrase | None:
    """A subject no lexicon knows right after the verb ("وأعلنت القوات المهاجمة عن …"), past an
    adverb or a day. With no complement marker, an object must follow it ("أعلنت الوحدات الكردية
    سحب …"): a definite word alone after the verb is its object ("وأكد الالتزام بالاتفاق")."""
    i = cue.end
    gap = 0
    while i < limit and (ctx.space[i] or (gap < _MAX_VS_GAP and _adverb(ctx, i))):
        gap += 0 if ctx.space[i] else 1
        i += 1
    np = bare_phrase(ctx, i, limit, marker[1] if marker else None)
    if np is None or marker is not None:
        return np
    k = np.end
    while k < limit and ctx.space[k]:
        k += 1
    if k < limit and (
        ctx.np_of[k] == k or (content_word(ctx, k) and not ctx.clitic[k] and ctx.fw[k][:1] not in "بل")
    ):
        return np
    return None


def _adverb(ctx: Context, i: int) -> bool:
    """A day or an adverb a verb may take before its subject (الاثنين، أيضا، مجددا)."""
    fw = ctx.fw[i]
    return fw in ctx.tables.leading_time_words or fw in ctx.tables.adverbs


def _bare_before(ctx: Context, cue: Cue, s_start: int) -> Phrase | None:
    """A subject no lexicon knows that opens its clause right before an unjoined verb ("لكن
    التحالف يرى"، "وكان المرصد قد نقل")."""
    if ctx.joined(cue.start):
        return None
    j = _glue_before(ctx, cue.start, s_start)
    if j < s_start:
        return None
    np = bare_phrase_before(ctx, j + 1, s_start)
    return np if np is not None and opens_clause(ctx, np, s_start) else None


def _dropped(ctx: Context, cue: Cue, s_start: int, marker: tuple[int, int, str] | None) -> Found:
    """A subject before the verb, else the previous speaker when the verb continues it."""
    level = continues(ctx, cue, s_start)
    prev = previous(ctx, cue)
    if level == 2:
        # A person named since the last claim takes over: "…، سيرجي لافروف، وقال"
        np = before(ctx, cue, s_start, since_content=True, person_only=True)
        if np is None and cue.entry.kind == "participle":
            # "وأصدرت الحكومة العراقية بيانا …، مؤكدة": the subject of the sentence's verb
            np = _sentence_subject(ctx, cue, s_start)
            prev = None if np is not None else prev
        # A participle has no subject of its own: without a previous claim, none.
        if np is None and prev is None and cue.entry.kind != "participle":
            np = before(ctx, cue, s_start)
    else:
        np = before(ctx, cue, s_start, since_content=level == 1, placed=level == 0)
        # "وحول ذلك أضاف:" — a quotation with no subject goes on with the last speaker
        if level == 0 and not (marker is not None and marker[2] == "quote"):
            prev = None
    return np, False, prev


def _sentence_subject(ctx: Context, cue: Cue, s_start: int) -> Phrase | None:
    """The subject of the verb that opens the sentence (or the phrase that opens it), when no
    claim comes before the cue in it: "ولوح المحتجون بالأعلام …، مطالبين"."""
    here = ctx.sent(cue.start)
    if any(d.sent == here for d in ctx.drafts):
        return None
    k = ctx.skip_blank(_past_frame(ctx, s_start, cue.start))
    if k >= cue.start:
        return None
    if ctx.np_of[k] == k:
        np = ctx.phrase(k)
        return np if np.type != "LOC" and not governed(ctx, k) and np.end <= cue.start else None
    if (
        not ctx.alpha[k]
        or ctx.np_of[k] >= 0
        or not may_be_verb(ctx, k)
        or ctx.fw[k] in ctx.tables.prepositions
    ):
        return None
    if k in ctx.cue_at:
        return None  # a cue verb opens the sentence: its own subject search failed
    k2 = ctx.skip_blank(k + 1)
    bare = bare_phrase(ctx, k2, cue.start) if k2 < cue.start and definite(ctx, k2) else None
    found = after(ctx, k + 1, cue.start) or bare
    return found if found is not None and found.end <= cue.start else None


def _past_frame(ctx: Context, s_start: int, limit: int) -> int:
    """Past a short frame and its comma opening the sentence ("من جهتها،"، "وفي السياق ذاته،")."""
    for k in range(s_start, min(limit, s_start + _FRAME)):
        if ctx.texts[k] in COMMAS:
            return k + 1
    return s_start


def _after_that(ctx: Context, cue: Cue, s_start: int) -> Phrase | None:
    """A subject right before the verb that itself follows أن/إن."""
    glue, fw = ctx.tables.auxiliaries_and_relatives, ctx.fw
    j = cue.start - 1
    while j >= s_start and (fw[j] in glue or ctx.space[j]):
        j -= 1
    k = ctx.np_of[j] if j >= s_start else -1
    if k < 0 or ctx.phrase(k).end != j + 1 or ctx.phrase(k).type == "LOC":
        return None
    before = k - 1
    return ctx.phrase(k) if before >= s_start and fw[before] in ctx.tables.that else None


def continues(ctx: Context, cue: Cue, s_start: int) -> int:
    """How surely the cue's dropped subject is the last speaker: 2 surely, 1 maybe, 0 not.

    A participle, a verb opening a sentence or a clause ("، ورأى"، "كما أيدت"، "كما أنه هدد")
    continues (2); a verb joined by و to what precedes ("عادت إيران … وأكدت") may (1); a verb
    right after a noun ("مواجهة تهدد بـ…") describes that noun (0).
    """
    if cue.entry.kind == "participle":
        return 2
    tables = ctx.tables
    j = cue.start - 1
    while j >= s_start and (ctx.fw[j] in tables.qad or ctx.space[j]):
        j -= 1
    if j < s_start or ctx.texts[j] in COMMAS or ctx.fw[j] in tables.continuing_conjunctions:
        return 2
    if ctx.fw[j] in tables.that and ctx.fw[j] not in ("ان", "بان"):
        return 2  # "كما أنه هدد": the pronoun is the subject
    return 1 if ctx.fold(ctx.texts[cue.start][: ctx.clitic[cue.start]]).strip("س") in ("و", "ف") else 0


def previous(ctx: Context, cue: Cue) -> Draft | None:
    """The claim whose speaker a dropped subject continues (same or previous two sentences)."""
    here = ctx.sent(cue.start)
    for d in reversed(ctx.drafts):
        if here - d.sent > _PREVIOUS_SENTENCES:
            return None
        # A relay's source ("بحسب ما نقلته عنه وكالة …") is not the subject a verb goes on with.
        # nor is the speaker of a claim reported inside another's words ("وأشار إلى أن
        # التطمينات أكدت …، لافتا": the one who pointed out goes on).
        if d.speaker is not None and d.cue.entry.kind != "relay" and not _embedded(ctx, d):
            return d
    return None


def _embedded(ctx: Context, d: Draft) -> bool:
    """Is the claim's cue inside the words of another claim?"""
    return any(o is not d and o.content_tokens[0] <= d.cue.start < o.content_tokens[1] for o in ctx.drafts)


def governed(ctx: Context, i: int) -> bool:
    """Is the phrase at token i the object of a preposition (في المذكرة، لوكالة، بالرئيس)?"""
    if ctx.fold(ctx.texts[i][: ctx.clitic[i]]).strip("و"):
        return True
    j = i - 1
    while j >= 0 and ctx.texts[j] in QUOTES:
        j -= 1
    if j < 0:
        return False
    if ctx.fw[j] in ctx.tables.prepositions:
        # "كل من فرنسا وبريطانيا" — both France and Britain — is a subject
        return not (ctx.fw[j] == "من" and j > 0 and ctx.fw[j - 1] in ctx.tables.both)
    # لـ"رويترز": the clitic stands as its own token
    return ctx.texts[j].rstrip("\u0640") in ("ل", "ب", "ول", "وب")


def after(ctx: Context, start: int, limit: int, passive: bool = False) -> Phrase | None:
    """The subject after a verb: the first speaker phrase, or a name after its title.

    After a passive form only a document or outlet named right after it counts ("يقال في
    المذكرة:").
    """
    if passive:
        for i in range(start, min(limit, start + 3)):
            np = ctx.np(i)
            if np is not None and np.head is not None and np.head.kind in ("document", "media", "report"):
                return np
        return None
    first: Phrase | None = None
    start = ctx.skip_blank(start)
    i = start
    broke = posted = False
    while i < limit and i - start <= _MAX_AFTER:
        if first is None and i - start > _MAX_VS_GAP:
            return None  # a subject comes first; what is further on is the object
        if ctx.np_of[i] == i:
            np = ctx.phrase(i)
            if np.type != "LOC" and not governed(ctx, i):
                # A name after a title or the body it heads is the speaker ("أمين عام مجلس الأمن
                # … علي شمخاني"); after sources or media ("لم تستبعد المصادر مشاركة لافروف") not.
                titled = first is not None and (
                    first.head is None or first.head.refers == "person" or first.head.kind == "official"
                )
                if np.type == "PERSON" and (first is None or (titled and not broke)):
                    return np
                first = first or np
            i = np.end
            continue
        if i in ctx.cue_at and i > start:
            broke = True  # "…روسيا إرهابية، بينما قال روحاني": another cue's name
        elif ctx.fw[i] in ctx.tables.prepositions:
            # one post after a title ("السفيرة لدى الأمم المتحدة لانا نسيبة") does not break it;
            # a second preposition does ("في مؤتمر صحفي مع نظيره …")
            broke = broke or posted or first is None or ctx.fw[i] not in ctx.tables.affiliation
            posted = True
        i += 1
    return first


def before(
    ctx: Context,
    cue: Cue,
    s_start: int,
    since_content: bool = False,
    person_only: bool = False,
    placed: bool = False,
) -> Phrase | None:
    """The subject before its verb, within the clause since the previous claim.

    With `placed`, only a phrase that stands right before the verb ("تقارير تشير"، "التصريحات
    التي تؤكد") or opens its clause ("يُذكر أن فرنسا … قد شددتا") counts: a verb right after
    some other noun usually describes that noun ("مواجهة تهدد").
    """
    floor = _floor(ctx, cue, s_start, since_content)
    best: Phrase | None = None
    that = ctx.tables.that
    j = cue.start - 1
    while j >= max(floor, cue.start - _MAX_SV):
        k = ctx.np_of[j]
        if k >= 0 and k >= floor:
            np = ctx.phrase(k)
            adjacent = np.end == cue.start
            usable = np.type != "LOC" and (adjacent or not governed(ctx, k))
            usable = usable and (np.type == "PERSON" or not person_only)
            usable = usable and (not placed or _placed(ctx, np, cue, s_start))
            if usable and (best is None or _RANK.get(np.type, 2) < _RANK.get(best.type, 2)):
                best = np
            j = k - 1
            continue
        if ctx.fw[j] in that or ctx.texts[j] in FINAL:
            break
        if j in ctx.cue_at and ctx.cue_at[j].entry.kind in ("verb", "participle"):
            break
        j -= 1
    return best


def _floor(ctx: Context, cue: Cue, s_start: int, since_content: bool) -> int:
    """The first token a subject before the cue may start at: after the last claim's cue and
    the subject that followed it (and, with `since_content`, its content)."""
    floor = s_start
    if ctx.drafts:
        d = ctx.drafts[-1]
        if d.sent == ctx.sent(cue.start):
            floor = max(floor, d.cue.end, d.np.end if d.np is not None and d.np.start > d.cue.start else 0)
            if since_content and d.content_tokens[1] <= cue.start:
                floor = max(floor, d.content_tokens[1])
    return floor


def _placed(ctx: Context, np: Phrase, cue: Cue, s_start: int) -> bool:
    """Does the phrase stand right before the verb, or open its clause?"""
    glue = ctx.tables.auxiliaries_and_relatives
    j = np.end
    while j < cue.start and (ctx.fw[j] in glue or ctx.space[j] or ctx.texts[j] in COMMAS):
        j += 1
    return j == cue.start or opens_clause(ctx, np, s_start)


def opens_clause(ctx: Context, np: Phrase, s_start: int) -> bool:
    """Does the phrase open its clause (a title before it aside): at the start of the sentence,
    after a comma, أن, a conjunction (لكن، بينما، كما) or "كل من"?"""
    glue = ctx.tables.auxiliaries_and_relatives
    k = np.start - 1
    while k >= s_start:
        if ctx.np_of[k] >= 0 and ctx.phrase(ctx.np_of[k]).type == "HEAD":
            k = ctx.np_of[k] - 1  # a title before the name
        elif ctx.fw[k] in glue or ctx.space[k] or ctx.texts[k] in QUOTES:
            k -= 1
        else:
            break
    if k < s_start:
        return True
    fw = ctx.fw[k]
    tables = ctx.tables
    return (
        ctx.texts[k] in COMMAS
        or fw in tables.that
        or fw in tables.continuing_conjunctions
        or fw in tables.clause_openers
        or fw in tables.clause_enders
        or (fw == "من" and k > 0 and ctx.fw[k - 1] in tables.both)
    )
