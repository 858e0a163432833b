"""Transfer rules of the verb: tense and person from the morphology, negation, قد (has, may),
كان before an imperfect (was …ing), passives, object suffixes, and the subject moved before its
verb (VSO → SVO); أن before a verb is "to".
"""

from __future__ import annotations

from mypy_extensions import mypyc_attr

from briefing.pipeline.gist.nouns import NounPhrase, NounRules, np_plural
from briefing.pipeline.gist.state import NOMINAL, State
from briefing.pipeline.gist.words import ADJ, PRON, N, V, Word, folded
from briefing.text.english import Irregulars, gerund, participle, past, third_person
from briefing.text.normalize import strip_marks

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
_DEEM = frozenset({"consider", "deem", "regard"})  # verbs of an object and its predicate
_SINGULAR = frozenset({"3MS", "3FS", ""})  # a verb whose subject may follow it
PRONOUN_SUBJECT = {
    "1S": "I",
    "1P": "we",
    "2MS": "you",
    "2FS": "you",
    "2MP": "you",
    "3MP": "they",
    "3FP": "they",
}


@mypyc_attr(allow_interpreted_subclasses=True)
class VerbRules:
    """Renders the verb at a State's position, with its subject where it stands after it."""

    def __init__(
        self, irregulars: Irregulars, nouns: NounRules, feminine: frozenset[str] = frozenset()
    ) -> None:
        self.irr = irregulars
        self.nouns = nouns
        self.feminine = feminine  # folded feminine nouns with no ة: حرب، أرض

    def verb(self, s: State, *, negation: str, aspect: str) -> str:
        w = s.words[s.i]
        s.i += 1
        subject = ""
        plural_subject = s.last in (N, PRON) and s.last_plural
        # After a relative pronoun, a verb with an object pronoun (the one that refers back) has
        # its subject after it: التي تدعمها روسيا, which Russia supports.
        opens = (s.last not in NOMINAL and s.last != PRON) or (s.relative and bool(w.obj))
        obj = ""
        if (
            opens
            and self.nouns.genitive_next(s)
            and w.person[:1] == "3"
            and may_be_subject(w, s.words[s.i], self.feminine)
            and "object" not in s.words[s.i].extra  # an idiom's object (تولى منصب: took over the post)
        ):
            np = self.nouns.noun_phrase(s)  # VSO → SVO
            if _object_predicate(s, w):
                obj = " " + self.nouns.render(np)  # يعتبر الاتفاق مهما: considers the agreement important
            else:
                subject, plural_subject = self.nouns.render(np) + " ", np_plural(np)
        elif (
            w.person in PRONOUN_SUBJECT
            and s.last not in NOMINAL
            and s.last != PRON
            and not (s.last == ADJ and w.person[:1] == "3")  # الإيرانيين نفذوا: the Iranians carried out
            and aspect != "to"
        ):
            subject = PRONOUN_SUBJECT[w.person] + " "
            plural_subject = w.person.endswith(("P", "D"))
        if w.en == "be" and not w.passive:
            form = self._copula(s, w, negation, plural_subject)
        else:
            form = self._conjugate(w, negation, aspect, plural_subject=plural_subject) + obj
        if w.obj and not s.relative:  # in a relative clause the object pronoun refers back: drop it
            form += " " + OBJECT.get(w.obj, "it")
        s.last = V
        s.relative = False
        s.governs = w.governs
        return subject + form

    def _copula(self, s: State, w: Word, negation: str, plural_subject: bool) -> str:
        """كان and يكون: "was", "will be"; before an imperfect verb, "was …ing" (كانت تستخدم)."""
        be = be_form(w.tense, plural_subject)
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
            be = be_form(w.tense, not singular)
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


def may_be_subject(verb: Word, noun: Word, feminine: frozenset[str]) -> bool:
    """May the noun after a verb be its subject? A verb with a plural or dual ending has its
    subject in it (يريدون بقاء: they want); one of the third person singular agrees with its
    subject in gender: a feminine verb before a masculine singular noun (تريد الحل: it wants the
    solution), or a masculine one before a noun in ة (يعزز الثقة: it strengthens trust), is
    followed by its object. Names, plurals and nouns of uncertain gender may be subjects."""
    if verb.person not in _SINGULAR:
        return False
    if noun.pos != N or noun.fixed or noun.poss or noun.number != "sg" or np_plural(NounPhrase(noun)):
        return True
    text = strip_marks(noun.text)
    if verb.person == "3MS":
        return not text.endswith("ة")
    if not verb.person:
        return True
    form = folded(text)
    stem = form[2:] if noun.definite and form.startswith("ال") else form
    return text.endswith(("ة", "ى", "اء", "ات")) or stem in feminine


def _object_predicate(s: State, w: Word) -> bool:
    """After a verb of deeming (اعتبر, يعتبر), is the noun phrase just read its object, since an
    indefinite accusative predicate follows it (يعتبر الاتفاق مهما, اعتبر القرار خطوة مهمة)?
    A second definite noun would make the first the subject (اعتبر الوزير الاتفاق مهما)."""
    if w.en not in _DEEM or w.obj or w.passive or s.i >= len(s.words):
        return False
    p = s.words[s.i]
    if p.definite or p.poss or p.conj or p.prep:
        return False
    if p.pos == ADJ:
        return p.adverbial
    nxt = s.words[s.i + 1] if s.i + 1 < len(s.words) else None
    return p.pos == N and nxt is not None and nxt.pos == ADJ and not (nxt.definite or nxt.conj)


def be_form(tense: str, plural: bool) -> str:
    if tense == "past":
        return "were" if plural else "was"
    if tense == "future":
        return "will be"
    return "are" if plural else "is"


def passive_be(present: bool, negation: str, plural: bool) -> str:
    """The "be" of a passive: was, were, is, are, will not be, was not …"""
    if negation in ("will not", "will"):
        return f"{negation} be"
    now = (present or negation == "not") and negation != "did not"
    be = ("are" if plural else "is") if now else ("were" if plural else "was")
    return f"{be} not" if negation else be


def do_not(negation: str, present: bool, plural: bool) -> str:
    """did not, will not, does not, do not."""
    if negation in ("did not", "will not", "will"):
        return negation
    return "do not" if plural or not present else "does not"
