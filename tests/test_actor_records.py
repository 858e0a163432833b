import pickle

import numpy

from briefing.pipeline.actors.document import Tokens
from briefing.pipeline.actors.forms import PROPER, SURNAME, UNKNOWN, UNREADABLE, Forms
from briefing.pipeline.actors.records import FormRecords
from briefing.pipeline.actors.words import WordCaches, Words


def test_actor_records_by_word_and_grown_past_the_first_size() -> None:
    table = FormRecords()
    orths = numpy.array([2**63 + 5, 17, 2**63 + 5], dtype="uint64")
    assert table.of(orths) is None
    assert table.missing(orths) == [2**63 + 5, 17]
    table.add([2**63 + 5, 17], [1 << 19, 3])
    got = table.of(orths)
    assert got is not None
    assert got.tolist() == [1 << 19, 3, 1 << 19]
    many = list(range(100, 10_100))  # more words than the table first has room for
    table.add(many, [k * 2 for k in many])
    got = table.of(numpy.array([17, 10_099, 100], dtype="uint64"))
    assert got is not None
    assert got.tolist() == [3, 20_198, 200]
    assert len(table) == 10_002


def test_actor_records_pickle_empty() -> None:
    table = FormRecords()
    table.add([17], [3])
    assert len(pickle.loads(pickle.dumps(table))) == 0


def test_actor_records_opening_kinds_only_for_unknown_words(nlp) -> None:
    # The analyser is asked for a foreign name's opening kinds only where a rule reads them: the
    # words no resource knows (UNKNOWN); a first run meets mostly new words.
    pipe = nlp.get_pipe("briefing_actors")
    t = pipe.tables
    doc = nlp("وقال الرئيس إن بريدراغ ميياتوفيتش وعبدالفتاح التقيا في الدوحة أمس")
    w = Words(Tokens.of(doc, pipe.strings, t.phrases), t.words, WordCaches())
    bits = Forms(w, t.people, t.glue, t.words.known).bits
    foreign = PROPER | UNREADABLE | SURNAME
    assert all(b & UNKNOWN for b in bits if b & foreign)
    assert not bits[[tok.text for tok in doc].index("الرئيس")] & foreign
