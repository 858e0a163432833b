"""Folding and proclitic handling: the matching forms, never the offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.text.normalize import fold, has_arabic, raw_prefix_length, strip_proclitics


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("إيران", "ايران"),
        ("أمريكا", "امريكا"),
        ("آسيا", "اسيا"),
        ("مُحَمَّد", "محمد"),
        ("الكبـــرى", "الكبري"),
        ("مدرسة", "مدرسه"),
        ("٣٠٠ ألف", "300 الف"),
        ("٣٠٫٥", "30.5"),
        ("۱۲۳", "123"),
        ("ﻻ", "لا"),
        ("\u200fدمشق", "دمشق"),
    ],
)
def test_normalize_fold(raw, folded):
    assert fold(raw) == folded


KNOWN = frozenset({"ايران", "العراق", "قال", "سوريا", "سمير", "مير", "كين", "يقول"})


@pytest.mark.parametrize(
    ("token", "form", "removed"),
    [
        ("وايران", "ايران", 1),
        ("وبايران", "ايران", 2),
        ("والعراق", "العراق", 1),
        ("بالعراق", "العراق", 1),
        ("للعراق", "العراق", 0),  # the mention keeps لل: ل + الـ
        ("وللعراق", "العراق", 1),
        ("وقال", "قال", 1),
        ("وزير", "وزير", 0),  # not و + زير: the rest is not a known word
        ("سوريا", "سوريا", 0),  # known as it is: never stripped
        ("وسمير", "سمير", 1),  # the longest known word remains: not وس + مير
        ("وسكين", "وسكين", 0),  # the future's س only before a verb: not وس + كين
        ("وسيقول", "يقول", 2),
    ],
)
def test_normalize_strip_proclitics(token, form, removed):
    assert strip_proclitics(token, KNOWN) == (form, removed)


def test_normalize_raw_prefix_length_skips_marks():
    assert raw_prefix_length("وَإيران", 1) == 2
    assert raw_prefix_length("وبـإيران", 2) == 3


def test_normalize_has_arabic():
    assert has_arabic("نص")
    assert not has_arabic("plain text 123")


@given(st.text())
def test_normalize_fold_total(text):
    folded = fold(text)
    assert isinstance(folded, str)
    assert fold(folded) == folded
