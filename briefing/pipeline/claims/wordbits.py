"""What the claim rules ask of a word, as bits of one integer read once per word form.

The rules walk tokens asking the same few questions of each (a space? a quotation mark? a comma?
a function word of this or that list?), by string comparisons and set lookups, several per token.
The answers depend on the word alone, so words.WordColumns keeps them, by word, beside the
word's record; a loop then skips a token whose bits say none of its questions can hold with one
`&`, and asks the lists only of the few that may.
"""

from __future__ import annotations

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


def word_bits(text: str, fw: str, folded: str, space: bool, alpha: bool, tables: ClaimTables) -> int:
    """The bits of a word: `fw` is its folded form with proclitics kept (context.Context.fw),
    `folded` the fold of its text."""
    bits = (IS_SPACE if space else 0) | (IS_ALPHA if alpha else 0)
    if text in QUOTES:
        bits |= IS_QUOTE | (IS_OPEN_QUOTE if text in OPEN_QUOTES else 0)
    bits |= (IS_COMMA if text in COMMAS else 0) | (IS_FINAL if text in FINAL else 0)
    bits |= IS_COLON if text == ":" else 0
    bits |= IS_THAT if fw in tables.that else 0
    bits |= IS_COMPLEMENT_PREP if fw in tables.complement_prepositions else 0
    bits |= IS_FUNCTION if _function_word(fw, tables) else 0
    bits |= IS_CLAUSE_ENDER if fw in tables.clause_enders else 0
    lead = fw in tables.leading_time_words or fw in tables.adverbs or fw in tables.that
    bits |= IS_LEAD if lead else 0
    with_noun = (
        folded.startswith("ب")
        and len(folded) > 2
        and folded not in tables.ba_initial_words
        and folded not in tables.that
        and alpha
    )
    bits |= IS_WITH if with_noun else 0
    bits |= IS_BARE_BA if folded.rstrip("\u0640") == "ب" else 0
    return bits


def _function_word(fw: str, t: ClaimTables) -> bool:
    """Is the word one of the function words phrases.content_word turns down?"""
    return (
        fw in t.prepositions
        or fw in t.that
        or fw in t.qad
        or fw in t.not_subject
        or (fw[:1] in ("و", "ف") and fw[1:] in t.not_subject)  # ولم، فهو
        or fw in t.honorific_pronouns
        or fw in t.pronoun_prepositions
        or fw in t.obligation
        or fw in t.adverbs
        or fw in t.leading_time_words
        or fw in t.auxiliaries_and_relatives
        or fw in t.clause_openers
        or fw in t.conjunction_heads
        or fw in t.continuing_conjunctions
        or fw in t.clause_enders
    )
