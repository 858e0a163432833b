"""Transfer: Words in Arabic order → an English phrase.

Shallow rules, one per construction, applied left to right over phrases:
- noun phrases: adjectives before the noun and in reverse order (الحرب الانقلابية الحوثية →
  the Houthi coup war), the article from ال or from a definite genitive, the idafa as "of"
  (انسحاب القوات → the withdrawal of the forces), duals and plurals, possessive suffixes (its,
  their), demonstratives and quantifiers (هذه, كل, بعض);
- verbs: tense and person from the morphology, the future's سـ / سوف, negation (لا لم لن ما
  ليس), قد (has, may), كان before an imperfect (was …ing), passives, object suffixes, and the
  subject moved before its verb (VSO → SVO); أن before a verb is "to";
- prepositions and conjunctions, proclitic or not, by context; relative pronouns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.pipeline.gist.words import ADJ, ADV, NAME, NUM, PART, PHRASE, PREP, PRON, PUNCT, N, V, Word
from briefing.text.english import Irregulars, gerund, participle, past, plural, third_person

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
OBJECT = {
    "3MS": "it",
    "3FS": "it",
    "3MP": "them",
    "3FP": "them",
    "3D": "them",
    "1S": "me",
    "1P": "us",
    "2MS": "you",
    "2FS": "you",
    "2MP": "you",
    "2FP": "you",
    "2D": "you",
}
PRONOUN_SUBJECT = {
    "1S": "I",
    "1P": "we",
    "2MS": "you",
    "2FS": "you",
    "2MP": "you",
    "3MP": "they",
    "3FP": "they",
}
NOMINAL = (N, NAME, NUM, PHRASE)
PUNCT_EN = {
    "،": ",",
    ",": ",",
    ".": ".",
    ":": ":",
    "؛": ";",
    ";": ";",
    "؟": "?",
    "?": "?",
    "!": "!",
    "-": "-",
}
# Preposition proclitics by context: before a place name, after a verb, after a noun.
PREP_EN = {
    "prep-bi": ("in", "with", "with"),
    "prep-li": ("to", "to", "for"),
    "prep-ka": ("as", "as", "as"),
}
# Modals whose subject stands after على and whose verb after أن: يجب على إيران أن تنسحب.
MODALS = {"must": "must", "should": "should", "can": "can"}
NEGATORS = {"neg-lam": "did not", "neg-lan": "will not", "neg-la": "not", "neg-ma": "did not"}


@dataclass
class NounPhrase:
    head: Word
    adjectives: list[Word] = field(default_factory=list)
    genitive: NounPhrase | None = None
    determiner: str = ""  # "this", "these", "every", "all", "some" …


class Realizer:
    """Renders the Words of one span as English (see the module docstring)."""

    def __init__(self, irregulars: Irregulars) -> None:
        self.irr = irregulars

    def realize(self, words: Sequence[Word]) -> str:
        out: list[str] = []
        state = _State(list(words))
        while state.i < len(state.words):
            piece = self._step(state)
            if piece:
                out.append(piece)
        return _tidy(" ".join(out))

    # --- one step: the phrase that starts at state.i ----------------------------------------

    def _step(self, s: _State) -> str:
        w = s.words[s.i]
        lead = self._lead(w, s)
        governs, s.governs = s.governs, None
        if w.pos == PREP and governs and governs[0] == w.id:
            s.i += 1
            s.last = PREP
            return governs[1]
        if w.pos == PUNCT:
            s.i += 1
            en = PUNCT_EN.get(w.text, "")
            if en:  # quotation marks and brackets leave the phrase structure as it was
                s.last = PUNCT
                s.relative = False
            return en
        if w.pos in NOMINAL or (w.pos == PRON and w.id.startswith("dem-")):
            return lead + self._nominal(s)
        if w.pos == V:
            return lead + self._verb(s, negation="", aspect="")
        if w.pos == PART:
            return lead + self._particle(s)
        if w.pos == PREP:
            en = "than" if w.id == "prep-min" and s.comparative else w.en
            s.i += 1
            s.last = PREP
            return lead + en + (" " + OBJECT.get(w.obj, "it") if w.obj else "")
        s.i += 1
        s.last = w.pos
        s.relative = w.id.startswith("rel-")
        if w.pos == ADJ and w.adverbial:
            return lead + _adverb(w.en)
        return lead + w.en

    def _lead(self, w: Word, s: _State) -> str:
        """The English of the word's proclitics: a conjunction, then a preposition (or what the
        verb before it makes of that preposition: قام بـ → carry out)."""
        parts = []
        if w.conj:
            parts.append(w.conj)
        if w.prep and s.governs and s.governs[0] == w.prep:
            if s.governs[1]:
                parts.append(s.governs[1])
        elif w.prep:
            near_place = w.pos == NAME
            index = 0 if near_place else 1 if s.last == V else 2
            parts.append(PREP_EN[w.prep][index])
        return " ".join(parts) + " " if parts else ""

    # --- noun phrases --------------------------------------------------------------------------

    def _nominal(self, s: _State) -> str:
        np = self._noun_phrase(s)
        text = self._render(np)
        # A noun phrase followed by a verb is its subject, already in English order; the verb
        # agrees with it in English (Arabic gives non-human plurals a feminine singular verb).
        s.last = N
        s.last_plural = _np_plural(np)
        s.relative = False
        return text + self._predicate(s, np)

    def _predicate(self, s: _State, np: NounPhrase) -> str:
        """A nominal sentence has no verb: a definite subject and an indefinite adjective after it
        (النصر قريب, الطائرات مجهولة) take "is" or "are"."""
        if s.i >= len(s.words) or not self._definite(np):
            return ""
        a = s.words[s.i]
        if a.pos != ADJ or a.definite or a.conj or a.prep:
            return ""
        s.i += 1
        s.last = ADJ
        return f" {'are' if _np_plural(np) else 'is'} {a.en}"

    def _noun_phrase(self, s: _State) -> NounPhrase:
        w = s.words[s.i]
        determiner = ""
        if w.pos == PRON and w.id.startswith("dem-"):
            determiner = w.en
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
        np = NounPhrase(w, determiner=determiner)
        if w.pos in (NAME, NUM) or w.fixed:
            return np
        self._adjectives(s, np)
        if not np.adjectives and not w.definite and not w.poss and self._genitive_next(s):
            np.genitive = self._noun_phrase(s)
            self._adjectives(s, np.genitive if np.genitive.genitive is None else np.genitive)
        return np

    def _adjectives(self, s: _State, np: NounPhrase) -> None:
        head = np.head
        # A noun with a possessive suffix is definite: انتصارنا الوشيك, our imminent victory.
        definite = head.definite or bool(head.poss)
        while s.i < len(s.words):
            a = s.words[s.i]
            if a.pos != ADJ or a.conj or a.prep or a.definite != definite:
                break
            a.adverbial = False  # it agrees with the noun: an adjective
            np.adjectives.append(a)
            s.i += 1

    def _genitive_next(self, s: _State) -> bool:
        """Does a genitive (or a subject, after a verb) start at s.i? A definite word read as an
        adjective after an indefinite noun cannot be its adjective: it is a noun."""
        if s.i >= len(s.words):
            return False
        g = s.words[s.i]
        return (g.pos in (N, NAME, PHRASE) or (g.pos == ADJ and g.definite)) and not g.conj and not g.prep

    def _render(self, np: NounPhrase) -> str:
        head = np.head
        if head.fixed or head.pos in (NAME, NUM):
            core = head.en
        else:
            core = self._noun(head)
        if np.adjectives:
            core = " ".join(a.en for a in reversed(np.adjectives)) + " " + core
        if head.number == "du" and not head.fixed:
            core = "two " + core
        determiner = np.determiner
        if determiner in ("this", "that") and head.number in ("pl", "du"):
            determiner = "these" if determiner == "this" else "those"
        if head.poss:
            determiner = POSSESSIVE.get(head.poss, "its")
        elif not determiner and not head.fixed and head.pos not in (NAME, NUM) and self._definite(np):
            determiner = "the"
        text = f"{determiner} {core}" if determiner else core
        if np.genitive is not None:
            text += " of " + self._render(np.genitive)
        return text

    def _definite(self, np: NounPhrase) -> bool:
        if np.head.definite:
            return True
        g = np.genitive
        while g is not None:
            if g.head.definite or g.head.pos == NAME or g.head.poss:
                return True
            g = g.genitive
        return False

    def _noun(self, w: Word) -> str:
        if w.number in ("pl", "du"):
            return w.plural_en or plural(w.en, self.irr)
        return w.en

    # --- verbs -----------------------------------------------------------------------------------

    def _verb(self, s: _State, *, negation: str, aspect: str) -> str:
        w = s.words[s.i]
        s.i += 1
        subject = ""
        plural_subject = s.last == N and s.last_plural
        if s.last not in NOMINAL and s.last != PRON and self._genitive_next(s) and w.person[:1] == "3":
            np = self._noun_phrase(s)  # VSO → SVO
            subject, plural_subject = self._render(np) + " ", _np_plural(np)
        elif w.person in PRONOUN_SUBJECT and s.last not in NOMINAL:
            subject = PRONOUN_SUBJECT[w.person] + " "
            plural_subject = w.person.endswith(("P", "D"))
        if w.en == "be" and not w.passive:
            form = self._copula(s, w, negation, plural_subject)
        else:
            form = self._conjugate(w, negation, aspect, plural_subject=plural_subject)
        if w.obj and not s.relative:  # in a relative clause the object pronoun refers back: drop it
            form += " " + OBJECT.get(w.obj, "it")
        s.last = V
        s.relative = False
        s.governs = w.governs
        return subject + form

    def _copula(self, s: _State, w: Word, negation: str, plural_subject: bool) -> str:
        """كان and يكون: "was", "will be"; before an imperfect verb, "was …ing" (كانت تستخدم)."""
        be = _be(w.tense, plural_subject)
        if negation:
            be = {"did not": "was not", "will not": "will not be"}.get(negation, be + " not")
        nxt = s.words[s.i] if s.i < len(s.words) else None
        if nxt is not None and nxt.pos == V and nxt.tense == "present" and not nxt.conj:
            s.i += 1
            form = f"{be} {gerund(nxt.en)}"
            return form + (" " + OBJECT.get(nxt.obj, "it") if nxt.obj else "")
        return be

    def _conjugate(self, w: Word, negation: str, aspect: str, *, plural_subject: bool) -> str:
        verb = w.en
        singular = w.person in ("3MS", "3FS", "") and not plural_subject
        if w.passive and verb.startswith("be "):
            be = _be(w.tense, not singular)
            if negation:
                be = {"did not": "was not" if singular else "were not", "will not": "will not be"}.get(
                    negation, be + " not"
                )
            return f"{be} {verb[3:]}"
        if aspect == "to":
            return f"to {verb}"
        if negation:
            return f"{negation} {verb}"
        if aspect == "has":
            return ("has " if singular else "have ") + participle(verb, self.irr)
        if aspect == "may":
            return "may " + verb
        if w.tense == "past":
            return past(verb, self.irr)
        if w.tense == "future":
            return "will " + verb
        if w.tense == "present" and singular:
            return third_person(verb, self.irr)
        return verb

    # --- particles -------------------------------------------------------------------------------

    def _particle(self, s: _State) -> str:
        w = s.words[s.i]
        nxt = s.words[s.i + 1] if s.i + 1 < len(s.words) else None
        verb_next = nxt is not None and nxt.pos == V and not nxt.conj
        if w.id in NEGATORS and verb_next:
            s.i += 1
            negation = NEGATORS[w.id]
            if w.id == "neg-la" and nxt is not None:
                negation = "does not" if nxt.person in ("3MS", "3FS") else "do not"
            return self._verb(s, negation=negation, aspect="")
        if w.id == "that" and verb_next:
            s.i += 1
            return self._verb(s, negation="", aspect="to")
        if w.id == "qad" and verb_next and nxt is not None:
            s.i += 1
            return self._verb(s, negation="", aspect="has" if nxt.tense == "past" else "may")
        if w.id == "manner" and nxt is not None and nxt.pos == ADJ:
            s.i += 2
            s.last = ADV
            return _adverb(nxt.en)
        if w.id in MODALS:
            return self._modal(s, MODALS[w.id])
        if w.id == "tam" and s.i + 1 < len(s.words) and s.words[s.i + 1].pos in NOMINAL:
            s.i += 1
            np = self._render(self._noun_phrase(s))
            s.last = V
            return f"{np} {'is' if w.text.startswith('ي') else 'was'} carried out"
        if w.id == "future" and verb_next:
            s.i += 1
            nxt.tense = "future"
            return self._verb(s, negation="", aspect="")
        s.i += 1
        s.last = PART
        return w.en

    def _modal(self, s: _State, modal: str) -> str:
        """يجب على X أن يفعل → X must do; without على or أن, the modal and what follows."""
        s.i += 1
        subject = ""
        w = s.words[s.i] if s.i < len(s.words) else None
        if (
            w is not None
            and w.id == "prep-ala"
            and s.i + 1 < len(s.words)
            and s.words[s.i + 1].pos in NOMINAL
        ):
            s.i += 1
            subject = self._render(self._noun_phrase(s)) + " "
        w = s.words[s.i] if s.i < len(s.words) else None
        if w is not None and w.id == "that" and s.i + 1 < len(s.words) and s.words[s.i + 1].pos == V:
            s.i += 1
        w = s.words[s.i] if s.i < len(s.words) else None
        if w is not None and w.pos == V and not w.conj:
            s.i += 1
            s.last = V
            return f"{subject}{modal} {w.en}"
        s.last = PART
        return f"{subject}{modal}"


@dataclass
class _State:
    words: list[Word]
    i: int = 0
    last: str = ""  # the class of the last phrase rendered
    governs: tuple[str, str] | None = None  # the preposition the verb just rendered governs
    last_plural: bool = False  # the last noun phrase rendered is plural
    relative: bool = False  # a relative pronoun was just rendered: the next verb's object refers back

    @property
    def comparative(self) -> bool:
        """Is the word before the current one a comparative (أكثر, أقل, أكبر: more, less, bigger)?"""
        prev = self.words[self.i - 1] if self.i else None
        return (
            prev is not None
            and prev.pos == ADJ
            and (prev.en.startswith(("more", "less")) or prev.en.endswith("er"))
        )


def _adverb(adjective: str) -> str:
    """The adverb of an adjective: quick → quickly, easy → easily, final → finally."""
    if adjective.endswith("y") and len(adjective) > 2:
        return adjective[:-1] + "ily"
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"


def _be(tense: str, plural: bool) -> str:
    if tense == "past":
        return "were" if plural else "was"
    if tense == "future":
        return "will be"
    return "are" if plural else "is"


def _np_plural(np: NounPhrase) -> bool:
    """Is a noun phrase plural in English (its head noun, or a name that reads as one)?"""
    head = np.head
    if head.number in ("pl", "du"):
        return True
    word = head.en.split()[-1] if head.en.split() else ""
    return head.pos in (NAME, PHRASE) and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    for p in (",", ".", ":", ";", "?", "!"):
        text = text.replace(" " + p, p)
    return text.strip(" ,")
