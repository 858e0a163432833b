"""Which vectors may be alike, without comparing every pair.

For unit-length vectors x and y, the terms of x split into a prefix (its heaviest) and a tail
whose norm is below a threshold t. If y shares no prefix term of x, every term they share is in
the tail, so x·y <= |tail|·|y| < t (Cauchy-Schwarz). So an index of terms finds every y that may
reach t with x, and the dot products tested are exactly those that could pass: the results are
those of comparing every pair, at the cost of the pairs that share a heavy term.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import repeat
from operator import mul

ROUNDING = 1e-6  # kept off the threshold, so that summing in another order cannot matter


def prefix_terms(vec: Mapping[str, float], threshold: float) -> list[str]:
    """The terms of `vec` (unit length, weights >= 0) but its lightest ones whose norm stays
    below `threshold`: any vector of at most unit length sharing none of them has a dot with
    `vec` below `threshold`."""
    terms = sorted(vec, key=lambda t: vec[t])  # lightest first
    bound = (threshold - ROUNDING) ** 2 if threshold > ROUNDING else 0.0
    tail = 0.0
    for n, t in enumerate(terms):
        tail += vec[t] * vec[t]
        if tail >= bound:
            return terms[n:]
    return []


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Σ a[t]·b[t] over a's terms, summed in a's order (the same float whichever way it is
    written: map and sum do in C what a generator would do term by term)."""
    total: float = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
    return total
