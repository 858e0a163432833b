"""English morphology for the gist: plurals, verb forms, articles.

Regular rules here; irregular forms come from resources/english.yaml (the project's own list),
passed in as tables so that this module reads no file itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_VOWELS = "aeiou"
_SIBILANT = re.compile(r"(s|x|z|ch|sh)$")
_CONSONANT_Y = re.compile(r"[^aeiou]y$")
# One-syllable words ending consonant-vowel-consonant double the consonant: stop → stopped.
_CVC = re.compile(r"^[^aeiou]*[aeiou][bdgklmnprtv]$")
# Words of more syllables whose stress ends them and doubles too, in news English.
_DOUBLE = frozenset({"occur", "prefer", "refer", "commit", "admit", "submit", "permit", "regret", "control"})
_E_ING_KEEP = frozenset({"be", "see", "agree", "flee", "free", "guarantee"})


@dataclass(frozen=True)
class Irregulars:
    """Irregular English forms: verbs (base → past, past participle) and noun plurals."""

    past: Mapping[str, str] = field(default_factory=dict)
    participle: Mapping[str, str] = field(default_factory=dict)
    plural: Mapping[str, str] = field(default_factory=dict)
    uncountable: frozenset[str] = frozenset()
    plural_mass: frozenset[str] = frozenset()  # authority, policy: uncountable, with a plural all the same
    countable_ing: frozenset[str] = frozenset()  # meeting, building: -ing nouns that take "a"
    personal: frozenset[str] = frozenset()  # country, counterpart: "his", not "its", for -ه
    actions: frozenset[str] = frozenset()  # withdrawal, visit: nouns whose genitive name is their subject
    generic: frozenset[str] = frozenset()  # terrorism, peace: abstract nouns English uses with no "the"
    communities: frozenset[str] = frozenset()  # Shiite, Kurdish: adjectives of no state, never paired
    the_names: frozenset[str] = frozenset()  # States, Council: a name ending so takes "the"
    # the irregular plurals themselves (men, people): plural() asks of every noun whether it is one
    plural_forms: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "plural_forms", frozenset(self.plural.values()))


def plural(noun: str, irr: Irregulars) -> str:
    """The plural of a noun phrase: its last word pluralised ("armed force" → "armed forces");
    an "of" phrase pluralises before "of" ("head of state" → "heads of state")."""
    if " of " in noun:
        head, rest = noun.split(" of ", 1)
        return f"{plural(head, irr)} of {rest}"
    words = noun.split(" ")
    last = words[-1]
    low = last.lower()
    invariable = low in irr.uncountable and low not in irr.plural_mass
    if invariable or not low.isalpha() or low in irr.plural_forms or low.endswith("men"):
        return noun  # invariable, or plural already (gunmen, people)
    if low in irr.plural:
        form = irr.plural[low]
    elif low.endswith("s") and not low.endswith(("ss", "us", "is")):
        form = last  # already plural (forces, arms)
    elif _SIBILANT.search(low):
        form = last + "es"
    elif _CONSONANT_Y.search(low):
        form = last[:-1] + "ies"
    else:
        form = last + "s"
    return " ".join([*words[:-1], form])


def _verb_parts(verb: str) -> tuple[str, str]:
    """A verb phrase as (first word, the rest with its leading space): "carry out" → ("carry", " out")."""
    head, sep, rest = verb.partition(" ")
    return head, sep + rest


def _regular_ed(v: str) -> str:
    if v.endswith("e"):
        return v + "d"
    if _CONSONANT_Y.search(v):
        return v[:-1] + "ied"
    if (_CVC.match(v) and not v.endswith(("w", "x", "y"))) or v in _DOUBLE:
        return v + v[-1] + "ed"
    return v + "ed"


def past(verb: str, irr: Irregulars) -> str:
    head, rest = _verb_parts(verb)
    return irr.past.get(head, _regular_ed(head)) + rest


def participle(verb: str, irr: Irregulars) -> str:
    head, rest = _verb_parts(verb)
    return irr.participle.get(head, irr.past.get(head, _regular_ed(head))) + rest


def third_person(verb: str, irr: Irregulars) -> str:
    """The present tense's third person singular: "withdraw" → "withdraws"."""
    head, rest = _verb_parts(verb)
    if head == "be":
        form = "is"
    elif head == "have":
        form = "has"
    elif _SIBILANT.search(head) or head.endswith("o"):
        form = head + "es"
    elif _CONSONANT_Y.search(head):
        form = head[:-1] + "ies"
    else:
        form = head + "s"
    return form + rest


def gerund(verb: str) -> str:
    head, rest = _verb_parts(verb)
    if head.endswith("ie"):
        form = head[:-2] + "ying"
    elif head.endswith("e") and head not in _E_ING_KEEP:
        form = head[:-1] + "ing"
    elif (_CVC.match(head) and not head.endswith(("w", "x", "y"))) or head in _DOUBLE:
        form = head + head[-1] + "ing"
    else:
        form = head + "ing"
    return form + rest


# vowel letters that sound as a consonant: a use, a union, a European, a one-day truce; "uni" only
# where it is the Latin "one" (a unit, a unique), not the prefix "un" (an unimportant, an uninformed)
_YOO = (
    "use",
    "usu",
    "uti",
    "ura",
    "eu",
    "one",
    "once",
    "union",
    "unit",
    "unif",
    "uniq",
    "univ",
    "unilat",
    "unis",
)


def indefinite(phrase: str) -> str:
    """ "a" or "an" before a singular noun phrase."""
    word = phrase.lstrip().lower()
    vowel = word[:1] in _VOWELS and not word.startswith(_YOO)
    return ("an " if vowel else "a ") + phrase


def adverb(adjective: str) -> str:
    """The adverb of an adjective: quick → quickly, easy → easily, final → finally; monthly
    is an adverb already, and a participle says it as it is (مهددا: threatening)."""
    if adjective.endswith(("ly", "ing")):
        return adjective
    if adjective.endswith("y") and len(adjective) > 2:
        return adjective[:-1] + "ily"
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"
