"""Optimal one-to-one pairing (the Hungarian algorithm), solved per connected component."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

__all__ = ["best_pairs"]


def best_pairs(weights: Mapping[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The one-to-one pairs ``(row, col)`` that maximise the total weight; only pairs given in ``weights``.

        best_pairs({(0, 0): 1.0, (0, 1): 2.0, (1, 1): 2.0})   # -> [(0, 0), (1, 1)]
    """
    edges = {pair: w for pair, w in weights.items() if w > 0}
    pairs: list[tuple[int, int]] = []
    for rows, cols in _components(edges):
        if len(rows) == 1 or len(cols) == 1:
            # a star: the heaviest edge is the answer
            pairs.append(max(((r, c) for r in rows for c in cols if (r, c) in edges), key=edges.__getitem__))
            continue
        matrix = [[edges.get((r, c), 0.0) for c in cols] for r in rows]
        pairs.extend((rows[i], cols[j]) for i, j in _hungarian_max(matrix) if (rows[i], cols[j]) in edges)
    return sorted(pairs)


def _components(edges: Mapping[tuple[int, int], float]) -> list[tuple[list[int], list[int]]]:
    """Connected components of the bipartite graph, as (rows, cols)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r, c in edges:
        a, b = find(("r", r)), find(("c", c))
        if a != b:
            parent[a] = b
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for node in list(parent):
        side, index = node
        groups[find(node)][0 if side == "r" else 1].append(index)
    return [(sorted(rows), sorted(cols)) for rows, cols in groups.values()]


def _hungarian_max(matrix: list[list[float]]) -> list[tuple[int, int]]:
    """Row/column pairs of a maximum-weight assignment of a rectangular matrix."""
    if len(matrix) > len(matrix[0]):
        transposed = [list(col) for col in zip(*matrix, strict=True)]
        return [(i, j) for j, i in _hungarian_max(transposed)]
    top = max(max(row) for row in matrix)
    return _hungarian_min([[top - w for w in row] for row in matrix])


def _hungarian_min(cost: list[list[float]]) -> list[tuple[int, int]]:
    """Minimum-cost assignment of every row (rows <= cols), with potentials; O(rows² · cols)."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) assigned to column j, 0 for none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
