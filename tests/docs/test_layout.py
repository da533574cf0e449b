"""The layered layout of the site's graphs (warehouse.docs.layout)."""

from __future__ import annotations

import random

from warehouse.docs.layout import layered, text_width


def _overlaps(boxes: list[list[float]]) -> list[tuple[int, int]]:
    out = []
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]:
                out.append((i, j))
    return out


def _random_dag(n: int, seed: int = 3) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(seed)
    names = [f"model_{i:03d}" + "x" * rng.randrange(0, 20) for i in range(n)]
    edges = [(names[j], names[i]) for i in range(5, n)
             for j in rng.sample(range(max(0, i - 12), i), k=rng.choice((1, 2, 3)))]
    return names, edges


def test_boxes_never_overlap_and_children_stand_right_of_parents():
    names, edges = _random_dag(200)
    layout = layered({n: (text_width(n), 22) for n in names}, edges)
    assert set(layout["nodes"]) == set(names)
    assert _overlaps(list(layout["nodes"].values())) == []
    for parent, child in edges:
        px, _, pw, _ = layout["nodes"][parent]
        assert layout["nodes"][child][0] >= px + pw
    assert {(a, b) for a, b, _ in layout["edges"]} == set(edges)
    assert all(layout["width"] >= x + w for x, _, w, _ in layout["nodes"].values())


def test_an_edge_runs_from_the_parents_right_side_to_the_childs_left_side():
    layout = layered({"a": (50, 20), "b": (60, 20), "c": (40, 20)}, [("a", "b"), ("b", "c"), ("a", "c")])
    for parent, child, points in layout["edges"]:
        px, py, pw, ph = layout["nodes"][parent]
        cx, cy, _, ch = layout["nodes"][child]
        assert points[0] == [px + pw, py + ph / 2] and points[-1] == [cx, cy + ch / 2]
    long_edge = next(p for a, b, p in layout["edges"] if (a, b) == ("a", "c"))
    assert len(long_edge) == 4          # through the dummy on b's rank


def test_crossings_that_can_be_avoided_are():
    # two chains given in an order that crosses: a1 -> b2 -> c1, a2 -> b1 -> c2
    edges = [("a1", "b2"), ("a2", "b1"), ("b2", "c1"), ("b1", "c2")]
    layout = layered({n: (40, 20) for pair in edges for n in pair}, edges)
    y = {n: v[1] for n, v in layout["nodes"].items()}
    for (a, b), (c, d) in [(e, f) for e in edges for f in edges if e < f]:
        if layout["nodes"][a][0] == layout["nodes"][c][0]:
            assert (y[a] - y[c]) * (y[b] - y[d]) >= 0, "edges cross"


def test_a_cycle_is_laid_out_and_keeps_its_real_directions():
    layout = layered({"a": (40, 20), "b": (40, 20), "c": (40, 20)}, [("a", "b"), ("b", "c"), ("c", "a")])
    assert {(a, b) for a, b, _ in layout["edges"]} == {("a", "b"), ("b", "c"), ("c", "a")}
    assert _overlaps(list(layout["nodes"].values())) == []
