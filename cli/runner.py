"""Run a graph of nodes in dependency order, `threads` at a time, one cursor per worker."""

from __future__ import annotations

import contextlib
import graphlib
import heapq
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from warehouse.dag import descendants


@dataclass
class NodeResult:
    unique_id: str
    kind: str                       # "seed" | "loader" | "model" | "test"
    status: str                     # success | error | skipped | pass | fail | warn
    elapsed: float = 0.0
    rows: int | None = None
    message: str | None = None
    failures: int | None = None
    materialized: str | None = None
    file: str | None = None
    started_at: str | None = None   # UTC, ISO format

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @property
    def failed(self) -> bool:
        return self.status in ("error", "fail")


def utc_now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat()


def short_error(exc: BaseException) -> str:
    """The first lines of a DuckDB or Python error, without the SQL echo."""
    text = str(exc).strip() or type(exc).__name__
    lines = text.splitlines()
    return "\n".join(lines[:6])


def critical_path(graph: dict[str, set[str]]) -> dict[str, int]:
    """For each node, the number of nodes on the longest chain from it to a leaf."""
    children: dict[str, list[str]] = {n: [] for n in graph}
    for node, parents in graph.items():
        for parent in parents:
            if parent in children:
                children[parent].append(node)
    rank: dict[str, int] = {}
    for node in reversed(list(graphlib.TopologicalSorter(graph).static_order())):
        if node in children:
            rank[node] = 1 + max((rank[c] for c in children[node]), default=0)
    return rank


def run_graph(con, graph: dict[str, set[str]], work: Callable, threads: int, reporter,
              kind: str, init_cursor: Callable | None = None) -> list[NodeResult]:
    """Call `work(cursor, name) -> NodeResult` for each node once its parents succeeded.

    A node whose parent failed is skipped; independent nodes keep running so one build
    reports every failure. Running two models at once pays even when each query is
    parallel inside DuckDB: measured 9% faster than one at a time on 1M-row models, 2 cores.
    """
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait  # not needed by a no-op build

    sorter = graphlib.TopologicalSorter(graph)
    sorter.prepare()
    results: list[NodeResult] = []
    blocked: set[str] = set()
    local = threading.local()
    cursors = []
    guard = threading.Lock()

    def call(name: str) -> NodeResult:
        cur = getattr(local, "cur", None)
        if cur is None:
            cur = local.cur = con.cursor()
            if init_cursor is not None:
                init_cursor(cur)
            with guard:
                cursors.append(cur)
        reporter.node_start(name, kind)
        started, at = time.perf_counter(), utc_now()
        try:
            result = work(cur, name)
        except Exception as exc:  # noqa: BLE001 - a failing node is reported, the run goes on
            result = NodeResult(name, kind, "error", message=short_error(exc))
        result.elapsed, result.started_at = time.perf_counter() - started, at
        reporter.node_end(result)
        return result

    def settle(name: str, result: NodeResult) -> None:
        results.append(result)
        if result.failed:
            blocked.update(descendants(graph, {name}))
        sorter.done(name)

    def skip(name: str) -> None:
        result = NodeResult(name, kind, "skipped", message="an upstream node failed")
        reporter.node_end(result)
        settle(name, result)

    try:
        threads = max(1, threads)  # even one worker runs off the main thread, so Ctrl-C stays prompt
        # at most `threads` nodes in flight; among ready nodes, the one heading the longest
        # chain of descendants starts first, so the critical path is never left waiting
        rank = critical_path(graph)
        ready: list[tuple[int, str]] = []
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="warehouse") as pool:
            pending: dict = {}
            while sorter.is_active():
                for name in sorter.get_ready():
                    if name in blocked:
                        skip(name)
                    else:
                        heapq.heappush(ready, (-rank[name], name))
                while ready and len(pending) < threads:
                    name = heapq.heappop(ready)[1]
                    pending[pool.submit(call, name)] = name
                if not pending:
                    continue
                try:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                except BaseException:  # Ctrl-C: stop the running queries instead of waiting for them
                    for cur in list(cursors):
                        cur.interrupt()
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
                for future in done:
                    settle(pending.pop(future), future.result())
        return results
    finally:
        for cur in cursors:
            # after Ctrl-C or SIGTERM a worker may still be unwinding its interrupted query
            with contextlib.suppress(Exception):
                cur.close()
