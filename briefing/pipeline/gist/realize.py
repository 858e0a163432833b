"""Transfer: Words in Arabic order → an English phrase, one phrase at a time, left to right.

The noun phrase's rules are in nouns.py, the verb's in verbs.py; here are the steps that choose
between them, prepositions and conjunctions (proclitic or not, by context), punctuation, and the
particles that shape what follows them: negation, أن، قد، the future, تم + verbal noun (passive),
modals (يجب على X أن), لا يزال (still), هناك (there is).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mypy_extensions import mypyc_attr

from briefing.pipeline.gist.nouns import NounRules, determines, np_plural
from briefing.pipeline.gist.state import NOMINAL, State
from briefing.pipeline.gist.verbs import OBJECT, VerbRules, do_not, passive_be
from briefing.pipeline.gist.words import ADJ, ADV, CONJ, NAME, PART, PREP, PRON, PUNCT, N, V, Word
from briefing.text.english import Irregulars, adverb, gerund, participle, past, third_person

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
MODALS = {"must": "must", "must-an": "must", "should": "should", "can": "can"}
# ما before a verb is "what" in news prose (ما يجري, ما فعلته قطر), hardly ever the negation.
NEGATORS = {"neg-lam": "did not", "neg-lan": "will not", "neg-la": "not"}


_TAM = frozenset({"tam", "tam-present", "tam-future"})  # تم، يتم، تتم، سيتم
# nouns of time, after which a verb starts the main clause (منذ سنوات تسعى: for years it has sought)
_TIMES = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "decade", "decades"}
    | {"time", "times", "period", "minute", "minutes", "night", "nights", "morning", "evening"}
)
_THERE_IS_NO = ("there-is-no", "there-is-no-longer")  # لا يوجد، لم يعد هناك
_THERE_IS = ("there-is", *_THERE_IS_NO)
# لديه، لدينا، لديهم: the English of "have" with its subject, for ليس لديه (has no)
_HAVE = {"prep-ladayh": "has", "prep-ladayna": "we have", "prep-ladayhim": "they have"}
# verbs whose accusative is a predicate, not an adverb (يعتبر الاتفاق مهما: considers it important)
_COPULAS = frozenset({"be", "become", "remain", "stay", "seem", "appear", "consider", "deem", "make"})
_SUBJECT_POS = (*NOMINAL, PRON, ADJ)
_SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "I", "you"})


@mypyc_attr(allow_interpreted_subclasses=True)
class Realizer:
    """Renders the Words of one span as English (see the module docstring)."""

    def __init__(
        self,
        irregulars: Irregulars,
        verbs: frozenset[str] = frozenset(),
        feminine: frozenset[str] = frozenset(),
    ) -> None:
        self.irr = irregulars
        self.verbs = verbs  # English verbs a gerund may come from (تم توقيع: was signed)
        self.nouns = NounRules(irregulars)
        self.verb_rules = VerbRules(irregulars, self.nouns, feminine)
        self.times = _TIMES
        # adverbs whose clause English says around them (لا يزال: X is still; لم يعد: no longer)
        self._adverbs = {"still": self._still, "no-longer": self._no_longer}

    def realize(self, words: Sequence[Word]) -> str:
        out: list[str] = []
        state = State(list(words))
        while state.i < len(state.words):
            piece = self._step(state)
            if piece:
                out.append(piece)
        return _tidy(" ".join(out))

    # --- one step: the phrase that starts at state.i ----------------------------------------

    def _step(self, s: State) -> str:
        w = s.words[s.i]
        lead = self._lead(w, s) if w.conj or w.prep else ""
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
        # (only a pronoun among the other classes may determine a noun: see determines)
        if w.pos in NOMINAL or (
            w.pos == PRON and determines(w, s.words[s.i + 1] if s.i + 1 < len(s.words) else None)
        ):
            return lead + self.nouns.nominal(s)
        if w.pos == V:
            if not lead and _asyndetic_relative(s.words, s.i, self.times):
                lead, s.relative = "that ", True
            return lead + self.verb_rules.verb(s, negation="", aspect="to" if w.extra.get("to") else "")
        if w.pos == PART:
            return lead + self._particle(s)
        if w.pos == PREP:
            en = "than" if w.id == "prep-min" and s.comparative else w.en
            s.i += 1
            s.last = PREP
            s.governs = w.governs  # an idiom's fixed words (put an end, to): see idioms.py
            return lead + en + (" " + OBJECT.get(w.obj, "it") if w.obj else "")
        s.i += 1
        s.last = w.pos
        s.relative = w.id.startswith("rel-")
        if w.pos == CONJ and w.en.rpartition(" ")[2] in _SUBJECT_PRONOUNS:  # لأنهم: because they
            s.last, s.last_plural = PRON, w.en.endswith((" they", " we"))
        if w.pos == ADJ and w.adverbial and not _after_copula(s.words, s.i - 1):
            return lead + adverb(w.en)
        rule = self._adverbs.get(w.id)
        if rule is not None:
            return lead + rule(s)
        return lead + w.en

    def _still(self, s: State) -> str:
        """لا يزال X صعبا → X is still difficult; لا تزال القوات تقاتل → the forces are still
        fighting; before a verb alone, "still …ing"."""
        if s.i < len(s.words) and s.words[s.i].pos in NOMINAL and not s.words[s.i].conj:
            np = self.nouns.noun_phrase(s)
            subject = self.nouns.render(np) + " " + ("are" if np_plural(np) else "is") + " still"
            nxt = s.words[s.i] if s.i < len(s.words) else None
            if nxt is not None and nxt.pos == ADJ and not nxt.conj and not nxt.prep:
                s.i += 1
                s.last = ADJ
                return f"{subject} {nxt.en}"
            if nxt is not None and nxt.pos == V and not nxt.conj:  # always an imperfect here
                s.i += 1
                s.last = V
                return f"{subject} {gerund(nxt.en)}"
            s.last = N
            return subject
        nxt = s.words[s.i] if s.i < len(s.words) else None
        if nxt is not None and nxt.pos == V and not nxt.conj:
            s.i += 1
            s.last = V
            return f"still {gerund(nxt.en)}"
        return "still"

    def _no_longer(self, s: State) -> str:
        """لم يعد ممكنا → it is no longer possible; لم تعد إيران قادرة → Iran is no longer capable;
        لم تعد القوات تقاتل → the forces are no longer fighting; before a verb alone, "no longer"."""
        nxt = s.words[s.i] if s.i < len(s.words) else None
        if nxt is None or nxt.conj or nxt.prep:
            return "no longer"
        if nxt.pos == ADJ and not nxt.definite:
            # with a subject before it (a noun, which, that it), "is no longer"; else "it is no longer"
            prev = s.words[s.i - 2] if s.i >= 2 else None
            after_subject = prev is not None and not prev.prep and prev.pos in _SUBJECT_POS
            after_pronoun = prev is not None and prev.en.rpartition(" ")[2] in _SUBJECT_PRONOUNS
            subject = "" if after_subject or after_pronoun else "it "
            s.i += 1
            s.last, s.relative = ADJ, False
            return f"{subject}is no longer {nxt.en}"
        if nxt.pos not in NOMINAL or not (nxt.definite or nxt.poss or nxt.pos == NAME):
            return "no longer"
        np = self.nouns.noun_phrase(s)
        plural = np_plural(np)
        text = f"{self.nouns.render(np)} {'are' if plural else 'is'} no longer"
        s.last, s.last_plural, s.relative = N, plural, False
        nxt = s.words[s.i] if s.i < len(s.words) else None
        if nxt is not None and nxt.pos == ADJ and not (nxt.definite or nxt.conj or nxt.prep):
            s.i += 1
            s.last = ADJ
            return f"{text} {nxt.en}"
        if nxt is not None and nxt.pos == V and not nxt.conj:  # an imperfect, after لم يعد
            s.i += 1
            s.last = V
            return f"{text} {gerund(nxt.en)}"
        return text

    def _lead(self, w: Word, s: State) -> str:
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

    def _particle(self, s: State) -> str:
        w = s.words[s.i]
        nxt = s.words[s.i + 1] if s.i + 1 < len(s.words) else None
        if w.id in ("neg-laysa", "was-not"):
            have = self._have_not(s, s.i + 1, past=w.id == "was-not")
            if have is not None:
                return have
        if w.id == "was-not" and nxt is not None and nxt.pos in NOMINAL and not (nxt.conj or nxt.prep):
            if nxt.definite or nxt.poss or nxt.pos == NAME:  # لم يكونوا مقاتلين: were not fighters
                return self._was_not(s)
        if w.id == "was-not" and s.last in (N, PRON) and s.last_plural:
            s.i += 1
            s.last = PART
            return "were not"  # وعود عباس لم تكن: the promises were not
        verbal = self._before_verb(s, w, nxt)
        if verbal is not None:
            return verbal
        if w.id == "manner" and nxt is not None and nxt.pos == ADJ:
            s.i += 2
            s.last = ADV
            return adverb(nxt.en)
        if w.id in MODALS:
            return self._modal(s, MODALS[w.id])
        if w.id == "there-is-no" and nxt is not None and nxt.id in ("q-ayy", "for-any") and not nxt.conj:
            s.i += 1
            s.last = PART
            after = s.words[s.i + 1] if s.i + 1 < len(s.words) else None
            many = after is not None and after.number in ("pl", "du")
            return "there are not" if many else "there is not"  # لا يوجد أي دليل: there is not any evidence
        if w.id in _THERE_IS and nxt is not None and nxt.number in ("pl", "du"):
            s.i += 1
            s.last = PART
            return w.en.replace("there is", "there are")  # لا توجد قوات: there are no forces
        s.i += 1
        s.last = PART
        s.relative = w.id == "neg-ma"  # ما فعلته: what it did, the object pronoun refers back
        pronoun = w.en.rsplit(" ", 1)[-1]
        if pronoun in _SUBJECT_PRONOUNS:  # أنها، لأنهم: the subject of the verb that follows
            s.last, s.last_plural = PRON, pronoun in ("they", "we")
        return w.en

    def _was_not(self, s: State) -> str:
        """لم يكن الهجوم مفاجئا: the attack was not surprising (the subject before its verb)."""
        s.i += 1
        np = self.nouns.noun_phrase(s)
        plural = np_plural(np)
        text = f"{self.nouns.render(np)} {'were' if plural else 'was'} not"
        nxt = s.words[s.i] if s.i < len(s.words) else None
        s.last, s.last_plural, s.relative = V, plural, False
        if nxt is not None and nxt.pos == ADJ and not (nxt.definite or nxt.conj or nxt.prep):
            s.i += 1
            s.last = ADJ
            return f"{text} {nxt.en}"
        return text

    def _have_not(self, s: State, k: int, *, past: bool) -> str | None:
        """ليس لديه X: has no X (ليس لدينا: we have no); ليس لدى إيران X: Iran has no X; لم يكن
        لديه: had no; before أي, "does not have any". None when no لدى follows at k."""
        h = s.words[k] if k < len(s.words) else None
        if h is None or h.conj:
            return None
        subject = ""
        if h.id in _HAVE:
            have = _HAVE[h.id]
            plural = have != "has" or (s.last in (N, PRON) and s.last_plural)
            s.i = k + 1
        elif h.id == "prep-lada" and k + 1 < len(s.words) and s.words[k + 1].pos in NOMINAL:
            s.i = k + 1
            np = self.nouns.noun_phrase(s)
            subject, plural = self.nouns.render(np) + " ", np_plural(np)
            have = "have" if plural else "has"
        else:
            return None
        pronoun, _, verb = have.rpartition(" ")  # "we have": we, have
        if plural and verb == "has":
            verb = "have"
        s.last, s.relative = V, False
        lead = f"{subject}{pronoun} ".lstrip()
        if s.i < len(s.words) and s.words[s.i].id in ("q-ayy", "for-any"):
            do = "did" if past else "do" if plural else "does"
            return f"{lead}{do} not have"
        return f"{lead}{'had' if past else verb} no"

    def _before_verb(self, s: State, w: Word, nxt: Word | None) -> str | None:
        """A particle that shapes the verb (or تم's verbal noun) after it: negation, أن (to), قد,
        the future, تم; None for other particles."""
        verb_next = nxt is not None and nxt.pos == V and not nxt.conj
        if w.id in NEGATORS and nxt is not None and nxt.id in _TAM and s.i + 2 < len(s.words):
            s.i += 2  # لن يتم نشر القوات: the forces will not be deployed
            s.last = V
            return self._tam(s, present=nxt.text.startswith("ي"), negation=NEGATORS[w.id])
        if w.id in NEGATORS and verb_next:
            s.i += 1
            negation = NEGATORS[w.id]
            if w.id == "neg-la" and nxt is not None:
                negation = "does not" if nxt.person in ("3MS", "3FS") else "do not"
            return self.verb_rules.verb(s, negation=negation, aspect="")
        if w.id == "that" and verb_next:
            s.i += 1
            return self.verb_rules.verb(s, negation="", aspect="to")
        if w.id == "qad" and verb_next and nxt is not None:
            s.i += 1
            return self.verb_rules.verb(s, negation="", aspect="has" if nxt.tense == "past" else "may")
        if w.id in _TAM and s.i + 1 < len(s.words) and s.words[s.i + 1].pos in NOMINAL:
            s.i += 1
            s.last = V
            if w.id == "tam-future":
                return self._tam(s, present=False, negation="", future=True)
            return self._tam(s, present=w.id == "tam-present" or w.text.startswith("ي"))
        if w.id == "future" and verb_next and nxt is not None:
            s.i += 1
            nxt = s.words[s.i] = nxt.copy()  # words are shared: the future is this one's
            nxt.tense = "future"
            return self.verb_rules.verb(s, negation="", aspect="")
        return None

    def _tam(self, s: State, *, present: bool, negation: str = "", future: bool = False) -> str:
        """تم + verbal noun + its object: the object was done (تم توقيع الاتفاق → the agreement was
        signed; لن يتم نشر القوات → the forces will not be deployed); a verb that takes no object
        reads active (تم انسحاب القوات → the forces withdrew); without a verb for the noun,
        "… was carried out"."""
        np = self.nouns.noun_phrase(s)
        base = np.head.verb_en or self._verb_of(np.head.en)
        negation = negation or ("will" if future else "")
        if np.genitive is None or np.adjectives or not base:
            return f"{self.nouns.render(np)} {passive_be(present, negation, False)} carried out"
        subject = self.nouns.render(np.genitive)
        plural = np_plural(np.genitive)
        if np.head.extra.get("intransitive"):
            if negation:
                return f"{subject} {do_not(negation, present, plural)} {base}"
            verb = (base if plural else third_person(base, self.irr)) if present else past(base, self.irr)
            return f"{subject} {verb}"
        return f"{subject} {passive_be(present, negation, plural)} {participle(base, self.irr)}"

    def _verb_of(self, gerund_en: str) -> str:
        """The verb of a one-word gerund (signing → sign, stopping → stop, releasing → release),
        if it is a known English verb; else ""."""
        if " " in gerund_en or not gerund_en.endswith("ing") or len(gerund_en) < 6:
            return ""
        stem = gerund_en[:-3]
        candidates = [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
        return next((c for c in candidates if c in self.verbs), "")

    def _modal(self, s: State, modal: str) -> str:
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
            subject = self.nouns.render(self.nouns.noun_phrase(s)) + " "
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


def _asyndetic_relative(words: Sequence[Word], i: int, times: frozenset[str]) -> bool:
    """Is the verb at i a relative clause with no pronoun, as Arabic makes one after an
    indefinite noun that is no subject (أطلق صاروخا يحمل رأسا: launched a missile that carries a
    warhead; لديها أسباب تدفعها: has reasons that push it)? Not after a time (منذ سنوات تسعى)."""
    w = words[i]
    if w.conj or w.extra.get("to") or w.person[:1] != "3" or w.tense not in ("past", "present"):
        return False
    h = i - 1
    while h >= 0 and words[h].pos == ADJ and not (words[h].definite or words[h].conj or words[h].prep):
        h -= 1
    if h < 0:
        return False
    head = words[h]
    if head.pos != N or head.definite or head.poss or head.fixed or head.en.split(" ")[-1] in times:
        return False
    before = words[h - 1] if h else None
    # (at the head of its clause the noun is the verb's subject: مصادر تؤكد, sources stress)
    return bool(head.prep) or (before is not None and before.pos in (V, PREP, N, NAME) and not head.conj)


def _after_copula(words: Sequence[Word], i: int) -> bool:
    """Is words[i] the predicate of a copula before it and its subject (أصبح الوضع خطيرا: the
    situation became serious), not an adverb?"""
    j = i - 1
    while j >= 0 and words[j].pos in (N, NAME, ADJ) and not words[j].prep:
        j -= 1
    if j >= 0 and words[j].id == "neg-laysa":  # ليس مهما: is not important
        return True
    return j >= 0 and words[j].pos == V and words[j].en in _COPULAS


def _tidy(text: str) -> str:
    # (most gists have single spaces only: re-joining their words would copy them for nothing;
    # isprintable is False for any other space, a tab or a newline)
    if "  " in text or text[:1] == " " or text[-1:] == " " or not text.isprintable():
        text = " ".join(text.split())
    if "non- " in text:
        text = text.replace("non- ", "non-")
    if "no a" in text:  # there is no (a) decision: "no" is the noun's determiner
        text = _NO_A.sub("no ", text)
    if " ," in text or " ." in text or " :" in text or " ;" in text or " ?" in text or " !" in text:
        text = _TIGHT.sub("", text)  # (most gists have none: six searches cost less than the regex)
    return text.strip(" ,")


_NO_A = re.compile(r"\bno an? ")
_TIGHT = re.compile(r" (?=[,.:;?!])")  # punctuation has no space before it
