"""What the claim rules ask of a word, as bits of one integer read once per word form.

The rules walk tokens asking the same few questions of each (a space? a quotation mark? a comma?
a function word of this or that list?), by string comparisons and set lookups, several per token.
The answers depend on the word alone, so words.WordColumns keeps them, by word, beside the
word's record; a loop then skips a token whose bits say none of its questions can hold with one
`&`, and asks the lists only of the few that may.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.pipeline.claims.tables import ClaimTables

IS_SPACE = 1 << 0  # the lexeme's is_space
IS_ALPHA = 1 << 1  # the lexeme's is_alpha
IS_QUOTE = 1 << 2  # QUOTES
IS_OPEN_QUOTE = 1 << 3  # OPEN_QUOTES
IS_COMMA = 1 << 4  # COMMAS
IS_FINAL = 1 << 5  # FINAL
IS_COLON = 1 << 6
IS_THAT = 1 << 7  # fw in tables.that
IS_COMPLEMENT_PREP = 1 << 8  # fw in tables.complement_prepositions
IS_FUNCTION = 1 << 9  # fw a function word no bare subject phrase holds (phrases.content_word)
IS_CLAUSE_ENDER = 1 << 10  # fw in tables.clause_enders
IS_LEAD = 1 << 11  # a time word, adverb or "that" before the claimed words (content._past_lead)
IS_WITH = 1 << 12  # complements.with_here's test of the word alone: ب + a verbal noun
IS_BARE_BA = 1 << 13  # ب written alone (بـ"التوغل")

BLANK = IS_SPACE | IS_QUOTE  # what Context.skip_blank skips

# The punctuation the rules read, by text.
FINAL = frozenset({".", "!", "?", "؟", "…", "..", "...", ";", "؛"})
COMMAS = frozenset({"،", ","})
QUOTES = frozenset("\"'“”„‟«»‹›‘’`")
OPEN_QUOTES = frozenset('"“„«‹‘')


_PUNCTUATION = {
    **{q: IS_QUOTE for q in QUOTES},
    **{q: IS_QUOTE | IS_OPEN_QUOTE for q in OPEN_QUOTES},
    **{c: IS_COMMA for c in COMMAS},
    **{f: IS_FINAL for f in FINAL},
    ":": IS_COLON,
}


def word_class_bits(tables: ClaimTables) -> dict[str, int]:
    """The bits of each function word the rules read, by its folded form (`fw`): one lookup
    for a new word instead of a set test per class."""
    t = tables
    classes: list[tuple[int, Iterable[str]]] = [
        (IS_THAT | IS_LEAD, t.that),
        (IS_COMPLEMENT_PREP, t.complement_prepositions),
        (IS_CLAUSE_ENDER, t.clause_enders),
        (IS_LEAD, t.leading_time_words),
        (IS_LEAD, t.adverbs),
        (IS_FUNCTION, t.not_subject),
        (IS_FUNCTION, ["و" + w for w in t.not_subject] + ["ف" + w for w in t.not_subject]),  # ولم، فهو
    ]
    # the function words phrases.content_word turns down
    for function_words in (
        t.prepositions, t.that, t.qad, t.honorific_pronouns, t.pronoun_prepositions, t.obligation,
        t.adverbs, t.leading_time_words, t.auxiliaries_and_relatives, t.clause_openers,
        t.conjunction_heads, t.continuing_conjunctions, t.clause_enders,
    ):  # fmt: skip
        classes.append((IS_FUNCTION, function_words))
    bits: dict[str, int] = {}
    for bit, words in classes:
        for w in words:
            bits[w] = bits.get(w, 0) | bit
    return bits


def word_bits(
    text: str, fw: str, folded: str, space: bool, alpha: bool, tables: ClaimTables, classes: dict[str, int]
) -> int:
    """The bits of a word: `fw` is its folded form with proclitics kept (context.Context.fw),
    `folded` the fold of its text, `classes` the tables' word_class_bits."""
    bits = (IS_SPACE if space else 0) | (IS_ALPHA if alpha else 0)
    bits |= _PUNCTUATION.get(text, 0) | classes.get(fw, 0)
    if folded[:1] == "ب":
        with_noun = (
            len(folded) > 2 and folded not in tables.ba_initial_words and folded not in tables.that and alpha
        )
        bits |= IS_WITH if with_noun else 0
        bits |= IS_BARE_BA if folded.rstrip("\u0640") == "ب" else 0
    return bits
