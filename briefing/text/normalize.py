"""Arabic folding for matching, built on camel-tools; it never touches the text offsets refer to.

Folding is applied to tokens and to resource surfaces alike, so the two meet in one form:
presentation forms and ligatures decomposed, diacritics and tatweel removed, alef variants,
alef maqsura and ta marbuta unified, Persian letters mapped, and Arabic-Indic digits and
separators turned into ASCII ones.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،یکۀ",
    "01234567890123456789.,،يكه",
)
# Marks that carry no letter: harakat, shadda, sukun, superscript alef, Quranic marks, tatweel, bidi
# marks; and the hashtag sign, which tags a word without changing it (#ترمب).
_MARKS = re.compile(
    "[#\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069]"
)

# Proclitic sequences, longest first. Each is tried only when what remains is a known word, so
# that "وزير" is never read as و + زير.
PROCLITICS: tuple[str, ...] = (
    "وبال",
    "وكال",
    "فبال",
    "فال",
    "وال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "فك",
    "وس",
    "فس",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "س",
)
# The order strip_proclitics tries them in: the article forms first, longest first; then the
# others shortest first, so that the longest known word remains (وسمير is و + سمير, not وس + مير).
_STRIP_ORDER = tuple(c for c in PROCLITICS if c.endswith(("ال", "لل"))) + tuple(
    sorted((c for c in PROCLITICS if not c.endswith(("ال", "لل"))), key=len)
)
# First letters of an imperfect verb, the only word the future's س stands before (folded).
_IMPERFECT = frozenset("يتنا")
# Proclitics written before the article, with how many letters of them a mention leaves out.
_BEFORE_ARTICLE = {
    "وبال": 2,
    "وكال": 2,
    "فبال": 2,
    "فال": 1,
    "وال": 1,
    "بال": 1,
    "كال": 1,
    "ولل": 1,
    "فلل": 1,
    "لل": 0,
}
_ARTICLE_AFTER = frozenset({"وال", "بال", "كال", "فال", "وبال", "وكال", "فبال"})


def strip_marks(text: str) -> str:
    """The text without its marks that carry no letter (harakat, shadda, tatweel …: _MARKS), its
    letters unfolded (ة stays ة)."""
    return _MARKS.sub("", text)


def fold(text: str) -> str:
    """The matching form of `text` (any length: a token, a phrase, a whole text)."""
    if len(text) <= _WORD_LENGTH:
        return _fold_word(text)
    return _fold(text)


# A word is folded once, whichever component asks: a first run over the corpus asked 91,000
# times for 23,000 word forms (camel-tools' Unicode normalisation is most of a fold's cost).
_WORD_LENGTH = 32


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if not text:
        return text
    text = normalize_unicode(text)
    text = dediac_ar(text)
    text = _MARKS.sub("", text)
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    return text.translate(_DIGITS)


def strip_proclitics(folded: str, known: Iterable[str] | frozenset[str]) -> tuple[str, int]:
    """Remove proclitics from a folded token when the remainder is a known word.

    Returns the form to match and how many folded letters a mention should leave out.
    "لل" + X is read as ل + "ال" + X, the way Arabic writes ل before the article.
    """
    if len(folded) < 3:
        return folded, 0
    if folded in known:
        return _known_with_clitic(folded, known)
    for clitic in _STRIP_ORDER:
        if folded.startswith(clitic) and len(folded) - len(clitic) >= 2:
            found = _without(clitic, folded, known)
            if found is not None:
                return found
    return folded, 0


def _known_with_clitic(folded: str, known: Iterable[str] | frozenset[str]) -> tuple[str, int]:
    """A known word may itself carry a proclitic before the article (للأمم of "الجمعية العامة
    للأمم المتحدة"); it matches as the article form, like the same word elsewhere."""
    for clitic in _BEFORE_ARTICLE:
        if folded.startswith(clitic) and len(folded) - len(clitic) >= 2:
            candidate = "ال" + folded[len(clitic) :]
            if candidate in known:
                return candidate, _BEFORE_ARTICLE[clitic]
    return folded, 0


def _without(clitic: str, folded: str, known: Iterable[str] | frozenset[str]) -> tuple[str, int] | None:
    """(form, folded letters left out) when `folded` reads as `clitic` + a known word."""
    rest = folded[len(clitic) :]
    if clitic.endswith("س") and rest[0] not in _IMPERFECT:
        return None  # the future's س comes only before a verb: وسكين is و + سكين, not وس + كين
    if clitic in _ARTICLE_AFTER and folded[len(clitic) - 2 :] in known:
        # و + الأسد before وال + أسد: the article belongs to the word when that is a word.
        return folded[len(clitic) - 2 :], len(clitic) - 2
    if clitic.endswith("لل"):
        candidate = "ال" + rest
        # The mention keeps "لل": its second lam is the article's (ل + الـ → لل).
        return (candidate, len(clitic) - 2) if candidate in known else None
    return (rest, len(clitic)) if rest in known else None


def raw_prefix_length(raw: str, folded_letters: int) -> int:
    """How many characters of `raw` hold its first `folded_letters` letters (marks skipped)."""
    if folded_letters <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(raw):
        if _MARKS.match(ch):
            continue
        seen += 1
        if seen == folded_letters:
            # Marks that sit on the last clitic letter belong to it.
            j = i + 1
            while j < len(raw) and _MARKS.match(raw[j]):
                j += 1
            return j
    return len(raw)


def has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text)


# fold's one-for-one replacements, applied with str.replace (str.translate looks every character
# up in a dict: ten times slower on a whole article).
_ONE_FOR_ONE = tuple(
    (a, b) for a, b in zip("أإآٱىة٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬یکۀ", "اااايه01234567890123456789.,يكه", strict=True)
)


def fold_keeping_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """`text` with fold's letters and digits, for regular expressions over a whole article whose
    matches are mapped back to its offsets: (folded, the offset in `text` of a folded index)."""
    letters = text
    for a, b in _ONE_FOR_ONE:
        if a in letters:
            letters = letters.replace(a, b)
    removed = [m.start() for m in _MARKS.finditer(letters)]
    if not removed:
        return letters, _same
    # Where each removed mark would have stood in the folded text: a folded index maps back past
    # every mark at or before it.
    at = [p - k for k, p in enumerate(removed)]
    return _MARKS.sub("", letters), lambda i: i + bisect_right(at, i)


def _same(i: int) -> int:
    return i
