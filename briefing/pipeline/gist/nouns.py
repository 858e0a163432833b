"""Transfer rules of the noun phrase: adjectives before the noun and in reverse order (الحرب
الانقلابية الحوثية → the Houthi coup war), the article from ال or from a definite genitive, "a"
before a singular count noun, the idafa as "of" (انسحاب القوات → the withdrawal of the forces),
duals and plurals, possessive suffixes (its, their), demonstratives and quantifiers (هذه, كل,
بعض), and the nominal sentence's "is" (النصر قريب → victory is near).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from mypy_extensions import mypyc_attr

from briefing.pipeline.gist.state import NOMINAL, State
from briefing.pipeline.gist.words import ADJ, NAME, NUM, PHRASE, PREP, PRON, PUNCT, N, Word, folded
from briefing.text.english import Irregulars, indefinite, plural

POSSESSIVE = {
    "3MS": "its",
    "3FS": "its",
    "3MP": "their",
    "3FP": "their",
    "3D": "their",
    "1S": "my",
    "1P": "our",
    "2MS": "your",
    "2FS": "your",
    "2MP": "your",
    "2FP": "your",
    "2D": "your",
}
# بعض، معظم، كل، أي before a noun: its determiner (any other country, not "any another country")
QUANTIFIERS = frozenset({"q-bad", "q-muazzam", "q-kull", "q-ayy", "for-any"})
_ANY = frozenset({"q-ayy", "for-any"})
# العديد من، المزيد من، عدد من before a definite noun: English counts it bare (many countries, more
# victims, a number of soldiers), not "many the countries"
PARTITIVES = frozenset({"many-of", "more-of", "more-of-2", "a-number-of"})
_ON_BEHALF = "on-behalf-of"  # باسم
_COMPASS = frozenset({"east", "west", "north", "south"})
_DASHES = frozenset({"-", "–"})
_YEARS = frozenset({"year", "year-sana"})  # عام، سنة before a year's number
SAXON = ("'s", "'")  # the possessive of a name, by whether it ends in s (the United States')
# (sets: the noun phrase's rules ask these of every word)
_GIVEN = frozenset({NAME, NUM})  # classes whose English is given, not made by the rules
_MANY = frozenset({"pl", "du"})  # numbers English says in the plural
_ADJ_OR_DASH = frozenset({ADJ, PUNCT})  # what may start a noun's adjectives (see _adjectives)
_MAX_PLURALS = 20_000  # plurals kept at most (see NounRules._plural)


@dataclass(slots=True)  # made for every phrase: slots are quicker to make and read
class NounPhrase:
    head: Word
    # (the determiner's two fields first: noun_phrase gives them by position, which is quicker to
    # pass than by keyword when a class is made)
    determiner: str = ""  # "this", "these", "every", "all", "some" …
    bare: bool = False  # a partitive determiner (many, a number of): no article after it
    adjectives: list[Word] = field(default_factory=list)
    genitive: NounPhrase | None = None
    subject: bool = False  # the genitive is the verbal noun's subject: Russia's abandonment of Iran
    link: str = "of"  # the English between the head and its genitive (باسم: the spokesman for the army)


@mypyc_attr(allow_interpreted_subclasses=True)
class NounRules:
    """Reads and renders the noun phrase that starts at a State's position."""

    def __init__(self, irregulars: Irregulars) -> None:
        self.irr = irregulars
        self._plurals: dict[str, str] = {}  # see _plural

    def nominal(self, s: State) -> str:
        w = s.words[s.i]
        if w.id in _YEARS and s.i + 1 < len(s.words) and _year(s.words[s.i + 1]) and not w.poss:
            # عام 2003: in 2003 (its preposition's year after one: منذ عام 2011, since 2011)
            after = s.last == PREP or bool(w.prep)
            s.i += 2
            s.last, s.last_plural, s.relative, s.governs = N, False, False, None
            return s.words[s.i - 1].en if after else "in " + s.words[s.i - 1].en
        if self._one_word(w, s):
            # What noun_phrase and render would make of a phrase of one word, without making them.
            s.i += 1
            text, plural = w.alone or self.alone(w)
            return self._close(s, text, w.definite, plural, w.governs or None)
        if w.fixed and not w.poss and w.pos == NUM:
            s.i += 1
            np = NounPhrase(w)
            self._adjectives(s, np)  # الأشهر الستة الماضية: the last 6 months, not "the 6 months last"
            text = self.render(np) if np.adjectives else self._name(w)
        else:
            np = self.noun_phrase(s)
            text = self.render(np)
        # the last word of the chain that governs a preposition: وجود مطالب بانسحاب (of demands for
        # a withdrawal); تخلي روسيا عن إيران, its genitive the verbal noun's subject (of … of Iran)
        governs = None
        last: NounPhrase | None = np
        while last is not None:
            governs = last.head.governs or governs
            last = last.genitive
        if np.subject:
            governs = np.head.governs  # تخلي روسيا عن: Russia's abandonment of
        head = np.head
        return self._close(s, text, self.definite(np), (head.alone or self.alone(head))[1], governs)

    @classmethod
    def _one_word(cls, w: Word, s: State) -> bool:
        """Is `w` at s.i a phrase of one word: a name or a figure, its English given (a quarter
        of the phrases), or a noun that nothing after it joins (a third)?"""
        if w.fixed:
            return not w.poss and (w.pos == NAME or (w.pos == NUM and not w.en.startswith("the ")))
        return w.pos == N and cls._alone_next(w, s)

    @staticmethod
    def _alone_next(w: Word, s: State) -> bool:
        """Does the noun `w` at s.i make a phrase of its own: no determiner (a noun determines
        only as أية, and then before an indefinite noun, which would be its genitive), and after
        it no adjective or dash, no genitive and no باسم (see noun_phrase)?"""
        if s.i + 1 >= len(s.words):
            return True
        nxt = s.words[s.i + 1]
        if nxt.pos in _ADJ_OR_DASH or nxt.id == _ON_BEHALF:
            return False
        # (a genitive follows an indefinite noun only, and has no proclitic: see genitive_next)
        return bool(w.definite or w.poss or nxt.conj or nxt.prep) or nxt.pos not in NOMINAL

    def _close(
        self, s: State, text: str, definite: bool, plural: bool, governs: tuple[str, str] | None
    ) -> str:
        """A noun phrase rendered as `text`: "all of" for بأكملها after it, the state after it,
        and its predicate."""
        if s.i < len(s.words) and s.words[s.i].id == "entire" and not s.words[s.i].conj:
            s.i += 1  # سوريا بأكملها: all of Syria
            text = "all of " + text
        # A noun phrase followed by a verb is its subject, already in English order; the verb
        # agrees with it in English (Arabic gives non-human plurals a feminine singular verb).
        s.last = N
        s.last_plural = plural
        s.relative = False
        s.governs = governs
        return text + self._predicate(s, definite, plural) if definite else text

    @staticmethod
    def _predicate(s: State, definite: bool, plural: bool) -> str:
        """A nominal sentence has no verb: a definite subject and an indefinite adjective after it
        (النصر قريب, الطائرات مجهولة) take "is" or "are"."""
        if s.i >= len(s.words) or not definite:
            return ""
        a = s.words[s.i]
        if a.pos != ADJ or a.definite or a.conj or a.prep or a.adverbial:
            return ""  # an accusative (داخليا) is no predicate: an adverb, read next
        s.i += 1
        s.last = ADJ
        return f" {'are' if plural else 'is'} {a.en}"

    def noun_phrase(self, s: State) -> NounPhrase:
        w = s.words[s.i]
        determiner = ""
        nxt = s.words[s.i + 1] if s.i + 1 < len(s.words) else None
        bare = False
        if determines(w, nxt):
            bare = w.id in PARTITIVES
            if _any(w, nxt):
                determiner = "any"
            else:
                determiner = quantifier(w, nxt) if w.id in QUANTIFIERS and nxt is not None else w.en
            s.i += 1
            if (
                s.i >= len(s.words)
                or s.words[s.i].pos not in NOMINAL
                or s.words[s.i].conj
                or s.words[s.i].prep
            ):
                return NounPhrase(w, determiner="")
            w = s.words[s.i]
        s.i += 1
        np = NounPhrase(w, determiner, bare)
        if w.pos in _GIVEN:
            return np
        # (_adjectives reads an adjective, or a dash between two: most nouns have neither after them)
        adjective_next = s.i < len(s.words) and s.words[s.i].pos in _ADJ_OR_DASH
        if w.pos == PHRASE or w.fixed:
            if adjective_next:
                self._adjectives(s, np)  # رئيس الوزراء العراقي: the Iraqi prime minister
            nxt = s.words[s.i] if s.i < len(s.words) else None
            if nxt is not None and nxt.pos == NAME and not nxt.conj and not nxt.prep:
                np.genitive = self.noun_phrase(s)  # وزير خارجية روسيا: the foreign minister of Russia
            return np
        if adjective_next:
            self._adjectives(s, np)
        # an indefinite head takes a genitive; after adjectives, a name only (وزير خارجية روسيا)
        after_adjectives = not np.adjectives or (s.i < len(s.words) and s.words[s.i].pos == NAME)
        if after_adjectives and not w.definite and not w.poss and self.genitive_next(s):
            np.genitive = self.noun_phrase(s)
            self._adjectives(s, np.genitive)
            np.subject = self._subject(np, s)
        elif np.genitive is None and s.i < len(s.words) and s.words[s.i].id == _ON_BEHALF and _on_behalf(s):
            s.i += 1  # المتحدث باسم الجيش: the spokesman for the army, one phrase (the verb's subject)
            np.genitive, np.link = self.noun_phrase(s), "for"
        return np

    def _subject(self, np: NounPhrase, s: State) -> bool:
        """Is the name after a noun of action its subject (تخلي روسيا عن إيران: Russia's
        abandonment of Iran, انسحاب أمريكا من سوريا: America's withdrawal from Syria)? Only before
        the action's own preposition: without one, the name may be its object (دعم إيران)."""
        g, head = np.genitive, np.head
        if g is None or g.genitive is not None or g.adjectives or g.head.pos != NAME or g.head.mark:
            return False
        if np.determiner or np.adjectives or head.number != "sg" or head.en not in self.irr.actions:
            return False
        nxt = s.words[s.i] if s.i < len(s.words) else None
        return nxt is not None and not nxt.conj and (nxt.pos == PREP or bool(nxt.prep))

    def _adjectives(self, s: State, np: NounPhrase) -> None:
        head = np.head
        # A noun with a possessive suffix is definite: انتصارنا الوشيك, our imminent victory.
        definite = head.definite or bool(head.poss)
        while s.i < len(s.words):
            a = s.words[s.i]
            if a.pos == PUNCT and a.text in _DASHES and np.adjectives and self._paired(s, definite):
                # العلاقات الإيرانية- الروسية: Iranian-Russian relations, in the Arabic order
                b = s.words[s.i + 1]
                np.adjectives[-1] = replace(np.adjectives[-1], en=f"{np.adjectives[-1].en}-{b.en}")
                s.i += 2
                continue
            if a.pos != ADJ or a.prep or a.definite != definite:
                break
            if a.conj:  # الحوامل والمرضعات: pregnant and breastfeeding
                if a.conj != "and" or not np.adjectives:
                    break
                np.adjectives[-1] = replace(np.adjectives[-1], en=f"{np.adjectives[-1].en} and {a.en}")
            elif np.adjectives and self._pair(np.adjectives[-1], a):
                # العلاقات السعودية الأمريكية: Saudi-American relations, in the Arabic order
                np.adjectives[-1] = replace(np.adjectives[-1], en=f"{np.adjectives[-1].en}-{a.en}")
            else:
                if a.adverbial:  # it agrees with the noun: an adjective (a copy: words are shared)
                    a = s.words[s.i] = a.copy()
                    a.adverbial = False
                np.adjectives.append(a)
            s.i += 1

    def _pair(self, first: Word, second: Word) -> bool:
        """Are two adjectives in a row a pair of states or peoples (السعودية الأمريكية, العربي
        الإسرائيلي), not a community's and a state's (الميليشيات الشيعية العراقية: the Iraqi
        Shiite militias) nor an "and" pair?"""
        a, b = first.en, second.en
        if not (a[:1].isupper() and b[:1].isupper()) or " " in a or "-" in a or " " in b:
            return False
        return a not in self.irr.communities and b not in self.irr.communities

    @staticmethod
    def _paired(s: State, definite: bool) -> bool:
        """Does an adjective of the same article follow the dash at s.i (a pair: Iranian-Russian)?"""
        b = s.words[s.i + 1] if s.i + 1 < len(s.words) else None
        return b is not None and b.pos == ADJ and not b.conj and not b.prep and b.definite == definite

    def genitive_next(self, s: State) -> bool:
        """Does a genitive (or a subject, after a verb) start at s.i? A definite word read as an
        adjective after an indefinite noun cannot be its adjective: it is a noun."""
        if s.i >= len(s.words):
            return False
        g = s.words[s.i]
        subject = g.pos in NOMINAL or (g.pos == ADJ and g.definite)
        return subject and not g.conj and not g.prep

    def alone(self, w: Word) -> tuple[str, bool]:
        """(the English of `w` as a noun phrase of its own, is it plural in English): what
        render and word_plural make of it, kept on the word (Word.alone)."""
        memo = w.alone = (self._render(NounPhrase(w)), word_plural(w))
        return memo

    def render(self, np: NounPhrase) -> str:
        head = np.head
        if np.genitive is None and not (np.adjectives or np.determiner or np.bare or np.subject):
            return (head.alone or self.alone(head))[0]  # a word alone: most phrases, or end one
        return self._render(np)

    def _render(self, np: NounPhrase) -> str:
        head = np.head
        g = np.genitive
        if g is not None and head.id == "senior-of" and not (head.poss or np.adjectives):
            g.bare = True  # كبار المسؤولين: senior officials, not "the senior of the officials"
            return "senior " + self.render(g)
        if g is not None and head.en in _COMPASS and g.head.pos == NAME and not (np.adjectives or head.poss):
            return f"{head.en}ern {self.render(g)}"  # شرق سوريا: eastern Syria, not "the east of Syria"
        own = not head.fixed and head.pos not in _GIVEN  # English the rules make, not given
        if not own:
            core = self._name(head)
        elif head.number in _MANY:  # (_noun, inline: every phrase is rendered)
            core = head.plural_en or self._plural(head.en)
        else:
            core = head.en
        adjs = np.adjectives
        if adjs:  # (mostly one: its English as it is, with no join)
            adjectives = adjs[0].en if len(adjs) == 1 else " ".join([a.en for a in reversed(adjs)])
            article = "the " if head.fixed and core.startswith("the ") else ""
            core = f"{article}{adjectives} {core.removeprefix(article)}"
        if head.number == "du" and not head.fixed:
            core = "two " + core
        if np.subject and g is not None:
            name = self.render(g)
            return f"{name}{SAXON[name.endswith('s')]} {core}"
        pointer, determiner = self._determiner(np, core, own)
        if determiner in ("", "a", "an") and own and core.startswith("other ") and not np_plural(np):
            determiner, core = "another", core[6:]  # اتفاق آخر: another agreement, not "an other"
        text = f"{pointer}{determiner} {core}" if determiner else pointer + core
        if g is not None:
            # a gerund takes an indefinite genitive as its object: holding an emergency meeting
            gerund = own and not determiner and self._gerund(head) and not self.definite(g)
            text += (" " if gerund else f" {np.link} ") + self.render(g)
        return text

    def _determiner(self, np: NounPhrase, core: str, own: bool) -> tuple[str, str]:
        """(a demonstrative sentence's "these are", the determiner) of a noun phrase."""
        head = np.head
        determiner = np.determiner
        pointer = ""  # هذه أسباب: a demonstrative before an indefinite noun is a sentence, "these are"
        if determiner in ("this", "that"):
            many = head.number in _MANY or np_plural(np)
            if many:
                determiner = "these" if determiner == "this" else "those"
            if own and head.pos == N and not (head.definite or head.poss):
                pointer, determiner = f"{determiner} {'are' if many else 'is'} ", ""
        if head.poss:
            poss = POSSESSIVE.get(head.poss, "its")
            if head.poss == "3MS" and head.en in self.irr.personal:
                poss = "his"  # بلاده: his country (a speaker's), not "its country"
            if determiner and determiner not in ("this", "that", "these", "those"):
                # بعض قواتها: some of its forces; كل قواتها: all its forces; المزيد من: more of
                of = determiner.endswith((" of", "all"))
                determiner = f"{determiner} {poss}" if of else f"{determiner} of {poss}"
            else:
                determiner = poss
        elif own and (head.definite or self.definite(np)):
            if np.bare or (not determiner and self._generic(np)):
                pass  # مكافحة الإرهاب: the fight against terrorism
            elif not determiner or determiner.endswith((" of", "all")):
                determiner = f"{determiner} the".strip()  # some of the areas, all the countries
        elif not determiner and self._countable_singular(np):
            determiner = indefinite(core).split(" ", 1)[0]  # قرار مهم: an important decision
        return pointer, determiner

    def _generic(self, np: NounPhrase) -> bool:
        """Is a definite noun an abstract one English names with no article (الإرهاب:
        terrorism, الأمن والاستقرار: security and stability)? Not with a genitive (the security of
        the region) nor as a figure's or a name's word."""
        head = np.head
        return np.genitive is None and head.definite and head.number == "sg" and head.en in self.irr.generic

    def _gerund(self, head: Word) -> bool:
        """Is the head an English gerund (an Arabic verbal noun glossed in -ing: waging)?"""
        en = head.en
        if not en.endswith("ing") or head.number != "sg":
            return False
        return en.rsplit(" ", 1)[-1].lower() not in self.irr.countable_ing

    def _countable_singular(self, np: NounPhrase) -> bool:
        """An indefinite singular noun English counts (a decision), not a mass noun (support),
        a name, a figure, an expression, or a noun that looks plural."""
        head = np.head
        if head.fixed or head.pos != N or head.number != "sg" or head.mark or np_plural(np):
            return False
        word = head.en.split(" ")[-1].lower() if head.en else ""
        if word.endswith("ing") and word not in self.irr.countable_ing:
            return False  # a verbal noun: waging, not "a waging"
        if head.id and word in self.irr.plural_forms and self.irr.plural.get(word) != word:
            # an irregular plural the glossary gives as it is (مسلحون: gunmen, not "a gunmen"); not
            # one the singular shares (a Saudi aircraft), nor the lexicon's singular (شعب: a people)
            return False
        return bool(word) and word.isalpha() and word not in self.irr.uncountable

    def definite(self, np: NounPhrase) -> bool:
        if np.head.definite:
            return True
        g = np.genitive
        while g is not None:
            if g.head.definite or g.head.pos == NAME or g.head.poss:
                return True
            g = g.genitive
        return False

    def _name(self, w: Word) -> str:
        """A name's English in running text: "the" before one English names with it (the
        United States, the Security Council, the Gaza Strip: its last word is in english.yaml's
        the_names), not before a figure, a one-word name or one that has it already."""
        if w.pos != NAME or w.mark or " " not in w.en:
            return w.en
        return _with_the(w.en, self.irr.the_names)

    def _noun(self, w: Word) -> str:
        if w.number in _MANY:
            return w.plural_en or self._plural(w.en)
        return w.en

    def _plural(self, en: str) -> str:
        """english.plural of a noun, kept per noun: a corpus says the same plurals again and again."""
        hit = self._plurals.get(en)
        if hit is None:
            hit = plural(en, self.irr)
            if len(self._plurals) < _MAX_PLURALS:
                self._plurals[en] = hit
        return hit


def quantifier(w: Word, nxt: Word) -> str:
    """بعض المناطق: some of the areas; كل يوم: every day; كل الدول: all the countries."""
    if nxt.pos not in NOMINAL or nxt.conj or nxt.prep:
        return w.en
    if w.id == "q-kull":
        return "every" if not nxt.definite and not nxt.poss and nxt.number == "sg" else w.en
    return f"{w.en} of" if nxt.definite or nxt.poss else w.en


def determines(w: Word, nxt: Word | None) -> bool:
    """Is `w` a demonstrative or a quantifier before its noun? أي before a figure, a name or a
    definite noun is "that is" (أي 13 مقعدا, أي إيران), no determiner; before an indefinite noun
    it is "any" (أي بلد آخر: any other country)."""
    pos = w.pos  # (read first: this runs for every phrase, and most words are no pronoun)
    if pos != PRON:
        return pos == N and _any(w, nxt)
    if _any(w, nxt):
        return True
    if not (w.id.startswith("dem-") or w.id in QUANTIFIERS or w.id in PARTITIVES):
        return False
    return w.id not in _ANY or nxt is None or not (nxt.pos in (NUM, NAME) or nxt.definite)


def _year(w: Word) -> bool:
    """A year's number after عام/سنة: 4 digits, 1900 to 2099."""
    en = w.en
    return w.pos == NUM and len(en) == 4 and en.startswith(("19", "20")) and en.isdigit() and not w.conj


def _any(w: Word, nxt: Word | None) -> bool:
    """أية / آية before an indefinite noun: "any" (news spells it both ways: لم تشارك في آية
    عمليات), not the Quranic verse the lexicon reads آية as."""
    if nxt is None or nxt.pos != N or nxt.definite or nxt.poss or not w.text.endswith("ية"):
        return False
    if nxt.conj or nxt.prep or w.pos not in (N, PRON) or w.definite or w.poss:
        return False
    form = folded(w.text)
    return form.endswith("ايه") and len(form) - 3 <= (w.conj != "") + (w.prep != "")


def _on_behalf(s: State) -> bool:
    """Does باسم and a noun phrase follow (المتحدث باسم الوزارة: the spokesman for the ministry)?"""
    if s.i + 1 >= len(s.words):
        return False
    w, nxt = s.words[s.i], s.words[s.i + 1]
    return w.id == _ON_BEHALF and not w.conj and nxt.pos in NOMINAL and not (nxt.conj or nxt.prep)


def np_plural(np: NounPhrase) -> bool:
    """Is a noun phrase plural in English (its head noun, or a name that reads as one)?"""
    return word_plural(np.head)


def word_plural(head: Word) -> bool:
    """Is a phrase with this head plural in English (see np_plural)?"""
    if head.number in _MANY:
        return True
    reads = _READS_PLURAL.get(head.en)  # (a dict looked up: quicker than an LRU cache's call)
    counts, looks_plural = _reads_plural(head.en) if reads is None else reads
    if head.pos == NUM:  # a figure: 3 soldiers, about 2,000 killed; not 1 soldier
        return counts
    return head.pos in (NAME, PHRASE, N) and looks_plural


def _reads_plural(en: str) -> tuple[bool, bool]:
    """(as a figure's English, does it count more than one; does its last word look plural),
    kept per English text in _READS_PLURAL: a corpus repeats its words."""
    words = en.split()
    counts = len(words) > 1 and words[0] not in ("1", "one", "a")
    word = words[-1] if words else ""
    # a name, an expression, or a broken plural the lexicon glosses in the plural (الحدود: borders)
    looks = word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "news", "series"))
    reads = counts, looks and word not in _ONE_STATE
    if len(_READS_PLURAL) < 1 << 14:
        _READS_PLURAL[en] = reads
    return reads


_READS_PLURAL: dict[str, tuple[bool, bool]] = {}


@functools.lru_cache(maxsize=1 << 12)
def _with_the(en: str, the_names: frozenset[str]) -> str:
    """A name with "the" when its head word (the last before "of", "for" or "to": the
    Organisation for the Prohibition of Chemical Weapons, the Ministry of Defence of Russia) is one
    of `the_names`; kept per name, as a corpus names the same actors again and again."""
    if en.startswith(("the ", "The ")):
        return en
    head = en.split(" of ", 1)[0].split(" for ", 1)[0].split(" to ", 1)[0]
    return "the " + en if head.rsplit(" ", 1)[-1] in the_names else en


# the last word of a name English treats as one (the United States is, the Netherlands has)
_ONE_STATE = frozenset({"States", "Nations", "Emirates", "Netherlands", "Philippines", "Maldives", "Comoros"})
