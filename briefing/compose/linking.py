"""Groups of things linked two by two (union-find): wire copies, items telling of one sub-event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable


class UnionFind:
    """Disjoint groups of the indices 0..n-1, joined two at a time."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.root(i)] = self.root(j)

    def groups(self) -> list[list[int]]:
        """The groups, in order of their first index, each in increasing order."""
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            groups[self.root(i)].append(i)
        return list(groups.values())


def linked_groups(n: int, linked: Callable[[int, int], bool]) -> list[list[int]]:
    """The indices 0..n-1 grouped so that any two linked ones (`linked(i, j)`, i > j) share a
    group, in order of their first index. Two already in one group are not asked again: the
    groups are the same, and a window's many copies of one report cost one test each."""
    found = UnionFind(n)
    for i in range(n):
        for j in range(i):
            if found.root(i) != found.root(j) and linked(i, j):
                found.union(i, j)
    return found.groups()
