"""Groups of things linked two by two (union-find): wire copies, items telling of one sub-event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable


def linked_groups(n: int, linked: Callable[[int, int], bool]) -> list[list[int]]:
    """The indices 0..n-1 grouped so that any two linked ones (`linked(i, j)`, i > j) share a
    group, in order of their first index."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i):
            if linked(i, j):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[root(i)].append(i)
    return list(groups.values())
