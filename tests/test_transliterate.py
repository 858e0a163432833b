"""Arabic→English person-name spelling: table, rules, name assembly, lexicon."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.resources import RESOURCES_DIR, Resources
from briefing.text.normalize import fold
from briefing.text.transliterate import Transliterator, romanize

TABLE_PATH = RESOURCES_DIR / "person_names.json"
COMPOUNDS_PATH = RESOURCES_DIR / "name_compounds.yaml"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def table_doc():
    return srsly.read_json(TABLE_PATH)


@pytest.fixture(scope="module")
def translit(table_doc) -> Transliterator:
    # Only this file is needed; the full Resources.load() also validates every other resource.
    resources = Resources(
        directory=RESOURCES_DIR,
        version="test",
        actors=(),
        titles=(),
        themes=(),
        data={"person_names": table_doc, "name_compounds": srsly.read_yaml(COMPOUNDS_PATH)},
    )
    return Transliterator.from_resources(resources)


@pytest.fixture(scope="module")
def rules_only() -> Transliterator:
    return Transliterator(table={}, stopwords=frozenset())


@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("محمد بن سلمان", "Mohammed bin Salman"),
        ("عبد الله الثاني", "Abdullah II"),
        ("عبدالله", "Abdullah"),
        ("حسن نصر الله", "Hassan Nasrallah"),
        ("أبو بكر البغدادي", "Abu Bakr al-Baghdadi"),
        ("عبد الرحمن الراشد", "Abdul Rahman al-Rashed"),
        ("تميم بن حمد آل ثاني", "Tamim bin Hamad Al Thani"),
        ("علي شمخاني", "Ali Shamkhani"),
        ("جيمس جيفري", "James Jeffrey"),
        ("يحيى السنوار", "Yahya al-Sinwar"),
        ("فؤاد حسين", "Fouad Hussein"),
        ("أسامة", "Osama"),
        ("إبراهيم", "Ibrahim"),
        ("مسعود", "Masoud"),
        ("سهيل كريمي", "Suhail Karimi"),
        # عبد + a name of God: the compound's spelling, not the table's for the word alone
        # (ملك is the female name Malak) nor the rules' guess at its vowels.
        ("عبد الملك الحوثي", "Abdul Malik al-Houthi"),
        ("هشام بن عبد الملك", "Hisham bin Abdul Malik"),
        ("عبدالملك", "Abdulmalik"),
        ("عبد المحسن", "Abdul Mohsen"),
        ("عبد المهيمن", "Abdul Muhaymin"),
        ("عبد الغفار الحمصي", "Abdul Ghaffar al-Homsi"),
        ("عبد ربه", "Abd Rabbo"),
        ("عبد الأمير", "Abdul Amir"),
    ],
)
def test_transliterate_golden_names(translit, arabic, english):
    assert translit.name_en(arabic) == english


@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("كريمي", "karimi"),
        ("جاسر", "jaser"),  # CāCiC: the last pair after a long a takes e
        ("سعد", "saad"),  # ʿayn between consonants is heard as a vowel
        ("محمود", "mahmoud"),
        ("شريف", "sharif"),
        ("لافروف", "lafrov"),  # long -وف/-يف words are Slavic surnames
        ("باتروشيف", "batroushev"),
        ("هَمَّتي", "hammati"),  # shadda doubles the consonant
        ("مُحَمَّد", "muhammad"),  # written harakat override the guesses
        ("علاء", "alaa"),
        ("موسى", "mousa"),
        ("فاطمة", "fatma"),  # ة reads -a
        ("تشرشل", "charshal"),  # تش is a foreign ch
    ],
)
def test_transliterate_rules_golden(arabic, english):
    assert romanize(arabic) == english


@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        # Another spelling of a table token takes the table's spelling (ت for ث, ي left out).
        ("مارتن غريفيت", "Martin Griffith"),
        ("ستيفان دي مستورا", "Stefan de Mistura"),  # and دي is the Western particle
        ("جون بولتن", "John Bolton"),
        ("دي ميستورا", "De Mistura"),
    ],
)
def test_transliterate_other_spellings_of_table_names(translit, arabic, english):
    assert translit.name_en(arabic) == english


def test_transliterate_other_spelling_takes_the_nearest_table_token(translit):
    # مستورا shares its skeleton with مايسترو (maestro, more frequent) and ميستورا: the nearest wins.
    assert translit.token_en("مستورا") == "Mistura"
    assert translit.token_en("دي") == "Dee"  # alone, no particle
    # Too far from any table token, or another ending: the rules spell it.
    assert translit.token_en("إدلب") == "Idlab"  # not the nisba ادلبي
    assert translit.token_en("سطلة") == "Satla"  # two letters from ستوله in a short word


def test_transliterate_article_and_particles_in_rules(rules_only):
    assert rules_only.name_en("صدّام الجاسر") == "Saddam al-Jaser"
    assert rules_only.token_en("الحوثي") == "Al-Houthi"
    assert rules_only.name_en("محمد بن سلمان").split()[1] == "bin"
    assert rules_only.name_en("أبو الفضل").startswith("Abu al-")
    # آل and names opening with آ/أ+ل are not the article.
    assert rules_only.token_en("آلان") == "Alan"


def test_transliterate_article_avoids_western_homographs(translit):
    # دين alone is Wikidata's "Dean"; after the article it is the Arabic word: نور الدين.
    assert translit.name_en("نور الدين") == "Nour al-Din"


def test_transliterate_table_wins_over_rules(translit, rules_only):
    # محمد is spelt the way news wires write it, not as the rules would guess.
    assert translit.token_en("محمد") == "Mohammed"
    assert rules_only.token_en("محمد") != "Mohammed"
    assert translit.in_table("الجاسر")
    assert not translit.in_table("جزايري")


@pytest.mark.parametrize(
    "variants",
    [
        ("محمد", "مُحَمَّد", "محـــمد", "ﻣﺤﻤﺪ"),
        ("إبراهيم", "ابراهيم", "إبْرَاهِيم"),
        ("أسامة", "اسامة", "أسامه"),
        ("مصطفى", "مصطفي"),
        ("عبد الله", "عَبْدُ اللّٰه", "عبد اللـه"),
    ],
)
def test_transliterate_folding_robust(translit, variants):
    outputs = {translit.name_en(v) for v in variants}
    assert len(outputs) == 1, outputs


@pytest.mark.parametrize("token", ["محمد", "مهدي", "الجاسر", "علي", "سلمان", "كريمي", "عباس"])
def test_transliterate_lexicon_knows_names(translit, token):
    assert translit.is_name_token(token)


@pytest.mark.parametrize(
    "token", ["في", "من", "على", "إلى", "قال", "الرئيس", "الذي", "حتى", "بأن", "الخميس", "البيت", "", "  "]
)
def test_transliterate_lexicon_rejects_function_words(translit, token):
    assert not translit.is_name_token(token)


def test_transliterate_deterministic(table_doc):
    names = ["مهدي همتي", "نيكولاي باتروشيف", "عباس عراقجي", "مسعود جزايري", "ششش"]
    first = Transliterator.from_data(table_doc)
    second = Transliterator.from_data(table_doc)
    assert [first.name_en(n) for n in names] == [second.name_en(n) for n in names]
    assert [first.name_en(n) for n in names] == [first.name_en(n) for n in names]


def test_transliterate_rejects_malformed_table():
    with pytest.raises(ValueError, match="tokens"):
        Transliterator.from_data({"_source": "x"})


def test_transliterate_table_integrity(table_doc):
    assert "CC0" in table_doc["_source"]
    assert "NETransliteration" in table_doc["_source"]
    for key, (english, count, arabic_style) in table_doc["tokens"].items():
        assert arabic_style in (0, 1), key
        assert fold(key) == key, key
        assert re.fullmatch(r"[a-z][a-z'-]*", english), (key, english)
        assert isinstance(count, int), key
        assert count >= 1, key
    assert TABLE_PATH.stat().st_size < 5_000_000


def test_transliterate_table_is_fresh(shared_dir, table_doc):
    script = ROOT / "scripts" / "build_person_names.py"
    spec = importlib.util.spec_from_file_location("build_person_names", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not (shared_dir / module.SOURCE).exists():
        pytest.skip(f"{shared_dir / module.SOURCE} is absent")
    rebuilt = module.build(shared_dir)
    assert module.dumps(rebuilt) == TABLE_PATH.read_text(encoding="utf-8"), (
        "person_names.json is stale: run scripts/build_person_names.py"
    )


ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
ARABIC_MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0640", "\u0670"]
ARABIC_WORD = st.text(st.sampled_from(ARABIC_LETTERS + ARABIC_MARKS), min_size=1, max_size=12).filter(
    lambda w: any(ch in ARABIC_LETTERS for ch in w)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC_WORD, min_size=1, max_size=5))
def test_transliterate_any_arabic_gives_ascii(translit, words):
    name = " ".join(words)
    for out in (translit.name_en(name), translit.token_en(words[0]), romanize(words[0])):
        assert out, name
        assert out.isascii(), (name, out)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_transliterate_any_text_gives_ascii(translit, text):
    assert translit.name_en(text).isascii()
    assert translit.token_en(text).isascii()
    translit.is_name_token(text)
