"""Which vectors may be alike, without comparing every pair.

For unit-length vectors x and y, the terms of x split into a prefix (its heaviest) and a tail
whose norm is below a threshold t. If y shares no prefix term of x, every term they share is in
the tail, so x·y <= |tail|·|y| < t (Cauchy-Schwarz). So an index of terms finds every y that may
reach t with x, and the dot products tested are exactly those that could pass: the results are
those of comparing every pair, at the cost of the pairs that share a heavy term.
likely_alike finds the same candidates for many vectors at once by a sparse matrix product.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import mul
from typing import Any

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


BLOCK = 4096  # rows multiplied at a time: the products of a large window stay small


def likely_alike(
    rows: Sequence[Mapping[str, float]], cols: Sequence[Mapping[str, float]], threshold: float
) -> list[list[int]]:
    """For each of `rows`, the indices (ascending) of the `cols` whose dot with it may reach
    `threshold`: every one that does, and a few within ROUNDING below. The dots are summed
    by a sparse matrix product, in another order than dot()'s, so the caller decides on dot()."""
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]  # imported when a brief is composed

    vocab: dict[str, int] = {}
    for col in cols:
        for t in col:
            vocab.setdefault(t, len(vocab))
    by_col = _matrix(cols, vocab, csr_matrix).T.tocsr()
    out: list[list[int]] = []
    for start in range(0, len(rows), BLOCK):
        product = (_matrix(rows[start : start + BLOCK], vocab, csr_matrix) @ by_col).tocsr()
        keep = product.data >= threshold - ROUNDING
        for r in range(product.shape[0]):
            lo, hi = product.indptr[r], product.indptr[r + 1]
            out.append(sorted(product.indices[lo:hi][keep[lo:hi]].tolist()))
    return out


def _matrix(vecs: Sequence[Mapping[str, float]], vocab: Mapping[str, int], csr_matrix: Any) -> Any:
    """`vecs` as a sparse matrix over `vocab`'s columns (terms outside it dropped: no col has them)."""
    indptr, indices, data = [0], [], []
    for vec in vecs:
        for t, w in vec.items():
            j = vocab.get(t)
            if j is not None:
                indices.append(j)
                data.append(w)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(vecs), len(vocab)), dtype="float64")
