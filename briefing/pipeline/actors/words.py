"""What a word can be in a name: the word sets every actor rule reads, and the per-word tests built
on them (can this token be part of a person's name, does it carry the article, is it a name
token of the name table …), answered once per word and cached across documents.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from briefing.pipeline.actors.document import Tokens
from briefing.pipeline.actors.lexicon import NameLexicon
from briefing.pipeline.wordslots import WordValues
from briefing.resources import Resources
from briefing.resources.schema import ActorRulesFile, ActorsFile, GivenNamesFile
from briefing.text.bama import Analysis, Analyzer, shared_analyzer
from briefing.text.normalize import PROCLITICS, fold, has_arabic
from briefing.text.transliterate import Transliterator

# Proclitics written before the article (وال, بال, لل …): a word that opens with one opens a
# phrase (للإنتاج, بالنتيجة), not a name.
ARTICLE_PROCLITICS = tuple(c for c in PROCLITICS if c.endswith(("ال", "لل")))
# Proclitics that stand before a noun or a name: all but the article forms and the future's س,
# which stands only before a verb.
NOUN_PROCLITICS = tuple(c for c in PROCLITICS if not c.endswith(("ال", "لل", "س")))
ONE_LETTER_PROCLITICS = tuple(c for c in NOUN_PROCLITICS if len(c) == 1)  # و ف ب ل ك
# A first name of another language opens a name before an unknown word from this much evidence
# in the name table, and this many letters.
FOREIGN_MIN_COUNT, FOREIGN_MIN_LETTERS = 5, 4
# عبد + ال + a word of three letters or more: a theophoric name written as one word.
THEOPHORIC_MIN_LETTERS = 8


# `fold` of a word as written, for the rules that fold a token's text (or its proclitic) each time
# they read it: camel-tools' folding is some microseconds a call, and the words repeat.
fold_word = functools.lru_cache(maxsize=1 << 16)(fold)


def folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def nationalities(resources: Resources) -> frozenset[str]:
    """Folded nationality adjectives with the article, singular and plural: الإيراني, الإيرانيون."""
    return frozenset(
        "ال" + fold(d) + end
        for e in resources.actors
        for d in e.demonym_ar
        if " " not in d
        for end in ("", "ون", "ين")
    )


@dataclass(frozen=True)
class WordTables:
    """Word sets (folded unless said otherwise) that the rule families share."""

    translit: Transliterator
    known: frozenset[str]  # every word some component's patterns use
    only_names: frozenset[str]  # words that are only ever names
    resource_words: frozenset[str]  # words resources use other than as a person's name
    given: frozenset[str]  # given names: they open a person's name
    weak_given: frozenset[str]  # given names spelt like function words (علي for على)
    common: frozenset[str]  # words a corpus uses outside names far more often than in one
    non_name: frozenset[str]
    non_name_raw: frozenset[str]  # as written
    connectors: frozenset[str]  # بن, أبو, آل …
    patronymics: frozenset[str]
    kunyas: frozenset[str]
    compound_first: frozenset[str]  # first words of two-word given names: عبد, أبو, أم
    compound_second: frozenset[str]
    name_endings: frozenset[str]
    analyzer: Analyzer | None = None  # the Buckwalter analyser, when installed
    particles: frozenset[str] = frozenset()  # دي, فان: between two name words
    theophoric: frozenset[str] = frozenset()  # عبد: the word after it is the name's, whatever it is
    family: frozenset[str] = frozenset()  # أبو, آل: the word after one is the name's, whatever it is


def _given_names(
    resources: Resources, non_name: frozenset[str], patronymics: frozenset[str], connectors: frozenset[str]
) -> frozenset[str]:
    # The first words of the people the gazetteer knows open names too (صدام، شون); not a
    # connector that opens a short form (ولد of ولد الشيخ أحمد), unless listed as a given name
    # (أبو, عبد): ولد فرويد is "Freud was born".
    known_first = {
        fold(s).split()[0]
        for e in resources.actors
        if e.type == "PERSON"
        for s in e.surfaces_ar
        if len(s.split()) > 1 and not fold(s).startswith("ال")
    }
    listed = folded(resources.get("given_names", GivenNamesFile).given_names)
    # The oblique forms of أبو (أبي, أبا) open names as it does.
    joining = frozenset(c for c in connectors if not c.startswith("اب"))
    return (listed | (known_first - joining)) - non_name - patronymics


def build_word_tables(resources: Resources, known: frozenset[str], lexicon: NameLexicon) -> WordTables:
    rules = resources.get("actor_rules", ActorRulesFile)
    non_name, patronymics = folded(rules.non_name_words), folded(rules.patronymics)
    given = _given_names(resources, non_name, patronymics, folded(rules.name_connectors))
    # Given names that are function words as written in careless spelling (علي for على):
    # they open a name only when another name word follows.
    weak_given = folded(rules.non_name_words_as_written) & given
    # Words a corpus uses outside names far more often than in one (amal "hope", ramadan):
    # never read as names, whatever the name lexicon says.
    common = frozenset(
        w for f in resources.files.values() if isinstance(f, ActorsFile) for w in f.common_words
    )
    return WordTables(
        translit=lexicon.translit,
        known=known,
        only_names=lexicon.only_names,
        # Words some resource uses, other than as a person's name: they do not start or extend one.
        resource_words=known - lexicon.only_names,
        given=given,
        weak_given=weak_given,
        common=common - weak_given,
        non_name=non_name,
        # Raw, unfolded: "على" folds to "علي" (Ali), so function words are checked before folding.
        non_name_raw=frozenset(rules.non_name_words_as_written),
        connectors=folded(rules.name_connectors),
        patronymics=patronymics,
        kunyas=folded(rules.kunyas),
        compound_first=folded(rules.kunyas) | folded(rules.theophoric_first),
        compound_second=folded(rules.compound_second),
        name_endings=folded(rules.name_endings),
        analyzer=shared_analyzer(),
        particles=folded(rules.name_particles),
        theophoric=folded(rules.theophoric_first),
        family=folded(rules.family_connectors),
    )


@dataclass
class WordCaches:
    """Per-word answers, kept across documents; cleared whenever the tables are rebuilt."""

    nameish: dict[int, bool] = field(default_factory=dict)  # per orth
    article: dict[int, bool] = field(default_factory=dict)  # per orth: clitic and article go together
    name_token: dict[str, bool] = field(default_factory=dict)  # per norm
    glued: dict[int, tuple[str, int] | None] = field(default_factory=dict)  # per norm hash
    inflected: dict[str, bool] = field(default_factory=dict)  # per word as written
    singular_verb: dict[str, bool] = field(default_factory=dict)  # per word as written
    no_name: dict[str, bool] = field(default_factory=dict)  # per word as written
    name_en: dict[str, str] = field(default_factory=dict)  # per folded name
    foreign_name: dict[str, bool] = field(default_factory=dict)  # per norm
    forms: WordValues = field(default_factory=WordValues)  # per orth: forms.py

    def clear(self) -> None:
        for cache in (self.nameish, self.article, self.name_token, self.glued, self.name_en, self.inflected):
            cache.clear()
        self.no_name.clear()
        self.singular_verb.clear()
        self.foreign_name.clear()
        self.forms = WordValues()


class Words:
    """The per-word tests on one document's tokens."""

    def __init__(self, a: Tokens, tables: WordTables, caches: WordCaches) -> None:
        self.a = a
        self.t = tables
        self.caches = caches

    def nameish(self, i: int, *, first: bool = False) -> bool:
        """Can token i be part of a person's name? Only a name's `first` word may carry a
        proclitic (وسمير نوار, لمحمد): inside a name, و starts the next one."""
        a = self.a
        orth = a.orths[i]
        ok = self.caches.nameish.get(orth)
        if ok is None:
            ok = self.caches.nameish[orth] = self._nameish(a.strings[orth], a.word(i))
        return ok and (first or not self.skip(i))

    def _nameish(self, text: str, norm: str) -> bool:
        t = self.t
        whole = fold(text)  # وجود is a word before it is و + the name جود
        # بمواجهة, لمستشاريه: a preposition on an everyday word the normaliser did not know.
        glued = whole[:1] in ONE_LETTER_PROCLITICS and whole[1:] in t.common
        return (
            text.isalpha()
            and has_arabic(text)
            and not (whole != norm and self.one_word(text))
            and len(norm) >= 2
            and norm not in t.non_name
            and text not in t.non_name_raw
            and (whole == norm or not (whole in t.non_name or whole in t.common))
            and not (glued and whole == norm and norm not in t.given and not self.name_token(norm))
        )

    def readings(self, raw: str) -> tuple[Analysis, ...]:
        """The Buckwalter readings of a word as written; () without the analyser."""
        analyzer = self.t.analyzer
        return analyzer.analyse(raw) if analyzer is not None else ()

    def one_word(self, raw: str) -> bool:
        """Does the analyser read the word whole, with no prefix (وكيل "agent", not و + كيل)?"""
        return any(not r.prefix.form and r.stem.form.startswith("w") for r in self.readings(raw))

    def name_like(self, raw: str) -> bool:
        """Does the analyser read the word only as a name (its glosses capitalised: غالواي
        "Galway"), or not at all?"""
        return self.t.analyzer is not None and all(r.stem.gloss[:1].isupper() for r in self.readings(raw))

    def may_be_name(self, raw: str) -> bool:
        """Has the word a reading as a name (every sense of the gloss capitalised: برضا "Rida;Reza"),
        or none at all? Not بآيات, read only as "Quranic verse;miracle;sign"."""
        readings = self.readings(raw)
        return not readings or any(_name_gloss(r.stem.gloss) for r in readings)

    def read_as_name(self, raw: str) -> bool:
        """Does the analyser read the word, and only as a name (لإسماعيل "Ismail"; not عمر "Omar;
        life", not بآيات "Quranic verse;miracle")?"""
        readings = self.readings(raw)
        return bool(readings) and all(_name_gloss(r.stem.gloss) for r in readings)

    def proper_first(self, i: int) -> bool:
        """Is token i a word no resource knows that the analyser reads, and only as a proper noun
        (بريدراغ "Predrag", عبدالسلام "Abdel Salam")? The analyser's lexicon names people far more
        often than places, and the places it names the gazetteer knows: such a word may open a
        name."""
        return self.unknown_word(i) and self.proper_noun(self.a.raw(i))

    def proper_noun(self, raw: str) -> bool:
        """Does the analyser read the word, and only as a proper noun (not إيرانية "Iranian", an
        adjective, nor أتلانتيك "Atlantic", a noun, whose glosses are capitalised too)?"""
        readings = self.readings(raw)
        return bool(readings) and all("NOUN_PROP" in r.tags and _name_gloss(r.stem.gloss) for r in readings)

    def foreign(self, raw: str) -> bool:
        """A word the analyser cannot read at all (غريفيت, بيرت): no Arabic word, so a foreign name
        where a name may go on."""
        return self.t.analyzer is not None and not self.readings(raw)

    def skip(self, i: int) -> int:
        """Characters of proclitic to leave out of a name that starts at token i."""
        a = self.a
        clitic = a.clitics.get(i, 0)
        if not clitic:
            return 0
        # ك is rarely a proclitic on a name and often a name's first letter: كليمان is not
        # ك + ليمان, though the normaliser, knowing the name ليمان, takes it off.
        return 0 if fold_word(a.raw(i)[:clitic]) == "ك" and a.word(i) in self.t.only_names else clitic

    def article(self, i: int) -> bool:
        """Does token i open with the article? Read on the raw word: أل and إل open names
        (ألبرت, إلياس), not the article, though they fold to ال."""
        orth = self.a.orths[i]
        hit = self.caches.article.get(orth)
        if hit is None:
            text = self.a.strings[orth][self.skip(i) :]
            # والروعة with its proclitic still on (the normaliser knew no الروعة) has the article too.
            hit = self.caches.article[orth] = (
                text.startswith(("ال", "ٱل")) or fold(text).startswith(ARTICLE_PROCLITICS)
            ) and not self._foreign_al(text)
        return hit

    def _foreign_al(self, text: str) -> bool:
        """A name whose ال is no article: one of the name table that the analyser cannot read,
        and that without ال is no name (اليستر Alistair; السقاف is ال + سقاف), or one the
        analyser reads only as a proper noun whose stem holds the ال (الياس Elias, الفارو
        Alvaro; not الحسين, read as ال + Hussein, nor الله)."""
        if not text.startswith("ال") or self.t.analyzer is None:
            return False
        readings = self.readings(text)
        word = fold(text)
        if readings:
            # Not الله, which the name table spells as an Arabic name with the article.
            return word not in self.t.translit.arabic_style and all(
                not r.prefix.form and r.tags == ("NOUN_PROP",) for r in readings
            )
        table = self.t.translit.table
        return word in table and word[2:] not in table

    def name_token(self, norm: str) -> bool:
        """Is `norm` a person-name token of the name table, or a theophoric name written as one
        word (and no everyday word)?"""
        hit = self.caches.name_token.get(norm)
        if hit is None:
            hit = self.caches.name_token[norm] = norm not in self.t.common and (
                self.t.translit.is_name_token(norm) or self.theophoric_glued(norm)
            )
        return hit

    def theophoric_glued(self, norm: str) -> bool:
        """Is `norm` a theophoric name written as one word, عبد and a divine name with the article
        (عبدالفتاح، عبدالهادي، عبدالغني)? Whatever the name table holds, عبد + ال + a word opens
        no everyday word."""
        return len(norm) >= THEOPHORIC_MIN_LETTERS and norm[:3] in self.t.theophoric and norm[3:5] == "ال"

    def name_word(self, norm: str) -> bool:
        """A given name or a name token: a word names are made of."""
        return norm in self.t.given or self.name_token(norm)

    def foreign_first(self, norm: str) -> bool:
        """A first name of another language that names people often (فرانك, أناستازيا): before an
        unknown word it opens a name. Arabic-looking name words are everyday words too often."""
        translit = self.t.translit
        hit = translit.table.get(norm)
        return (
            hit is not None
            and hit[1] >= FOREIGN_MIN_COUNT
            and len(norm) >= FOREIGN_MIN_LETTERS
            and norm not in translit.arabic_style
        )

    def foreign_name(self, norm: str) -> bool:
        """A name of the name table that people often bear, or another spelling of one (دونكان of
        دنكان), that the analyser cannot read: no everyday word, whatever its spelling looks like
        (ساندرا, ارنولد). Before a name word or another unreadable word it opens a name."""
        hit = self.caches.foreign_name.get(norm)
        if hit is None:
            hit = self.caches.foreign_name[norm] = self._foreign_name(norm)
        return hit

    def _foreign_name(self, norm: str) -> bool:
        translit = self.t.translit
        if len(norm) < FOREIGN_MIN_LETTERS or norm in translit.stopwords or not self.foreign(norm):
            return False
        token = norm if norm in translit.table else translit.variant_of(norm)
        # Not a place the table lists among its stopwords either (سيدني, Sydney).
        return (
            token is not None
            and token not in translit.stopwords
            and translit.table[token][1] >= FOREIGN_MIN_COUNT
        )

    def unknown_word(self, i: int, *, proclitic: bool = False) -> bool:
        """Is token i a word no resource knows and no corpus uses as an everyday word (with a
        proclitic the normaliser took off only when `proclitic`: a name's first word)?"""
        norm = self.a.word(i)
        return (
            len(norm) >= 3
            and norm not in self.t.resource_words
            and norm not in self.t.common
            and (proclitic or not self.a.clitics.get(i))
            and self.nameish(i, first=proclitic)
            and not self.article(i)
        )

    def everyday(self, raw: str, *, bare: bool = False) -> bool:
        """Does the analyser read the word, and never as a name (المصنف "classified", not الراشد
        "Rashid")? `bare`: reading only the word itself, at most with the article, and no first
        person's pronoun on it (a foreign name reads as a proclitic and a word, or as "my" a
        word, too: وير "Weir" as و + a verb, همتي "Hemmati" as "my zeal")."""
        readings = self.readings(raw)
        if bare:
            readings = tuple(
                r
                for r in readings
                if r.prefix.form in ("", "Al") and not any("PRON_1" in t or "_DO:1" in t for t in r.tags)
            )
        return bool(readings) and not any(_name_gloss(r.stem.gloss) for r in readings)

    def inflected_word(self, raw: str) -> bool:
        """Does the analyser read the word, never as a name, and always inflected as names are not
        (a verb, a pronoun on it, an indefinite accusative, a dual or a plural: مدرسا "a teacher",
        أضاعا "they both missed", هويتها "her identity")? Then it ends a name (أينشتاين مدرسا)."""
        hit = self.caches.no_name.get(raw)
        if hit is None:
            readings = self.readings(raw)
            # A reading with a proclitic is no evidence: foreign names read as one (لوكوك as
            # ل + a verb).
            hit = self.caches.no_name[raw] = bool(readings) and all(
                not r.prefix.form and not _name_gloss(r.stem.gloss) and _inflection(r.tags) for r in readings
            )
        return hit

    def clause_word(self, raw: str) -> bool:
        """Does the analyser read the word, never as a name, always inflected as `inflected_word`
        says (a third person's pronoun on it above all), whatever proclitic it reads on it
        (فتابعها "and he passed it on", لإقناعهم "to persuade them")? A second person's reading is
        no evidence, nor ف and a bare verb: foreign names read as those (لوكوك, فيرجسون); nor
        the article on a dual: family names read as one (الخيارين "the two options")."""
        readings = self.readings(raw)
        return bool(readings) and all(
            not _name_gloss(r.stem.gloss)
            and "Al" not in r.prefix.form
            and not any(":2" in t or "PRON_2" in t for t in r.tags)
            and _inflection(r.tags)
            for r in readings
        )

    def suffixed_word(self, raw: str) -> bool:
        """Is the word a dual or a plural the analyser cannot read of a word it reads (اتصالين of
        اتصال "call"; not بجماليون, whose بجمالي reads only as ب + a word)? No foreign name, then."""
        return raw.endswith(_NUMBER_SUFFIXES) and any(not r.prefix.form for r in self.readings(raw[:-2]))

    def verb_only(self, raw: str) -> bool:
        """Does the analyser read the word, and only as a verb, never as a name (أسست "she
        founded", يصمم "he designs")? Then it follows a name; it is none of its words. Not one
        read with a proclitic: foreign names read so (فيرجسون as ف + a verb, لوكوك as ل + one)."""
        readings = self.readings(raw)
        return bool(readings) and all(
            _verb(r.tags) and not _name_gloss(r.stem.gloss) and all(t.startswith(_VERB_TAGS) for t in r.tags)
            for r in readings
        )

    def singular_verb(self, raw: str) -> bool:
        """Does the analyser read the word only as a verb, and as one of the third person singular
        (وحظي "and he obtained", ومرر "and he passed"), a conjunction before it or not?"""
        hit = self.caches.singular_verb.get(raw)
        if hit is None:
            readings = self.readings(raw)
            hit = (
                bool(readings)
                and all(_verb(r.tags) and not _name_gloss(r.stem.gloss) for r in readings)
                and any(t in _SINGULAR_THIRD for r in readings for t in r.tags)
            )
            self.caches.singular_verb[raw] = hit
        return hit

    def function_word(self, raw: str) -> bool:
        """Has the analyser a reading of the word as a function word or an adverb (أمس "yesterday",
        ذلك "that", بعد "after")?"""
        return any(r.stem.pos.startswith(_FUNCTION_POS) for r in self.readings(raw))

    def possessed(self, raw: str) -> bool:
        """Can the analyser read the word as a noun with a pronoun on it (عمه "his uncle", أخيها
        "her brother"), and never as a proper noun?"""
        readings = self.readings(raw)
        return any(r.stem.pos == "NOUN" and "POSS_PRON" in " ".join(r.tags) for r in readings) and not any(
            "NOUN_PROP" in t for r in readings for t in r.tags
        )

    def inflected(self, raw: str) -> bool:
        """Is the word as written a verb or a word with a third person's pronoun on it, never a
        proper noun (قولهما, معاليه, تقاتل)? Then it is no name the lexicons do not know."""
        hit = self.caches.inflected.get(raw)
        if hit is None:
            tags = [r.tags for r in self.readings(raw)]
            hit = self.caches.inflected[raw] = (
                bool(tags)
                and not any("NOUN_PROP" in t for t in tags)
                and (all(any(_third_person(x) for x in t) for t in tags) or any(_verb(t) for t in tags))
            )
        return hit


def _inflection(tags: tuple[str, ...]) -> bool:
    """A reading inflected as no name is: an indefinite accusative or a dual (مدرسا), a third
    person's pronoun on it (هويتها، فتابعها) or a verb's dual or plural subject (أضاعا). Not a
    first person's pronoun or a bare verb form: foreign names read as those (ميسي "my swagger")."""
    return any(
        "_ACC_INDEF" in t or "_DU_" in t or _third_person(t) or t.startswith(_PLURAL_SUBJECTS) for t in tags
    )


# The analyser's parts of speech of function words and adverbs.
_FUNCTION_POS = ("ADV", "DEM", "PRON", "PREP", "CONJ", "SUB_CONJ", "PART", "REL", "INTERROG", "NEG", "FUT")
_VERB_TAGS = ("VERB_", "PVSUFF_", "IVSUFF_", "IV1", "IV2", "IV3")  # a verb's own tags, no proclitic's
_SINGULAR_THIRD = frozenset({"PVSUFF_SUBJ:3MS", "PVSUFF_SUBJ:3FS", "IV3MS", "IV3FS"})
_NUMBER_SUFFIXES = ("ين", "ان", "ون", "ات")  # the endings of duals and sound plurals
_PLURAL_SUBJECTS = ("PVSUFF_SUBJ:3MD", "PVSUFF_SUBJ:3FD", "PVSUFF_SUBJ:3MP", "PVSUFF_SUBJ:3FP")


def _name_gloss(gloss: str) -> bool:
    """Is every sense of a Buckwalter gloss a name (capitalised: "Rida;Reza")?"""
    return all(g[:1].isupper() for g in gloss.split(";"))


def _third_person(tag: str) -> bool:
    """A pronoun suffix of the third person: POSS_PRON_3MS, PVSUFF_DO:3D, IVSUFF_DO:3FS …"""
    return ("PRON_3" in tag or "_DO:3" in tag) and "SUBJ" not in tag


def _verb(tags: tuple[str, ...]) -> bool:
    return any(t.startswith("VERB_") for t in tags)
