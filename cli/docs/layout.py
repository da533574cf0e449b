"""A layered (Sugiyama-style) layout of a directed graph, left to right, for the site's SVG graphs.

Computed here rather than in the browser so the pages carry positions only, render at once and
need no layout library: graphviz would be a system program to install, and the JavaScript ones
are larger than this module. The steps are the classic ones:

1. cycles broken (a back edge of a depth-first search is laid out reversed);
2. ranks by longest path from the roots (so raw tables and seeds, then staging, intermediate,
   marts), an invisible dummy node on every rank a long edge crosses;
3. order within each rank by barycentre sweeps, keeping the order with the fewest crossings;
4. vertical positions pulled toward the neighbours' centres, then packed so that no two boxes of
   a rank overlap (isotonic regression: the closest positions that keep order and spacing);
   ranks side by side, each as wide as its widest box: boxes, and so labels, never overlap.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Callable, Iterable

CHAR_WIDTH = 7.3        # px per character of the 12 px monospace font the graphs use
LINE_HEIGHT = 18.0
PADDING = 10.0


def text_width(text: str) -> float:
    return len(text) * CHAR_WIDTH + 2 * PADDING


def layered(sizes: dict[str, tuple[float, float]], edges: Iterable[tuple[str, str]], *,
            order_key: Callable[[str], object] | None = None, gap_x: float = 56.0, gap_y: float = 10.0,
            sweeps: int = 8) -> dict:
    """Positions for boxes of the given (width, height), edges drawn from parent to child.

    Returns {"nodes": {id: [x, y, w, h]}, "edges": [[parent, child, [[x, y], ...]]], "width",
    "height"}: each edge a polyline from the parent's right side to the child's left side.
    `order_key` gives the initial order within a rank (e.g. by folder, then name)."""
    key = order_key or (lambda n: n)
    nodes = sorted(sizes, key=lambda n: (key(n), n))
    edge_list = sorted({(a, b) for a, b in edges if a != b and a in sizes and b in sizes})
    laid = _acyclic(nodes, edge_list)
    forward = sorted(laid)
    rank = _ranks(nodes, forward)

    # chains of dummies for edges longer than one rank
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    pred: dict[str, list[str]] = {n: [] for n in nodes}
    chains: list[tuple[str, str, list[str]]] = []
    height = dict(sizes)
    for a, b in forward:
        chain, prev = [], a
        for r in range(rank[a] + 1, rank[b]):
            dummy = f"\0{a}\0{b}\0{r}"
            rank[dummy] = r
            height[dummy] = (0.0, 2.0)
            succ[dummy], pred[dummy] = [], []
            succ[prev].append(dummy)
            pred[dummy].append(prev)
            chain.append(dummy)
            prev = dummy
        succ[prev].append(b)
        pred[b].append(prev)
        chains.append((a, b, chain))

    n_ranks = max(rank.values(), default=-1) + 1
    layers: list[list[str]] = [[] for _ in range(n_ranks)]
    for n in nodes:
        layers[rank[n]].append(n)
    for _, _, chain in chains:
        for d in chain:
            layers[rank[d]].append(d)
    layers = _order(layers, pred, succ, sweeps)

    # x: ranks side by side
    widths = [max((height[n][0] for n in layer), default=0.0) for layer in layers]
    xs, x = [], 0.0
    for w in widths:
        xs.append(x)
        x += w + gap_x
    total_width = max(0.0, x - gap_x)

    y = _place(layers, height, pred, succ, gap_y)
    top = min((y[n] - height[n][1] / 2 for n in y), default=0.0)
    out_nodes = {}
    for r, layer in enumerate(layers):
        for n in layer:
            if n in sizes:
                w, h = sizes[n]
                out_nodes[n] = [round(xs[r] + (widths[r] - w) / 2, 1), round(y[n] - h / 2 - top, 1), w, h]
    total_height = max((v[1] + v[3] for v in out_nodes.values()), default=0.0)

    out_edges = []
    for a, b, chain in chains:
        xa, ya, wa, ha = out_nodes[a]
        xb, yb, _, hb = out_nodes[b]
        points = [[round(xa + wa, 1), round(ya + ha / 2, 1)]]
        for d in chain:
            r = rank[d]
            points.append([round(xs[r], 1), round(y[d] - top, 1)])
            points.append([round(xs[r] + widths[r], 1), round(y[d] - top, 1)])
        points.append([round(xb, 1), round(yb + hb / 2, 1)])
        for parent, child in laid[(a, b)]:   # a reversed edge runs back along the same line
            out_edges.append([parent, child, points if parent == a else points[::-1]])
    return {"nodes": out_nodes, "edges": out_edges, "width": round(total_width, 1),
            "height": round(total_height, 1)}


def _acyclic(nodes: list[str], edges: list[tuple[str, str]]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Edges as laid out (those closing a cycle reversed, by an iterative depth-first search),
    each with the real edges it draws."""
    children: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        children[a].append(b)
    state: dict[str, int] = {}          # 1 on the stack, 2 done
    back: set[tuple[str, str]] = set()
    for root in nodes:
        if root in state:
            continue
        stack = [(root, iter(children[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            child = next(it, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(children[child])))
    laid: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for a, b in edges:
        laid.setdefault((b, a) if (a, b) in back else (a, b), []).append((a, b))
    return laid


def _ranks(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Longest path from the roots (the edges are acyclic)."""
    preds: dict[str, list[str]] = {n: [] for n in nodes}
    indegree = {n: 0 for n in nodes}
    children: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        preds[b].append(a)
        children[a].append(b)
        indegree[b] += 1
    rank = {}
    ready = [n for n in nodes if indegree[n] == 0]
    while ready:
        n = ready.pop()
        rank[n] = max((rank[p] + 1 for p in preds[n]), default=0)
        for c in children[n]:
            indegree[c] -= 1
            if indegree[c] == 0:
                ready.append(c)
    return rank


def _crossings(upper: list[str], lower: list[str], succ: dict[str, list[str]]) -> int:
    position = {n: i for i, n in enumerate(lower)}
    ends = sorted((i, position[c]) for i, n in enumerate(upper) for c in succ[n] if c in position)
    seen: list[int] = []
    count = 0
    for _, p in ends:       # inversions: edges starting earlier that end further down
        count += len(seen) - bisect_right(seen, p)
        insort(seen, p)
    return count


def _total_crossings(layers, succ) -> int:
    return sum(_crossings(layers[i], layers[i + 1], succ) for i in range(len(layers) - 1))


def _order(layers: list[list[str]], pred, succ, sweeps: int) -> list[list[str]]:
    best = [list(layer) for layer in layers]
    best_count = _total_crossings(best, succ)
    current = [list(layer) for layer in layers]
    for sweep in range(sweeps):
        down = sweep % 2 == 0
        indices = range(1, len(current)) if down else range(len(current) - 2, -1, -1)
        for i in indices:
            ref = current[i - 1] if down else current[i + 1]
            neighbours = pred if down else succ
            position = {n: j for j, n in enumerate(ref)}
            # a node without neighbours on the reference rank keeps its relative place
            stretch = len(ref) / max(1, len(current[i]))

            def bary(item, position=position, neighbours=neighbours, stretch=stretch):
                j, n = item
                ps = [position[m] for m in neighbours[n] if m in position]
                return (sum(ps) / len(ps) if ps else j * stretch, j)

            current[i] = [n for _, n in sorted(enumerate(current[i]), key=bary)]
        count = _total_crossings(current, succ)
        if count < best_count:
            best, best_count = [list(layer) for layer in current], count
        if best_count == 0:
            break
    return best


def _pack(targets: list[float], sizes: list[float], gap: float) -> list[float]:
    """Centres closest to `targets` (least squares) that keep the order and at least `gap`
    between neighbouring boxes of heights `sizes`: pool-adjacent-violators on the targets
    shifted by the spacing the boxes above need."""
    offsets, acc = [], 0.0
    for i, s in enumerate(sizes):
        if i:
            acc += sizes[i - 1] / 2 + gap + s / 2
        offsets.append(acc)
    blocks: list[list[float]] = []      # [mean, weight]
    for t, o in zip(targets, offsets, strict=True):
        blocks.append([t - o, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2 = blocks.pop()
            m1, w1 = blocks.pop()
            blocks.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2])
    out = []
    for mean, weight in blocks:
        out += [mean] * int(weight)
    return [z + o for z, o in zip(out, offsets, strict=True)]


def _place(layers, size, pred, succ, gap: float) -> dict[str, float]:
    y: dict[str, float] = {}
    for layer in layers:        # stacked, then pulled toward the neighbours
        heights = [size[n][1] for n in layer]
        for n, c in zip(layer, _pack([0.0] * len(layer), heights, gap), strict=True):
            y[n] = c
    for sweep in range(6):
        down = sweep % 2 == 0
        order = layers if down else layers[::-1]
        for layer in order:
            targets = []
            for n in layer:
                ns = (pred[n] if down else succ[n]) or (succ[n] if down else pred[n])
                targets.append(sum(y[m] for m in ns) / len(ns) if ns else y[n])
            heights = [size[n][1] for n in layer]
            for n, c in zip(layer, _pack(targets, heights, gap), strict=True):
                y[n] = c
    return y
