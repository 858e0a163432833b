"""Stories (issue 14): events merged across articles and outlets, dated, ranked; claims with all
their sources; figures that agree, conflict or count different things; background kept out.

Through compose's public function on hand-made extractions (brief_samples), and through the
command line for brief.json.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from brief_samples import make_extraction, story_of
from test_outputs import env  # noqa: F401  (a fixture)
from typer.testing import CliRunner

from briefing.cli import app
from briefing.compose import compose
from briefing.compose.outlets import independent_outlets, outlet_of
from briefing.compose.salience import Signals, salience
from briefing.errors import ExitCode
from briefing.model.brief import Brief, ComposeOptions
from briefing.model.contract import Article, Background, EventDate, Extraction, Mention

GENERATED = datetime(2018, 4, 15, 9, 0)
WEEK = (date(2018, 4, 7), date(2018, 4, 14))

TRUMP = ("Q22686", "PERSON", "Donald Trump", "ترامب")
SYRIA = ("Q858", "GPE", "Syria", "سوريا")
US = ("Q30", "GPE", "United States", "الولايات المتحدة")
SAUDI = ("Q851", "GPE", "Saudi Arabia", "السعودية")
YEMEN = ("Q805", "GPE", "Yemen", "اليمن")

STRIKES_A = (
    "شنت الولايات المتحدة وبريطانيا وفرنسا ضربات صاروخية على مواقع عسكرية في سوريا فجر السبت.\n"
    "وقال ترامب إن الضربات استهدفت مواقع الأسلحة الكيميائية التابعة للنظام في سوريا.\n"
    "وقتل 40 شخصا في هجوم دوما الكيميائي.\n"
)
STRIKES_B = (
    "ضربات صاروخية أمريكية وبريطانية وفرنسية على مواقع عسكرية في سوريا فجر السبت.\n"
    "وقال ترامب إن الضربات استهدفت مواقع الأسلحة الكيميائية التابعة للنظام.\n"
    "وقتل 40 شخصا في هجوم دوما الكيميائي.\n"
)
STRIKES_C = (
    "توعدت الولايات المتحدة بضربات صاروخية على مواقع عسكرية في سوريا بعد هجوم دوما الكيميائي.\n"
    "وقتل أكثر من 70 شخصا في هجوم دوما الكيميائي.\n"
    "وأرسلت الولايات المتحدة 10 حاملات طائرات وأرسلت فرنسا 10 طائرات رافال إلى المنطقة.\n"
)
BUDGET = (
    "أعلنت السعودية ميزانية جديدة للعام المقبل بزيادة في الإنفاق على التعليم والصحة.\n"
    "وقال وزير المالية إن الميزانية تدعم النمو الاقتصادي في المملكة.\n"
)


def _strike_claim(text: str) -> tuple:
    content = text.split("إن ", 1)[1].split(".")[0]
    return (TRUMP, "قال", "assert", content, "Trump said the strikes targeted chemical weapons sites")


def strikes() -> list[Extraction]:
    """Three outlets on the strikes (two days), one story on a budget."""
    killed = ("40 شخصا", 40, None, "killed", "exact", "40 people")
    a = make_extraction(
        "a",
        STRIKES_A,
        title="ضربات غربية على سوريا",
        source="BBC News Arabic",
        published="2018-04-14",
        actors=(US, SYRIA, TRUMP),
        figures=(killed,),
        claims=(_strike_claim(STRIKES_A),),
    )
    b = make_extraction(
        "b",
        STRIKES_B,
        title="ضربات على سوريا",
        source="France 24 Arabic",
        published="2018-04-14",
        actors=(SYRIA, TRUMP),
        figures=(killed,),
        claims=(_strike_claim(STRIKES_B),),
    )
    c = make_extraction(
        "c",
        STRIKES_C,
        title="واشنطن تتوعد سوريا بضربات",
        source="Al Arabiya (alarabiya.net)",
        published="2018-04-12",
        actors=(US, SYRIA),
        figures=(
            ("أكثر من 70 شخصا", 70, None, "killed", "more_than", "more than 70 people"),
            ("10 حاملات طائرات", 10, None, "count", "exact", "10 aircraft carriers"),
            ("10 طائرات رافال", 10, None, "count", "exact", "10 Rafale jets"),
        ),
    )
    c = replace(c, figures=tuple(replace(f, counted=_counted(STRIKES_C, f.text)) for f in c.figures))
    d = make_extraction(
        "d",
        BUDGET,
        title="ميزانية سعودية جديدة",
        source="Okaz",
        published="2018-04-10",
        actors=(SAUDI,),
        claims=((None, "قال", "assert", "الميزانية تدعم النمو الاقتصادي في المملكة", "The minister said …"),),
    )
    return [a, b, c, d]


def _counted(text: str, span: str) -> Mention:
    word = span.split(" ", 1)[1]
    pos = text.index(span) + span.index(word)
    return Mention(pos, pos + len(word), word)


def _brief(exts: list[Extraction], **opts) -> Brief:
    return compose(exts, generated=GENERATED, period=WEEK, options=ComposeOptions(**opts))


def test_stories_one_story_across_outlets_and_days():
    brief = _brief(strikes())
    story = story_of(brief, "a")
    assert story_of(brief, "b") == story == story_of(brief, "c")
    assert story.rank == 1  # three outlets, dead, the latest days
    assert (story.date, story.date_end) == ("2018-04-12", "2018-04-14")
    assert [(o.outlet_en, o.outlet_ar, o.date) for o in story.outlets] == [
        ("Al Arabiya", "العربية", "2018-04-12"),
        ("BBC", "بي بي سي", "2018-04-14"),
        ("France 24", "فرانس 24", "2018-04-14"),
    ]
    assert story_of(brief, "d") != story
    assert story.headline_ar == "واشنطن تتوعد سوريا بضربات"  # the central article's title
    assert (
        story.headline_en == "Trump said the strikes targeted chemical weapons sites"
    )  # no title gist: a claim's


def test_stories_same_statement_from_two_outlets_is_one_claim_with_two_sources():
    story = story_of(_brief(strikes()), "a")
    (claim,) = [c for c in story.claims if c.speaker_id == TRUMP[0]]
    assert [(c.outlet_en, c.date) for c in claim.citations] == [
        ("BBC", "2018-04-14"),
        ("France 24", "2018-04-14"),
    ]
    assert claim.content_ar in STRIKES_A


def test_stories_one_citation_per_outlet():
    a, b, c, d = strikes()
    again = replace(a, article=replace(a.article, id="a2", url="https://www.bbc.co.uk/arabic/2"))
    story = story_of(_brief([a, again, b, c, d]), "a")
    assert story_of(_brief([a, again, b, c, d]), "a2") == story
    (claim,) = [c for c in story.claims if c.speaker_id == TRUMP[0]]
    assert [c.outlet_en for c in claim.citations] == ["BBC", "France 24"]


def test_stories_agreeing_figures_are_one_report_conflicting_ones_side_by_side():
    story = story_of(_brief(strikes()), "a")
    (killed,) = [line for line in story.figures if line.category == "killed"]
    assert killed.conflict
    first, second = killed.reports
    assert (first.value, second.value) == (40, 70)  # the most conservative first
    assert len(first.citations) == 2  # corroborated by two outlets
    assert {c.outlet_en for c in first.citations} == {"BBC", "France 24"}
    assert [c.outlet_en for c in second.citations] == ["Al Arabiya"]
    assert second.qualifier == "more_than"


def test_stories_different_things_counted_are_never_merged():
    brief = _brief(strikes())
    story = story_of(brief, "c")
    tens = [line for line in story.figures if line.category == "count"]
    assert sorted(line.subject_en for line in tens) == ["Rafale jets", "aircraft carriers"]
    assert all(len(line.reports) == 1 and not line.conflict for line in tens)


def test_stories_show_no_bare_number_beside_a_toll():
    """A duration or a number whose counted noun is unknown is left out of a story that has a
    toll; alone, it is shown."""
    text = "وقتل 12 شخصا في قصف على المدينة استمر 3 أيام.\nوبلغ العدد 29 في المدينة.\n"
    figures = (
        ("12 شخصا", 12, None, "killed", "exact", "12 people"),
        ("3 أيام", 3, None, "duration", "exact", "3 days"),
        ("29", 29, None, "count", "exact", "29"),
    )
    art = make_extraction(
        "t", text, source="BBC News Arabic", published="2018-04-12", actors=(SYRIA,), figures=figures
    )
    story = story_of(_brief([art]), "t")
    assert [line.category for line in story.figures] == ["killed"]
    alone = make_extraction(
        "u", text, source="BBC News Arabic", published="2018-04-12", actors=(SYRIA,), figures=figures[1:]
    )
    assert {line.category for line in story_of(_brief([alone]), "u").figures} == {"duration", "count"}


def test_stories_background_is_never_news():
    a, b, c, d = strikes()
    trump = a.claims[0].sentence
    a = replace(a, background=(Background(trump, "pluperfect"),))
    earlier = EventDate("2017-04", "month")  # dated before the window: background too
    b = replace(b, claims=(replace(b.claims[0], date=earlier),))
    brief = _brief([a, b, c, d])
    story = story_of(brief, "a")
    assert not [c for c in story.claims if c.speaker_id == TRUMP[0]]
    assert {(s.article, s.text) for s in story.background} >= {
        ("a", a.article.text[slice(*a.sentences[trump])]),
        ("b", b.article.text[slice(*b.sentences[b.claims[0].sentence])]),
    }
    key_refs = {(r.article, r.start) for s in brief.key_developments for r in s.refs}
    assert ("a", a.sentences[trump][0]) not in key_refs


def test_stories_made_of_background_alone_are_not_stories():
    a, b, c, d = strikes()
    d = replace(d, background=tuple(Background(i, "earlier") for i in range(len(d.sentences))))
    brief = _brief([a, b, c, d])
    assert all(
        "d" not in {brief.sources[n - 1].id for n in s.sources}
        for s in brief.key_developments + brief.stories
    )


def test_stories_refs_are_the_cited_sentences_with_reference_numbers():
    exts = strikes()
    brief = _brief(exts)
    texts = {e.article.id: e.article.text for e in exts}
    refs = {r.number: r for r in brief.refs}
    for story in brief.key_developments + brief.stories:
        assert story.refs
        for r in story.refs:
            assert r.text == texts[r.article][r.start : r.end]
        cited = [c for claim in story.claims for c in claim.citations]
        cited += [c for line in story.figures for rep in line.reports for c in rep.citations]
        cited += list(story.citations)
        for c in cited:
            ref = refs[c.ref]
            assert ref.source == c.source
            assert (brief.sources[c.source - 1].id, ref.start, ref.end) in {
                (r.article, r.start, r.end) for r in story.refs
            }


def test_stories_key_developments_are_bounded():
    exts = strikes()
    brief = _brief(exts, max_key_developments=1, max_stories=1, max_key_claims=1, max_key_lines=1)
    assert len(brief.key_developments) == 1
    assert len(brief.stories) == 1
    assert len(brief.key_developments[0].claims) <= 1
    assert len(brief.key_developments[0].figures) <= 1
    assert [s.rank for s in brief.key_developments + brief.stories] == [1, 2]


def test_stories_key_figure_lines_come_from_the_stories():
    brief = _brief(strikes())
    assert brief.key_figure_lines[0].category == "killed"
    assert brief.key_figure_lines[0].conflict
    assert brief.key_figure_lines[0].story == brief.key_developments[0].id


def test_stories_opening_paragraph_in_both_languages():
    brief = _brief(strikes())
    head = brief.key_developments[0]
    assert brief.opening_en.startswith("Between 7 and 14 April, 4 articles from 4 outlets. ")
    assert head.headline_en in brief.opening_en
    assert brief.opening_ar.startswith("بين 7 و14 أبريل، 4 مقالات من 4 مصادر. ")
    assert head.headline_ar in brief.opening_ar
    one = compose(strikes()[:1], generated=GENERATED, period=(date(2018, 4, 14), date(2018, 4, 14)))
    assert one.opening_en.startswith("On 14 April, 1 article from 1 outlet.")
    assert one.opening_ar.startswith("في 14 أبريل، مقال واحد من مصدر واحد.")


def test_stories_opening_without_outlets_counts_articles_only():
    """Files with no outlet (seeds/): "2 articles.", never "from 0 outlets"."""
    anonymous = [replace(e, article=replace(e.article, source=None, url=None)) for e in strikes()[:2]]
    brief = compose(anonymous, generated=GENERATED, period=(date(2018, 4, 14), date(2018, 4, 14)))
    assert brief.opening_en.startswith("On 14 April, 2 articles. ")
    assert brief.opening_ar.startswith("في 14 أبريل، مقالان. ")
    assert "outlet" not in brief.opening_en


def test_stories_ids_are_stable_across_builds():
    first = _brief(strikes())
    again = _brief(list(reversed(strikes())))
    assert [s.id for s in first.key_developments] == [s.id for s in again.key_developments]


def test_stories_empty_window():
    brief = compose([], generated=GENERATED)
    assert brief.key_developments == ()
    assert brief.stories == ()
    assert brief.opening_en == ""


def test_outlets_short_names_and_unknown_outlets():
    def named(source: str | None, url: str | None = None) -> tuple[str, str]:
        o = outlet_of(Article("x", "نص", source=source, url=url))
        return o.en, o.ar

    assert named("Al Arabiya (alarabiya.net)") == ("Al Arabiya", "العربية")
    assert named("BBC News Arabic") == ("BBC", "بي بي سي")
    assert named("Saudi Press Agency (SPA)") == ("SPA", "واس")
    assert named("Some Paper (some.example)") == ("Some Paper", "Some Paper")
    assert named(None, "https://arabic.cnn.com/middle-east/x") == ("CNN", "سي إن إن")
    assert named("Wire (www.skynewsarabia.com)") == ("Sky News Arabia", "سكاي نيوز عربية")


def test_outlets_near_identical_copies_count_once():
    text = STRIKES_A * 3
    copies = [
        Article("1", text, source="BBC News Arabic"),
        Article("2", text + "وقال مراسلنا إن الوضع هادئ.", source="Okaz"),
        Article("3", BUDGET, source="Okaz"),
        Article("4", STRIKES_C, source="Sabq"),
    ]
    assert independent_outlets(copies[:2]) == 1
    assert independent_outlets(copies) == 2  # BBC and Okaz ran one text; Okaz again; Sabq


def _signals(**changes) -> Signals:
    base = Signals(
        outlets=2, articles=2, last_day=date(2018, 4, 10), killed=0, prominence=0.3, items=6, dated=1
    )
    return replace(base, **changes)


def test_salience_grows_with_each_signal():
    base = salience(_signals(), WEEK)
    assert salience(_signals(outlets=3), WEEK) > base
    assert salience(_signals(articles=4), WEEK) > base
    assert salience(_signals(last_day=date(2018, 4, 14)), WEEK) > base
    assert salience(_signals(killed=40), WEEK) > base
    assert salience(_signals(prominence=0.9), WEEK) > base
    assert salience(_signals(items=12), WEEK) > base
    assert salience(_signals(dated=4), WEEK) > base


def test_salience_outlets_outweigh_copies_of_one_text():
    # Three articles of one outlet say less than two outlets' two articles.
    assert salience(_signals(outlets=2, articles=2), WEEK) > salience(_signals(outlets=1, articles=3), WEEK)


def test_salience_ranks_the_story_more_outlets_reported_first():
    a, b, c, d = strikes()
    # The budget story, alone, is told by one outlet: it ranks below the strikes whatever the order.
    brief = _brief([d, c, b, a])
    assert story_of(brief, "a").rank < story_of(brief, "d").rank


# --- brief.json through the command line -----------------------------------------------------------


@pytest.mark.usefixtures("env")  # a clean environment, the session's pipeline
def test_stories_in_brief_json_from_the_command_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    bodies = {"a": STRIKES_A, "b": STRIKES_B, "d": BUDGET}
    outlets = {"a": "BBC News Arabic", "b": "France 24 Arabic", "d": "Okaz"}
    for name, body in bodies.items():
        head = f"---\ntitle: خبر {name}\nsource: {outlets[name]}\ndate: 2018-04-14\n---\n"
        (src / f"{name}.txt").write_text(head + body, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(src), "--out", str(tmp_path / "out"), "--no-pdf"])
    assert result.exit_code == ExitCode.OK, result.output
    data = json.loads((tmp_path / "out" / "latest" / "brief.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 2
    assert data["opening_en"].startswith("On 14 April, 3 articles from 3 outlets.")
    first = data["key_developments"][0]
    assert {"headline_en", "headline_ar", "date", "outlets", "refs"} <= set(first)
    assert first["date"] == "2018-04-14"
    assert {o["outlet_en"] for o in first["outlets"]} == {"BBC", "France 24"}
    texts = {s["id"]: s for s in data["sources"]}
    assert {s["outlet_ar"] for s in data["sources"]} == {"بي بي سي", "فرانس 24", "عكاظ"}
    for story in data["key_developments"]:
        for ref in story["refs"]:
            assert ref["text"] in bodies[Path(texts[ref["article"]]["file"]).stem]
            assert ref["end"] - ref["start"] == len(ref["text"])
    again = json.loads(json.dumps(Brief.from_json(data).to_json(), ensure_ascii=False))
    assert again["key_developments"] == data["key_developments"]  # brief.json reads back
    numbers = {r["number"] for r in data["refs"]}
    assert {c["ref"] for s in data["key_developments"] for c in s["citations"]} <= numbers
