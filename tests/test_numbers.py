"""The number grammar (briefing.text.numbers), on its own: words and digits to values."""

from __future__ import annotations

import pytest
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.errors import ResourceError
from briefing.resources import RESOURCES_DIR
from briefing.resources.schema import NumbersFile, validate
from briefing.text.numbers import NumberGrammar, is_phone_like, parse_digits, split_words


@pytest.fixture(scope="module")
def grammar() -> NumberGrammar:
    numbers = validate(NumbersFile, srsly.read_yaml(RESOURCES_DIR / "numbers.yaml"), "numbers.yaml")
    return NumberGrammar(numbers.numbers)


def read(grammar: NumberGrammar, text: str, ordinal: bool = False):
    words = [w for _, _, w in split_words(text)]
    parse = grammar.parse_ordinal if ordinal else grammar.parse
    p = parse(words, 0)
    return p if p is not None and p.end == len(words) else None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("أربع", 4),
        ("ثمانية", 8),
        ("عشرة", 10),
        ("أحد عشر", 11),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("اثنتي عشرة", 12),
        ("سبعة عشر", 17),
        ("عشرون", 20),
        ("عشرين", 20),
        ("ثلاثون", 30),
        ("ثلاثين", 30),
        ("تسعين", 90),
        ("ثلاثة وعشرون", 23),
        ("ثلاث و ثلاثون", 33),
        ("واحد وأربعين", 41),
        ("مئة", 100),
        ("مائة", 100),
        ("مئتان", 200),
        ("مائتين", 200),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("خمسمئة وخمسة وعشرون", 525),
        ("سبعمائة و أحد عشر", 711),
        ("ألف", 1000),
        ("ألفان", 2000),
        ("ألفين", 2000),
        ("ألفي", 2000),
        ("ثلاثة آلاف", 3000),
        ("عشرة آلاف", 10000),
        ("أحد عشر ألفا", 11000),
        ("مئة ألف", 100000),
        ("ألوف", 1000),
        ("مليون", 1e6),
        ("مليونان", 2e6),
        ("مليونين", 2e6),
        ("ثلاثة ملايين", 3e6),
        ("مليار", 1e9),
        ("ملياران", 2e9),
        ("مليارين", 2e9),
        ("خمسة مليارات", 5e9),
        ("ألف ومئتان وخمسون", 1250),
        ("مليون وألف وواحد", 1001001),
        ("ألف مليار", 1e12),
        ("مليار و27 مليون", 1.027e9),
        ("2 مليون", 2e6),
        ("٤ آلاف", 4000),
        ("30 مليار", 3e10),
        ("1.5 مليار", 1.5e9),
        ("100 الف", 1e5),
        ("نصف", 0.5),
        ("ربع", 0.25),
        ("ثلث", 1 / 3),
        ("ثلثي", 2 / 3),
        ("ثلاثة أرباع", 0.75),
        ("خمسة أثمان", 0.625),
        ("40 000", 40000),  # thousands grouped by spaces
        ("1 234 567.89", 1234567.89),
        ("١٢ ٥٠٠ مليون", 12.5e9),
        ("نصف مليون", 5e5),
        ("مليون ونصف", 1.5e6),
        ("مليون ونصف مليون", 1.5e6),
        ("مليونان ونصف المليون", 2.5e6),
        ("ثلاثة ملايين ونصف", 3.5e6),
        ("واحد فاصلة خمسة", 1.5),
        ("سالب عشرة", -10),
    ],
)
def test_numbers_words(grammar, text, value):
    p = read(grammar, text)
    assert p is not None, text
    assert p.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "vague_en"),
    [
        ("آلاف", 1000, "thousands"),
        ("الآلاف", 1000, "thousands"),
        ("ملايين", 1e6, "millions"),
        ("الملايين", 1e6, "millions"),
        ("مليارات", 1e9, "billions"),
        ("عشرات", 10, "dozens"),
        ("المئات", 100, "hundreds"),
        ("عشرات الآلاف", 1e4, "tens of thousands"),
        ("مئات الآلاف", 1e5, "hundreds of thousands"),
        ("عشرات الملايين", 1e7, "tens of millions"),
    ],
)
def test_numbers_plural_scale_words_are_vague_lower_bounds(grammar, text, value, vague_en):
    p = read(grammar, text)
    assert p is not None
    assert p.vague
    assert p.value == pytest.approx(value)
    assert p.vague_en == vague_en


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("30,000", 30000),
        ("1,250,000", 1250000),
        ("1.5", 1.5),
        ("٣٠٬٠٠٠", 30000),
        ("٢٫٥", 2.5),
        ("٠٫٧٧", 0.77),
        ("٢,٥", 2.5),
        ("1.000.000", 1e6),
        ("٣٥٠", 350),
        ("50%", 50),
        ("١٠٠٪", 100),
        ("$10", 10),
        ("10$", 10),
        (".77", 0.77),
    ],
)
def test_numbers_digits_and_separators(word, value):
    from briefing.text.normalize import fold

    reading = parse_digits(fold(word))
    assert reading is not None
    assert reading.value == pytest.approx(value)


def test_numbers_space_groups_join_only_after_a_short_head(grammar):
    # 2018 000 is a year and a number; 1 23 is no grouping: each stands alone.
    for words in (["2018", "000"], ["1", "23"], ["12.5", "000"]):
        p = grammar.parse(words, 0)
        assert p is not None, words
        assert p.end == 1, words


def test_numbers_dot_before_three_digits_is_thousands_unless_a_scale_follows(grammar):
    reading = parse_digits("1.500")
    assert reading is not None
    assert reading.alt == 1500
    alone = grammar.parse(["1.500"], 0)
    assert alone is not None
    assert alone.value == 1500
    scaled = grammar.parse(["1.500", "مليار"], 0)
    assert scaled is not None
    assert scaled.value == pytest.approx(1.5e9)


def test_numbers_percent_and_symbol_are_reported():
    assert parse_digits("50%").percent
    reading = parse_digits("$10")
    assert reading is not None
    assert reading.symbol == "$"


@pytest.mark.parametrize("word", ["12:30", "12/5/2020", "F-16", "abc", "", "1.2.3.4.5"])
def test_numbers_digits_rejects_non_numbers(word):
    assert parse_digits(word) is None


@pytest.mark.parametrize("word", ["0933123456", "+963112233", "00963112233445", "123456789101231"])
def test_numbers_phone_like(word):
    assert is_phone_like(word)


@pytest.mark.parametrize("word", ["2000000", "30000000000", "2011", "500"])
def test_numbers_round_numbers_are_not_phones(word):
    assert not is_phone_like(word)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("رابع", 4),
        ("الأول", 1),
        ("ثاني", 2),
        ("الثالثة عشرة", 13),
        ("الحادي عشر", 11),
        ("الحادي والعشرين", 21),
        ("الخامس والعشرين", 25),
        ("العشرون", 20),
    ],
)
def test_numbers_ordinals(grammar, text, value):
    p = read(grammar, text, ordinal=True)
    assert p is not None
    assert p.ordinal
    assert p.value == value


@pytest.mark.parametrize("text", ["أحد", "إحدى", "أثنى", "اثني", "كتاب", "الحادي"])
def test_numbers_words_that_are_not_numbers_alone(grammar, text):
    words = [w for _, _, w in split_words(text)]
    assert grammar.parse(words, 0) is None


def test_numbers_proclitics_and_article_are_recorded(grammar):
    p = grammar.parse(["وعشرون"], 0)
    assert p is not None
    assert p.clitic == "و"
    assert p.value == 20
    p = grammar.parse(["بثلاثه"], 0)
    assert p is not None
    assert p.clitic == "ب"
    assert p.value == 3
    p = grammar.parse(["والالاف"], 0)
    assert p is not None
    assert p.clitic == "و"
    assert p.definite
    assert p.vague


def test_numbers_digits_do_not_add_up(grammar):
    # "200 و300" is two numbers (a range or a list), never 500.
    p = grammar.parse(["200", "و", "300"], 0)
    assert p is not None
    assert p.value == 200
    assert p.end == 1


def test_numbers_year_like(grammar):
    p = grammar.parse(["2011"], 0)
    assert p is not None
    assert p.year_like
    p = grammar.parse(["2011", "مليون"], 0)
    assert p is not None
    assert not p.year_like


def test_numbers_split_words_offsets():
    text = "قتل ٣٠٠ و30مليار شخص"
    for start, end, word in split_words(text):
        assert end > start
        assert word  # folded, but from text[start:end]
        assert len(text[start:end]) >= 1


def test_numbers_resource_errors_name_file_and_entry():
    # numbers.yaml is checked by its schema when it loads (briefing.resources.schema.NumbersFile).
    with pytest.raises(ResourceError, match=r"numbers\.yaml: x: kind"):
        validate(
            NumbersFile,
            {"numbers": [{"id": "x", "kind": "nope", "value": 1, "en": "x", "ar": ["س"]}]},
            "numbers.yaml",
        )
    with pytest.raises(ResourceError, match="duplicate id"):
        validate(
            NumbersFile,
            {
                "numbers": [
                    {"id": "x", "kind": "unit", "value": 1, "en": "x", "ar": ["س"]},
                    {"id": "x", "kind": "unit", "value": 2, "en": "y", "ar": ["ص"]},
                ]
            },
            "numbers.yaml",
        )


WORDS = [
    "ثلاثة",
    "عشر",
    "وعشرون",
    "مئة",
    "ألف",
    "آلاف",
    "ملايين",
    "مليونين",
    "و",
    "نصف",
    "ونصف",
    "فاصلة",
    "سالب",
    "مئات",
    "الآلاف",
    "أحد",
    "اثنا",
    "30",
    "1.5",
    "٤",
    "ألفي",
    "عشرات",
    "أرباع",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), st.integers(min_value=0, max_value=7))
def test_numbers_never_crash_and_stay_in_bounds(grammar, words, i):
    from briefing.text.normalize import fold

    folded = [fold(w) for w in words]
    i = min(i, len(folded) - 1)
    p = grammar.parse(folded, i)
    if p is not None:
        assert i <= p.start < p.end <= len(folded)
    q = grammar.parse_ordinal(folded, i)
    if q is not None:
        assert q.start == i
        assert q.end <= len(folded)


@pytest.mark.parametrize(
    "text",
    [
        "قتل 34 جنديا",
        "قتل ثلاثة جنود",
        "سالب عشرة درجات",
        "سالب 5",
        "نحو 40 000 شخص",
        "خمسة وعشرون",
        "مليون ونصف مليون",
        "عشرات الآلاف",
        "أحد عشر",
        "أحد المسؤولين",
        "3.5 مليار دولار",
        "في 2019 قال",
    ],
)
def test_numbers_a_number_read_alone_before_an_inert_word_reads_as_in_full(grammar, text):
    # parse reads a number whose next word can take no part once per word; the full reading agrees.
    words = [w for _, _, w in split_words(text)]
    for i in range(len(words)):
        assert grammar.parse(words, i) == grammar._parse(words, i)
        assert grammar.parse(words, i) == grammar._parse(words, i)  # from the kept reading
