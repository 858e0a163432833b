"""The name grammar: where a person's name that may start at a token ends.

A name opens with a word names are made of (a given name, a name token of the name table, a
kunya: أبو محمد) and goes on through given names, بن/آل chains and family names (with the
article, or any unknown word after a title), up to `max_tokens` words; a regnal number closes a
ruler's name. How much evidence a lone word needs depends on what comes before it (`mode`): a
title admits a one-word name, a speech verb one followed by "that" (وقال فيرغسون إن).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from briefing.pipeline.actors.words import ARTICLE_PROCLITICS, Words, fold_word

# What comes before a name, weakest first: nothing; a nationality; a speech verb; a title or role;
# an honorific.
PLAIN, NATION, SPEECH_VERB, TITLED, HONORIFIC = 0, 1, 2, 3, 4
# The prepositions some speech verbs put before "that" (أشار إلى أن، أكد على أن), folded.
_THAT_PREPOSITIONS = frozenset({"الي", "علي"})
# How a word takes a name on (continue_name's steps).
_STOP, _JOINED, _GIVEN, _FAMILY = 0, 1, 2, 3


@dataclass(frozen=True)
class NameContext:
    """What may follow a name: the words that end a clause after one, and the "that" particles."""

    followers: frozenset[str]  # folded: after a title, these follow a one-word name (الدكتور حجازي:)
    that: frozenset[str]  # folded: after a speech verb, these follow one (وقال فيرغسون إن)
    regnal: frozenset[tuple[str, ...]]  # folded regnal numbers, as word tuples
    demonyms: frozenset[str] = frozenset()  # folded nationalities with the article (العراقي, العراقيون)

    @functools.cached_property
    def regnal_firsts(self) -> frozenset[str]:
        """The first words of the regnal numbers."""
        return frozenset(r[0] for r in self.regnal if r)


class NameFinder:
    """The name grammar over one document's tokens."""

    def __init__(self, w: Words, context: NameContext, max_tokens: int) -> None:
        self.w = w
        self.a = w.a
        self.t = w.t
        self.context = context
        self.max_tokens = max_tokens
        # Where a title or role starts (People sets it): a speaker's name stands before one in
        # apposition (وقال البدري مدير الكرة).
        self.titles_at: frozenset[int] = frozenset()
        self.title_words: frozenset[int] = frozenset()  # the tokens of every title, honorifics too

    def start_char(self, k: int) -> int:
        """Where a name that starts at token k starts, its proclitic left out."""
        return self.a.idx[k] + self.w.skip(k)

    def text(self, k: int, end: int) -> str:
        """The name of tokens k..end as written, its proclitic left out."""
        return self.a.text[self.start_char(k) : self.a.end_char(end)]

    def lone_name(self, k: int, mode: int) -> bool:
        """Is token k a one-word name the lexicons do not know? Only after a title (الدكتور حجازي،)
        or a speech verb (وقال فيرغسون إن), when it is no everyday word and what follows is what
        follows a name."""
        if mode < SPEECH_VERB:
            return False
        a, t = self.a, self.t
        norm = a.word(k)
        raw = a.raw(k)
        if norm in t.common or norm in t.resource_words or len(norm) < 3 or a.clitics.get(k):
            return False
        if fold_word(raw).startswith(ARTICLE_PROCLITICS):
            return False
        # و, ف, ل, ب may be a proclitic; not on a word the analyser reads only as a proper noun
        # (لويس), nor on one it cannot read after an honorific or a naming word (رجل يسمى
        # بجماليون) or starting with ف, never a preposition (فيرسلاين; but لكيوتل is "of Qtel"
        # after الرئيس التنفيذي).
        unreadable = self.w.foreign(raw)
        if raw.startswith(("و", "ف", "ل", "ب")) and not (
            self.w.proper_noun(raw)
            or (unreadable and (raw.startswith("ف") or (mode >= HONORIFIC and raw.startswith("ب"))))
        ):
            return False
        if k + 1 >= len(a.norms) or self.w.inflected(raw) or self.w.inflected_word(raw):
            return False  # (إسمه سريعا "his name, quickly": an adverb)
        if mode >= HONORIFIC and unreadable:
            return True  # الشيخة حسينة, الشيخ بحيري: a word the analyser cannot read
        if mode >= TITLED and unreadable and not raw.startswith("و") and not raw.endswith("ة"):
            # الرائد ديسبارد: after a title, a word the analyser cannot read; not an Arabic noun
            # it lacks (تغريدة "tweet", اتصالين "two calls")
            return not self.w.suffixed_word(raw)
        after = a.word(k + 1)
        if mode >= TITLED:
            return after in self.context.followers
        # Before a title, a word the analyser reads only as a name or not at all (not نائبة
        # "deputy" of أشارت نائبة مدير المركز, منتقدو "critics of" of ويرى منتقدو الرئيس).
        return after in self.context.that or (self._speaker_ends(k + 1) and self.w.name_like(raw))

    def _speaker_ends(self, j: int) -> bool:
        """After a speech verb, does the speaker's name end before token j: "that", or a title in
        apposition, after a comma or not (وقال فيرغسون إن، وقال البدري مدير الكرة، قال بيرنار أنغو
        ، رئيس)?"""
        a = self.a
        if j >= len(a.norms):
            return False
        if a.word(j) in self.context.that or j in self.titles_at:
            return True
        if a.word(j) in _THAT_PREPOSITIONS and j + 1 < len(a.norms) and a.word(j + 1) in self.context.that:
            return True  # وأشار هيرين إلى أن، وأكد صالح على أن
        return a.word(j) in ("،", ",") and j + 1 in self.titles_at

    def name_at(self, k: int, taken: set[int], *, mode: int, article: bool = False) -> int:
        """End of a person name starting at token k, or k when there is none.

        `mode`: from NATION on (a nationality, speech verb or title comes before) a name word may
        stand alone and an unknown word may open a name; HONORIFIC after الإمام, الشيخ and the like,
        which also admits a given name spelt like a function word (الإمام علي). `article`: one word
        with the article may be the whole name (الإمام الرضا, الشيخ الخراساني)."""
        a, t, w = self.a, self.t, self.w
        n = len(a.norms)
        if k >= n or k in taken or not w.nameish(k, first=True):
            return k
        first = a.word(k)
        nxt = a.word(k + 1) if k + 1 < n and w.nameish(k + 1) else ""
        # Before بن or أبو any word is a given name (سهل بن حنيف, منصور أبو حميد); elsewhere not
        # an everyday one.
        if first in t.common and nxt not in t.connectors and not self._given_as_written(k, first):
            return k
        if w.article(k):
            return self._with_article(k, first, mode, article)
        if (
            first in t.resource_words
            and first not in t.given
            and first not in t.compound_first
            and nxt not in t.connectors
            and not self._named_resource_word(k, first, nxt, mode)
        ):
            return k
        end = self._opening(k, first, nxt, mode)
        if end == k:
            return k
        titled = mode >= NATION
        end = self.continue_name(k, end, taken, titled=titled)
        while end > k + 1 and a.word(end - 1) in t.connectors:
            end -= 1  # a name does not end on بن or أبو
        if end == k + 1 and (ruler := self.ruler(k)) > end:
            return ruler  # محمد الخامس, فرناندو الثالث: a ruler's name in any context
        if not self._whole(k, end, mode):
            return k
        return self._regnal(k, end, mode)

    def _given_as_written(self, k: int, first: str) -> bool:
        """Is token k a given name that folds to an everyday word but is none as written: one the
        analyser cannot read (إدوار Edouard, not أدوار "roles")?"""
        w = self.w
        return first in self.t.given and w.foreign(self.a.raw(k)[w.skip(k) :])

    def _named_resource_word(self, k: int, first: str, nxt: str, mode: int) -> bool:
        """After a title, a nationality or a speech verb, does a name token that some resource also
        uses (أمين of الأمين العام, لويس of سان لويس, فارس "knight") open a name, before a name word
        or a word no resource knows (الخبير الاقتصادي أمين فارس، الشاعر الراحل لويس اراغون)?"""
        w = self.w
        return (
            mode >= NATION
            and bool(nxt)
            and nxt not in self.t.common
            and w.name_token(first)
            and not w.inflected(self.a.raw(k))  # رحمه الله "God rest him"
            and not self.a.raw(k + 1).startswith("و")
            and (
                w.name_word(nxt)
                or w.unknown_word(k + 1)
                # A family name with the article that the analyser reads only as a name or not at
                # all (الكويتي طالب الدوسري).
                or (w.article(k + 1) and nxt not in self.t.resource_words and w.name_like(self.a.raw(k + 1)))
            )
        )

    def ruler(self, k: int) -> int:
        """End of a ruler's name of one word at token k and its regnal number (تشارلز الأول), or
        k + 1 when no regnal number follows."""
        return self._regnal(k, k + 1, PLAIN)

    def _with_article(self, k: int, first: str, mode: int, article: bool) -> int:
        """A name that opens with the article: a family name alone, when the context allows one."""
        w = self.w
        if first in self.t.resource_words:
            return k
        if article and (w.name_token(first) or first in self.t.only_names):
            return k + 1  # الإمام الرضا: a word the name lexicon holds only as a name's
        # وقال الحريري إن: a family name alone as a speech verb's subject.
        if mode >= SPEECH_VERB and w.name_token(first) and self._speaker_ends(k + 1):
            return k + 1
        return k

    def _opening(self, k: int, first: str, nxt: str, mode: int) -> int:
        """Where the first name that opens at token k ends (k: no name opens there)."""
        a, t, w = self.a, self.t, self.w
        end = k + 1
        if first in t.compound_first and end < len(a.norms) and w.nameish(end):
            return end + 1  # عبد الله, أبو محمد: one given name in two words
        if (
            first not in t.given
            and not w.name_token(first)
            and not self._foreign_pair(k, first, nxt)
            and not self._proper_opening(k, mode)
        ):
            # A name opens with a word names are made of; after a title, an unknown word may open
            # one when a name word follows it (سلفان شالوم).
            named_next = w.name_word(nxt)
            if not (
                nxt in t.patronymics
                or (mode >= NATION and nxt and named_next and nxt not in t.common)
                or self.lone_name(k, mode)
                or (mode >= NATION and (self._unreadable_pair(k) or self._cal_pair(k)))
            ):
                # The speaker's two names, whatever the analyser makes of the second (أنغو).
                return end + 1 if mode >= SPEECH_VERB and self._said_pair(k) else k
        return end

    def _proper_opening(self, k: int, mode: int) -> bool:
        """Does a foreign name the name table lacks open at token k: a word the analyser reads only
        as a proper noun after a title, a nationality or a speech verb (رئيس الوزراء عبدالسلام
        المجالي), or before a word it cannot read (بريدراغ ميياتوفيتش); or two words it cannot
        read (جافريلو برينسيب)?"""
        w, a = self.w, self.a
        if w.proper_first(k):
            return mode >= NATION or self._unreadable_next(k) or self._only_name_next(k)
        # Two words that no resource knows and the analyser cannot read are a foreign name
        # (جافريلو برينسيب), unless و joins them (قوانغتشو وتشواتشو); so is such a word before
        # one that is only ever a name (أريادني أوليفر).
        if k + 1 >= len(a.norms) or a.raw(k + 1).startswith("و"):
            return False
        return self._unreadable_pair(k) or (
            self._only_name_next(k) and w.unknown_word(k, proclitic=True) and w.foreign(a.raw(k)[w.skip(k) :])
        )

    def _only_name_next(self, k: int) -> bool:
        """Is token k + 1 a word that is only ever a name (أوليفر), with no proclitic?"""
        a = self.a
        return k + 1 < len(a.norms) and a.word(k + 1) in self.t.only_names and not a.clitics.get(k + 1)

    def _unreadable_next(self, k: int) -> bool:
        """Is token k + 1 a word no resource knows that the analyser cannot read?"""
        w, a = self.w, self.a
        return k + 1 < len(a.norms) and w.unknown_word(k + 1) and w.foreign(a.raw(k + 1))

    def _said_pair(self, k: int) -> bool:
        """After a speech verb, a word no resource knows and a family name with the article, both
        read by the analyser only as names or not at all, before "that" (وأضاف نتشيرفان البارزاني
        أن): the speaker's name."""
        a, w = self.a, self.w
        j = k + 1
        if not (j + 1 < len(a.norms) and self._speaker_ends(j + 1) and w.unknown_word(k)):
            return False
        second = a.raw(j)
        if w.foreign(a.raw(k)) and w.unknown_word(j) and not second.startswith("و"):
            # قال بيرنار أنغو ، رئيس: a foreign first name and a word no resource knows, not one
            # inflected as no name is (الحارس شوفكوفسكيي فاحتسب الحكم).
            return not (w.inflected_word(second) or w.clause_word(second))
        return w.name_like(a.raw(k)) and w.article(j) and w.nameish(j) and w.name_like(a.raw(j))

    def _unreadable_pair(self, k: int) -> bool:
        """Tokens k and k + 1 both words that no resource knows and the analyser cannot read
        (السيد سوريش ماثيور, القاضي ميخا لندنشتراوس, التايلاندي بارادورن سريشابان): after a title
        or a nationality, a foreign name of two words; the first may carry the proclitic of a
        list's next name (وأوبافيمي مارتينز)."""
        w, a = self.w, self.a
        return (
            k + 1 < len(a.norms)
            and w.unknown_word(k, proclitic=True)
            and w.unknown_word(k + 1)
            and w.foreign(a.raw(k)[w.skip(k) :])
            and w.foreign(a.raw(k + 1))
        )

    def _cal_pair(self, k: int) -> bool:
        """After a title or a nationality, a word the analyser cannot read before one that opens
        with كال and that it cannot read either (للكوبية زوليا كالاتايود): a foreign family name
        whose كال (Cal-, Kal-) is no ك "like" and the article."""
        w, a = self.w, self.a
        j = k + 1
        if j >= len(a.norms) or not a.raw(j).startswith("كال") or a.clitics.get(j):
            return False
        word = a.word(j)
        return (
            w.unknown_word(k, proclitic=True)
            and w.foreign(a.raw(k)[w.skip(k) :])
            and w.foreign(a.raw(j))
            and word not in self.t.common
            and word not in self.t.resource_words
        )

    def _whole(self, k: int, end: int, mode: int) -> bool:
        """Is tokens k..end a name as a whole: one word only when the context allows it, a given
        name spelt like a function word (علي for على) only beside another name word."""
        a, t, w = self.a, self.t, self.w
        first = a.word(k)
        if end - k == 1 and not (mode >= NATION and (w.name_word(first) or self.lone_name(k, mode))):
            return False
        if end - k == 1 and first in t.weak_given and mode < HONORIFIC:
            return False
        second = a.word(k + 1) if end - k == 2 else ""
        return not (second and first in t.weak_given and not w.name_word(second))

    def _regnal(self, k: int, end: int, mode: int) -> int:
        """A regnal number closes a ruler's name: محمد الخامس, الملك جيمس الأول (after a player's
        two names the same word is a seeding: فرناندو غونزاليز العاشر)."""
        a = self.a
        if not (end - k == 1 or mode >= HONORIFIC) or end >= len(a.norms):
            return end
        # Most names are followed by no regnal number's first word: no tuple is made for them.
        if a.word(end) not in self.context.regnal_firsts:
            return end
        for size in (2, 1):
            if (
                end + size <= len(a.norms)
                and tuple(a.word(j) for j in range(end, end + size)) in self.context.regnal
            ):
                return end + size
        return end

    def continue_name(self, k: int, end: int, taken: set[int], *, titled: bool) -> int:
        """Where a name that starts at token k, and has reached `end`, ends: given names, بن/آل
        chains, family names (with the article, or any unknown word after a title)."""
        a, w = self.a, self.w
        n = len(a.norms)
        words = sum(1 for j in range(k, end) if a.word(j) not in self.t.connectors)
        while (
            end < n
            and words < self.max_tokens
            and end not in taken
            and (w.nameish(end) or self._particle_as_written(end))
        ):
            if end - k >= 2 and a.norms[end : end + 2] == a.norms[k : k + 2]:
                break  # سيغموند فرويد سيغموند فرويد: the name written again, not a longer one
            step = self._step(k, end, titled)
            if step == _STOP:
                if self._before_title(k, end):
                    end += 1  # وأكد الدكتور ماجد نجم رئيس قسم السياحة: a name's last word
                break
            end += 1
            if step == _JOINED:
                continue  # بن, آل and the word after them do not count towards the length
            words += 1
            # A family name closes the name unless another name word follows: one with the
            # article (الجاسر), or a word that is only ever a name (تيري رود لارسن), or after a
            # foreign name a word no resource knows and no verb (أدريان رانكين غالواي), or a
            # particle before a name word (جان بيير دو لا مارتينيير).
            if (
                step == _FAMILY
                and end < n
                and not (
                    w.article(end)
                    or a.word(end) in self.t.only_names
                    or self._foreign_goes_on(k, end)
                    or self._particle_as_written(end)
                )
            ):
                break
        return end

    def _step(self, k: int, end: int, titled: bool) -> int:
        """How token `end` takes the name on: not at all, joined, as a given name, as a family name."""
        a, t, w = self.a, self.t, self.w
        norm, prev = a.word(end), a.word(end - 1)
        if norm in t.connectors:
            return _JOINED
        if prev in t.theophoric:
            return _JOINED  # عبد الملك: whatever word follows عبد is the name's
        if prev in t.connectors:
            # ... unless it is a number or another everyday word: وهو ابن عشر سنين; after a kunya
            # or آل any word is the name's (أبو جبل، آل ثاني).
            stop = norm in t.resource_words and norm not in t.given and not w.name_token(norm)
            return _STOP if stop and prev not in t.family else _JOINED
        if prev in t.particles or (norm in t.particles and self._named_after(end)):
            return _JOINED  # ستيفان دي ميستورا: a particle between two name words
        if norm in t.compound_second and prev not in t.compound_second:
            return _JOINED  # نور الدين, فتح الله: one given name in two words
        if norm in t.common:
            return _STOP
        if norm in t.given:
            if norm in t.weak_given and (end + 1 >= len(a.norms) or a.word(end + 1) in t.common):
                return _STOP  # تيم سيباستيان علي ذلك: على spelt علي, not a name
            return _GIVEN
        if norm in t.resource_words and not w.name_token(norm):
            return _STOP
        if a.raw(end).startswith("و") and not w.name_token(norm):
            return _STOP  # و joins the next phrase: إسماعيل وأمته
        return _FAMILY if self._family(k, end, norm, titled) else _STOP

    def _before_title(self, k: int, end: int) -> bool:
        """Is token `end`, where the name would stop, its last word since a title stands in
        apposition right after it, past a comma or not (ماجد نجم رئيس قسم السياحة، فيصل السويدي
        نائب الرئيس)? Any word that the analyser reads as no verb, as no function word or adverb
        and with no pronoun on it, and no next of a list (و)."""
        a, w = self.a, self.w
        j = end + 1
        if j < len(a.norms) and a.word(j) in ("،", ","):
            j += 1
        # A title in construct, with no article (رئيس قسم), as apposition puts it; الفريق after
        # a word is a team, or the word's complement, as often as a general's rank.
        if j not in self.titles_at or end in self.title_words or w.article(j) or a.raw(j).startswith("و"):
            return False
        raw = a.raw(end)
        # Not a noun in construct with the title (انتقد روبن سياسة وزير الخارجية "the minister's
        # policy"), which has no article and mostly a feminine or plural ending, nor after a kunya
        # a nationality (أبو صهيب العراقي، وابنه: a nom de guerre's nisba, which the dev gold
        # keeps out; فيصل السويدي is a family name).
        return (
            not (raw.endswith(("ة", "ات")) and not w.article(end))
            and not (a.word(end) in self.context.demonyms and a.word(k) in self.t.kunyas)
            and not raw.startswith("و")
            and not a.clitics.get(end)
            and not w.verb_only(raw)
            and not w.inflected_word(raw)
            and not w.function_word(raw)
        )

    def _foreign_pair(self, k: int, first: str, nxt: str) -> bool:
        """A foreign first name (or another spelling of one) before a name word or a word the
        analyser cannot read either (دونكان هانتر, برند جوتشولك)."""
        w = self.w
        return (
            bool(nxt)
            and (w.foreign_first(first) or w.foreign_name(first))
            and (w.name_word(nxt) or w.foreign(self.a.raw(k + 1)))
        )

    def _foreign_goes_on(self, k: int, end: int) -> bool:
        """After a foreign first name at token k, or a foreign family name before it (رانكين, a word
        the analyser cannot read), is token `end` a name word too: one no resource knows that the
        analyser reads as a name or not at all (غالواي "Galway"; not بوادر "first signs")?"""
        w, a = self.w, self.a
        foreign = w.foreign_first(a.word(k)) or w.foreign(a.raw(end - 1))
        return foreign and w.unknown_word(end) and w.name_like(a.raw(end))

    def _particle_as_written(self, end: int) -> bool:
        """Is token `end` a name particle as written before a name word (دو of جان بيير دو لا
        مارتينيير), also one that folds to a function word (فان of رود فان نيستلروي, not فإن "for
        indeed")? Such a word of two letters only after another particle (دو لا سابليير; not لا
        "no" of عدنان لا يفي)."""
        a = self.a
        raw = a.raw(end)
        return (
            raw in self.t.particles
            and (len(raw) > 2 or self.w.nameish(end) or a.raw(end - 1) in self.t.particles)
            and self._named_after(end)
        )

    def _named_after(self, end: int) -> bool:
        """Is the word after token `end` one a name may go on with (no everyday word)? Past a
        second particle as written (دو لا مارتينيير)."""
        a, t = self.a, self.t
        j = end + 1
        if j + 1 < len(a.norms) and a.raw(j) in t.particles and a.raw(end) in t.particles:
            j += 1
        if j >= len(a.norms) or not self.w.nameish(j):
            return False
        word = a.word(j)
        return word not in t.common and word not in t.resource_words  # (not a union made per call)

    def _family(self, k: int, end: int, norm: str, titled: bool) -> bool:
        """Can token `end` be a family name of the name that starts at k?"""
        w, t = self.w, self.t
        raw = self.a.raw(end)
        if not w.name_token(norm) and (w.inflected_word(raw) or w.clause_word(raw) or w.verb_only(raw)):
            # أينشتاين مدرسا, ميسي أضاعا, جونينيو فتابعها: a word inflected as no name is; بافوس
            # أسست, هوانغ يصمم: a verb
            return False
        if w.article(end):
            # With the article, a family name (الجاسر), never an adjective (الشيعي) or a
            # feminine participle (المصنفة); after two names the last of which is no given
            # name, never a word the analyser reads only as an everyday word (روجيه فيدرر
            # المصنف، غونتر غراس الحائز; but علي بن موسى الرضا).
            return w.name_token(norm) or not (
                norm in t.resource_words
                or norm in t.common
                or norm.endswith("ه")
                or (end - k >= 2 and self.a.word(end - 1) not in t.given and w.everyday(raw))
            )
        # An unknown word after a title, or after a foreign first name (فرانك كوراسي,
        # أناستازيا روديونوفا), is a family name.
        # After a given name, a word the analyser cannot read is a foreign family name (مارتن
        # غريفيت).
        # The same for a word the analyser reads only as a name after such a foreign family name
        # (رانكين غالواي).
        opening = (
            w.name_word(self.a.word(k))
            or w.foreign_name(self.a.word(k))
            or w.proper_first(k)
            or (w.unknown_word(k) and w.foreign(self.a.raw(k)))
        )
        foreign = opening and (
            w.foreign(raw) or (end - 1 > k and w.foreign(self.a.raw(end - 1)) and w.name_like(raw))
        )
        return w.name_token(norm) or (
            (titled or foreign or w.foreign_first(self.a.word(k))) and norm not in t.resource_words
        )
