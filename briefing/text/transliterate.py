"""Readable Arabic→English spelling of person names that the gazetteer does not know.

Two layers. A table (`resources/person_names.json`, built by scripts/build_person_names.py from
Wikidata person labels) gives the usual English spelling of a known name token. Tokens that are
not in it go through `romanize`, a deterministic rule set in the spirit of BGN/PCGN 1956 (the
CLDR Arabic-Latin-BGN transform, Unicode License v3) simplified to news style: plain ASCII, no
ʿayn/hamza marks, digraphs sh kh gh th dh, short vowels guessed from the consonant skeleton.
Names are then assembled with the usual conventions: al-, bin, Abu, Abdullah, Nasrallah.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from camel_tools.utils.charmap import CharMapper

from briefing.text.normalize import fold

# --- rule-based fallback -------------------------------------------------------------------

# Step 1 (CharMapper): every Arabic letter becomes one code symbol, so that the rules below can
# look at neighbours without caring about digraphs. Lower-case symbols are consonants; A W Y
# are the long-vowel letters (و and ي are settled as vowel or consonant by context); the others
# are letters with a fixed reading. Marks are kept as themselves for the diacritic rules.
# fmt: off
_CODES: dict[str, str] = {
    "ب": "b", "ت": "t", "ث": "θ", "ج": "j", "ح": "ħ", "خ": "x", "د": "d", "ذ": "ð", "ر": "r",
    "ز": "z", "س": "s", "ش": "š", "ص": "ṣ", "ض": "ḍ", "ط": "ṭ", "ظ": "ẓ", "ع": "ʕ", "غ": "ġ",
    "ف": "f", "ق": "q", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ۀ": "h",
    "پ": "p", "چ": "č", "ژ": "ž", "گ": "g", "ڤ": "v", "ڨ": "g",
    "ا": "A", "ٱ": "A", "أ": "Á", "إ": "I", "آ": "Ā", "و": "W", "ي": "Y", "ی": "Y", "ى": "E",
    "ة": "T", "ؤ": "U", "ئ": "Ī", "ء": "'",
    "\u064e": "1", "\u064b": "1", "\u0650": "2", "\u064d": "2", "\u064f": "3", "\u064c": "3",
    "\u0652": "0", "\u0651": "~",
}
# fmt: on
_MAPPER = CharMapper(_CODES, default="")

# Step 3: how each consonant symbol is written.
# fmt: off
_CONSONANTS: dict[str, str] = {
    "b": "b", "t": "t", "θ": "th", "j": "j", "ħ": "h", "x": "kh", "d": "d", "ð": "dh", "r": "r",
    "z": "z", "s": "s", "š": "sh", "ṣ": "s", "ḍ": "d", "ṭ": "t", "ẓ": "z", "ʕ": "", "ġ": "gh",
    "f": "f", "q": "q", "k": "k", "l": "l", "m": "m", "n": "n", "h": "h", "p": "p", "č": "ch",
    "ž": "zh", "g": "g", "v": "v", "w": "w", "y": "y", "'": "",
}
# fmt: on
_EPENTHETIC = "a"  # the short vowel guessed between consonants
_BEFORE_LAST = "e"  # ... and between the last two after a long a (جاسر → jaser, كاظم → kazem)
_SLAVIC_MIN = 6  # letters from which a final -وف/-يف reads -ov/-ev
_SHORT = {"1": "a", "2": "i", "3": "u", "0": ""}
_LONG = {"A": "a", "Á": "a", "I": "i", "Ā": "a", "E": "a", "W": "ou", "Y": "i", "U": "u", "Ī": "i"}
_FINAL_LONG = {"W": "u"}


@dataclass
class _Unit:
    sym: str
    vowel: bool = False
    mark: str | None = None  # explicit short vowel from a diacritic ("" for sukun)
    double: bool = False


def _units(token: str) -> list[_Unit]:
    units: list[_Unit] = []
    for sym in _MAPPER.map_string(unicodedata.normalize("NFC", token)):
        if sym in _SHORT:
            if units and not units[-1].vowel:
                units[-1].mark = _SHORT[sym]
        elif sym == "~":
            if units:
                units[-1].double = True
        elif sym == "š" and units and units[-1].sym == "t" and units[-1].mark is None:
            units[-1].sym = "č"  # تش writes a foreign ch: تشرشل → churchill
        else:
            units.append(_Unit(sym))
    return units


def _settle_vowels(units: list[_Unit]) -> None:
    """Decide which of ا و ي ى ة ؤ ئ are vowels here; و and ي are consonants next to vowels."""
    n = len(units)
    for i, u in enumerate(units):
        if u.sym in "AÁIĀEUĪ":
            u.vowel = True
        elif u.sym in "WY":
            nxt = units[i + 1] if i + 1 < n else None
            prev = units[i - 1] if i else None
            if (
                i == 0
                or u.double
                or u.mark  # a written short vowel on it makes it a consonant
                or (prev is not None and prev.vowel)
                or (nxt is not None and nxt.sym in "AÁĀE")
            ):
                u.sym = u.sym.lower()
            else:
                u.vowel = True


def _is_consonant(u: _Unit) -> bool:
    return not u.vowel and u.sym != "T"


def romanize(token: str) -> str:
    """Rule-based readable spelling of one Arabic word (lower case; empty if it has no letters).

    Short vowels are unwritten in Arabic, so they are guessed: a word never starts with two
    consonants, never holds three in a row, and a final pair after a long a takes "e"
    (جاسر → jaser). Written diacritics (harakat, sukun, shadda) override the guesses.
    """
    units = _units(token)
    if not units:
        return ""
    _settle_vowels(units)
    out: list[str] = []
    n = len(units)
    run = 0  # consonants written since the last vowel
    for i, u in enumerate(units):
        last = i + 1 == n
        if u.vowel or u.sym == "T":
            out.append(_vowel(units, i, last))
            run = 0
            continue
        if u.sym == "'":  # hamza on the line: اء at the end reads "aa" (علاء → alaa)
            out.append("a" if last and i and units[i - 1].sym == "A" else "")
            continue
        out.append(_consonant(units, i, last))
        run += 1
        if last:
            break
        vowel = _vowel_after(units, i, run)
        if vowel:
            out.append(vowel)
            run = 0
    if n >= _SLAVIC_MIN and units[-1].sym == "f" and units[-2].vowel and units[-2].sym in "WY":
        # Long Slavic surnames: لافروف → lafrov, باتروشيف → batroushev (short ones are Arabic: شريف).
        out[-2:] = ["o" if units[-2].sym == "W" else "e", "v"]
    text = "".join(out)
    return text or ("a" if any(u.sym in "ʕ'" for u in units) else "")


def _vowel(units: list[_Unit], i: int, last: bool) -> str:
    """How the long vowel (or ta marbuta) at i is written."""
    u = units[i]
    if u.sym == "T":  # ta marbuta: -a, or -at after a long a
        return "t" if i and units[i - 1].sym in "AĀ" else "a"
    if i == 0 and u.sym in "WY":
        return u.sym.lower()
    if u.sym == "Á" and i and units[i - 1].vowel:
        return ""
    if last and u.sym in _FINAL_LONG:
        return _FINAL_LONG[u.sym]
    if u.sym == "A" and last and i and units[i - 1].sym == "'":
        return "a"
    return _LONG[u.sym]


def _consonant(units: list[_Unit], i: int, last: bool) -> str:
    """How the consonant at i is written."""
    u = units[i]
    letters = _CONSONANTS.get(u.sym, "")
    if last and u.sym == "ʕ" and i and not units[i - 1].vowel:
        letters = "a"  # final ʿayn after a consonant: الشرع → sharaa, ربع → rabaa
    if u.double and len(letters) == 1:
        letters *= 2
    return letters


def _vowel_after(units: list[_Unit], i: int, run: int) -> str:
    """The short vowel (or none) to write after the consonant at i."""
    u, nxt = units[i], units[i + 1]
    if u.mark is not None:
        return u.mark
    if not _is_consonant(nxt):
        return ""
    if u.double or nxt.double:  # a doubled consonant sits between vowels: همّتي → hammati
        return _EPENTHETIC
    if u.sym == "ʕ":
        # ʿayn after a consonant is heard as a vowel: سعد → saad, جعفر → jaafar.
        return _EPENTHETIC if i == 0 or not units[i - 1].vowel else ""
    if i == 0 or run >= 2:
        return _EPENTHETIC
    if i + 2 == len(units) and units[i - 1].vowel and units[i - 1].sym in "AĀ":
        return _BEFORE_LAST
    return ""


# --- names ----------------------------------------------------------------------------------

_ARTICLE = "ال"
# A regnal ordinal closing a name: عبد الله الثاني → Abdullah II.
# fmt: off
_REGNAL = {
    "الاول": "I", "الثاني": "II", "الثالث": "III", "الرابع": "IV", "الخامس": "V",
    "السادس": "VI", "السابع": "VII", "الثامن": "VIII", "التاسع": "IX", "العاشر": "X",
}
# fmt: on
_PARTICLES = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "ابو": "Abu", "ابي": "Abi", "ام": "Umm"}
# The particles of Western family names, written as words of their own (ستيفان دي ميستورا).
_WESTERN_PARTICLES = {"دي": "de", "فان": "van", "فون": "von", "دا": "da"}
_ABD = "عبد"
_ALLAH = "الله"
_LATIN = re.compile(r"[A-Za-z0-9]")


def _listed(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch in "-'."))


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


@dataclass(frozen=True)
class Transliterator:
    """Arabic person-name tokens to English: table first, then the rules of `romanize`."""

    table: Mapping[str, tuple[str, int]]
    stopwords: frozenset[str]
    lexicon_min_count: int = 2
    # Tokens whose spelling reads as an Arabic name: only these count as names after the article
    # (الجاسر yes; البيت, whose بيت is the Western "Pete", no).
    arabic_style: frozenset[str] = frozenset()
    # The table's spelling of each consonant skeleton (`skeleton`), its most frequent token's:
    # غريفيت and مستورا are other spellings of the table's غريفيث and ميستورا.
    variants: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    variant_cache: dict[str, str | None] = field(default_factory=dict, compare=False, hash=False)
    # The word after عبد (folded, article kept) → its spelling in the compound: الملك → Malik.
    abd: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_resources(cls, resources: Any) -> Transliterator:
        """Build from `resources.file("person_names")` and `name_compounds` (a Resources)."""
        built = cls.from_data(resources.file("person_names"))
        compounds = resources.file("name_compounds").get("abd_compounds", ())
        abd = {fold(ar): str(entry["en"]) for entry in compounds for ar in _listed(entry["ar"])}
        return replace(built, abd=abd)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Transliterator:
        """Build from the parsed person_names.json document."""
        tokens = data.get("tokens")
        if not isinstance(tokens, Mapping):
            raise ValueError("person_names.json: 'tokens' must map Arabic tokens to [english, count]")
        table = {fold(k): (str(v[0]), int(v[1])) for k, v in tokens.items()}
        arabic = frozenset(fold(k) for k, v in tokens.items() if len(v) > 2 and v[2])
        stop = frozenset(fold(w) for w in data.get("stopwords", ()))
        min_count = int(data.get("lexicon_min_count", 2))
        return cls(
            table=table,
            stopwords=stop,
            lexicon_min_count=min_count,
            arabic_style=arabic,
            variants=_variants(table),
        )

    # -- single tokens

    def _lookup(self, folded: str) -> str | None:
        hit = self.table.get(folded)
        return hit[0] if hit else None

    def _variant(self, folded: str) -> str | None:
        """The table's spelling of another spelling of `folded` (`variant_of`); None without one."""
        token = self.variant_of(folded)
        return self.table[token][0] if token else None

    def variant_of(self, folded: str) -> str | None:
        """The table token that `folded` (not in the table) is another spelling of: of the table's
        tokens with its skeleton, the nearest in letters (then the most frequent); None without one."""
        if folded in self.variant_cache:
            return self.variant_cache[folded]
        found = None
        spellings = self.variants.get(skeleton(folded))
        if spellings:
            token = min(spellings, key=lambda s: _distance(folded, s[0]))[0]
            # Near enough to be one name: two letters apart at most, one in a short word, and the
            # same last letter but for the merged ones (ادلب is no spelling of the nisba ادلبي).
            limit = 1 if len(folded) <= _SHORT_WORD else 2
            same_end = token[-1].translate(_SKELETON) == folded[-1].translate(_SKELETON)
            found = token if same_end and _distance(folded, token) <= limit else None
        self.variant_cache[folded] = found
        return found

    def _word(self, folded: str, raw: str) -> str:
        """Lower-case English of one token without article handling."""
        hit = self._lookup(folded)
        if hit:
            return hit
        return romanize(raw) or romanize(folded)

    def _stem(self, folded: str, raw: str) -> str:
        """Like `_word`, for what follows the article: a Western homograph (دين "dean") is not used."""
        if folded in self.table and (folded in self.arabic_style or not self.arabic_style):
            return self.table[folded][0]
        return romanize(raw) or romanize(folded)

    def token_en(self, tok: str) -> str:
        """English spelling of one token, title-cased; "al-" kept for the article."""
        return self._token(tok.strip(), initial=True)

    def _token(self, raw: str, *, initial: bool) -> str:
        if not raw:
            return ""
        if _LATIN.search(raw) and not any("\u0600" <= ch <= "\u06ff" for ch in raw):
            return _ascii(raw) or "?"
        folded = fold(raw)
        bare = _MARK.sub("", raw)
        if bare in ("آل", "ال"):  # آل, the family: Al Thani, Al Saud
            return "Al"
        hit = self._lookup(folded)
        if hit:
            return _title(hit)
        if folded.startswith(_ABD + _ARTICLE) and len(folded) > 5:  # عبدالرحمن written as one word
            stem = folded[len(_ABD) + 2 :]
            if folded[len(_ABD) :] in self.abd:
                return "Abdul" + self.abd[folded[len(_ABD) :]].lower()
            return "Abdullah" if stem == "له" else "Abdul" + self._stem(stem, _drop_letters(raw, 5))
        if folded.endswith(_ALLAH) and len(folded) > 5:  # نصرالله → Nasrallah
            return _title(self._word(folded[:-4], _drop_tail(raw, 4)).rstrip("a") + "allah")
        if bare.startswith(_ARTICLE) and len(folded) > 3:  # not آل/أل, which open names (آلان)
            article = "Al-" if initial else "al-"
            return article + _title(self._stem(folded[2:], _drop_letters(raw, 2)))
        word = self._variant(folded) or romanize(raw) or romanize(folded)
        return _title(word) if word else "?"

    def name_en(self, name: str) -> str:
        """English form of a whole multi-token name: "صدام الجاسر" → "Saddam al-Jaser"."""
        toks = name.split()
        out: list[str] = []
        i = 0
        while i < len(toks):
            raw = toks[i]
            folded = fold(raw)
            nxt = fold(toks[i + 1]) if i + 1 < len(toks) else None
            if folded == _ABD and nxt is not None:
                if nxt == _ALLAH:
                    out.append("Abdullah")
                elif nxt in self.abd:
                    out.append(("Abdul " if nxt.startswith(_ARTICLE) else "Abd ") + self.abd[nxt])
                elif nxt.startswith(_ARTICLE) and len(nxt) > 3:
                    out.append("Abdul " + _title(self._stem(nxt[2:], _drop_letters(toks[i + 1], 2))))
                else:
                    out.append("Abd " + self._token(toks[i + 1], initial=True))
                i += 2
                continue
            if nxt == _ALLAH and folded not in _PARTICLES and not folded.startswith(_ARTICLE):
                out.append(_title(self._word(folded, raw).rstrip("a") + "allah"))
                i += 2
                continue
            if folded in _PARTICLES:
                word = _PARTICLES[folded]
                out.append(_title(word) if not out else word)
            elif i < len(toks) - 1 and folded in _WESTERN_PARTICLES:
                word = _WESTERN_PARTICLES[folded]
                out.append(word if out else _title(word))
            elif out and i == len(toks) - 1 and folded in _REGNAL:
                out.append(_REGNAL[folded])
            else:
                out.append(self._token(raw, initial=not out))
            i += 1
        return " ".join(out)

    def in_table(self, tok: str) -> bool:
        """True when the table (not the rules) spells `tok`, with or without its article."""
        folded = fold(tok.strip())
        return folded in self.table or (folded.startswith(_ARTICLE) and folded[2:] in self.table)

    def name_tokens(self, min_count: int | None = None) -> list[str]:
        """Folded tokens the table knows as person-name tokens (seen at least `min_count` times)."""
        floor = self.lexicon_min_count if min_count is None else min_count
        return [t for t, hit in self.table.items() if hit[1] >= floor and t not in self.stopwords]

    def is_name_token(self, tok: str) -> bool:
        """True when `tok` (any spelling) is a person-name token known to the table."""
        folded = fold(tok.strip())
        if not folded or folded in self.stopwords or _raw_stop(tok):
            return False
        hit = self.table.get(folded)
        if hit is None and folded.startswith(_ARTICLE) and len(folded) > 3:
            stem = folded[2:]
            if stem in self.stopwords or stem not in self.arabic_style:
                return False
            hit = self.table.get(stem)
        return hit is not None and hit[1] >= self.lexicon_min_count


# على/إلى/حتى/لدى end in alef maqsura, which folding turns into ي: على would become علي, Ali.
_MAQSURA_WORDS = frozenset({"علي", "الي", "حتي", "لدي", "متي", "سوي", "اولي", "عسي"})


def _raw_stop(tok: str) -> bool:
    tok = _MARK.sub("", tok.strip())
    return tok.endswith("ى") and fold(tok) in _MAQSURA_WORDS


_MARK = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


def _drop_letters(raw: str, count: int) -> str:
    """`raw` without its first `count` letters (diacritics skipped), for the article."""
    seen = 0
    for i, ch in enumerate(raw):
        if _MARK.match(ch):
            continue
        if seen == count:
            return raw[i:]
        seen += 1
    return ""


def _drop_tail(raw: str, count: int) -> str:
    kept = list(raw)
    while count and kept:
        if not _MARK.match(kept.pop()):
            count -= 1
    return "".join(kept)


# Letters that spell one sound of a foreign name (ث and ت for th/t, ق and ك for k, غ and ج for g…),
# and the long-vowel letters, which transcriptions write or leave out at will.
_SKELETON = str.maketrans(
    {"ث": "ت", "ط": "ت", "ص": "س", "ض": "د", "ذ": "د", "ظ": "ز", "ق": "ك", "غ": "ج", "ة": "ه"}
)
_SKELETON_VOWELS = re.compile("[اوي]")
_SKELETON_MIN = 4  # letters of skeleton from which two spellings are taken for one name
_SHORT_WORD = 5  # letters up to which another spelling may differ by one letter only


def skeleton(folded: str) -> str:
    """The consonant skeleton of a folded token: its first letter, then its other letters but the
    long vowels, with the letters that transcribe one foreign sound merged ("" when too short)."""
    word = folded.translate(_SKELETON)
    key = word[:1] + _SKELETON_VOWELS.sub("", word[1:])
    return key if len(key) >= _SKELETON_MIN else ""


def _variants(table: Mapping[str, tuple[str, int]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Skeleton → the table's (token, English) with it, most frequent first."""
    by_key: dict[str, list[tuple[int, str, str]]] = {}
    for token, (english, count) in table.items():
        key = skeleton(token)
        if key:
            by_key.setdefault(key, []).append((count, token, english))
    return {key: tuple((t, e) for _, t, e in sorted(hits, reverse=True)) for key, hits in by_key.items()}


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]
