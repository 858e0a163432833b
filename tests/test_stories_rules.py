"""Stories (issue 14, second round): a war's cumulative toll is not the window's dead; explainers
rank below the news; a big story splits into its sub-events; headlines from the lead claim.

Through compose's public function on hand-made extractions (brief_samples).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from brief_samples import make_extraction, story_of
from test_outputs import env  # noqa: F401  (a fixture)
from typer.testing import CliRunner

from briefing.cli import app
from briefing.compose import compose
from briefing.errors import ExitCode
from briefing.model.brief import Brief, ComposeOptions, Story
from briefing.model.contract import Background, EventDate, Extraction

GENERATED = datetime(2018, 6, 23, 9, 0)
WEEK = (date(2018, 6, 16), date(2018, 6, 22))

YEMEN = ("Q805", "GPE", "Yemen", "اليمن")
HOUTHIS = ("org:houthis", "ORG", "Houthis", "الحوثيين")
UN = ("org:united-nations", "ORG", "United Nations", "الأمم المتحدة")

CLASH = (
    "قتل 12 شخصا في اشتباكات بين القوات الحكومية والحوثيين قرب مطار الحديدة.\n"
    "وأسفر النزاع في اليمن منذ عام 2015 عن مقتل نحو 10 آلاف شخص.\n"
    "وقتلت الحرب التي اندلعت عام 2014 أكثر من 350 ألف شخص.\n"
    "وقتل 5 جنود في الحرب قرب المطار.\n"
    "وبلغ عدد ضحايا الصراع بعد سبع سنوات من اندلاع الحرب 400 ألف شخص.\n"
)


def _brief(exts: list[Extraction], **opts) -> Brief:
    return compose(exts, generated=GENERATED, period=WEEK, options=ComposeOptions(**opts))


def _stories(brief: Brief) -> list[Story]:
    return list(brief.key_developments + brief.stories)


def _clash(**dates: EventDate) -> Extraction:
    ext = make_extraction(
        "clash",
        CLASH,
        title="اشتباكات قرب مطار الحديدة",
        source="BBC News Arabic",
        published="2018-06-19",
        actors=(YEMEN, HOUTHIS),
        figures=(
            ("12 شخصا", 12, None, "killed", "exact", "12 people"),
            ("نحو 10 آلاف شخص", 10000, None, "killed", "about", "about 10 thousand people"),
            ("أكثر من 350 ألف شخص", 350000, None, "killed", "more_than", "more than 350 thousand people"),
            ("5 جنود", 5, None, "killed", "exact", "5 soldiers"),
            ("400 ألف شخص", 400000, None, "killed", "exact", "400 thousand people"),
        ),
    )
    figs = tuple(replace(f, date=dates.get(f"f{i}")) for i, f in enumerate(ext.figures))
    return replace(ext, figures=figs)


# --- casualties: the window's dead, not a war's toll ----------------------------------------------


def test_casualties_leave_out_a_wars_cumulative_toll():
    # "The conflict killed 10,000 since 2015", "the war that began in 2014 killed 350,000", "seven
    # years after the outbreak of the war, the conflict's victims reached 400,000": tolls;
    # the day's 12 and the 5 soldiers "in the war" (no past time, no toll verb) are the window's.
    story = story_of(_brief([_clash()]), "clash")
    assert story.casualties == 12 + 5
    # The tolls are still shown as figures, with their sources.
    assert {r.value for line in story.figures for r in line.reports} >= {10000, 350000, 400000}


def test_casualties_count_a_toll_dated_in_the_window():
    # A toll sentence whose figure is dated in the window tells of the window's events after all.
    story = story_of(_brief([_clash(f1=EventDate("2018-06-18", "day"))]), "clash")
    assert story.casualties == 12 + 10000 + 5


def test_casualties_leave_out_a_rhetorical_toll_in_words():
    """ "Millions are dying of cholera" (الملايين, no digit) is rhetoric, not the window's dead; a
    large toll written in digits is still counted."""
    text = "قتل 7 أشخاص في قصف على تعز.\nوالملايين يموتون بالكوليرا في اليمن.\nوقتل 120000 شخص في الزلزال.\n"
    ext = make_extraction(
        "words",
        text,
        source="BBC News Arabic",
        published="2018-06-19",
        actors=(YEMEN,),
        figures=(
            ("7 أشخاص", 7, None, "killed", "exact", "7 people"),
            ("الملايين", 1000000, None, "killed", "about", "millions"),
            ("120000 شخص", 120000, None, "killed", "exact", "120,000 people"),
        ),
    )
    assert story_of(_brief([ext]), "words").casualties == 7 + 120000


# --- explainers rank below the news -----------------------------------------------------------------

NEWS = "أعلنت الأمم المتحدة السبت إرسال مساعدات إلى مدينة تعز.\nوقال المتحدث إن القافلة وصلت.\n"
HISTORY = (
    "انبثقت الحركة الحوثية من رحم الصراع مع الحكومة المركزية في صعدة.\n"
    "وكانت الحركة قد خاضت ست حروب مع الحكومة بين عامي 2004 و2010.\n"
    "وقال الباحث إن جذور الحركة الحوثية تعود إلى الثمانينيات في صعدة.\n"
    "وسيطر الحوثيون على صنعاء في سبتمبر 2014 وتقدمت الحركة الحوثية نحو عدن.\n"
)


def _history(article_id: str, source: str) -> Extraction:
    ext = make_extraction(
        article_id,
        HISTORY,
        title="الحوثيون: من جبال صعدة إلى حكم صنعاء",
        source=source,
        published="2018-06-22",
        actors=(HOUTHIS, YEMEN),
        claims=((None, "قال", "assert", "جذور الحركة الحوثية تعود إلى الثمانينيات في صعدة", "Roots ..."),),
        figures=(("ست حروب", 6, None, "count", "exact", "6 wars"),),
    )
    earlier = (_sentence_of(ext, "ست حروب"), _sentence_of(ext, "سبتمبر 2014"))
    return replace(ext, background=tuple(Background(i, "earlier") for i in earlier))


def _sentence_of(ext: Extraction, words: str) -> int:
    at = ext.article.text.index(words)
    return next(i for i, (start, end) in enumerate(ext.sentences) if start <= at < end)


def _news() -> Extraction:
    return make_extraction(
        "news",
        NEWS,
        title="مساعدات أممية إلى تعز",
        source="Okaz",
        published="2018-06-16",
        actors=(UN,),
        claims=((UN, "قال", "assert", "القافلة وصلت", "The UN said the convoy arrived"),),
    )


def test_explainers_rank_below_every_news_story():
    # Two outlets run the history piece (it outweighs the one-outlet news by salience), yet the news,
    # whose lead states a day of the window, leads; the explainer stays in the brief, below it.
    exts = [_history("h1", "Al Jazeera"), _history("h2", "BBC News Arabic"), _news()]
    brief = _brief(exts)
    news, history = story_of(brief, "news"), story_of(brief, "h1")
    assert history.salience > news.salience
    assert news.rank == 1
    assert history.rank > news.rank
    assert brief.opening_en.split(". ", 1)[1].startswith(news.headline_en)


def test_a_story_with_a_day_of_the_window_is_news_however_much_history():
    # The same piece, one of whose items is dated in the window, is news and ranks by salience.
    h1, h2 = _history("h1", "Al Jazeera"), _history("h2", "BBC News Arabic")
    dated = replace(h1, claims=(replace(h1.claims[0], date=EventDate("2018-06-21", "day")),))
    brief = _brief([dated, h2, _news()])
    assert story_of(brief, "h1").rank == 1


# --- headlines: the English from the article when the title's gist cannot be trusted ---------------

HADI = ("person:hadi", "PERSON", "Abdrabbuh Mansur Hadi", "عبدربه منصور هادي")
ADEN = "وصل الرئيس اليمني عبدربه منصور هادي إلى عدن.\nوقال هادي إن ساعة الانتصار قد دنت.\n"


def _aden(title: str, title_en: str) -> Extraction:
    ext = make_extraction(
        "aden",
        ADEN,
        title=title,
        source="Anadolu Agency",
        published="2018-06-21",
        actors=(HADI, YEMEN),
        claims=((HADI, "قال", "assert", "ساعة الانتصار قد دنت", "Hadi said the hour of victory has come."),),
    )
    return replace(ext, title_en=title_en)


def test_headline_names_the_person_a_title_gist_read_as_a_word():
    ext = _aden("هادي من عدن: النصر وشيك", "A leader from Aden: the victory is imminent")
    story = story_of(_brief([ext]), "aden")
    assert story.headline_en == "Hadi from Aden: the victory is imminent"
    assert story.headline_ar == "هادي من عدن: النصر وشيك"


def test_headline_of_a_quoted_title_names_its_speaker():
    ext = _aden("«ساعة الانتصار قد دنت»", "The hour of the victory has approached")
    story = story_of(_brief([ext]), "aden")
    assert story.headline_en == "Abdrabbuh Mansur Hadi: The hour of the victory has approached"


def test_headline_with_an_unread_word_gives_way_to_a_claim_and_stays_short():
    ext = _aden("عودة هادي", "The return of Hadi to Waltabab*")
    story = story_of(_brief([ext]), "aden")
    assert story.headline_en == "Hadi said the hour of victory has come"  # a headline: no full stop
    long_claim = "Hadi said " + " ".join(["the victory"] * 12) + "."
    ext = replace(ext, claims=(replace(ext.claims[0], en=long_claim),))
    headline = story_of(_brief([ext]), "aden").headline_en
    assert "*" not in headline
    assert len(headline.split()) <= 17  # 16 words and the ellipsis
    # A gist that names its person and reads every word stays as it is.
    ext = _aden("هادي في عدن", "Hadi in Aden")
    assert story_of(_brief([ext]), "aden").headline_en == "Hadi in Aden"


# --- through the command line ------------------------------------------------------------------------


@pytest.mark.usefixtures("env")  # a clean environment, the session's pipeline
def test_casualties_in_brief_json_leave_out_the_wars_toll(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    body = (
        "قتل 12 شخصا في غارة جوية على سوق في مدينة إدلب يوم الثلاثاء.\n"
        "وقال الدفاع المدني إن الغارة استهدفت سوقا شعبيا.\n"
        "وأدى النزاع الذي تشهده سوريا إلى مقتل أكثر من 350 ألف شخص.\n"
    )
    head = "---\ntitle: غارة على سوق في إدلب\nsource: BBC News Arabic\ndate: 2018-04-10\n---\n"
    (src / "raid.txt").write_text(head + body, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(src), "--out", str(tmp_path / "out"), "--no-pdf"])
    assert result.exit_code == ExitCode.OK, result.output
    data = json.loads((tmp_path / "out" / "latest" / "brief.json").read_text(encoding="utf-8"))
    (story,) = data["key_developments"]
    killed = [line for line in story["figures"] if line["category"] == "killed"]
    values = {r["value"] for line in killed for r in line["reports"]}
    assert values == {12, 350000}  # both shown, with their sources
    assert story["casualties"] == 12  # the war's toll is not the window's dead


# --- sub-events: a story of several articles split into the events it holds -------------------------

UNSC = ("org:unsc", "ORG", "UN Security Council", "مجلس الأمن")
UK = ("Q145", "GPE", "United Kingdom", "بريطانيا")
FIGHT = "دارت معارك عنيفة بين القوات الحكومية والحوثيين في محيط مطار الحديدة غرب اليمن"
SESSION_A = "ويعقد مجلس الأمن الأحد اجتماعا طارئا لإجراء مشاورات عاجلة بطلب من بريطانيا"
SESSION_B = "ورأى أعضاء مجلس الأمن في اجتماع طارئا عقد بطلب من بريطانيا أنهم متفقون على إبقاء الميناء مفتوحا"


def _offensive(day: int, source: str, session: str = "", copy: str = "") -> Extraction:
    """An article of the offensive (its day, its outlet), telling in passing of the session."""
    text = f"{FIGHT} لليوم {day}.\nوقال المتحدث إن القوات الحكومية تقدمت نحو مطار الحديدة.\n"
    text += f"{session}.\n" if session else ""
    text += f"{copy}.\n" if copy else ""
    claims = [(HOUTHIS, "قال", "assert", "القوات الحكومية تقدمت نحو مطار الحديدة", "Forces advanced.")]
    if session:
        cue = "يعقد" if session == SESSION_A else "رأى"
        content = session.split(cue, 1)[1].strip()
        claims.append((UNSC, cue, "assert", content, "The Security Council meets."))
    ext = make_extraction(
        f"o{day}",
        text,
        title="معارك عنيفة في محيط مطار الحديدة",
        source=source,
        published=f"2018-06-{day}",
        actors=(YEMEN, HOUTHIS, UNSC, UK),
        claims=tuple(claims),
    )
    session_day = EventDate("2018-06-17", "day")
    return replace(
        ext,
        claims=tuple(
            replace(c, date=session_day) if c.speaker and c.speaker.actor == UNSC[0] else c
            for c in ext.claims
        ),
    )


def _ids(brief: Brief, story: Story) -> set[str]:
    ids = {s.number: s.id for s in brief.sources}
    return {ids[n] for n in story.sources}


def test_a_session_told_in_passing_by_two_reports_is_its_own_story():
    exts = [
        _offensive(16, "Al Jazeera"),
        _offensive(17, "France 24 Arabic", session=SESSION_A),
        _offensive(18, "BBC News Arabic", session=SESSION_B),
        _offensive(19, "Sky News Arabia"),
    ]
    brief = _brief(exts)
    stories = _stories(brief)
    assert len(stories) == 2
    offensive, session = sorted(stories, key=lambda s: -len(s.sources))
    # The offensive over four days stays one story; the session is the story of its two reports.
    assert _ids(brief, offensive) == {"o16", "o17", "o18", "o19"}
    assert (offensive.date, offensive.date_end) == ("2018-06-16", "2018-06-19")
    assert _ids(brief, session) == {"o17", "o18"}
    texts = {c.content_ar for c in session.claims}
    assert texts == {SESSION_A.split("يعقد", 1)[1].strip(), SESSION_B.split("رأى", 1)[1].strip()}
    assert not [c for c in offensive.claims if c.speaker_id == UNSC[0]]


def test_no_split_for_copies_undated_asides_or_small_stories():
    # The same sentence in two reports is a copy of one report, not a second report of an event.
    copies = [
        _offensive(16, "Al Jazeera"),
        _offensive(17, "France 24 Arabic", session=SESSION_A),
        _offensive(18, "BBC News Arabic", session=SESSION_A),
    ]
    assert len(_stories(_brief(copies))) == 1
    # An aside no report dates in the window is no event of it.
    undated = [
        replace(e, claims=tuple(replace(c, date=None) for c in e.claims))
        for e in (
            _offensive(16, "Al Jazeera"),
            _offensive(17, "France 24 Arabic", session=SESSION_A),
            _offensive(18, "BBC News Arabic", session=SESSION_B),
        )
    ]
    assert len(_stories(_brief(undated))) == 1
    # A story of two articles is not split.
    two = [
        _offensive(17, "France 24 Arabic", session=SESSION_A),
        _offensive(18, "BBC News Arabic", session=SESSION_B),
    ]
    assert len(_stories(_brief(two))) == 1
