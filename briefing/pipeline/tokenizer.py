"""Arabic-news tweaks to spaCy's Arabic tokenizer; every token stays a substring of the text.

spaCy's defaults leave quotes glued to words (لـ"رويترز), keep hashtag words whole (حزب_الله),
glue و to a following number (و٣٠٠) and keep brackets inside words (الأول(أكتوبر). The extra
infixes below split those places, and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_LETTER = "\u0621-\u064a\u066e-\u06d3"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_QUOTES = "\"'“”„‟«»‹›‘’`"

EXTRA_INFIXES = (
    rf"[{_QUOTES}()\[\]{{}}<>]",  # quotes and brackets anywhere inside a token
    r"_",  # hashtag word joints: #حزب_الله
    rf"(?<=[{_LETTER}]\u0640)(?=[^\u0640])",  # after a tatweel that ends a clitic: لـ|رويترز، الـ|بي
    rf"(?<=[{_LETTER}])(?=[{_DIGIT}])",  # و|٣٠٠، بـ|2000
    rf"(?<=[{_DIGIT}])(?=[{_LETTER}])",  # 30|مليار written together
    rf"(?<=[{_LETTER}])[.,،؛:!?؟](?=[{_LETTER}])",  # punctuation glued between two Arabic words
)
EXTRA_PREFIXES = (rf"[{_QUOTES}@]", r"[(\[{<]", rf"#(?![{_LETTER}])")
EXTRA_SUFFIXES = (rf"[{_QUOTES}]", r"[)\]}>]", r"[.,،؛:!?؟…]")


def customize_tokenizer(nlp: Language) -> None:
    """Add the Arabic-news infixes, prefixes and suffixes to `nlp`'s tokenizer in place."""
    tok: Any = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or ()) + list(EXTRA_INFIXES)
    # "#" stays on an Arabic word (#ترمب, #حزب_الله): folding drops it, so a hashtag inside a name
    # (دونالد #ترمب) does not cut the name in two.
    prefixes = list(EXTRA_PREFIXES) + [p for p in nlp.Defaults.prefixes or () if p != "#"]
    suffixes = list(EXTRA_SUFFIXES) + list(nlp.Defaults.suffixes or ())
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(suffixes).search
    # The URL matcher takes "دمشق.وقال" and "الـ”بي.بي.سي" for domain names; URLs are Latin.
    url_match = tok.url_match
    if url_match is not None:
        tok.url_match = _LatinOnly(url_match)
    nlp.tokenizer = TextKeepingTokenizer(tok)


def fresh_cache(nlp: Language) -> None:
    """Start the tokenizer's word cache afresh. spaCy caches at most `max_cache_size` (10,000)
    chunks and then none: loading tokenizes every pattern of the gazetteer and the rules, which
    would fill it, and every word of the articles after would be split again each time it comes
    (three times the tokenizer's time on the corpus). Setting the rules is spaCy's public way to
    a new cache; the rules are the same, so are the tokens."""
    tok: Any = nlp.tokenizer
    inner = tok.tokenizer if isinstance(tok, TextKeepingTokenizer) else tok
    inner.rules = inner.rules


_ARABIC = re.compile(f"[{_LETTER}]")


class _LatinOnly:
    """A URL matcher that leaves Arabic alone; a class, not a closure, so that the built
    pipeline pickles (pipeline/cache.py)."""

    def __init__(self, match: Callable[[str], Any]) -> None:
        self.match = match

    def __call__(self, text: str) -> Any:
        return None if _ARABIC.search(text) else self.match(text)


TEXT_KEY = "briefing.text"  # doc.user_data: the text the doc was made from


class TextKeepingTokenizer:
    """spaCy's tokenizer, keeping the input text on the doc.

    `Doc.text` is rebuilt from every token at each access (milliseconds for a long article);
    components read the kept text through `text_of(doc)` instead.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc: Doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet while unpickling: no delegation, no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def text_of(doc: Doc) -> str:
    """The doc's text, without rebuilding it from the tokens when the tokenizer kept it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
