"""The figures component: golden cases, negatives, offsets, English, and the seed scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.model.vocab import CATEGORIES, QUALIFIERS

# Golden cases by rule family (tests/data/figures/<family>.json, the modules of
# briefing/pipeline/figures/): (family, case).
CASES = [
    (path.stem, case)
    for path in sorted((Path(__file__).parent / "data" / "figures").glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
]


def figures(nlp, text):
    doc = nlp(text)
    for f in doc._.figures:
        assert text[f.start : f.end] == f.text
        assert f.category in CATEGORIES
        assert f.qualifier in QUALIFIERS
    return doc._.figures


def test_figures_golden_cases_cover_every_family():
    assert {family for family, _ in CASES} == {
        "numbers",
        "not_figures",
        "qualifiers",
        "units",
        "frames",
        "currency",
        "ranks",
        "duals",
    }


@pytest.mark.parametrize(
    ("family", "case"), CASES, ids=[f"{family}:{case['text'][:40]}" for family, case in CASES]
)
def test_figures_golden(nlp, family, case):
    got = figures(nlp, case["text"])
    want = case["expected"]
    assert [f.text for f in got] == [w["text"] for w in want]
    for f, w in zip(got, want, strict=True):
        assert f.value == pytest.approx(w["value"])
        assert (f.high is None) == (w["high"] is None)
        if w["high"] is not None:
            assert f.high == pytest.approx(w["high"])
        assert (f.unit, f.category, f.qualifier) == (w["unit"], w["category"], w["qualifier"])


@pytest.mark.parametrize(
    ("text", "en"),
    [
        ("أنفقت أكثر من 30 مليار دولار.", "more than $30 billion"),
        ("وصل العدد نحو 2000 قتيل.", "about 2,000 killed"),
        ("خلّف مئات الآلاف من القتلى.", "hundreds of thousands killed"),
        ("ودام يومين.", "2 days"),
        ("أي قرابة نصف قواتها.", "about 50 percent of its forces"),
        ("كونها رابع أكبر شريك تجاري.", "4th largest"),
        ("قتل بين 200 و300 شخص.", "200 to 300 people"),
        ("دفعت 20 مليون ريال يمني.", "20 million Yemeni rials"),
        ("بلغت الحرارة 48 درجة مئوية.", "48 degrees Celsius"),
        ("زرعت أكثر من 50 ألف لغم.", "more than 50,000 landmines"),
        ("يبلغ مداه 155 ميلا.", "155 miles"),
        ("دخلت 300 شاحنة مساعدات إلى غزة.", "300 trucks"),
        ("دمرت الغارات 12 منزلا.", "12 houses"),
        ("وفقد 10 آلاف شخص.", "10,000 people"),
        ("وارتفع العدد إلى 10 آلاف مفقود.", "10,000 missing"),
        ("تبرعت الإمارات بما يقارب 10 ملايين درهم.", "nearly 10 million dirhams"),
        ("ونقلت 15 لنشا بحريا.", "15 naval launches"),
        ("أسقطت صاروخين مسيرين.", "2 guided missiles"),
        ("افتتح 149 مكتبا جديدا.", "149 new offices"),
        ("ويشكلون 5 في المئة من سكان اليمن.", "5 percent of the residents of Yemen"),
        ("وأصيب 12 بجروح.", "12 wounded"),
        ("أنفقت 20 يورو.", "€20"),
    ],
)
def test_figures_english(nlp, text, en):
    (f,) = figures(nlp, text)
    assert f.en == en


def test_figures_span_leaves_proclitic_out(nlp):
    text = "وأكثر من 60 غارة استهدفت المدينة."
    (f,) = figures(nlp, text)
    assert f.text == "أكثر من 60 غارة"
    assert f.start == 1


def test_figures_sentence_index(nlp):
    text = "قال المسؤول إن الوضع صعب. وقتل 5 أشخاص في الهجوم."
    (f,) = figures(nlp, text)
    doc = nlp(text)
    sents = list(doc.sents)
    assert sents[f.sentence].start_char <= f.start < sents[f.sentence].end_char


def test_figures_spans_match_figures(nlp):
    doc = nlp("قتل 5 أشخاص وأصيب 12 آخرون، وأطلقت 30 قذيفة.")
    spans = doc.spans["figures"]
    assert len(spans) == len(doc._.figures)
    for span, f in zip(spans, doc._.figures, strict=True):
        assert span.label_ == f.category
        assert span.start_char <= f.start < f.end <= span.end_char


def test_figures_bare_ليرة_follows_the_article(nlp):
    text = "ارتفعت الأسعار في لبنان وبيروت. وبلغ سعر الخبز 5000 ليرة."
    (f,) = figures(nlp, text)
    assert f.unit == "LBP"


def test_figures_vocabulary_and_resources(resources):
    from briefing.pipeline.figures import FigureExtractor, vocabulary

    words = set(vocabulary(resources))
    for word in ("أكثر", "مليار", "قتيل", "دولار", "يومين", "نحو"):
        assert word in words
    component = FigureExtractor(None, "figures")  # type: ignore[arg-type]
    component.load(resources, frozenset())
    assert component.tables is not None
    assert component.tables.nouns
    assert component.tables.qualifiers_before


TEXT_PARTS = [
    "قتل",
    "نحو",
    "أكثر من",
    "بين",
    "و",
    "إلى",
    "3",
    "٣٠٬٠٠٠",
    "2011",
    "ألفي",
    "مئات",
    "الآلاف",
    "من",
    "القتلى",
    "دولار",
    "مليار",
    "عنصر",
    "يومين",
    "%",
    "في المئة",
    "-",
    "نصف",
    "رابع",
    "أكبر",
    "12:30",
    "تشرين",
    "وعشرون",
    "ثلاثة",
    ".",
    "\n",
    "$",
    "ليرة",
    "سورية",
    "تقريبا",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TEXT_PARTS), min_size=1, max_size=14), st.booleans())
def test_figures_never_crash_and_offsets_slice(nlp, parts, glue):
    text = ("" if glue else " ").join(parts)
    for f in figures(nlp, text):
        assert 0 <= f.start < f.end <= len(text)
        assert f.text.strip() == f.text


def test_figures_seed_scores(nlp, shared_dir, tmp_path):
    """The figures of the scored seed articles, through the shared scorer's matching rule."""
    import importlib.util

    seeds = shared_dir / "eval" / "seeds"
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    assert spec is not None
    assert spec.loader is not None
    matched = gold_total = pred_total = 0
    for gold_path in sorted(seeds.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (seeds / gold.get("text_file", gold_path.name.replace(".gold.json", ".txt"))).read_text(
            encoding="utf-8"
        )
        got = figures(nlp, text)
        gold_total += len(gold["figures"])
        pred_total += len(got)
        for g in gold["figures"]:
            gs = text.find(g["surface_ar"])
            ge = gs + len(g["surface_ar"])
            matched += any(
                f.start < ge
                and gs < f.end
                and f.category == g["category"]
                and f.unit == g["unit"]
                and abs(f.value - g["value"]) <= 0.005 * abs(g["value"])
                for f in got
            )
    precision, recall = matched / max(pred_total, 1), matched / max(gold_total, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    assert f1 >= 0.9


def test_figures_units_resource_errors_name_file_and_entry(resources):
    # numbers.yaml and units.yaml are checked by their schemas when they load (resources/schema.py).
    from briefing.errors import ResourceError
    from briefing.resources.schema import NumbersFile, UnitsFile, validate

    units = dict(resources.file("units"))
    units["counted"] = [{"id": "oops", "category": "weather", "en": "x", "ar": ["س"]}]
    with pytest.raises(ResourceError, match=r"units\.yaml: counted: oops: category"):
        validate(UnitsFile, units, "units.yaml")
    numbers = dict(resources.file("numbers"))
    numbers["qualifiers"] = [{"id": "roughly", "before": ["نحو"]}]
    with pytest.raises(ResourceError, match=r"numbers\.yaml: qualifiers: 'roughly'"):
        validate(NumbersFile, numbers, "numbers.yaml")


@pytest.mark.parametrize(
    ("components", "missing"),
    [
        (("briefing_sentences", "briefing_figures", "briefing_normalizer"), "token.norm"),
        (("briefing_normalizer", "briefing_figures", "briefing_sentences"), "token.is_sent_start"),
    ],
)
def test_figures_refuse_to_run_before_what_they_read(resources, components, missing):
    from briefing.pipeline import PipelineError, build_nlp

    with pytest.raises(PipelineError, match=rf"briefing_figures needs .*{missing}"):
        build_nlp(resources, components=components)
