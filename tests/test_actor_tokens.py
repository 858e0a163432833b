"""The actor rules' view of a document (briefing.pipeline.actors.document.Tokens): the token sets it
keeps for finding trigger words stay true when a rule gives a token another matching form."""

from __future__ import annotations

from spacy.attrs import NORM

from briefing.pipeline.actors.document import FEW_VALUES, Tokens
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
    assert a.orths_where({a.orths[1]}) == [1, 9]
