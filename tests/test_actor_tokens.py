"""The actor rules' view of a document (briefing.pipeline.actors.document.Tokens): the token sets it
keeps for finding trigger words stay true when a rule gives a token another matching form."""

from __future__ import annotations

import pickle

from spacy.attrs import NORM

from briefing.pipeline.actors import document
from briefing.pipeline.actors.document import FEW_VALUES, Tokens, WordStrings
from briefing.pipeline.actors.triggered import SharedPhrases, TriggeredMatcher
from briefing.pipeline.columns import token_list


def test_where_follows_a_renormed_token(nlp):
    text = "وقال وجومانا مراد في بيروت وفي دمشق"
    doc = nlp(text)
    strings = nlp.vocab.strings
    a = Tokens.of(doc, strings)
    k = next(i for i in range(len(doc)) if doc[i].text == "وجومانا")
    before = a.norms[k]
    fi = strings.add(a.word(k + 3))  # في
    assert a.where({before}) == [k]
    assert a.where({fi}) == [k + 3]
    a.renorm(k, "جومانا")
    assert a.where({before}) == []
    assert a.where({strings["جومانا"]}) == [k]
    assert a.word(k) == "جومانا"
    # The doc's own columns, which the other components read, keep the old form.
    assert token_list(doc, NORM)[k] == before


def test_where_many_values_in_order(nlp):
    doc = nlp("أ ب ت ث ج ح خ د أ ب")
    a = Tokens.of(doc, nlp.vocab.strings)
    wanted = set(a.norms[: FEW_VALUES + 2])  # more than FEW_VALUES: the other way of finding them
    assert a.where(wanted) == [i for i, norm in enumerate(a.norms) if norm in wanted]
    assert a.where(set(a.norms[:2])) == [0, 1, 8, 9]


def test_word_strings_decode_once_and_stay_bounded(nlp, monkeypatch):
    strings = nlp.vocab.strings
    words = WordStrings(strings)
    key = strings.add("جومانا")
    assert words[key] == "جومانا"
    assert key in words  # kept: the next lookup is the dict's (`texts`, which Tokens reads)
    monkeypatch.setattr(document, "MAX_WORD_STRINGS", 2)
    other, third = strings.add("مراد"), strings.add("بيروت")
    assert words[other] == "مراد"
    assert words[third] == "بيروت"
    assert len(words) == 1  # emptied when full, then the new form kept
    assert len(pickle.loads(pickle.dumps(words))) == 0  # pickled empty, with the pipeline


def test_shared_phrases_give_each_matcher_its_own_matches(nlp):
    # Two families' matchers, the same key and an overlapping pattern in both: joined, each
    # still answers exactly what it answers alone, in the same order.
    titles, nouns = TriggeredMatcher(nlp.vocab, "titles"), TriggeredMatcher(nlp.vocab, "nouns")
    titles.add("x", [nlp("الرئيس"), nlp("الرئيس التنفيذي")])
    nouns.add("x", [nlp("شركة")])
    nouns.add("y", [nlp("الرئيس التنفيذي لشركة")])
    shared = SharedPhrases(nlp.vocab, [titles, nouns])
    doc = nlp("قال الرئيس التنفيذي لشركة أرامكو إن الرئيس وافق وإن شركة أخرى رفضت")
    alone = Tokens.of(doc, nlp.vocab.strings)
    joined = Tokens.of(doc, nlp.vocab.strings, shared)
    for matcher in (titles, nouns):
        assert matcher.on(joined) == matcher.on(alone)
        assert matcher.on(alone)
    empty = nlp("وصل الوفد إلى المدينة")
    assert titles.on(Tokens.of(empty, nlp.vocab.strings, shared)) == []


def test_marked_finds_the_marks_as_written(nlp):
    doc = nlp("لندن - معد فياض : التقى ألبرت أينشتاين ( Albert Einstein ) اليوم")
    a = Tokens.of(doc, nlp.vocab.strings)
    raws = [t.text for t in doc]
    assert a.marked(document.OPENING) == {raws.index("(")}
    assert a.marked(document.CLOSING) == {raws.index(")")}
    assert a.marked(document.mark_ids("-", ":")) == {raws.index("-"), raws.index(":")}
    assert a.marked(document.mark_ids("ـ")) == frozenset()
