"""Event dates of claims and figures, and background sentences, through `briefing extract`
(a text with a sidecar giving the article's date), and the date reader on its own."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode, ResourceError
from briefing.pipeline.dates import read_dates
from briefing.pipeline.dates.lexicon import DateLexicon
from briefing.resources.loader import read_yaml
from briefing.resources.schema import DatesFile, validate
from briefing.text.normalize import fold

runner = CliRunner()

# Saturday 14 April 2018.
PUBLISHED = "2018-04-14"
LINES = [
    "قال وزير الخارجية الروسي أمس إن بلاده سترد على أي هجوم.",
    "وأعلنت وزارة الدفاع الأحد الماضي مقتل 12 جنديا في هجوم.",
    "وأكد المتحدث في 27 رجب 1439 أن 30 شخصا أصيبوا.",
    "وفي 24 آذار 2018 قتل 15 مدنيا في غارة على الغوطة.",
    "وفي 3 يوليوز 2017 أصيب 40 شخصا في الرباط.",
    "وقتل نحو مليون شخص في الحرب بين عامي 1980 و1988.",
    "وحذر أوباما في عام 2012 من أن استخدام الأسلحة الكيماوية خط أحمر.",
    "وقال مسؤول إن نحو 500 ألف شخص قتلوا منذ 2011.",
    "وكانت الأمم المتحدة قد سحبت 20 موظفا من المدينة.",
    "الصليب الأحمر يسحب 71 عامل إغاثة من اليمن خوفا على سلامتهم",
    "وأصيب 50 شخصا في الانفجار.",
    "وقال الرئيس يوم الاثنين إن 7 جنود قتلوا.",
    "ونقلت وكالة الأنباء عن مصدر أن 9 مقاتلين قتلوا في وقت سابق من اليوم.",
    "وأعلن الجيش في وقت سابق مقتل 3 جنود في هجوم.",
    "وكانت القوات قد شنت الخميس هجوما قتل فيه 8 مسلحين.",
]


def _extract(path: Path) -> dict:
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == ExitCode.OK, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return record


@pytest.fixture(scope="module")
def golden(tmp_path_factory) -> tuple[dict, str]:
    folder = tmp_path_factory.mktemp("dates")
    text = "\n".join(LINES) + "\n"
    (folder / "golden.txt").write_text(text, encoding="utf-8")
    (folder / "golden.json").write_text(
        json.dumps({"published": PUBLISHED, "title": "اختبار"}), encoding="utf-8"
    )
    return _extract(folder / "golden.txt"), text


def _line(record: dict, text: str, sentence: int) -> int:
    start = record["sentences"][sentence][0]
    return text[:start].count("\n")


def _figure_dates(record: dict, text: str) -> dict[str, dict | None]:
    return {f["text"]: f.get("date") for f in record["figures"]}


def _claim_dates(record: dict, text: str) -> dict[int, dict | None]:
    return {_line(record, text, c["sentence"]): c.get("date") for c in record["claims"]}


def _day(value: str) -> dict:
    return {"value": value, "precision": "day"}


def test_claims_take_the_date_they_were_made(golden):
    record, text = golden
    claims = _claim_dates(record, text)
    assert claims[0] == _day("2018-04-13")  # أمس, the day before the article
    assert claims[1] == _day("2018-04-08")  # الأحد الماضي: the Sunday before Saturday the 14th
    assert claims[2] == _day("2018-04-13")  # 27 Rajab 1439 (hijridate)
    assert claims[6] == {"value": "2012", "precision": "year"}
    assert claims[7] is None  # منذ 2011 says when the killing began, not when it was said
    assert claims[11] == _day("2018-04-09")  # يوم الاثنين: the Monday on or before the article


def test_figures_take_the_date_of_what_they_count(golden):
    record, text = golden
    figures = _figure_dates(record, text)
    assert figures["12 جنديا"] == _day("2018-04-08")
    assert figures["15 مدنيا"] == _day("2018-03-24")  # Levantine month name
    assert figures["40 شخصا"] == _day("2017-07-03")  # Maghrebi month name
    assert figures["نحو مليون شخص"] == {"value": "1980", "precision": "year"}  # a range: its start
    assert figures["نحو 500 ألف شخص"] == {"value": "2011", "precision": "year"}  # since: the start
    assert figures["50 شخصا"] is None  # the text says no date: none in the contract
    assert figures["8 مسلحين"] == _day("2018-04-12")
    assert "date" not in next(f for f in record["figures"] if f["text"] == "50 شخصا")


def test_background_sentences_and_their_reasons(golden):
    record, text = golden
    reasons = {_line(record, text, b["sentence"]): b["reason"] for b in record["background"]}
    assert reasons == {
        3: "dated",  # 24 March: three weeks before the article
        4: "dated",
        5: "dated",
        6: "dated",  # Obama's warning of 2012
        8: "pluperfect",
        9: "headline",  # another story's headline between paragraphs
        13: "earlier",
    }
    # The pluperfect telling of Thursday, two days before Saturday's article, is the week's news.
    assert 14 not in reasons
    # "في وقت سابق من اليوم" is earlier today: the news itself.
    assert 12 not in reasons


def test_relative_dates_need_the_article_date(tmp_path):
    record = {"id": "undated", "title": "t", "text": "قال وزير الخارجية أمس إن 12 جنديا قتلوا في عام 2012."}
    path = tmp_path / "undated.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = _extract(path)
    assert out["published"] is None
    assert [c.get("date") for c in out["claims"]] == [None]  # أمس: no article date, no date
    assert [f.get("date") for f in out["figures"]] == [{"value": "2012", "precision": "year"}]
    assert out["background"] == []  # "before the article's week" needs the article's date


@pytest.fixture(scope="module")
def lexicon(resources) -> DateLexicon:
    return DateLexicon.build(resources.get("dates", DatesFile))


SATURDAY = date(2018, 4, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلن الجيش الليلة الماضية", ("2018-04-13", "day")),
        ("قال أول من أمس", ("2018-04-12", "day")),
        ("وأعلن الخميس الماضي", ("2018-04-12", "day")),
        ("وقال السبت", ("2018-04-14", "day")),  # the article's own weekday: that day
        ("وقال السبت الماضي", ("2018-04-07", "day")),
        ("الأسبوع الماضي", ("2018-04", "month")),
        ("الشهر الماضي", ("2018-03", "month")),
        ("العام الماضي", ("2017", "year")),
        ("منذ يومين", ("2018-04-12", "day")),
        ("قبل 3 أيام", ("2018-04-11", "day")),
        ("في ١٢ نيسان ٢٠١٨", ("2018-04-12", "day")),  # Arabic-Indic digits
        ("في 5 أبريل", ("2018-04-05", "day")),  # no year: the nearest such day
        ("في 20 ديسمبر", ("2017-12-20", "day")),
        ("في مارس الماضي", ("2018-03", "month")),
        ("في كانون الأول/ديسمبر 2017", ("2017-12", "month")),
        ("في مارس/ آذار 2015", ("2015-03", "month")),
        ("في 12/05/2016", ("2016-05-12", "day")),
        ("في 3 ماي 2016", ("2016-05-03", "day")),
        ("15 جانفي 2016", ("2016-01-15", "day")),
        ("في 4 أغشت 2016", ("2016-08-04", "day")),  # Mauritanian names
        ("نهاية شتمبر 2016", ("2016-09", "month")),
        ("في 27 شعبان 1439 هـ", ("2018-05-13", "day")),
        ("منذ عام 2011", ("2011", "year")),
        ("في أوائل 2015", ("2015", "year")),
        # A day by its ordinal, of a named month or of the article's (or the one before, after).
        ("في الخامس من آذار", ("2018-03-05", "day")),
        ("وفي الرابع عشر من تموز 2016", ("2016-07-14", "day")),
        ("في الحادي والعشرين من الشهر الجاري", ("2018-04-21", "day")),
        ("منذ العشرين من الشهر الماضي", ("2018-03-20", "day")),
        ("في السادس من الشهر المقبل", ("2018-05-06", "day")),
        ("في الأول من شهر أيار/مايو 2017", ("2017-05-01", "day")),
        # A weekday before a date names that date's day: one date, not two.
        ("يوم الأحد الثامن من نيسان", ("2018-04-08", "day")),
        ("الاثنين، 9 نيسان 2018", ("2018-04-09", "day")),
        ("الخميس الموافق 15 آذار", ("2018-03-15", "day")),
        ("الأربعاء الموافق الحادي عشر من نيسان", ("2018-04-11", "day")),
        ("في الثاني عشر من هذا الشهر", ("2018-04-12", "day")),
        ("يوم الأحد 8 من الجاري", ("2018-04-08", "day")),
        ("في 20 من الشهر الماضي", ("2018-03-20", "day")),
        ("في أول يناير 2019", ("2019-01-01", "day")),
        ("في أول شباط", ("2018-02-01", "day")),
        ("في 2016/02/22", ("2016-02-22", "day")),  # year first
        ("في 2016.2.22", ("2016-02-22", "day")),
        ("الحرب العراقية الإيرانية (1980-1988)", ("1980", "year")),
    ],
)
def test_date_reader(lexicon, text, expected):
    assert [(d.value, d.precision) for _, d in read_dates(text, SATURDAY, lexicon)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "مارس ضغوطا على الحكومة",  # مارس the verb, not March
        "في اليوم التالي",  # the next day of the story, not today
        "الأحد عشر لاعبا",  # eleven
        "بين الاثنين",  # between the two
        "الخميس المقبل",  # the future dates no claim
        "قبل يومين من الهجوم",  # counted from the attack, not the article
        "قبل أيام",  # no count
        "قتل 1500 شخص",  # a count, not a year
        "في 27 شعبان",  # a Hijri day without its year
        "في الأسبوع الأول من مارس",  # the first week, not the first day
        "المؤتمر الثاني من نوعه",  # an ordinal, no date
        "عقب أحداث الحادي عشر من سبتمبر",  # an event named by its date: of which year?
        "في ذكرى ثورة 25 يناير",
        "في الحادي والثلاثين من الشهر الجاري",  # April has 30 days
    ],
)
def test_date_reader_no_date(lexicon, text):
    assert read_dates(text, SATURDAY, lexicon) == []


@pytest.mark.parametrize(
    "text",
    [
        "في 12/05/2016 و3.4.2017 و2016-05-12",
        "بين عامي 2011 و2015، خلال الأعوام 2003 - 2011، والحرب العراقية الإيرانية (1980-1988)",
        "في 3 ماي 2016، في ١٢ نيسان ٢٠١٨ و27 شعبان 1439 هـ",
    ],
)
def test_date_reader_needs_hold_wherever_a_kind_matches(lexicon, text):
    """find_dates skips a kind's pattern over a text without its `needs`: every match holds it."""
    folded = fold(text)
    matched = 0
    for kind, need in lexicon.needs.items():
        for m in lexicon.patterns[kind].finditer(folded):
            matched += 1
            assert need.search(m.group(0)) is not None, (kind, m.group(0))
    assert matched


def test_relative_expressions_without_an_article_date(lexicon):
    assert read_dates("قال أمس", None, lexicon) == []
    assert [d.value for _, d in read_dates("قال في 5 أبريل 2018", None, lexicon)] == ["2018-04-05"]


def test_dates_resource_errors_name_the_entry(resources):
    data = read_yaml((resources.directory / "dates.yaml").read_bytes())
    data["weekdays"][0]["weekday"] = 9
    with pytest.raises(ResourceError, match=r"dates.yaml: .*monday.*weekday"):
        validate(DatesFile, data, "dates.yaml")
    data = read_yaml((resources.directory / "dates.yaml").read_bytes())
    data["relative"][0]["offset"] = 1
    with pytest.raises(ResourceError, match=r"dates.yaml: .*today.*offset"):
        validate(DatesFile, data, "dates.yaml")
