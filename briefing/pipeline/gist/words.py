"""The words of a span, each read once: what it is (noun, verb, particle …), its English, its features.

Sources, in order: names and figures the pipeline found (their English is known), expressions
and sense choices of the glossary, the function words, and the Buckwalter lexicon's analyses of
what is left; a word none of them knows is transliterated and marked with "*".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from operator import attrgetter

from briefing.text.normalize import fold

# Word classes the transfer rules read.
N, ADJ, V, PREP, CONJ, PART, PRON, ADV, NAME, NUM, PUNCT, PHRASE = (
    "N",
    "ADJ",
    "V",
    "PREP",
    "CONJ",
    "PART",
    "PRON",
    "ADV",
    "NAME",
    "NUM",
    "PUNCT",
    "PHRASE",
)

TOKEN = re.compile(
    # an Arabic word: at least one letter, with diacritics and tatweel around it
    r"[\u0640\u064b-\u065f\u0670]*[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]"
    r"[\u0621-\u063a\u0641-\u064a\u0640\u064b-\u065f\u0670\u0671-\u06d3]*"
    r"|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,٫٬][0-9\u0660-\u0669\u06f0-\u06f9]+)*%?"  # a number
    r"|[A-Za-z][A-Za-z'\-]*"  # a Latin word
    # punctuation, one character at a time; a run of tatweel or marks with no letter is no word
    # and no punctuation either (a stretched dash "ــ" read as a letter gave "-*")
    r"|[^\s\u0640\u064b-\u065f\u0670]"
)


@dataclass(slots=True)
class Word:
    """One word of the span and everything the transfer rules need of it.

    Slots, not a __dict__: a span's rules read a dozen fields of every word, and the readings
    kept (see reading.Reader) are tens of thousands of words; slots make each smaller, so
    more of them stay in the processor's cache, and a field is read at a fixed offset."""

    text: str
    pos: str
    en: str
    id: str = ""  # the glossary id of a function word, for the rules that read it
    conj: str = ""  # English of a و / ف proclitic
    prep: str = ""  # the glossary id of a preposition proclitic: "prep-bi", "prep-li", "prep-ka"
    definite: bool = False
    number: str = "sg"  # sg | du | pl
    plural_en: str = ""  # the English plural when the lexicon's or the glossary's
    poss: str = ""  # a possessive suffix: "3MS", "3FS", "3MP", "3D", "1P" …
    obj: str = ""  # an object suffix on a verb, same codes
    tense: str = ""  # for verbs: past | present | future | imperative
    person: str = ""  # for verbs: "3MS", "3FS", "3MP", "1P" …
    passive: bool = False
    mark: bool = False  # transliterated: no dictionary knows the word
    fixed: bool = False  # English is final (a name, a figure, an expression with its article)
    governs: tuple[str, str] | None = None  # (preposition id, its English after this verb)
    adverbial: bool = False  # an indefinite accusative adjective (داخليا): an adverb unless it agrees
    verb_en: str = ""  # a verbal noun's verb in English (تدمير: destroy), where a rule needs it
    extra: dict[str, str] = field(default_factory=dict)
    # The word as a noun phrase of its own (its English, whether English says it in the plural),
    # worked out by the noun rules the first time it stands alone (nouns.NounRules.alone): a
    # reading is shared by every place its token comes in the same context, so most words are
    # rendered once. A copy, made to be changed, drops it.
    alone: tuple[str, bool] | None = field(default=None, init=False, compare=False, repr=False)
    # The text folded (form_of), kept with the word for the rules that scan every word's form:
    # a copy keeps it, as no rule changes a word's text.
    form: str = field(default="", init=False, compare=False, repr=False)

    def copy(self) -> Word:
        """A copy to change: a word read is shared by the places its token comes in the same
        context. Its fields read in one C call (an attrgetter) and given to __init__ by
        position; `alone` is dropped (the copy is made to be changed), `form` kept."""
        word = Word(*_INIT_FIELDS(self))
        word.extra = dict(self.extra) if self.extra else {}
        word.form = self.form
        return word


# the fields Word.__init__ takes, in its order (for Word.copy)
_INIT_FIELDS = attrgetter(*(name for name, f in Word.__dataclass_fields__.items() if f.init))


# Tokens are folded many times (each glossary expression that may start at a word folds the words
# after it): once per form is enough.
folded = functools.lru_cache(maxsize=1 << 17)(fold)
_FOLDS: dict[str, str] = {}  # the same in a plain dict, for the rules that fold every word
_MAX_FOLDS = 1 << 17


def folded_one(text: str) -> str:
    """`folded`, through a plain dict: a hit is one lookup, where the LRU cache also moves its
    entry to the front of its list (the gist's per-token passes fold every word)."""
    form = _FOLDS.get(text)
    if form is None:
        form = folded(text)
        if len(_FOLDS) < _MAX_FOLDS:
            _FOLDS[text] = form
    return form


def form_of(word: Word) -> str:
    """A word's text folded (kept on the word: Word.form)."""
    form = word.form
    if not form:
        form = word.form = folded(word.text)
    return form
