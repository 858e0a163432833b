"""Composition: merging actors and figures across articles, reference numbering, periods."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from brief_samples import IRAN, JAZAYERI, make_extraction, sample_extractions

from briefing.compose import ComposeOptions, compose
from briefing.compose.claims import collect_claims
from briefing.compose.drafts import draft_stories
from briefing.compose.drafts import marks as story_marks
from briefing.compose.figures import group_figures
from briefing.compose.references import joined_marks, number_references, sentence_segments
from briefing.compose.selection import select
from briefing.compose.sources import order_sources
from briefing.compose.stories import shown as stories_shown
from briefing.extract import extract_articles
from briefing.ingest.read import Reader

GENERATED = datetime(2018, 5, 12, 9, 0)


@pytest.fixture(scope="module")
def brief():
    return compose(sample_extractions(), generated=GENERATED)


def test_compose_sources_ordered_by_date_with_metadata(brief):
    assert [s.id for s in brief.sources] == ["art-a", "art-c", "art-b"]
    assert [s.number for s in brief.sources] == [1, 2, 3]
    first = brief.sources[0]
    assert (first.title, first.outlet, first.date, first.url) == (
        "إيران باقية في سوريا",
        "Al Arabiya",
        "2018-05-09",
        "https://example.org/a",
    )
    assert (brief.period_start, brief.period_end, brief.period_from_articles) == (
        "2018-05-09",
        "2018-05-11",
        True,
    )
    assert brief.outlets == 3


def test_compose_merges_same_actor_across_articles(brief):
    iran = [a for a in brief.actors if a.id == IRAN[0]]
    assert len(iran) == 1
    texts = {e.article.id: e for e in sample_extractions()}
    expected = sum(len(a.mentions) for e in texts.values() for a in e.actors if a.id == IRAN[0])
    assert iran[0].mentions == expected
    assert iran[0].sources == (1, 2, 3)
    assert (iran[0].name_en, iran[0].name_ar) == ("Iran", "إيران")


def test_compose_merges_same_figure_within_half_percent():
    groups = group_figures(order_sources(sample_extractions())).groups
    money = [g for g in groups if g.head.category == "money"]
    assert len(money) == 1  # 30 and 30.1 billion, both "more than": one figure
    assert money[0].sources() == (1, 3)
    assert len(money[0].reports) == 2


@pytest.mark.parametrize(
    ("value", "qualifier", "merged"),
    [(30.1e9, "more_than", True), (30.4e9, "more_than", False), (30e9, "about", False)],
)
def test_compose_figure_merge_rule(value, qualifier, merged):
    def ext(aid, v, q):
        return make_extraction(
            aid,
            "أنفقت إيران 30 مليار دولار.\n",
            figures=(("30 مليار دولار", v, "USD", "money", q, "$30 billion"),),
        )

    groups = group_figures([ext("x", 30e9, "more_than"), ext("y", value, qualifier)]).groups
    assert len(groups) == (1 if merged else 2)


def test_compose_references_are_numbered_in_source_order(brief):
    numbers = [r.number for r in brief.refs]
    assert numbers == list(range(1, len(numbers) + 1))
    assert [(r.source, r.start) for r in brief.refs] == sorted((r.source, r.start) for r in brief.refs)
    cited = {c.ref for a in brief.articles for c in a.claims}
    stories = brief.key_developments + brief.stories
    cited |= {c.ref for s in stories for c in s.citations}
    cited |= {c.ref for s in stories for claim in s.claims for c in claim.citations}
    cited |= {c.ref for s in stories for line in s.figures for r in line.reports for c in r.citations}
    assert cited <= set(numbers)
    assert set(numbers) <= cited | {n for a in brief.articles for f in a.figures for n in f.refs}


def test_compose_reference_marks_the_cited_words(brief):
    exts = {e.article.id: e for e in sample_extractions()}
    for ref in brief.refs:
        text = exts[brief.sources[ref.source - 1].id].article.text
        sentence = text[ref.start : ref.end]
        assert "".join(s.text for s in ref.segments) == sentence.strip()
        marks = [s.text for s in ref.segments if s.mark]
        assert marks
        assert all(m in sentence for m in marks)


def test_compose_period_is_generation_date_without_dates():
    undated = [replace(e, article=replace(e.article, published=None)) for e in sample_extractions()]
    brief = compose(undated, generated=GENERATED)
    assert (brief.period_start, brief.period_end, brief.period_from_articles) == (
        "2018-05-12",
        "2018-05-12",
        False,
    )


def test_compose_period_given_wins():
    brief = compose(sample_extractions(), generated=GENERATED, period=(date(2018, 5, 1), date(2018, 5, 31)))
    assert (brief.period_start, brief.period_end) == ("2018-05-01", "2018-05-31")


def test_compose_empty_window():
    brief = compose([], generated=GENERATED)
    assert brief.empty
    assert brief.refs == ()
    assert brief.key_developments == ()
    assert brief.articles == ()
    assert brief.period_start == "2018-05-12"


def test_compose_cites_a_window_when_sentences_are_missing():
    ext = make_extraction(
        "nosent",
        "كلمة " * 200 + "ونفى مسعود جزايري وجود مطالب بالانسحاب. " + "كلمة " * 200,
        actors=(JAZAYERI,),
        claims=((JAZAYERI, "نفى", "deny", "وجود مطالب بالانسحاب", "He denied it"),),
    )
    ext = replace(ext, sentences=())
    brief = compose([ext], generated=GENERATED)
    (ref,) = brief.refs
    assert [s.text for s in ref.segments if s.mark] == ["نفى", "وجود مطالب بالانسحاب"]
    assert len(ext.article.text[ref.start : ref.end]) < 600


def test_compose_json_lists_sources(brief):
    data = brief.to_json()
    assert [s["id"] for s in data["sources"]] == ["art-a", "art-c", "art-b"]
    assert {"id", "title", "outlet", "date", "url", "file"} <= set(data["sources"][0])


def test_compose_on_seeds(nlp, resources, seeds_dir):
    articles = [item.article for item in Reader().read(str(seeds_dir))]
    exts = list(extract_articles(nlp, articles, resources.version))  # type: ignore[arg-type]
    brief = compose(exts, generated=GENERATED)
    assert len(brief.sources) == len(articles) == 5
    ids = [a.id for a in brief.actors]
    assert len(ids) == len(set(ids))  # merged by id
    for ref in brief.refs:
        text = exts[[e.article.id for e in exts].index(brief.sources[ref.source - 1].id)].article.text
        assert "".join(s.text for s in ref.segments).replace("… ", "").replace(" …", "") in text
    assert [r.number for r in brief.refs] == list(range(1, len(brief.refs) + 1))


def test_compose_selection_alone_decides_the_references(brief):
    exts = order_sources(sample_extractions())
    opts = ComposeOptions()
    selection = select(collect_claims(exts), group_figures(exts), opts)
    stories = stories_shown(draft_stories(exts, (date(2018, 5, 9), date(2018, 5, 11))), opts)
    refs = number_references(exts, joined_marks(selection.marks(), story_marks(stories, opts.max_citations)))
    assert refs.refs == brief.refs  # numbering needs nothing but the selection and the stories shown
    shown = {(c.cited.src, c.cited.sent) for a in selection.articles for c in a.claims}
    assert shown <= set(refs.numbers)


def test_compose_segments_cut_a_long_sentence_around_its_marks():
    text = "كلمة " * 150 + "ونفى جزايري ذلك " + "كلمة " * 150
    cue = text.index("نفى")
    segments = sentence_segments(text, (0, len(text)), [(cue, cue + 3)])
    assert segments[0].text == "… "
    assert segments[-1].text == " …"
    assert [s.text for s in segments if s.mark] == ["نفى"]
    shown = "".join(s.text for s in segments[1:-1])
    assert shown in text
    assert len(shown) <= 420
