"""The scheduler: dependency order, concurrency, exclusive nodes, failures skipping descendants."""

from __future__ import annotations

import threading

from warehouse.results import Reporter
from warehouse.runner import NodeResult, critical_path, run_graph


class FakeCon:
    def cursor(self):
        return self

    def close(self):
        pass

    def interrupt(self):
        pass


class Probe:
    """Records which nodes ran at the same time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.active: set[str] = set()
        self.overlaps: dict[str, set[str]] = {}
        self.order: list[str] = []

    def enter(self, name):
        with self.lock:
            self.overlaps[name] = set(self.active)
            for other in self.active:
                self.overlaps[other].add(name)
            self.active.add(name)
            self.order.append(name)

    def leave(self, name):
        with self.lock:
            self.active.discard(name)


def test_independent_nodes_run_together_and_children_after_parents():
    probe = Probe()
    both = threading.Barrier(2, timeout=30)   # a and b can only pass it together
    graph = {"a": set(), "b": set(), "ab": {"a", "b"}, "c": {"ab"}, "d": {"ab"}}

    def work(cur, name):
        probe.enter(name)
        if name in ("a", "b"):
            both.wait()
        probe.leave(name)
        return NodeResult(name, "model", "success")

    results = run_graph(FakeCon(), graph, work, 2, Reporter(), "model")
    assert {r.unique_id for r in results if r.status == "success"} == set(graph)
    assert "b" in probe.overlaps["a"]
    assert probe.order.index("ab") > max(probe.order.index("a"), probe.order.index("b"))
    assert min(probe.order.index("c"), probe.order.index("d")) > probe.order.index("ab")


def test_failure_skips_descendants_only():
    graph = {"a": set(), "b": {"a"}, "c": {"b"}, "x": set()}

    def work(cur, name):
        if name == "a":
            raise RuntimeError("boom")
        return NodeResult(name, "model", "success")

    results = {r.unique_id: r for r in run_graph(FakeCon(), graph, work, 2, Reporter(), "model")}
    assert results["a"].status == "error" and "boom" in results["a"].message
    assert results["b"].status == results["c"].status == "skipped"
    assert results["x"].status == "success"


def test_critical_path_ranks_long_chains_first():
    graph = {"root": set(), "long1": {"root"}, "long2": {"long1"}, "long3": {"long2"}, "short": {"root"}}
    rank = critical_path(graph)
    assert rank["root"] == 4 and rank["long1"] == 3 and rank["short"] == 1
