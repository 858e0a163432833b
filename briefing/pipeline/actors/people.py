"""People the gazetteer does not know: where their names may start, and the names found there.

A name may start after a title or role (اللواء مسعود جزايري, titles.yaml), after a speech verb
(وقال بلير), after a nationality (الفرنسي أرنو كليمان), at a given name (سهيل كريمي), at the word
before بن (سهل بن حنيف), and at two name-table words in a row (توني بلير). The name grammar
(names.py) says where each ends; lists.py adds the names that follow in a list and joins names to
the known people beside them. Names are transliterated (output.FoundActors).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

from briefing.pipeline.actors.document import Hit, mark_ids, taken_by
from briefing.pipeline.actors.forms import (
    ALONE,
    BYLINE,
    CLAUSE_END,
    CREDIT,
    DEMONYM,
    FOREIGN_FIRST,
    GIVEN,
    NAMEISH,
    NAMING,
    ONLY_NAME,
    PAIR,
    PATRONYMIC,
    PROPER,
    ROLES,
    SPEECH,
    SPELLED,
    SURNAME,
    THEOPHORIC,
    UNKNOWN,
    UNREADABLE,
    Forms,
)
from briefing.pipeline.actors.lists import Lists, NameAt
from briefing.pipeline.actors.names import (
    HONORIFIC,
    NATION,
    PLAIN,
    SPEECH_VERB,
    TITLED,
    NameContext,
    NameFinder,
)
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.triggered import TriggeredMatcher
from briefing.pipeline.actors.words import FOREIGN_MIN_LETTERS, WordTables, folded, nationalities
from briefing.pipeline.gazetteer import surface_key
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ActorRulesFile, ParticlesFile, UnitsFile
from briefing.text.normalize import fold

# The marks between an article's credit word and the name (كتب ـ محيي الدين فتحي, حوار : …).
_CREDIT_MARKS = frozenset({":", "ـ", "-", "–"})
_CREDIT_MARK_IDS = mark_ids(*_CREDIT_MARKS)
TITLE_GAP = 3  # adjectives and commas skipped between a title and a name: الباحث السياسي، صدام
LONE = -1  # a start that is a one-word name by itself (People._alone)
DATELINE = -2  # a start after a dateline's place and mark: a name of two words or more (People._datelines)
CREDITED = -3  # a start after a work's credit word: a name, or two words that may be one (People._credited)


@dataclass(frozen=True)
class PeopleTables:
    titles: TriggeredMatcher  # on NORM; match key: the title's id
    honorifics: frozenset[int]  # hashes of the ids of honorific titles (الإمام, الملك, الشيخ)
    roles: Mapping[int, int]  # norm hash → role bits
    names: NameContext
    # Folded names of months and days (رمضان، جمعة): read as names by the analyser, never a
    # person alone.
    calendar: frozenset[str] = frozenset()
    # Folded place nouns (بلدة، ميناء، مطار): the name after one is a place's, never a lone name.
    place_nouns: frozenset[str] = frozenset()
    # Folded endings of foreign family names (ـوف، ـيتش، ـسكي): on a word the analyser cannot read.
    surname_endings: tuple[str, ...] = ()
    # Folded words that join a title's complements (في، لدى): سفير إسرائيل لدى الأمم المتحدة.
    complement_links: frozenset[str] = frozenset()
    # Folded age words (عاما، سنة) and the norm hash of the bracket before an age: أغاسي ( 36 عاما ).
    ages: frozenset[str] = frozenset()
    bracket: frozenset[int] = frozenset()


def _roles(resources: Resources, words: WordTables, strings: StringStore) -> dict[int, int]:
    roles: dict[int, int] = defaultdict(int)
    for v in resources.get("actor_rules", ActorRulesFile).speech_verbs:
        roles[strings.add(fold(v))] |= SPEECH
    # Folded, ألبرت reads as ال + برت: whether a word has the article is read on the raw
    # text when it is used.
    for w in words.only_names:
        roles[strings.add(w)] |= ONLY_NAME
    for w in words.patronymics:
        roles[strings.add(w)] |= PATRONYMIC
    rules = resources.get("actor_rules", ActorRulesFile)
    for w in folded(rules.naming_words):
        # (واسمها: the normaliser leaves و on a word it reads whole)
        roles[strings.add(w)] |= NAMING
        roles[strings.add("و" + w)] |= NAMING
    for w in folded(rules.byline_words):
        roles[strings.add(w)] |= BYLINE
    for w in folded(rules.credit_words):
        roles[strings.add(w)] |= CREDIT
        roles[strings.add("و" + w)] |= CREDIT
    for g in words.given:
        roles[strings.add(g)] |= GIVEN
    # A nationality before a name introduces a person, in sport above all (الفرنسي أرنو كليمان).
    for e in resources.actors:
        for d in e.demonym_ar:
            if " " not in d and not d.endswith(("ون", "ين")):
                roles[strings.add("ال" + fold(d))] |= DEMONYM
    return dict(roles)


def _calendar(resources: Resources) -> frozenset[str]:
    """Month names (units.yaml) and day names (particles.yaml's time words, without the article)."""
    months = next(e.ar for e in resources.get("units", UnitsFile).not_figures if e.id == "months")
    days = resources.get("particles", ParticlesFile).forms("time-words")
    return folded(months) | frozenset(fold(d)[2:] for d in days if fold(d).startswith("ال"))


def build_people_tables(
    resources: Resources, words: WordTables, vocab: Vocab, pattern_doc: Callable[[str], Doc]
) -> PeopleTables:
    rules = resources.get("actor_rules", ActorRulesFile)
    titles = TriggeredMatcher(vocab, "titles")
    for t in resources.titles:
        titles.add(t.id, [pattern_doc(form) for form in t.ar])
    that = folded(resources.get("particles", ParticlesFile).forms("that")) | folded(
        rules.reported_speech_marks
    )
    return PeopleTables(
        titles=titles,
        # Honorifics (الإمام, الملك, الشيخ) may stand before a one-word name with the article.
        honorifics=frozenset(vocab.strings.add(t.id) for t in resources.titles if t.kind == "honorific"),
        roles=_roles(resources, words, vocab.strings),
        names=NameContext(
            followers=folded(rules.name_followers),
            that=that,
            regnal=frozenset(tuple(r.split()) for r in folded(rules.regnal_numbers)),
            demonyms=nationalities(resources),
        ),
        calendar=_calendar(resources),
        # The locative nouns (أطراف، ميناء), not the prepositions (في، من، قرب) of locative_words.
        place_nouns=folded(rules.settlement_nouns)
        | folded(rules.place_nouns)
        | frozenset(w for w in folded(rules.locative_words) if len(w) > 3),
        surname_endings=tuple(sorted(folded(rules.foreign_surname_endings))),
        complement_links=folded(rules.title_complement_links),
        ages=folded(rules.age_words),
        bracket=frozenset({vocab.strings.add("(")}),
    )


class People:
    """Finds the people of one document that the gazetteer does not know."""

    def __init__(
        self, finder: NameFinder, tables: PeopleTables, entries: Mapping[str, ActorEntry], forms: Forms
    ) -> None:
        self.finder = finder
        self.a = finder.a
        self.w = finder.w
        self.t = tables
        self.entries = entries
        self.complements: set[int] = set()  # tokens of the places and organisations found (hits)
        self._opens: list[int] | None = None  # the clause starts (_clause_starts)
        self.forms = forms  # the records of the document's word forms

    def _after_titles(self, starts: list[tuple[int, int]], fallback: dict[int, int]) -> None:
        """Starts after a title, past adjectives, commas and an opening quotation mark (الباحث
        السياسي، صدام الجاسر; الدكتورة "هنريتا آب"); after an honorific, where the skipped words
        begin, in case one of them is the name (الشيخ الخراساني)."""
        a, given = self.a, self.w.t.given
        n = len(a.norms)
        quote = a.array[:, 6]  # IS_QUOTE
        titles = self.t.titles.on(a)
        # Not an honorific: الخليفة, الشيخ after a name are its own (مجذوب الخليفة).
        self.finder.titles_at = frozenset(s for key, s, _end in titles if key not in self.t.honorifics)
        self.finder.title_words = frozenset(j for _key, s, end in titles for j in range(s, end))
        for match_id, _start, end in titles:
            k = end
            for _ in range(TITLE_GAP):
                if k < n and (
                    (self.w.article(k) and a.word(k) not in given) or a.word(k) in ("،", ",") or quote[k]
                ):
                    k += 1
            honorific = match_id in self.t.honorifics
            starts.append((k, HONORIFIC if honorific else TITLED))
            past = self._past_complement(k)
            if past > k and past < n and (self.w.name_word(a.word(past)) or self.w.name_like(a.raw(past))):
                # A name word, or one the analyser reads only as a name or not at all: never an
                # everyday word (السفير الأميركي بمجلس الأمن اقتراح أنان "Annan's proposal").
                starts.append((past, TITLED))
            if k > end and honorific:
                fallback[k] = end

    def _past_complement(self, k: int) -> int:
        """Where a name may start after a title's complement that starts at token k: the places and
        organisations found there, joined by في or لدى (سفير إسرائيل لدى الأمم المتحدة دان
        غيلرمان, مدافع جورجيا أساتياني); k when no found name is there."""
        a, n, found = self.a, len(self.a.norms), self.complements
        j = k
        while j < n and j in found:
            j += 1
            if j not in found and j + 1 < n and a.word(j) in self.t.complement_links and j + 1 in found:
                j += 1  # over the link, to the next complement
        return j

    def _two_names(self, i: int, flags: list[int], taken: set[int]) -> bool:
        """Two name-lexicon words in a row that no resource knows otherwise (توني بلير، كوفي أنان),
        or a foreign first name before a word nobody knows (فرانك كوراسي)? (Asked of a word whose
        record says it may open a pair: `PAIR`.)"""
        w = self.w
        norm = self.a.word(i)
        foreign = flags[i] & FOREIGN_FIRST or (
            w.foreign_name(norm) and i + 1 < len(flags) and w.foreign(self.a.raw(i + 1))
        )
        return (
            i + 1 < len(flags)
            and bool(
                flags[i + 1] & ONLY_NAME
                or (foreign and flags[i + 1] & UNKNOWN)
                or (flags[i] & ONLY_NAME and self._second_name(i + 1, flags))
            )
            and i not in taken
            and w.nameish(i, first=True)
            and w.nameish(i + 1)
            and not w.article(i)
        )

    def _second_name(self, j: int, flags: list[int]) -> bool:
        """After a word that is only ever a name, can token j be the name's second word: a given
        name (مدحت صالح، لوسي يعقوب), a theophoric name written as one word (مدحت عبدالهادي) or a
        word no resource knows that the analyser cannot read (مارينا جامبا، نعوم شومسكي)? Only
        after a word of four letters or more."""
        w, norm = self.w, self.a.word(j)
        if len(self.a.word(j - 1)) < FOREIGN_MIN_LETTERS:
            return False  # short name words are everyday words too (دين "religion", مات "died")
        if flags[j] & GIVEN:
            # Not one with the article, the second word of a compound (رحمه الله "God rest him").
            return norm not in w.t.weak_given and not w.article(j)
        return w.theophoric_glued(norm) or bool(flags[j] & UNKNOWN and w.foreign(self.a.raw(j)))

    def _proper_pairs(self, kinds: dict[int, int], flags: list[int], taken: set[int]) -> list[int]:
        """The tokens of no role that open a foreign name the name table lacks: a word the
        analyser reads only as a proper noun, or one it cannot read, before a word it cannot read
        (بريدراغ ميياتوفيتش, هرقل بوارو, جافريلو برينسيب) or one that is only ever a name
        (أريادني أوليفر); both words no resource knows."""
        a = self.a
        return [
            i
            for i in kinds
            if (kinds.get(i + 1, 0) & UNREADABLE or (i + 1 < len(flags) and flags[i + 1] & ONLY_NAME))
            and kinds[i] & (PROPER | UNREADABLE)
            and not flags[i] & ROLES
            and i not in taken
            # و joins two names (قوانغتشو وتشواتشو), or the next of a list (وأوبافيمي مارتينز,
            # which lists.py takes without its و).
            and not a.raw(i).startswith("و")
            and not a.raw(i + 1).startswith("و")
            and flags[i] & UNKNOWN
            and flags[i + 1] & UNKNOWN
            and not self._slipped_space(i)
        ]

    def _slipped_space(self, i: int) -> bool:
        """Are tokens i and i + 1 two words whose space slipped by a letter (تنظي مداعش for تنظيم
        داعش): the first word with the next one's first letter a word the resources or a corpus
        use?"""
        t = self.w.t
        joined = self.a.word(i) + self.a.word(i + 1)[:1]
        return joined in t.common or joined in t.resource_words

    def _surnames(self, kinds: dict[int, int], taken: set[int]) -> list[int]:
        """Words no resource knows that the analyser cannot read and that end as foreign family
        names do (شومسكي, بلكيفيتش, روديونوفا): a person named by the family name alone."""
        bits = self.forms.bits
        return [
            i
            for i, k in kinds.items()
            if k & SURNAME and i not in taken and not self.a.raw(i).startswith("و") and bits[i] & UNKNOWN
        ]

    def _aged(self, taken: set[int]) -> list[int]:
        """The tokens right before an age in brackets (وظهر باتشان ( 63 عاما )): the end of a
        person's name, a name of one word when no longer name takes it in; not a word with the
        article, nor an everyday word or one a resource uses that is no name word."""
        a, w, t = self.a, self.w, self.w.t
        n = len(a.norms)
        out = []
        for p in a.where(self.t.bracket) if self.t.ages else ():
            i = p - 1
            if i < 0 or p + 2 >= n or i in taken or a.word(p + 2) not in self.t.ages:
                continue
            norm = a.word(i)
            if not a.raw(p + 1).isdigit() or len(norm) < 3 or w.article(i) or norm in t.common:
                continue
            if w.nameish(i, first=True) and (norm not in t.resource_words or w.name_word(norm)):
                out.append(i)
        return out

    def _verb_subjects(self, taken: set[int]) -> list[int]:
        """The subject right after a clause's opening verb of the third person singular, when it is
        a word no resource knows that the analyser cannot read or reads only as a proper noun (وحظي
        محفوظ بعدد، ويرى بالاك أن، ومرر غوتي كرة): news puts the verb first, and its subject then
        is a person far more often than not; places and bodies are the gazetteer's."""
        a, w, bits = self.a, self.w, self.forms.bits
        out = []
        for i in self._clause_starts():
            j = i + 1
            # (the verb read last: the analyser's readings of a word are kept, but not in its record)
            if j in taken or not bits[j] & UNKNOWN or not w.singular_verb(a.raw(i)):
                continue
            raw = a.raw(j)
            if len(a.word(j)) < FOREIGN_MIN_LETTERS or raw.startswith("و") or w.suffixed_word(raw):
                continue
            if (w.foreign(raw) and not raw.endswith("ة")) or w.proper_noun(raw):
                out.append(j)
        return out

    def _clause_starts(self) -> list[int]:
        """The tokens (but the last two) that open a line or follow a clause's end; once per
        document."""
        if self._opens is None:
            self._opens = self._find_clause_starts()
        return self._opens

    def _find_clause_starts(self) -> list[int]:
        # From the few tokens that end a clause (the marks and the space tokens: CLAUSE_END of
        # their records) and the line breaks, not by testing every token: an article has a few
        # dozen of them against hundreds of tokens.
        a = self.a
        n = len(a.orths)
        if n < 3:
            return []
        after = {j + 1 for j in self.forms.where(CLAUSE_END)}
        idx = a.idx
        start = 0
        while (start := a.text.find("\n", start) + 1) > 0:  # the token right after a line break
            k = bisect_left(idx, start)
            if k < n and idx[k] == start:
                after.add(k)
        return [0, *sorted(i for i in after if 0 < i <= n - 3)]

    def _alone(self, i: int, flags: list[int]) -> bool:
        """Is token i, a word that may be a first name alone (`ALONE` of its record: لوسي،
        جوناثان، إسماعيل), one here: after no place noun, between words that are no name words
        (punctuation, everyday words, words of the resources)? Family names and other name words
        alone are as often places (هوبان، كولون)."""
        a, t = self.a, self.w.t
        if i and a.word(i - 1) in self.t.place_nouns:
            return False  # ميناء جيهان, بلدة رام حمدان
        for j in (i - 1, i + 1):
            if 0 <= j < len(flags) and not a.punct[j] and a.raw(j) not in t.non_name_raw:
                other = a.word(j)
                if flags[j] & (ONLY_NAME | GIVEN) or not (other in t.common or other in t.resource_words):
                    return False
        return True

    def _by_role(self, starts: list[tuple[int, int]], taken: set[int]) -> None:
        """Starts that the words' roles give: after a speech verb or a nationality, at two name
        words, before بن, at a given name (in any order: the caller sorts them)."""
        a, forms = self.a, self.forms
        n = len(a.norms)
        # The records of the tokens: the role bits are their low byte (the rules read them about
        # 700 times per article).
        flags = forms.bits
        for i in forms.where(SPELLED):
            if (
                i + 1 < n
                and flags[i] & PAIR
                and self.w.foreign(a.raw(i + 1))
                and self._two_names(i, flags, taken)
            ):
                starts.append((i, PLAIN))  # دونكان هانتر: another spelling of a table name
        kinds = forms.kinds()
        starts += [(i, PLAIN) for i in self._proper_pairs(kinds, flags, taken)]
        starts += [(i, LONE) for i in self._surnames(kinds, taken)]
        starts += [(i, LONE) for i in self._aged(taken)]
        starts += [(i, LONE) for i in self._verb_subjects(taken)]
        starts += [(i, PLAIN) for i, k in kinds.items() if k & THEOPHORIC and i not in taken]
        role_tokens = forms.where(ROLES)
        for i in role_tokens:
            f = flags[i] & ROLES
            if f & (SPEECH | DEMONYM | NAMING | BYLINE | CREDIT):
                self._context_starts(i, f, starts)
            if f & ONLY_NAME:
                if (flags[i] & PAIR and self._two_names(i, flags, taken)) or (
                    i not in taken and self.finder.ruler(i) > i + 1
                ):
                    starts.append((i, PLAIN))  # توني بلير; فرناندو الثالث, a ruler
                elif i not in taken and flags[i] & ALONE and self._alone(i, flags):
                    starts.append((i, LONE))
            if f & PATRONYMIC and i:
                starts.append((i - 1, PLAIN))  # سهل بن حنيف: the word before بن is a given name
            if (
                f & GIVEN
                and not f & ONLY_NAME
                and flags[i] & ALONE
                and i not in taken
                and self._alone(i, flags)
            ):
                starts.append((i, LONE))
            if f & GIVEN:
                # أبو عبد الله, أم كلثوم: the kunya opens the name.
                starts.append((i - 1 if i and a.word(i - 1) in self.w.t.kunyas else i, PLAIN))

    def _context_starts(self, i: int, f: int, starts: list[tuple[int, int]]) -> None:
        """The starts after token i that its role gives: a speech verb's subject (وقال بلير), a
        nationality's person, the person after a naming word (وشابة تدعى جنجر: as after an
        honorific) or after an article's credit word and its colon or dash (كتب ـ محيي الدين
        فتحي: as after a title)."""
        a, n = self.a, len(self.a.norms)
        if f & SPEECH and i + 1 < n:
            starts.append((i + 1, SPEECH_VERB))
        if f & DEMONYM and i + 1 < n:
            starts.append((i + 1, NATION))
            if self._nation_named(i):
                starts.append((i + 1, LONE))  # يمررها الاسباني فابريغاس
        if f & NAMING and i + 1 < n and self._naming(i):
            starts.append((i + 1, HONORIFIC))
        if f & BYLINE and i + 2 < n and a.raw(i + 1) in _CREDIT_MARKS:
            starts.append((i + 2, TITLED))
        if f & CREDIT and i + 1 < n:
            starts.append((i + 1, CREDITED))  # تأليف شهيرة سلام وإخراج شيرين عادل

    def _nation_named(self, i: int) -> bool:
        """Is the word after the nationality at token i a person's name alone: a nationality that
        stands as a noun, after no word with the article (قبل ان يمررها الاسباني فابريغاس "the
        Spaniard Fabregas"; not الفريق الاسباني فياريال, an adjective of a team), before a word of
        four letters or more that no resource knows, that the analyser cannot read and that has
        no feminine ending and is no dual or plural of a word it reads?"""
        a, w, k = self.a, self.w, i + 1
        if i == 0 or w.article(i - 1) or k + 1 >= len(a.norms):
            return False
        raw = a.raw(k)
        return (
            len(a.word(k)) >= FOREIGN_MIN_LETTERS
            and bool(self.forms.bits[k] & UNKNOWN)
            and w.foreign(raw)
            and not raw.startswith("و")
            and not raw.endswith("ة")
            and not w.suffixed_word(raw)
        )

    def _credited(self, k: int, used: set[int]) -> bool:
        """After a work's credit word, are tokens k and k + 1 the credited person's two names,
        whatever everyday words they are (تأليف شهيرة سلام وإخراج، وتأليف محمد رفعت وإخراج باسم
        محفوظ)? In a series of credits only (another credit word right after the two words, or
        one of the four before this one: not إخراج آخر دفعة "the last batch's removal"); two
        words, neither with the article nor a word of the resources (not إخراج قوات الاحتلال),
        no verb or function word, the second not the next of a list (و)."""
        a, w, t = self.a, self.w, self.w.t
        n = len(a.norms)
        if k + 1 >= n or k in used or k + 1 in used or a.raw(k + 1).startswith("و"):
            return False
        series = [j for j in (k + 2, *range(k - 5, k - 1)) if 0 <= j < n]
        if not any(self.t.roles.get(a.norms[j], 0) & CREDIT for j in series):
            return False
        for j in (k, k + 1):
            raw = a.raw(j)
            if not w.nameish(j, first=j == k) or w.article(j) or w.verb_only(raw) or w.function_word(raw):
                return False
            if a.word(j) in t.resource_words and a.word(j) not in t.given:
                return False
        return True

    def _naming(self, i: int) -> bool:
        """Does the naming word at token i name a person: written with its ى (تدعى "is called",
        not تدعي "claims", which folds the same), and no place noun in the two words before it
        (بلدة تدعى …, a place so named)?"""
        a = self.a
        if a.word(i).endswith("ي") and not a.raw(i).endswith("ى"):
            return False
        return not any(j >= 0 and a.word(j) in self.t.place_nouns for j in (i - 1, i - 2))

    def _names(self, taken: set[int], used: set[int], datelines: list[tuple[int, int]]) -> list[NameAt]:
        """The names that start where a title, a dateline or a word's role says one may."""
        starts: list[tuple[int, int]] = list(datelines)
        fallback: dict[int, int] = {}  # after a title, where the words the name finder skipped begin
        self._after_titles(starts, fallback)
        self._by_role(starts, taken)
        finder = self.finder
        found: list[NameAt] = []
        lone = [k for k, mode in starts if mode == LONE]
        bits, n = self.forms.bits, len(self.forms.bits)
        for k, mode in sorted(s for s in starts if s[1] != LONE):
            # Most starts open no name: a word no name opens with, or one taken (name_at's first
            # test, made here without a call).
            if (k >= n or k in used or not bits[k] & NAMEISH) and k not in fallback:
                continue
            if mode in (DATELINE, CREDITED):
                end = finder.name_at(k, used, mode=TITLED)
                if mode == CREDITED and end - k < 2 and self._credited(k, used):
                    end = k + 2
                if end - k < 2:
                    continue  # دمشق - سانا: an agency the gazetteer lacks, as often as a name
                found.append((k, end, finder.text(k, end)))
                used.update(range(k, end))
                continue
            end = finder.name_at(k, used, mode=mode)
            if end == k and k in fallback:
                k = fallback[k]
                end = finder.name_at(k, used, mode=mode, article=True)
            if end == k:
                continue
            found.append((k, end, finder.text(k, end)))
            used.update(range(k, end))
        for k in lone:  # after the longer names: a lone name is one only when none took it
            if k not in used:
                found.append((k, k + 1, finder.text(k, k + 1)))
                used.add(k)
        return sorted(found)

    def _datelines(self, known: list[Hit]) -> list[tuple[int, int]]:
        """Starts after a dateline's places and their colon or dash, at a line's or a clause's
        start (لندن : معد فياض، الخرطوم ـ عبدالواحد لبيني ـ نيويورك، عمان - البلقاء - فيصل
        ملكاوي), or after a colon anywhere (… تل أبيب : نظير مجلي): the reporter's name."""
        a, n = self.a, len(self.a.norms)
        marks = a.marked(_CREDIT_MARK_IDS)
        places = {h.start: h.end for h in known if h.type in ("GPE", "LOC")}
        if not any(e in marks for e in places.values()):
            return []
        opens = set(self._clause_starts())
        out = []
        for s, e in places.items():
            if not (e + 1 < n and e in marks and (s in opens or a.raw(e) == ":")):
                continue
            while e + 1 in places and places[e + 1] + 1 < n and a.raw(places[e + 1]) in _CREDIT_MARKS:
                e = places[e + 1]  # عمان - البلقاء - : a dateline of two places
            out.append((e + 1, DATELINE))
        return out

    def hits(self, taken: set[int], found_actors: FoundActors, known: list[Hit]) -> list[Hit]:
        """Hits for the people found; `known` (the hits so far) may grow to take a name in."""
        used = set(taken)
        # A title's complement is a place or an organisation, never a person (الشيخ أبو مصعب
        # الزرقاوي رحمه الله).
        self.complements = taken_by([h for h in known if h.type != "PERSON"])
        found = self._names(taken, used, self._datelines(known))
        lists = Lists(self.finder, self.entries, known, used)
        found += lists.following(found)
        # A one-word name that is the family name of a longer one in the article is its short
        # form; so is the first name of a longer one before it (وأعرب عزت after عزت إبراهيم الدوري).
        family = {surface_key(name).split()[-1] for k, end, name in found if end - k > 1}
        firsts = _first_words([(k, surface_key(name)) for k, end, name in found if end - k > 1], known)
        found, merged = lists.join_known(found, taken, found_actors)
        out: list[Hit] = []
        for k, end, name_ar in found:
            if k in merged:
                continue
            key = surface_key(name_ar)
            if end - k == 1 and (key in family or firsts.get(key, k) < k):
                continue
            pid = found_actors.add("PERSON", name_ar)
            out.append(Hit(k, end, self.finder.start_char(k), self.a.end_char(end), pid, "PERSON", key))
        return out


def _first_words(names: list[tuple[int, str]], known: list[Hit]) -> dict[str, int]:
    """The first words of the longer people's names found and known, each with the first token
    where such a name starts."""
    firsts: dict[str, int] = {}
    for k, key in [*names, *((h.start, h.surface) for h in known if h.type == "PERSON")]:
        words = key.split()
        if len(words) > 1:
            firsts[words[0]] = min(k, firsts.get(words[0], k))
    return firsts
