"""The token columns shared by the components (briefing.pipeline.columns): the same values as
Doc.to_array, read once per document, and never stale."""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, NORM, ORTH, SENT_START

from briefing.pipeline.columns import COLUMNS, KeySet, token_array, token_list

TEXT = "قال الرئيس الفرنسي إيمانويل ماكرون إن 12 شخصا قتلوا.\nوأكدت وزارة الخارجية التركية ذلك. انتهى"


def test_columns_after_the_pipeline_are_the_docs_own(nlp):
    doc = nlp(TEXT)
    assert numpy.array_equal(token_array(doc, COLUMNS), doc.to_array(list(COLUMNS)))
    assert numpy.array_equal(token_array(doc, [SENT_START, ORTH]), doc.to_array([SENT_START, ORTH]))
    assert token_list(doc, NORM) == doc.to_array(NORM).tolist()
    assert token_list(doc, IDX) is token_list(doc, IDX)  # one list per doc and column


def test_columns_of_a_doc_the_splitter_has_not_seen_are_read_afresh(nlp):
    doc = nlp.make_doc(TEXT)
    normalized = nlp.get_pipe("briefing_normalizer")(doc)
    # Without the splitter nothing is shared: the norms set since are read, not a stale copy.
    assert token_list(normalized, NORM) == doc.to_array(NORM).tolist()
    assert numpy.array_equal(token_array(doc, [ORTH, NORM]), doc.to_array([ORTH, NORM]))
    nlp.get_pipe("briefing_sentences")(doc)
    assert numpy.array_equal(token_array(doc, [SENT_START]), doc.to_array([SENT_START]))


def test_columns_read_from_the_word_table_are_the_docs_own(nlp):
    """Offsets counted from lengths and spaces, and lexeme values kept per word, hold on odd
    texts: leading and doubled blanks, tabs, Latin, digits, emoji, a word seen twice."""
    texts = ["  \n\nقال  الرئيس\t\tإن 1,200 شخص 😀 U.S. قال\n", "x", "\n", "قال الرئيس، قال:  «نعم»"]
    for text in texts * 2:  # the second time, every word is known
        doc = nlp(text)
        assert numpy.array_equal(token_array(doc, COLUMNS), doc.to_array(list(COLUMNS))), text


def test_key_set_finds_exactly_the_keys_even_where_low_bits_are_shared():
    # 1 and 65537 share their low sixteen bits: only the key is found, at its place among the keys.
    keys = KeySet(sorted([1, 7, 2**40 + 3, 2**63 + 9]))
    values = numpy.array([65537, 7, 2**40 + 3, 5, 1, 2**63 + 9, 2**63 + 9 + 65536, 7], dtype="uint64")
    found, at = keys.find(values)
    assert found.tolist() == [1, 2, 4, 5, 7]
    assert keys.keys[at].tolist() == values[found].tolist()
    assert [len(x) for x in KeySet([]).find(values)] == [0, 0]
    assert [len(x) for x in keys.find(numpy.array([], dtype="uint64"))] == [0, 0]
