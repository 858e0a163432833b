import numpy

from briefing.pipeline.wordslots import WordSlots


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
