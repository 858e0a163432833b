import pickle

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab

from briefing.pipeline.wordslots import WordRecords, WordSlots, WordValues


def test_wordslots_ids_in_the_order_added() -> None:
    slots = WordSlots()
    keys = [2**63 + 5, 17, 12345678901234567]
    slots.add(keys)
    got = slots.ids(numpy.array([17, 2**63 + 5, 17, 12345678901234567], dtype="uint64"))
    assert got is not None
    assert got.tolist() == [1, 0, 1, 2]


def test_wordslots_a_taken_slot_and_an_unknown_key() -> None:
    slots = WordSlots()
    # The same low bits: the second key goes to the overflow dictionary.
    first, second = 7, 7 + (1 << 40)
    slots.add([first, second])
    got = slots.ids(numpy.array([second, first], dtype="uint64"))
    assert got is not None
    assert got.tolist() == [1, 0]
    unknown = numpy.array([first, 8 + (1 << 40), 8], dtype="uint64")
    assert slots.ids(unknown) is None
    assert slots.missing(unknown) == [8 + (1 << 40), 8]


def test_wordslots_an_empty_slot_matches_no_key() -> None:
    slots = WordSlots()
    # An empty slot s holds s + 1: the key s + 1 maps to another slot and is unknown.
    assert slots.ids(numpy.array([1, 0], dtype="uint64")) is None


class _Lengths(WordRecords):
    """A record of each word: its text and, as bits, its length."""

    def __init__(self, limit: int) -> None:
        super().__init__(1, limit)
        self.reads = 0

    def _read(self, doc: Doc, token: list[int], i: int) -> tuple[tuple[str], int]:
        self.reads += 1
        text = doc.vocab.strings[token[0]]
        return (text,), len(text)


def _orths(words: list[str]) -> tuple[Doc, numpy.ndarray]:
    doc = Doc(Vocab(), words=words)
    arr = doc.to_array([ORTH])
    return doc, arr.reshape(-1, 1)


def test_wordslots_records_read_once_per_word() -> None:
    records = _Lengths(limit=10)
    doc, arr = _orths(["قال", "إن", "قال"])
    rows, bits = records.lookup(doc, arr, arr[:, 0])
    assert rows[:, 0].tolist() == ["قال", "إن", "قال"]
    assert bits.tolist() == [3, 2, 3]
    assert records.reads == 2
    records.lookup(doc, arr, arr[:, 0])
    assert records.reads == 2


def test_wordslots_records_past_the_limit_read_each_time() -> None:
    records = _Lengths(limit=1)
    doc, arr = _orths(["قال", "إن", "قال"])
    rows, bits = records.lookup(doc, arr, arr[:, 0])
    assert rows[:, 0].tolist() == ["قال", "إن", "قال"]
    assert bits.tolist() == [3, 2, 3]
    assert records.reads == 3


def test_word_values_by_word_and_grown_past_the_first_size() -> None:
    table = WordValues()
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


def test_word_values_pickle_empty() -> None:
    table = WordValues()
    table.add([17], [3])
    assert len(pickle.loads(pickle.dumps(table))) == 0


def test_word_values_rows_of_a_width_in_text_order() -> None:
    table = WordValues(2, "uint64")
    words = numpy.array([30, 10, 30, 20], dtype="uint64")
    assert table.of(words) is None
    assert table.missing(words) == [30, 10, 20]  # in the order they first come
    table.add([30, 10, 20], numpy.array([[3, 33], [1, 11], [2, 22]], dtype="uint64"))
    got = table.of(words)
    assert got is not None
    assert got.tolist() == [[3, 33], [1, 11], [3, 33], [2, 22]]
    assert table.of(numpy.array([30, 99], dtype="uint64")) is None
    assert table.missing(numpy.array([99, 10, 99], dtype="uint64")) == [99]
    empty = table.of(numpy.empty(0, dtype="uint64"))
    assert empty is not None
    assert empty.shape == (0, 2)
