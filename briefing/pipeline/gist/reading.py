"""Read each token of a span into a Word: the glossary first, then the Buckwalter analyses.

A token may carry proclitics (و ف, ب ل ك, the article ال, the future's س) and suffixes (a
possessive or object pronoun, the feminine, dual and plural endings); they become the Word's
features, and the stem's English its `en`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container, Mapping, Sequence

from mypy_extensions import mypyc_attr

from briefing.pipeline.gist.lexicon import GistTables
from briefing.pipeline.gist.words import (
    ADJ,
    ADV,
    CONJ,
    NAME,
    NUM,
    PART,
    PREP,
    PRON,
    PUNCT,
    N,
    V,
    Word,
    folded,
)
from briefing.resources.schema import GlossEntry
from briefing.text.bama import Analysis, from_buckwalter
from briefing.text.english import gerund
from briefing.text.normalize import has_arabic

# A folded nisba: article?, the stem, the ending (ي, يه, يين, يون, يات).
_NISBA = re.compile(r"^(ال)?(.{3,}?)(يه|ي|يين|يون|يات)$")
_GLOSS_POS = {
    "noun": N,
    "adj": ADJ,
    "verb": V,
    "prep": PREP,
    "conj": CONJ,
    "part": PART,
    "pron": PRON,
    "adv": ADV,
    "phrase": N,
    "num": NUM,
}
_CONJ = {"و": "and", "ف": "so"}
# words an alif may end without changing what they are: the accusative's (وقتا), a dual verb's
# (اتفقا), a quantifier's (جميعا); not a particle's or a preposition's (لنا is "to us", not لن)
_ALIF_POS = frozenset({"noun", "adj", "adv", "num", "phrase", "verb", "pron"})
_PREP = {"ب": "prep-bi", "ل": "prep-li", "ك": "prep-ka"}
# The stem's part of speech in the lexicon → the word class of the rules.
_BAMA_POS = {
    "NOUN": N,
    "NOUN_PROP": NAME,
    "ADJ": ADJ,
    "VERB_PERFECT": V,
    "VERB_IMPERFECT": V,
    "VERB_IMPERATIVE": V,
    "PREP": PREP,
    "CONJ": CONJ,
    "SUB_CONJ": CONJ,
    "ADV": ADV,
    "NEG_PART": PART,
    "FUNC_WORD": PART,
    "REL_PRON": PRON,
    "DEM_PRON_F": PRON,
    "DEM_PRON_MS": PRON,
    "DEM_PRON_MP": PRON,
    "DEM_PRON_FS": PRON,
    "DEM_PRON_MD": PRON,
    "DEM_PRON_FD": PRON,
    "NUM": NUM,
}


def split_clitics(
    folded: str, known: Container[str], *, keyed_with_article: bool = False
) -> tuple[str, str, bool, str] | None:
    """(conjunction, preposition, article, stem) of a folded token whose stem is `known`, else None.

    Longest stem first: وبالقوات is و + ب + ال + قوات; "لل" is ل + ال. With `keyed_with_article`
    (the expressions' first words, kept with their ال), لل + X is also ل + الX (للدول الأعضاء);
    not for single words, where it would read لليوم "for the day" as ل + اليوم "today".
    """
    conj = folded[0] if folded[:1] in _CONJ else ""
    for c in (conj, ""):
        rest = folded[len(c) :]
        prep = rest[0] if rest[:1] in _PREP else ""
        for p in (prep, ""):
            body = rest[len(p) :]
            if p == "ل" and body.startswith("ل") and body[1:] in known:
                return c, p, True, body[1:]
            if keyed_with_article and p == "ل" and body.startswith("ل") and "ا" + body in known:
                return c, p, False, "ا" + body  # للدول الأعضاء: ل + an expression keyed with its ال
            if body.startswith("ال") and body[2:] in known and len(body) > 3:
                return c, p, True, body[2:]
            if body in known and (body == folded or len(body) >= 3):
                return c, p, False, body
    return None


def _features(analysis: Analysis) -> dict[str, object]:
    """Features of a Word from one Buckwalter analysis (prefix, stem and suffix tags)."""
    out: dict[str, object] = {"number": "sg", "definite": False}
    for tag in analysis.prefix.tags:
        if tag == "DET":
            out["definite"] = True
        elif tag == "FUT":
            out["tense"] = "future"
        elif tag.startswith("IV") and len(tag) > 2:
            out["person"] = tag[2:]
    for tag in analysis.suffix.tags:
        _suffix_feature(tag, out)
    if analysis.stem.pos in ("NOUN", "ADJ") and "obj" in out:
        out["poss"] = out.pop("obj")
    pos = analysis.stem.pos
    if pos == "VERB_PERFECT":
        out.setdefault("tense", "past")
    elif pos == "VERB_IMPERFECT":
        out.setdefault("tense", "present")
    elif pos == "VERB_IMPERATIVE":
        out["tense"] = "imperative"
    return out


def _suffix_feature(tag: str, out: dict[str, object]) -> None:
    if tag.startswith("POSS_PRON_"):
        out["poss"] = tag[len("POSS_PRON_") :]
    elif "_DO:" in tag:
        out["obj"] = tag.split(":", 1)[1]
    elif tag.startswith("PRON_"):
        out["obj"] = tag[len("PRON_") :]
    elif tag.startswith(("PVSUFF_SUBJ:", "IVSUFF_SUBJ:")):
        person = tag.split(":", 1)[1].split("_")[0]
        out["person"] = person if person[0].isdigit() else "3" + person
    elif tag.endswith("_ACC_INDEF"):
        out["adverbial"] = True  # -ًا: داخليا "internally", when no noun before agrees
    elif "_DU" in tag:
        out["number"] = "du"
    elif "_PL" in tag:
        out["number"] = "pl"


def _context(before: Word | None) -> tuple[str, bool, bool | None]:
    """What _rank reads of the word before, worked out once per word rather than per reading:
    its class as the ranking sees it, whether only a verb may follow it, its definiteness."""
    if before is None:
        return "", False, None
    bid = before.id
    relative = bid.startswith("rel-")
    if relative:
        after = PART  # الذي قتل: a verb follows a relative pronoun
    elif bid.startswith("tam"):
        after = PREP  # تم نشر: a verbal noun follows تم
    else:
        after = before.pos
    # after a relative pronoun or a particle that only a verb follows (قد تغير: has changed)
    return after, relative or bid in _VERBAL_PARTICLES, before.definite


def _rank(
    analysis: Analysis, context: tuple[str, bool, bool | None], nominal: bool, noun: bool = False
) -> tuple[int, ...]:
    """Lower is better: readings that news prose makes likely, given the previous word's class.

    `nominal`: the word has a noun or adjective reading too. A bare verb form that is also a
    noun (سحب: withdrew, withdrawal) is read as the noun unless a verbal particle (قد, لم, لن …)
    comes first: reported content is far more often a verbal noun phrase. `noun`: a noun reading
    with any affix; right after a verb it is the verb's object (ستواصل دعمها: its support). After
    a noun, an adjective reading beats a noun one (القوات السورية: the Syrian forces).
    """
    pos = analysis.stem.pos
    tags = analysis.tags
    verb = pos.startswith("VERB")
    after, verbal, definite = context
    # An adjective agrees with its noun in definiteness: الحكومة السورية, not تحرير المدينة.
    agrees = definite is not None and definite == ("DET" in analysis.prefix.tags)
    person = next((t for t in tags if t.startswith(("IV", "PVSUFF_SUBJ")) and t != "IV"), "")
    third = not person or "3" in person or person.endswith(("MP", "FP", "MD", "FD"))
    bare_verb = verb and not analysis.prefix.form and not analysis.suffix.form and nominal
    return (
        0 if third else 1,  # news reports: he, she, they; rarely I or you
        0 if _RARE_PROCLITICS.isdisjoint(analysis.prefix.tags) else 1,  # لَـ emphatic: rare in reports
        1 if bare_verb and after != PART else 0,
        1 if verbal and not verb else 0,  # التي تبذلها: which it makes, not "which its banality"
        1 if verb and after == V and noun else 0,
        1 if verb and after in (N, PREP, NUM) and nominal else 0,
        1 if verb and after in ("", N, ADJ, PREP, NUM) and noun and _object(analysis) else 0,
        0 if pos == "ADJ" and after in (N, ADJ) and agrees else 1,
        1 if analysis.stem.gloss.startswith("be ") else 0,  # the active reading first
        len(analysis.prefix.form) + len(analysis.suffix.form),  # fewer affixes: وشيك is one word
        # a construct in -ي is a plural far more often than a dual (مسؤولي الأمم المتحدة: officials),
        # and than "my" (a report rarely says it)
        (2 if pos in ("ABBREV", "NOUN_PROP") else 0)
        + (1 if _DUAL_CONSTRUCT in analysis.suffix.tags or _MY in analysis.suffix.tags else 0),
    )


@mypyc_attr(allow_interpreted_subclasses=True)
class Reader:
    """Reads tokens into Words with the gist's tables."""

    def __init__(self, tables: GistTables, flag: Callable[[Word, str], int] = lambda word, text: 0) -> None:
        self.tables = tables
        # what the reader's user asks of every reading (of the Word and of the token's text), kept
        # with it (see read)
        self.flag = flag
        # A token's reading depends on its text and on what of the word before it the ranking
        # reads (its class, its article, and whether it is a relative pronoun or تم: see _rank and
        # _alone): kept, and shared, since a corpus repeats its words. One table per such context
        # (see after), each keyed by the token's text; a reading is kept with the context it
        # makes for the token after it, so that a run of tokens works out no context twice.
        self._contexts: dict[_Context, dict[str, Reading]] = {}
        self._cached = 0  # readings kept, over all the tables
        self._verbal: dict[str, str] = {}  # folded verbal noun → its English verb, or ""
        self._verbs_of_nouns: dict[str, tuple[str, bool]] = {}  # see verb_of_noun
        # a function word's id → _id_kind (one comes before every other token)
        self._id_kinds: dict[str, str] = {}
        # the tables of a span's first token (after(None, counted)), by `counted`: asked per span
        self.starts: tuple[After, After] = (self.after(None, False), self.after(None, True))

    def word(self, text: str, before: Word | None, *, counted: bool = False) -> Word:
        """The Word of one token; `before` is the word before it (None at the start). With
        `counted`, the figures' counted nouns (units.yaml) come before the glossary. The Word is
        kept and given again for the same token in the same context: the rules that change a
        word change a copy (Word.copy)."""
        return self.read(text, before, self.after(before, counted), counted)[0]

    def read(self, text: str, before: Word | None, after: After, counted: bool) -> Reading:
        """(the Word of one token, the context it makes for the next, its `flag`); `after`: the
        context `before` makes (Reader.after, or the Reading that gave it)."""
        table = after[1] if text.endswith(SOUND_MASC) else after[0]
        hit = table.get(text)
        if hit is None:
            word = self._word(text, before, counted)
            hit = (word, self.after(word, counted), self.flag(word, text))
            if self._cached < _MAX_CACHED:
                self._cached += 1
                table[text] = hit
        return hit

    def after(self, before: Word | None, counted: bool) -> After:
        """The tables of the readings of the tokens after `before`: (for most tokens, for those in
        -ين/-ون, which a plural noun before makes its adjectives: see _agreeing)."""
        plain: _Context
        masc: _Context
        if before is None:
            plain = masc = (counted, None, False, "")
        else:
            bid = before.id
            kind = ""
            if bid:  # most words have no glossary id
                kind = self._id_kinds.get(bid, "?")
                if kind == "?":  # not seen yet (the ids are the glossary's few hundred)
                    kind = self._id_kinds[bid] = _id_kind(bid)
            plain = masc = (counted, before.pos, before.definite, kind)
            if not kind and before.pos == N:
                # a possessive makes a noun definite, for the agreement (_alone)
                poss = "+poss" if before.poss else ""
                plain = (counted, N, before.definite, poss)
                masc = (counted, N, before.definite, ("many" if _many(before) else "") + poss)
        return self._table(plain), self._table(masc)

    def _table(self, context: _Context) -> dict[str, Reading]:
        """The readings in one context (made when first asked: setdefault would make a dict each time)."""
        table = self._contexts.get(context)
        if table is None:
            table = self._contexts[context] = {}
        return table

    def _word(self, text: str, before: Word | None, counted: bool) -> Word:
        if not has_arabic(text) or not text[0].isalpha():
            return self._other(text)
        form = folded(text)
        for table in (self.tables.counted, self.tables.words) if counted else (self.tables.words,):
            entry = table.get(form)
            if entry is None and form.endswith("ا"):
                # an ending alif (see _ALIF_POS)
                entry = table.get(form[:-1])
                entry = entry if entry is not None and entry.pos in _ALIF_POS else None
            if entry is not None:
                plain = self._from_entry(entry, text, "", "", False)
                # an indefinite accusative adjective: an adverb unless a noun before agrees (داخليا)
                plain.adverbial = _adverbial(entry, form, table)
                return (
                    self._verb(entry, text, before)
                    or self._agreeing(plain, before)
                    or self._person(_alone(plain, before, form), before)
                )
            split = split_clitics(form, table)
            if split is not None:
                conj, prep, article, stem = split
                word = self._verb(table[stem], text, before)
                if word is not None:
                    return word
                word = self._from_entry(table[stem], text, conj, prep, article)
                return self._agreeing(word, before) or self._person(_alone(word, before, stem), before)
        return self._analysed(text, before)

    def _agreeing(self, word: Word, before: Word | None) -> Word | None:
        """A plural nisba the glossary reads as a people (عسكريين: soldiers, مدنيين: civilians),
        after a plural noun with the same article, is that noun's adjective: مستشارين عسكريين,
        military advisers; المسؤولين السياسيين, the political officials. None otherwise."""
        analyzer = self.tables.analyzer
        if analyzer is None or before is None or word.pos != N or word.conj or word.prep:
            return None
        if before.pos != N or word.definite != (before.definite or bool(before.poss)) or not _many(before):
            return None
        if not folded(word.text).endswith(("يين", "يون")) or folded(before.text).endswith(_FEMININE_PLURAL):
            # a plural in -ات is no man's: its adjective is feminine (طائراتها المدنية), so a
            # masculine one after it is something else, the verb's object (تقصف بطائراتها المدنيين)
            return None
        # the lexicon gives some of these adjectives the dual only (عسكريين), or no plural at all
        # (عسكريون): then the singular's reading
        for form in (word.text, word.text[:-2]):
            for a in analyzer.analyse(form):
                if a.stem.pos == "ADJ" and (form != word.text or _MASC_SOUND.intersection(a.suffix.tags)):
                    adjective = self._from_analysis(a, word.text)
                    adjective.number = "pl"
                    return adjective
        return None

    def _person(self, word: Word, before: Word | None) -> Word:
        """A definite nisba read as an adjective that has no noun to agree with heads its phrase:
        it names a person, its noun reading in the lexicon (قال الصحفي: the journalist said, not
        "the press"; مقتل الصحفي, the killing of the journalist; المؤتمر الصحفي stays the press
        conference). Masculine singular only: a feminine one mostly qualifies a noun before it."""
        if word.pos != ADJ or not word.definite or word.number != "sg" or word.conj:
            return word
        # (a noun with a possessive is definite too: وجودها العسكري, its military presence)
        if before is not None and (
            before.pos in _QUALIFIED or (before.pos == N and (before.definite or before.poss))
        ):
            return word
        form = folded(word.text)
        analyzer = self.tables.analyzer
        if analyzer is None or not form.endswith("ي"):
            return word
        for a in analyzer.analyse(word.text):
            sense = a.first_sense
            if a.stem.pos == "NOUN" and a.stem.voc.endswith("iy~") and sense[:1].islower():
                noun = self._from_analysis(a, word.text)
                return noun if noun.pos == N and not noun.poss else word
        return word

    def verb_of_noun(self, text: str) -> tuple[str, bool]:
        """The English verb of a verbal noun, from the verb its pattern derives from (تدمير →
        دمّر: destroy; اعتقال → اعتقل: arrest; انسحاب → انسحب: withdraw), and whether it takes
        an object; ("", True) when none reads."""
        noun = folded(text).removeprefix("ال")
        hit = self._verbs_of_nouns.get(noun)
        if hit is None:
            hit = self._verb_of_noun(noun)
            if len(self._verbs_of_nouns) < _MAX_CACHED:
                self._verbs_of_nouns[noun] = hit
        return hit

    def _verb_of_noun(self, noun: str) -> tuple[str, bool]:
        analyzer = self.tables.analyzer
        if analyzer is None:
            return "", True
        for form, mark, transitive in verb_forms(noun):
            entry = self.tables.words.get(form)
            if entry is not None and entry.pos == "verb":  # the glossary's sense first: أطلق, launch
                return entry.en, transitive
            for a in analyzer.analyse(form):
                if a.stem.pos != "VERB_PERFECT" or a.prefix.form or not a.senses or mark not in a.stem.voc:
                    continue
                if not a.stem.gloss.startswith("be "):
                    return a.first_sense.split(" ")[0], transitive
        return "", True

    def verb_of_verbal_noun(self, word: Word) -> str:
        """The English verb of a word that is a verbal noun (إخراج: oust, شن: launch), else "".

        A derived pattern (II–X) is a verbal noun by its shape; a form I noun shares its verb's
        letters with nouns that are none (عدد number, not enumerate; منطقة area), so its verb
        must show in its English (دعم support, نقل transfer, بحث discussion: discuss)."""
        stem = folded(word.text)
        stem = stem[1:] if word.conj and stem[:1] in _CONJ else stem
        stem = stem[1:] if word.prep and stem[:1] in _PREP else stem
        hit = self._verbal.get(stem)
        if hit is None:
            verb, _ = self.verb_of_noun(stem)
            derived = len(verb_forms(stem)) > 1
            noun = word.en.split(" ")[-1]
            plausible = derived or noun.endswith("ing") or (len(verb) > 3 and noun.startswith(verb[:4]))
            hit = self._verbal[stem] = verb if plausible and verb in self.tables.verbs else ""
        return hit

    def passive_verb(self, text: str) -> Word | None:
        """The word read as a past passive verb of the third person (قتل: was killed), when the
        lexicon has that reading."""
        analyzer = self.tables.analyzer
        readings = analyzer.analyse(text) if analyzer is not None else ()
        passive = [
            a
            for a in readings
            if a.stem.pos == "VERB_PERFECT"
            and a.stem.gloss.startswith("be ")
            and any(t in ("PVSUFF_SUBJ:3MS", "PVSUFF_SUBJ:3FS") for t in a.suffix.tags)
        ]
        return self._from_analysis(passive[0], text) if passive else None

    def _verb(self, entry: GlossEntry, text: str, before: Word | None) -> Word | None:
        """A glossary verb with what its form says (tense, person, proclitics, an object
        pronoun), from the lexicon's verb readings of the word; None for other entries, or
        without the lexicon."""
        analyzer = self.tables.analyzer
        if entry.pos != "verb" or analyzer is None:
            return None
        analyses = analyzer.analyse(text)
        if before is not None and before.pos == PREP and any(_bare_noun(a) for a in analyses):
            # after a preposition, the verbal noun of the same letters: على شن هجوم, on launching
            return Word(text, N, gerund(entry.en))
        readings = [a for a in analyses if a.stem.pos.startswith("VERB")]
        if not readings:
            return None
        context = _context(before)
        word = self._from_analysis(min(readings, key=lambda a: _rank(a, context, False)), text)
        word.en, word.id = entry.en, entry.id
        word.passive = entry.en.startswith("be ")
        word.governs = (entry.governs, entry.governs_en) if entry.governs else None
        return word

    def by_lemma(
        self, word: Word, before: Word | None, verbs: frozenset[str], nouns: frozenset[str]
    ) -> Word | None:
        """The token of `word` read as a verb of one of the lemmas `verbs` (its tense, person and
        proclitics from the best such reading), or, when the word was read as a noun, as a verbal
        noun of one of `nouns`; None when no reading has such a lemma."""
        analyzer = self.tables.analyzer
        if analyzer is None:
            return None
        readings = analyzer.analyse(word.text)
        as_noun = [a for a in readings if a.stem.lemma in nouns and a.stem.pos == "NOUN"]
        if as_noun and word.pos == N:
            return self._from_analysis(
                min(as_noun, key=lambda a: _rank(a, _context(before), True)), word.text
            )
        as_verb = [a for a in readings if a.stem.lemma in verbs and a.stem.pos.startswith("VERB")]
        if not as_verb:
            return None
        return self._from_analysis(min(as_verb, key=lambda a: _rank(a, _context(before), False)), word.text)

    def unknown(self, text: str) -> Word:
        """A word no dictionary reads: transliterated and marked with *."""
        en = self.tables.transliterate(text)
        if not _LATIN.search(en):  # letters the transliteration has no Latin for (ػ، ؼ): their names
            en = "-".join(_letter_name(c) for c in text if c.isalpha()) or "Arabic"
        return Word(text, NAME, en + "*", mark=True, fixed=True)

    def _other(self, text: str) -> Word:
        if text[:1].isdigit() or text[:1] in "٠١٢٣٤٥٦٧٨٩":
            return Word(text, NUM, folded(text), fixed=True)
        if text[:1].isalpha():
            return Word(text, NAME, text, fixed=True)
        return Word(text, PUNCT, text)

    def _from_entry(self, entry: GlossEntry, text: str, conj: str, prep: str, article: bool) -> Word:
        return Word(
            text,
            _GLOSS_POS[entry.pos],
            entry.en,
            id=entry.id,
            conj=_CONJ.get(conj, ""),
            prep=_PREP.get(prep, ""),
            definite=article or entry.definite,
            plural_en=entry.plural or "",
            fixed=entry.definite,
            governs=(entry.governs, entry.governs_en) if entry.governs else None,
        )

    def _analysed(self, text: str, before: Word | None) -> Word:
        analyzer = self.tables.analyzer
        readings = analyzer.analyse(text) if analyzer is not None else ()
        if not readings:
            return self._nisba(text) or self.unknown(text)
        # A noun reading of the same letters, with no affix of its own (سحب: withdrawal), not one
        # that splits the word (كان: ka + آن "as the time").
        nominal = any(
            a.stem.pos in ("NOUN", "ADJ") and not a.prefix.form and not a.suffix.form for a in readings
        )
        noun = nominal or any(a.stem.pos in ("NOUN", "ADJ") for a in readings)
        context = _context(before)
        choices = _plural_over_dual(readings) if text.endswith(_OBLIQUE) else readings
        best = min(choices, key=lambda a: _rank(a, context, nominal, noun))
        return self._person(self._from_analysis(best, text), before)

    def _nisba(self, text: str) -> Word | None:
        """A relational adjective the lexicon lacks, read from its noun: الإغاثية (relief, from
        إغاثة), الحوثية (Houthi, from الحوثي)."""
        analyzer = self.tables.analyzer
        m = _NISBA.match(folded(text))
        if analyzer is None or m is None:
            return None
        article, stem, ending = m.group(1), m.group(2), m.group(3)
        for noun in (stem + "ة", stem, stem + "ا"):  # ة: folded ه reads as a pronoun (اغاثه: help him)
            nouns = [a for a in analyzer.analyse(noun) if a.stem.pos in ("NOUN", "NOUN_PROP")]
            if nouns and nouns[0].senses:
                return Word(
                    text,
                    ADJ,
                    nouns[0].first_sense,
                    definite=bool(article),
                    number="pl" if ending in ("يين", "يون", "يات") else "sg",
                )
        return None

    def _from_analysis(self, analysis: Analysis, text: str) -> Word:
        feats = _features(analysis)
        pos = _BAMA_POS.get(analysis.stem.pos, N)
        en, plural_en, gloss_id = self._sense(analysis, pos)
        entry = self.tables.ids.get(gloss_id) if gloss_id else None
        conj, prep = _proclitics(analysis)
        word = Word(
            text,
            pos if pos != NAME else NAME,
            en,
            id=gloss_id,
            conj=conj,
            prep=prep,
            definite=bool(feats.get("definite")),
            number=str(feats.get("number", "sg")),
            plural_en=plural_en,
            poss=str(feats.get("poss", "")),
            obj=str(feats.get("obj", "")),
            tense=str(feats.get("tense", "")) if pos == V else "",
            person=str(feats.get("person", "")),
            passive=analysis.stem.gloss.startswith("be ") and pos == V,
            governs=(entry.governs, entry.governs_en) if entry is not None and entry.governs else None,
            adverbial=bool(feats.get("adverbial")) and pos == ADJ,
        )
        if pos == NAME:
            word.fixed = True
            word.en = analysis.senses[0] if analysis.senses else self.tables.transliterate(text)
        return word

    def _sense(self, analysis: Analysis, pos: str) -> tuple[str, str, str]:
        """(English, English plural, glossary id) of the stem: the glossary's sense when it lists
        the stem's word, else the lexicon's first sense."""
        for form, _plural in _citations(analysis):
            entry = self.tables.words.get(form)
            if entry is not None and _GLOSS_POS[entry.pos] in (pos, N if pos == ADJ else pos):
                return entry.en, entry.plural or "", entry.id
        first = analysis.first_sense
        if pos == V:
            first = self.tables.base_of_past.get(first.split(" ")[0], first.split(" ")[0]) + (
                " " + first.split(" ", 1)[1] if " " in first else ""
            )
        return first, "", ""


def _proclitics(analysis: Analysis) -> tuple[str, str]:
    """(English of a conjunction, glossary id of a preposition) among the prefix's morphemes."""
    voc, tags = analysis.prefix.voc, analysis.prefix.tags
    conj = ""
    if "CONJ" in tags and voc[:2] in ("wa", "fa"):
        conj, voc = ("and" if voc[0] == "w" else "so"), voc[2:]
    prep = ""
    if "PREP" in tags:
        prep = {"b": "prep-bi", "l": "prep-li", "k": "prep-ka"}.get(voc[:1], "")
    return conj, prep


def _citations(analysis: Analysis) -> list[tuple[str, bool]]:
    """Folded Arabic forms to look the stem up by in the glossary: the stem, with ة or ات."""
    stem = folded(from_buckwalter(analysis.stem.form))
    out = [(stem, False)]
    if analysis.stem.pos == "VERB_IMPERFECT":
        out.append(("ي" + stem, False))  # تؤدي is listed as يؤدي
    tags = " ".join(analysis.suffix.tags)
    if "FEM_SG" in tags or "FEM_PL" in tags or "FEM_DU" in tags:
        out.append((stem + "ه", False))
    if "FEM_PL" in tags:
        out.append((stem + "ات", True))
    return out


# what a nisba after it may qualify (or be the predicate of): a name, an adjective, a number
_QUALIFIED = frozenset({NAME, ADJ, NUM})
_SOUND_PLURAL = ("ون", "ين", "ات", "ان")
# the endings of a sound masculine plural: the adjectives of a plural noun before (see Reader.after)
SOUND_MASC = ("ين", "ون")
_FEMININE_PLURAL = ("ات", "اته", "اتها", "اتهم", "اتهما", "اتنا", "اتكم")
# the oblique ending of a sound masculine plural or dual, alone or before a pronoun (موظفيها)
_OBLIQUE = ("ين", "يه", "يها", "يهم", "يهما", "يكم", "ينا", "يك")


def _alone(word: Word, before: Word | None, folded: str) -> Word:
    """An adjective with a noun form of its own (آخرون: others) that follows no noun stands for
    one: وأصيب آخرون, and others were wounded."""
    if word.pos != ADJ or not word.plural_en:
        return word
    if before is not None and before.pos in (N, NAME) and not word.conj:
        # it agrees with the noun in its article (المقاتلين الأكراد), or is its genitive (دعم الأكراد)
        if before.pos == NAME or word.definite == (before.definite or bool(before.poss)):
            return word
    word.pos = N
    # a people's broken plural is plural too (الأتراك: the Turks; its plural is a capital's)
    word.number = "pl" if folded.endswith(_SOUND_PLURAL) or word.plural_en[:1].isupper() else "sg"
    if word.number == "sg" and word.id == "other":
        word.en, word.fixed = "another", True  # وآخر قرب طرطوس: and another near Tartus
    return word


def _plural_over_dual(readings: Sequence[Analysis]) -> Sequence[Analysis]:
    """The readings less the dual in -ين of a word that reads as its own plural too: the plural
    is far more frequent (مستشارين: advisers, not two counselors). A noun with a broken plural
    has the dual only (الطرفين: the two sides), and another word's dual stays (مصدرين: two
    sources, not exporters)."""
    plural = {(a.stem.voc, a.stem.pos) for a in readings if _MASC_PLURAL in a.suffix.tags}
    if not plural:
        return readings
    return [a for a in readings if _MASC_DUAL not in a.suffix.tags or (a.stem.voc, a.stem.pos) not in plural]


def _many(word: Word) -> bool:
    """Is a noun plural (by its form, or by its English: a broken plural the lexicon glosses in
    the plural, قادة: leaders)?"""
    if word.number != "sg":
        return True
    en = word.plural_en or word.en
    return en.endswith("s") and not en.endswith(("ss", "us", "is", "ics", "news"))


def _adverbial(entry: GlossEntry, form: str, table: Mapping[str, GlossEntry]) -> bool:
    """Is the glossary adjective read through the accusative's alif (داخليا) an adverb
    (internally)? Only where English makes an adverb of the adjective: not a people's or a
    body's name (حوثيا, أمميا: 42 Houthis, not "Houthily"), nor a noun glossing an adjective
    (إعلاميا: media, not "medialy")."""
    return (
        entry.pos == "adj"
        and form.endswith("ا")
        and table.get(form) is not entry
        and entry.en[:1].islower()
        and entry.en.endswith(_ADVERB_READY)
    )


def _bare_noun(analysis: Analysis) -> bool:
    """A noun reading with no affix: the word as it is (شن: waging)."""
    return analysis.stem.pos == "NOUN" and not analysis.prefix.form and not analysis.suffix.form


def _object(analysis: Analysis) -> bool:
    """The reading ends in an object pronoun (استقالتهم as "resigned them")."""
    return any("_DO:" in tag or tag.startswith("PRON_") for tag in analysis.suffix.tags)


# Verbal noun patterns of the derived verb forms (folded letters): how the perfect verb is spelled
# from the root's letters, a mark its vocalised stem must carry (II doubles its middle letter: دمّر
# destroy, not دمر perish), and whether the verb takes an object (VII does not: it reads active).
_MASDAR_PATTERNS: tuple[tuple[re.Pattern[str], str, str, bool], ...] = (
    (re.compile(r"^است(.)(.)ا(.)$"), r"است\1\2\3", "", True),  # X: استهداف → استهدف
    (re.compile(r"^ان(.)(.)ا(.)$"), r"ان\1\2\3", "", False),  # VII: انسحاب → انسحب
    (re.compile(r"^ا(.)ت(.)ا(.)$"), r"ا\1ت\2\3", "", True),  # VIII: اعتقال → اعتقل
    (re.compile(r"^ا(.)(.)ا(.)$"), r"ا\1\2\3", ">", True),  # IV (folded إ): إطلاق → أطلق
    (re.compile(r"^ت(.)(.)ي(.)$"), r"\1\2\3", "~", True),  # II: تدمير → دمّر
    (re.compile(r"^م(.)ا(.)(.)ه$"), r"\1ا\2\3", "", True),  # III: مهاجمة → هاجم
)


def verb_forms(noun: str) -> list[tuple[str, str, bool]]:
    """(perfect verb spelling, vocalisation mark, transitive) a folded verbal noun may derive
    from; the noun itself last (form I nouns share the verb's letters: قتل)."""
    found = [(p.sub(repl, noun), mark, transitive) for p, repl, mark, transitive in _MASDAR_PATTERNS]
    return [f for f, (p, *_rest) in zip(found, _MASDAR_PATTERNS, strict=True) if p.match(noun)] + [
        (noun, "", True)
    ]


_LATIN = re.compile(r"[A-Za-z]")
# endings of English adjectives that make a plain adverb with -ly: internal, direct, active …
_ADVERB_READY = ("al", "ic", "ive", "ous", "ent", "ant", "ate", "ary", "ct", "ful", "ble", "ete", "ere", "rm")


def _letter_name(char: str) -> str:
    """The Unicode name's letter word: ػ (ARABIC LETTER KEHEH WITH TWO DOTS ABOVE) → Keheh."""
    name = unicodedata.name(char, "")
    words = name.split(" LETTER ", 1)[-1].split() if " LETTER " in name else []
    return words[0].capitalize() if words else ""


_MAX_CACHED = 200_000
# A token's reading, the tables of readings of the token after it, and its flag (see Reader.read)
Reading = tuple[Word, "After", int]
# What a reading depends on of the word before (see Reader.after): counted, its class, its article, kind
_Context = tuple[bool, str | None, bool, str]
# Flags of a reading (Reader.flag), bits: a word rules start from, punctuation the English leaves
# out, a token whose folded form may open a glossary expression, one that is an idiom's key word
MARKED, SILENT, HEAD, KEY = 1, 2, 4, 8
After = tuple[dict[str, Reading], dict[str, Reading]]


def _id_kind(bid: str) -> str:
    """What the reading of the word after a function word reads of its glossary id: a relative
    pronoun, تم, a particle only a verb follows, or ""."""
    if bid.startswith("rel-"):
        return "rel"
    if bid.startswith("tam"):
        return "tam"
    return "verbal" if bid in _VERBAL_PARTICLES else ""


_VERBAL_PARTICLES = frozenset({"qad", "and-qad", "so-qad", "neg-lam", "neg-lan", "future"})  # قد، لم، لن، سوف
_DUAL_CONSTRUCT, _MY = "NSUFF_MASC_DU_ACCGEN_POSS", "POSS_PRON_1S"
_MASC_PLURAL, _MASC_DUAL = "NSUFF_MASC_PL_ACCGEN", "NSUFF_MASC_DU_ACCGEN"
_MASC_SOUND = frozenset({"NSUFF_MASC_PL_ACCGEN", "NSUFF_MASC_DU_ACCGEN", "NSUFF_MASC_PL_NOM"})
_RARE_PROCLITICS = frozenset({"EMPHATIC_PARTICLE", "RESULT_CLAUSE_PARTICLE"})
