import pickle

import numpy

from briefing.pipeline.actors.records import FormRecords


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
