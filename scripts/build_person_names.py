"""Write briefing/resources/person_names.json: Arabic person-name tokens → usual English spelling.

Source: steveash/NETransliteration-COLING2018 (commit 5d5f59e5), data/wd_arabic.normalized.aligned.tokens,
CC0 1.0: English→Arabic name tokens aligned from Wikidata person labels, with counts (Merhav & Ash,
COLING 2018). The file is inverted: each folded Arabic token keeps its most frequent English spelling
(ASCII, diacritics dropped) and the total count of the spellings that agree with it. Alignments whose
consonant skeletons do not match (الأمير ↔ prince, النمسا ↔ austria, من ↔ of) are dropped, and an
Arabic article is split off when the English spelling has none (الطاهر ↔ tahar gives طاهر ↔ tahar).

usage: python scripts/build_person_names.py [--shared ../shared] [--out briefing/resources/person_names.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.text.normalize import fold  # noqa: E402
from briefing.text.transliterate import romanize  # noqa: E402

SOURCE = "reference/wikidata-names-en-ar/wd_arabic.normalized.aligned.tokens"
MIN_SIMILARITY = 0.5  # consonant-skeleton agreement needed to keep an alignment
MIN_SIMILARITY_SINGLE = 0.75  # stricter when one Wikidata name is the only evidence
LEXICON_MIN_COUNT = 2  # is_name_token needs at least this much evidence
ARABIC_STYLE = 0.7  # spelling agreement with the rules for a token to read as an Arabic name

# The spelling news wires use where Wikidata's majority differs (Mohamed 553 vs Mohammed 297).
NEWS_PREFERRED = {"محمد": "mohammed", "عبد": "abdul", "بن": "bin"}

# Folded Arabic function words and common news words: never name tokens, whatever Wikidata aligned
# (is_name_token says no; their spelling, when Wikidata has one, stays: باسم Bassem, عودة Odeh).
# fmt: off
STOPWORDS = sorted({
    "في", "من", "الي", "عن", "مع", "ان", "لا", "ما", "لم", "لن", "قد", "هو", "هي", "هم", "هما", "انه",
    "انها", "ذلك", "تلك", "هذا", "هذه", "هولاء", "الذي", "التي", "الذين", "كان", "كانت", "يكون", "بعد",
    "قبل", "منذ", "خلال", "حول", "ضد", "نحو", "دون", "غير", "كل", "بعض", "اي", "او", "ثم", "لكن", "بل",
    "اذا", "اذ", "حيث", "عند", "لدي", "بين", "امام", "وراء", "فوق", "تحت", "حتي", "كما", "ايضا", "اكثر",
    "اقل", "عام", "يوم", "امس", "اليوم", "غدا", "الان", "قال", "قالت", "يقول", "اكد", "اضاف", "اعلن",
    "وزير", "رئيس", "الرئيس", "وزاره", "حكومه", "دوله", "مدينه", "شهر", "سنه", "الف", "مليون",
    "مليار", "عبر", "لدى", "وفق", "وفقا", "لوكاله", "وكاله", "مصدر", "مصادر", "اول", "الاول", "يا",
    "الامير", "الملك", "الشيخ", "السيد", "الدكتور", "العام", "الجديد", "الوزير", "نائب", "مدير",
    "حزب", "جيش", "قوات", "مجلس", "الا", "الامر", "امر", "به", "له", "لها", "بها", "فيه", "فيها",
    "منه", "عليه", "عليها", "انا", "نحن", "انت", "كيف", "لماذا", "متي", "اين", "هل", "ليس", "لقد",
    "سوف", "حين", "حينما", "عندما", "بينما", "مثل", "ذات", "ذو", "تم", "يتم", "جدا", "فقط", "نفس",
    # function words with a proclitic, which the lexicon sees unsplit
    "بان", "فان", "وان", "لان", "واكد", "وقال", "وقالت", "واضاف", "وفي", "ومن", "وعلي", "واما",
    "اما", "اذن", "لكي", "كي", "لو", "ولو", "يكن", "ليست", "ادي", "ادت", "اثر", "جراء", "ازاء",
    # days, months, numerals, counting words
    "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "يناير", "فبراير", "مارس",
    "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون",
    "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين", "واحد", "واحده",
    "احد", "احدي", "اثنين", "عده", "الاف", "مره", "المره", "صفر", "يوما", "ايام", "اسبوع", "ساعه",
    # common nouns and adjectives of news prose that Wikidata pairs with surnames
    "دول", "الدول", "دولي", "الدولي", "الماضي", "المقبل", "الجاري", "الحالي", "السابق", "الاسبق",
    "الراحل", "الحرب", "حرب", "العالم", "عالم", "البيت", "بيت", "مكان", "باب", "دور", "الدور", "بي",
    "سي", "دي", "اس", "ام", "ريف", "دير", "جبل", "البحر", "بحر", "الجوي", "جوي", "البحري", "الامني",
    "الامنيه", "العدوان", "عدوان", "القوي", "قوي", "بيان", "البيان", "السلام", "العربيه", "العربي",
    "الغربيه", "الشرقيه", "كبير", "الكبير", "اكبر", "الاكبر", "الوحيد", "زياده", "فوري", "جندي",
    "الشان", "شان", "سبيل", "ليل", "الراي", "المال", "كاس", "النادي", "نادي", "الدوري", "الدين",
    "الامين", "باسم", "اسم", "ايدي", "عوده", "العوده", "خطاب", "التقي", "جري", "تري", "وراي",
})
# fmt: on

ROMAN = re.compile(r"^[ivxlcdm]+$")
# fmt: off
EN_STOP = {"of", "in", "the", "and", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des",
           "der", "den", "van", "von", "le", "la", "el", "al", "y", "e", "st", "saint", "prince",
           "princess", "king", "queen", "emperor", "sultan", "sheikh", "jr", "sr"}
# fmt: on

# Consonant classes shared by both scripts; vowels, w/y/h and ʿayn/hamza carry no class.
# fmt: off
AR_CLASS = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "S", "ج": "G", "چ": "S", "ح": "", "خ": "K", "د": "D",
    "ذ": "D", "ض": "D", "ظ": "Z", "ر": "R", "ز": "Z", "ژ": "Z", "س": "S", "ص": "S", "ش": "S", "غ": "G",
    "گ": "G", "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "ل": "L", "م": "M", "ن": "N",
}
# fmt: on
# fmt: off
EN_DIGRAPHS = [("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"), ("kh", "K"), ("gh", "G"),
               ("th", "T"), ("dh", "D"), ("ph", "F"), ("ck", "K"), ("dj", "G"), ("zh", "Z"),
               ("ts", "S"), ("tz", "S"), ("x", "KS")]
EN_CLASS = {"b": "B", "p": "B", "t": "T", "d": "D", "j": "G", "g": "G", "k": "K", "c": "K", "q": "K",
            "s": "S", "z": "Z", "f": "F", "v": "F", "l": "L", "m": "M", "n": "N", "r": "R"}
# fmt: on


def ar_skeleton(word: str) -> str:
    return "".join(AR_CLASS.get(ch, "") for ch in word).replace("Z", "S")


def en_skeleton(word: str) -> str:
    for digraph, cls in EN_DIGRAPHS:
        word = word.replace(digraph, cls)
    out = [EN_CLASS.get(ch, ch if ch.isupper() else "") for ch in word]
    skel = "".join(out).replace("Z", "S")
    return re.sub(r"(.)\1+", r"\1", skel)


def similarity(ar: str, en: str) -> float:
    a = re.sub(r"(.)\1+", r"\1", ar_skeleton(ar))
    e = en_skeleton(en)
    if not a and not e:
        return 1.0
    return SequenceMatcher(None, a, e, autojunk=False).ratio()


def spelling_ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def ascii_en(en: str) -> str:
    en = unicodedata.normalize("NFKD", en.lower().replace("ǧ", "j").replace("ğ", "g"))
    en = "".join(ch for ch in en if ch.isascii() and (ch.isalpha() or ch in "-'"))
    return en.strip("-'")


def route(ar: str, en: str, stems: set[str]) -> tuple[str, str, float] | None:
    """(key, english, similarity) for one alignment, splitting off the Arabic article when due.

    الطاهر ↔ tahar is article + طاهر; النجار ↔ alnajjar is too, because نجار is itself a known
    name; البرت ↔ albert and الكسيس ↔ alexis keep their al-, which belongs to the name.
    """
    if len(ar) < 2 or len(en) < 2 or ROMAN.match(en) or en in EN_STOP:
        return None
    if ar.startswith("ال") and len(ar) > 4:
        stem = ar[2:]
        whole = similarity(ar, en)
        m = re.match(r"^(?:al|el|ul|as|ad|ar|at|az|an|ash|ath)-?(?=.)", en)
        if m:
            rest = en[m.end() :]
            # An article is followed by a consonant in English unless the stem opens with ʿayn/alef.
            onset_ok = stem[0] in "عا" or rest[0] not in "aeiou"
            arabic = stem in stems or stem.endswith("ي")  # a nisba (السوداني) takes the article
            if onset_ok and arabic and similarity(stem, rest) >= whole:
                return stem, rest, similarity(stem, rest)
        elif similarity(stem, en) > whole:
            return stem, en, similarity(stem, en)
        return ar, en, whole
    return ar, en, similarity(ar, en)


def place_words(shared: Path) -> set[str]:
    """Folded one-word country and city names (CLDR) and country nisbas: سوريا، سوري، موسكو.

    Wikidata labels such as "Ibrahim of Syria" align them with person names; as name tokens they
    would glue a following place onto a name.
    """
    cldr = shared / "reference" / "cldr-arabic"
    terr = json.loads((cldr / "localenames/ar/territories.json").read_text(encoding="utf-8"))
    countries = [fold(n) for n in terr["main"]["ar"]["localeDisplayNames"]["territories"].values()]
    countries = [n for n in countries if " " not in n.strip()]
    names: list[str] = list(countries)

    def cities(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("exemplarCity"), str):
                names.append(node["exemplarCity"])
            for value in node.values():
                cities(value)

    cities(json.loads((cldr / "timezones/ar/timeZoneNames.json").read_text(encoding="utf-8")))
    words = {fold(n) for n in names if " " not in n.strip()}
    # Country nisbas only: city ones are often family names (بغدادي, طرابلسي).
    nisbas = {re.sub("(يا|ا)$", "", w.removeprefix("ال")) + "ي" for w in countries if len(w) > 3}
    return {w for w in words | nisbas if len(w) > 2}


def build(shared: Path) -> dict[str, object]:
    rows: list[tuple[str, str, bool, int]] = []
    with (shared / SOURCE).open(encoding="utf-8") as fh:
        for line in fh:
            en_raw, ar_letters, count = line.rstrip("\n").split("\t")
            ar = fold(ar_letters.replace(" ", ""))
            en = ascii_en(en_raw)
            if re.fullmatch(r"[\u0621-\u064a]+", ar):
                rows.append((ar, en, en_raw.isascii(), int(count)))
    # Words without the article, and article words whose English has none, name the known stems.
    stems = {ar for ar, *_ in rows if not ar.startswith("ال")}
    stems |= {ar[2:] for ar, en, *_ in rows if ar.startswith("ال") and not re.match("^[ae]l", en)}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    sims: dict[tuple[str, str], float] = {}
    plain: set[tuple[str, str]] = set()  # spellings seen without diacritics: the news-like ones
    for ar, en, is_ascii, count in rows:
        routed = route(ar, en, stems)
        if routed is None:
            continue
        key, spelling, sim = routed
        if sim < MIN_SIMILARITY:
            continue
        votes[key][spelling] += count
        sims[key, spelling] = max(sim, sims.get((key, spelling), 0.0))
        if is_ascii:
            plain.add((key, spelling))
    tokens: dict[str, list[object]] = {}
    for key in sorted(votes):
        counter = votes[key]
        total = sum(counter.values())
        best = min(counter, key=lambda s: (-counter[s], (key, s) not in plain, "'" in s, -sims[key, s], s))
        if "ج" in key and "g" in best:
            # Egyptian g for ج is frequent in Wikidata; news spells the standard j when it is attested.
            j_form = best.replace("g", "j").replace("jh", "gh")
            if counter.get(j_form, 0) * 3 >= counter[best]:
                best = j_form
        if key in NEWS_PREFERRED:
            best = NEWS_PREFERRED[key]
        if total < 2 and sims[key, best] < MIN_SIMILARITY_SINGLE:
            continue
        # Third field: 1 when the spelling reads like an Arabic name (جاسر jasser), which lets an
        # article form (الجاسر) count as a name token; Western homographs (بيت pete) do not.
        arabic = int(spelling_ratio(romanize(key), best) >= ARABIC_STYLE)
        tokens[key] = [best, total, arabic]
    return {
        "_source": (
            "Derived from steveash/NETransliteration-COLING2018 @ 5d5f59e5, "
            "data/wd_arabic.normalized.aligned.tokens (Wikidata person labels), CC0 1.0; "
            "Merhav & Ash, 'Design Challenges in Named Entity Transliteration', COLING 2018."
        ),
        "_licence": "CC0-1.0",
        "_generated_by": "scripts/build_person_names.py (do not edit by hand; re-run the script)",
        "_format": (
            "tokens: folded Arabic token -> [English spelling (lower case), evidence count, "
            "1 if the spelling reads as an Arabic name (so al+token is a name token) else 0]"
        ),
        "_source_places": (
            "stopwords also hold one-word country and city names from Unicode CLDR 47 "
            "(unicode-org/cldr-json @ b08a82b5, Unicode License v3) and their nisbas"
        ),
        "lexicon_min_count": LEXICON_MIN_COUNT,
        "stopwords": sorted(set(STOPWORDS) | place_words(shared)),
        "tokens": tokens,
    }


def dumps(data: dict[str, object]) -> str:
    """The file's exact text, so that a test can check the committed file is fresh."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "briefing" / "resources" / "person_names.json")
    args = parser.parse_args()
    data = build(args.shared)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(dumps(data), encoding="utf-8")
    tmp.replace(args.out)
    tokens = data["tokens"]
    assert isinstance(tokens, dict)
    print(f"{args.out}: {len(tokens)} tokens, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
