"""Sections by theme or country, the countries of stories, what changed, the actors index (issue 14).

compose's own steps on hand-made stories; tests/test_changes_cli.py runs them through the CLI.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from brief_samples import IRAN, SYRIA, make_extraction, sample_extractions

from briefing.compose import Countries, compose
from briefing.compose.actors import prominent_actors
from briefing.compose.arrange import previous_period
from briefing.compose.changes import PreviousWindow, change_rows, compare_windows, marker
from briefing.compose.countries import article_countries, story_countries
from briefing.compose.grouping import group_sections
from briefing.model.brief import ActorItem, CitedSentence, Story, StoryClaim

GENERATED = datetime(2018, 5, 9, 12, 0)


def story(
    sid: str,
    rank: int,
    *,
    themes: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
    claims: int = 1,
    casualties: int = 0,
    actors: tuple[str, ...] = (),
    refs: tuple[CitedSentence, ...] = (),
    sources: tuple[int, ...] = (1,),
) -> Story:
    said = StoryClaim(None, None, None, "statement", "قال", "نص", "Someone said something.", None, ())
    return Story(
        id=sid,
        rank=rank,
        anchor=f"story-{sid}",
        headline_en=sid,
        headline_ar=sid,
        date=None,
        date_end=None,
        outlets=(),
        sources=sources,
        countries=countries,
        themes=themes,
        actors=actors,
        claims=(said,) * claims,
        figures=(),
        refs=refs,
        salience=1.0 / rank,
        casualties=casualties,
    )


def names(key: str) -> tuple[str, str]:
    return {"Q858": ("Syria", "سوريا"), "Q794": ("Iran", "إيران")}.get(key, (key.title(), key))


# --- sections -------------------------------------------------------------------------------------


def test_sections_by_theme_follow_their_best_story_and_other_comes_last():
    stories = [
        story("a", 3, themes=("economy",)),
        story("b", 1),  # no theme: Other, last although it ranks first
        story("c", 2, themes=("military", "economy")),
        story("d", 4, themes=("military",)),
    ]
    sections = group_sections(stories, "theme", names)
    assert [(s.id, s.stories) for s in sections] == [
        ("military", ("c", "d")),
        ("economy", ("a",)),
        ("other", ("b",)),
    ]
    assert (sections[0].kind, sections[0].label_en, sections[0].anchor) == (
        "theme",
        "Military",
        "section-theme-military",
    )
    assert (sections[-1].label_en, sections[-1].label_ar) == ("Other", "أخرى")


def test_sections_by_country_take_each_story_to_its_first_country():
    stories = [story("a", 2, countries=("Q794", "Q858")), story("b", 1, countries=("Q858",)), story("c", 3)]
    sections = group_sections(stories, "country", names)
    assert [(s.id, s.label_en, s.label_ar, s.stories) for s in sections] == [
        ("Q858", "Syria", "سوريا", ("b",)),
        ("Q794", "Iran", "إيران", ("a",)),
        ("other", "Other", "أخرى", ("c",)),
    ]


def test_sections_refuse_an_unknown_grouping():
    with pytest.raises(ValueError, match="region"):
        group_sections([story("a", 1)], "region", names)


# --- countries ------------------------------------------------------------------------------------

DOUMA = ("Q_douma", "LOC", "Douma", "دوما")
TRUMP = ("Q22686", "PERSON", "Donald Trump", "ترامب")
TABLE = Countries(
    state_of={"Q_douma": "Q858", "Q22686": "Q30", "Q858": "Q858", "Q30": "Q30"},
    names={"Q858": ("Syria", "سوريا"), "Q30": ("United States", "الولايات المتحدة")},
)


def test_a_place_outweighs_who_speaks_and_a_state_counts_for_itself():
    text = "قال ترامب إن الضربة في دوما كانت ردا. وقال ترامب إن إيران مسؤولة. وكرر ترامب ذلك."
    ext = make_extraction("x", text, actors=(TRUMP, DOUMA, IRAN))
    # Trump 3 mentions × 1 = 3 for the United States; Douma 1 × 3 for Syria; Iran 1 × 2.
    assert article_countries(ext, TABLE) == ("Q30", "Q858", "Q794")
    # Without the gazetteer only what is a state itself counts.
    assert article_countries(ext, Countries()) == ("Q794",)


def test_a_story_is_about_the_countries_of_the_sentences_it_cites():
    text = "قال ترامب إن الضربة في دوما كانت ردا. وقال ترامب إن إيران مسؤولة."
    ext = make_extraction("x", text, actors=(TRUMP, DOUMA, IRAN))
    first = text.index(".") + 1
    cited = story("s", 1, refs=(CitedSentence("x", 0, first, text[:first]),))
    assert story_countries(cited, [ext], TABLE) == ("Q858", "Q30")  # Douma 3, Trump 1; not Iran
    uncited = story("t", 2, sources=(1,))
    # The whole article: Douma 3, Trump twice 2, Iran 2 (a tie goes by id).
    assert story_countries(uncited, [ext], TABLE) == ("Q858", "Q30", "Q794")
    assert TABLE.label("Q858") == ("Syria", "سوريا")
    assert Countries().label("Q794", [ext]) == ("Iran", "إيران")  # as the extraction names it


# --- what changed ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "before", "expected"),
    [
        ((2, 3, 0), (0, 0, 0), "new"),
        ((0, 0, 0), (1, 2, 5), "gone"),
        ((3, 1, 0), (2, 9, 9), "up"),  # more stories decide before claims
        ((2, 4, 0), (2, 3, 0), "up"),
        ((2, 3, 1), (2, 3, 7), "down"),
        ((2, 3, 7), (2, 3, 7), "same"),
    ],
)
def test_change_marker(now, before, expected):
    assert marker(now, before) == expected


def test_change_rows_count_stories_claims_and_casualties_per_country_and_keep_the_busiest():
    now = [
        story("a", 1, countries=("Q858",), claims=3, casualties=40),
        story("b", 2, countries=("Q858", "Q794"), claims=1),
        story("c", 3, countries=("Q794",), claims=2),
        story("d", 4, countries=("Q1",)),
        story("e", 5),  # no country: no row
    ]
    before = [story("p", 1, countries=("Q858",), claims=2, casualties=70), story("q", 2, countries=("Q2",))]
    rows = change_rows(now, before, "country", names, limit=3)
    assert [(r.id, r.stories, r.stories_before, r.claims, r.claims_before, r.marker) for r in rows] == [
        ("Q858", 2, 1, 4, 2, "up"),
        ("Q794", 1, 0, 2, 0, "new"),
        ("Q1", 1, 0, 1, 0, "new"),  # Q2 (gone, 1 story, 1 claim) loses the tie on its id
    ]
    assert (rows[0].casualties, rows[0].casualties_before, rows[0].label_en) == (40, 70, "Syria")
    gone = change_rows([], before, "country", names, limit=8)
    assert {(r.id, r.marker) for r in gone} == {("Q858", "gone"), ("Q2", "gone")}


def actor(aid: str, sources: tuple[int, ...], mentions: int) -> ActorItem:
    return ActorItem(aid, "GPE", aid.title(), aid, mentions, sources)


def test_compare_windows_names_new_prominent_actors_and_says_when_nothing_came_before():
    current = [story("a", 1, themes=("military",), countries=("Q858",))]
    prominent = [actor("q858", (1, 2), 5), actor("q_new", (1, 2), 3)]
    before = PreviousWindow(
        "2018-04-01", "2018-04-06", 2, (story("p", 1, themes=("military",)),), frozenset({"q858"})
    )
    changes = compare_windows(current, before, prominent, {"country": names, "theme": names}, 8)
    assert (changes.previous_start, changes.previous_end, changes.previous_articles) == (
        "2018-04-01",
        "2018-04-06",
        2,
    )
    assert [(r.kind, r.id, r.marker) for r in changes.rows] == [
        ("country", "Q858", "new"),
        ("theme", "military", "same"),
    ]
    assert [a.id for a in changes.new_actors] == ["q_new"]
    empty = PreviousWindow("2018-04-01", "2018-04-06", 0, (), frozenset())
    nothing = compare_windows(current, empty, prominent, {"country": names, "theme": names}, 8)
    assert (nothing.previous_articles, nothing.rows, nothing.new_actors) == (0, (), ())


def test_the_previous_window_has_the_same_length():
    from datetime import date

    assert previous_period(date(2018, 4, 7), date(2018, 4, 14)) == (date(2018, 3, 30), date(2018, 4, 6))
    assert previous_period(date(2018, 4, 7), date(2018, 4, 7)) == (date(2018, 4, 6), date(2018, 4, 6))


def test_compose_compares_only_when_given_a_previous_window():
    exts = sample_extractions()
    assert compose(exts, generated=GENERATED).changes is None  # a build from files
    changes = compose(exts, generated=GENERATED, previous=[]).changes
    assert changes is not None
    assert changes.previous_articles == 0
    brief = compose(exts, generated=GENERATED)
    days = (brief.period_start, brief.period_end)
    earlier = compose(exts, generated=GENERATED, previous=exts[:1]).changes
    assert earlier is not None
    assert earlier.previous_articles == 1
    assert earlier.previous_end < days[0]


# --- the actors index -----------------------------------------------------------------------------


def test_the_actors_index_keeps_actors_of_two_articles_or_of_a_key_development_bounded():
    everyone = [
        actor("often", (1, 2, 3), 9),
        actor("twice", (1, 2), 2),
        actor("once", (3,), 7),
        actor("key", (2,), 1),
    ]
    assert [a.id for a in prominent_actors(everyone, ["key"], 10)] == ["often", "twice", "key"]
    assert [a.id for a in prominent_actors(everyone, ["key"], 2)] == [
        "often",
        "key",
    ]  # key first, shown by mentions


def test_compose_keeps_every_actor_for_the_appendix():
    a = make_extraction("a", "قالت سوريا إن إيران شريك.", actors=(SYRIA, IRAN))
    b = make_extraction("b", "زار وفد سوريا الرياض.", actors=(SYRIA,))
    brief = compose([a, b], generated=GENERATED)
    assert [x.id for x in brief.appendix_actors] == ["Q858", "Q794"]
    assert brief.actors_total == 2
    keyed = {i for s in brief.key_developments for i in s.actors}
    # Syria is in both articles; Iran, in one, only when a key development names it.
    assert [x.id for x in brief.actors] == [i for i in ("Q858", "Q794") if i == "Q858" or i in keyed]
