"""Extraction in worker processes, with a time budget per document.

`run(documents, project_dir, workers=N, budget=...)` yields `(document, rows, reason)` in
the order of `documents`, whatever the number of workers, so the tables written from it
are the same with 1 or N workers: `rows` is the document's rows of the raw fact tables,
or None with `reason` when its extraction failed or exceeded its budget.

- `workers <= 1` extracts in this process (no start-up cost; easy to debug). The budget is
  then enforced with an interval timer (SIGALRM), which interrupts the pure-Python
  extractor between two bytecodes but not inside one long C call (a regular expression),
  and only in the main thread. Only worker processes make the budget a hard limit, so
  documents of `LARGE_CHARS` or more, where slow inputs hide, still go to one worker.
- `workers > 1` starts that many processes, which build the extractor (lexicons,
  gazetteers) once each, and hands them batches of documents. A worker reports each
  document as it finishes; one still on the same document when its budget runs out is
  killed, the document rejected, a new worker started and the rest of its batch handed
  out again. Workers are fresh interpreters (`python -c ...`, like multiprocessing's
  "spawn"), not forks: they never share the parent's DuckDB connection or its threads, and
  they do not re-import the parent's main script. Each runs in a session of its own (a
  Ctrl-C in the terminal reaches the build, which stops them), dies with the build
  (PR_SET_PDEATHSIG) and when its socket closes, so an interrupted or killed build leaves
  no process behind.

Test hook: `WAREHOUSE_TEST_SLOW_EXTRACTION="<marker>=<seconds>"` makes the extraction of
any document whose text contains `<marker>` sleep that long first, and `"<marker>=crash"`
makes the worker extracting it die (tests of the budget, of crashes and of signals use
it; it is read in the parent and handed to the workers).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SLOW_HOOK = "WAREHOUSE_TEST_SLOW_EXTRACTION"
BATCH_BYTES = 256 * 1024      # text handed to a worker at a time (about 100 articles)
BATCH_DOCS = 128
LARGE_CHARS = 256 * 1024      # with one worker and a budget, this long a document still goes to one
START_ATTEMPTS = 3            # workers that die while starting, before the build fails
START_SECONDS = 300           # a worker not ready by then (it takes about 1 s) fails the build


@dataclass(frozen=True)
class Budget:
    """The time one document may take to extract: `max(seconds, seconds_per_mb * MB of text)`.
    `seconds = 0` means no budget."""

    seconds: float = 10.0
    seconds_per_mb: float = 2.0

    def of(self, doc) -> float | None:
        if self.seconds <= 0:
            return None
        return max(self.seconds, self.seconds_per_mb * len(doc.text.encode("utf-8", "surrogatepass")) / 2**20)

    @staticmethod
    def reason(limit: float) -> str:
        return f"extraction took longer than {limit:g} s (the per-document time budget)"


def usable_cores() -> int:
    """CPUs this process may run on (its affinity mask), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def slow_hook() -> tuple[str, float | str] | None:
    value = os.environ.get(SLOW_HOOK, "")
    marker, _, seconds = value.rpartition("=")
    if not marker:
        return None
    if seconds == "crash":
        return marker, seconds
    try:
        return marker, float(seconds)
    except ValueError:
        return None


def _extract(ex, doc, hook, in_worker: bool = False) -> dict[str, list[tuple]]:
    from warehouse.staging.facts import document_rows

    if hook and hook[0] in doc.text:
        if hook[1] != "crash":
            time.sleep(hook[1])
        elif in_worker:                      # as a crash in C code or the OOM killer would
            os.kill(os.getpid(), signal.SIGKILL)
    return document_rows(ex, doc)


def _failure(exc: BaseException) -> str:
    return f"extraction failed: {type(exc).__name__}: {exc}"[:500]


def run(documents: Iterable, project_dir: Path | None, *, workers: int = 1,
        budget: Budget | None = None) -> Iterator[tuple[object, dict[str, list[tuple]] | None, str | None]]:
    """`(doc, rows, None)` or `(doc, None, reason)` for each document, in order."""
    documents = list(documents)
    budget = budget or Budget(seconds=0)
    if workers <= 1 or len(documents) <= 1:
        yield from _in_process(documents, project_dir, budget)
    else:
        yield from _Pool(documents, project_dir, workers, budget).results()


# --------------------------------------------------------------------------- in this process

class _Overtime(BaseException):
    """The alarm of the budget: not an Exception, so no `except Exception` in the extractor
    can swallow it and go on with a half-extracted document."""


def _on_alarm(signum, frame):
    raise _Overtime()


def _in_process(documents, project_dir, budget: Budget):
    from warehouse.staging.facts import extractor

    ex = extractor(project_dir)
    hook = slow_hook()
    timed = budget.seconds > 0 and threading.current_thread() is threading.main_thread()
    # large documents, where slow inputs hide, go to one worker process: a hard budget
    large = [d for d in documents if budget.seconds > 0 and len(d.text) >= LARGE_CHARS]
    apart = _Pool(large, project_dir, 1, budget).results() if large else None
    previous = signal.signal(signal.SIGALRM, _on_alarm) if timed else None
    try:
        for doc in documents:
            if apart is not None and len(doc.text) >= LARGE_CHARS:
                yield next(apart)
                continue
            limit = budget.of(doc) if timed else None
            try:
                if limit:
                    signal.setitimer(signal.ITIMER_REAL, limit)
                try:
                    rows = _extract(ex, doc, hook)
                finally:
                    if limit:
                        signal.setitimer(signal.ITIMER_REAL, 0)
            except _Overtime:
                yield doc, None, Budget.reason(limit)
                continue
            except Exception as exc:  # noqa: BLE001 - one document must not stop the build
                yield doc, None, _failure(exc)
                continue
            yield doc, rows, None
    finally:
        if apart is not None:
            apart.close()
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- worker processes

def _die_with_parent() -> None:
    """Linux: SIGKILL this process when the build that started it exits, however it exits."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def main() -> None:
    """A worker (`python -c "from warehouse.staging.pool import main; main()" FD`): build the
    extractor, say ready, then extract the batches it is sent until told to stop."""
    import sys
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    conn = Connection(int(sys.argv[1]))
    try:
        project_dir, hook = conn.recv()
        from warehouse.staging.facts import extractor

        ex = extractor(project_dir)
        _warm_up(ex)
        conn.send(("ready", None))
    except (EOFError, OSError):
        return
    except BaseException as exc:  # noqa: BLE001 - the parent reports it
        with contextlib.suppress(OSError):
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    try:
        while True:
            batch = conn.recv()
            if batch is None:
                return
            for doc in batch:
                try:
                    conn.send(("rows", _extract(ex, doc, hook, in_worker=True)))
                except (EOFError, OSError):
                    raise
                except Exception as exc:  # noqa: BLE001 - one document must not stop the build
                    conn.send(("failed", _failure(exc)))
    except (EOFError, OSError):   # the parent went away
        return


def _warm_up(ex) -> None:
    """Fill the lexicon caches of both languages before the first budget starts."""
    from warehouse.staging.documents import Document

    for language, text in (("fr", "La société Exemple a levé 3 millions d'euros en 2024."),
                           ("en", "Example Corp raised $3 million in 2024.")):
        ex.extract(Document("0" * 16, "warm-up.txt", "", None, None, language, text))


_COMMAND = "from warehouse.staging.pool import main; main()"


class _Worker:
    """A worker process and the parent's end of its socket."""

    def __init__(self, project_dir, hook):
        import socket
        import subprocess
        import sys
        from multiprocessing.connection import Connection

        mine, theirs = socket.socketpair()
        try:
            # its own session: a Ctrl-C in the terminal reaches the build only, which stops it
            self.process = subprocess.Popen([sys.executable, "-c", _COMMAND, str(theirs.fileno())],
                                            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                                            start_new_session=True)
        finally:
            theirs.close()
        self.conn = Connection(mine.detach())
        self.conn.send((project_dir, hook))
        self.ready = False
        self.batch: deque[int] = deque()   # indexes of the documents handed out, not yet reported
        self.since = time.monotonic()       # started; then when the document at the head of `batch` did

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.wait(5)
        self.conn.close()


class _Pool:
    def __init__(self, documents, project_dir, workers, budget: Budget):
        self.documents = documents
        self.project_dir = project_dir
        self.workers = min(workers, len(documents))
        self.budget = budget
        self.hook = slow_hook()
        self.queue: deque[list[int]] = deque(self._batches())
        self.done: dict[int, tuple] = {}
        self.lost_starts = 0

    def _batches(self) -> Iterator[list[int]]:
        batch, size = [], 0
        # smaller batches at the end would balance better; equal ones are simpler and fine
        per_worker = max(1, len(self.documents) // (self.workers * 4))
        for i, doc in enumerate(self.documents):
            batch.append(i)
            size += len(doc.text)
            if size >= BATCH_BYTES or len(batch) >= min(BATCH_DOCS, per_worker):
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    def results(self):
        pool: list[_Worker] = []
        try:
            pool = [_Worker(self.project_dir, self.hook) for _ in range(self.workers)]
            next_out = 0
            while next_out < len(self.documents):
                self._step(pool)
                while next_out in self.done:
                    yield self.done.pop(next_out)
                    next_out += 1
            for w in pool:
                with contextlib.suppress(OSError):
                    w.conn.send(None)
        finally:
            for w in pool:
                w.stop()

    def _limit(self, w: _Worker) -> float | None:
        return self.budget.of(self.documents[w.batch[0]]) if w.batch else None

    def _step(self, pool: list[_Worker]) -> None:
        """Wait for the next report or the next budget to run out, and act on it."""
        from multiprocessing.connection import wait

        now = time.monotonic()
        for w in pool:
            if w.ready and not w.batch and self.queue:
                w.batch.extend(self.queue.popleft())
                w.conn.send([self.documents[i] for i in w.batch])
                w.since = time.monotonic()
        deadlines = [w.since + limit for w in pool if (limit := self._limit(w)) is not None]
        deadlines += [w.since + START_SECONDS for w in pool if not w.ready]
        timeout = max(0.0, min(deadlines) - now) if deadlines else None
        ready = wait([w.conn for w in pool], timeout)
        now = time.monotonic()
        for slot, w in enumerate(pool):
            if w.conn in ready:
                if not self._receive(w):
                    pool[slot] = self._replace(w, self._died(w))
            elif not w.ready and now - w.since > START_SECONDS:
                raise RuntimeError(f"the extraction worker did not start within {START_SECONDS} s")
            elif (limit := self._limit(w)) is not None and now - w.since > limit:
                # a report may have come in since `wait` returned: read it before judging
                if not self._receive(w):
                    pool[slot] = self._replace(w, self._died(w))
                elif (limit := self._limit(w)) is not None and time.monotonic() - w.since > limit:
                    pool[slot] = self._replace(w, Budget.reason(limit))

    def _receive(self, w: _Worker) -> bool:
        """Read every report waiting on the worker's pipe; False if the worker is gone."""
        try:
            while w.conn.poll():
                kind, value = w.conn.recv()
                if kind == "ready":
                    w.ready = True
                elif kind == "error":
                    raise RuntimeError(f"the extraction worker could not start: {value}")
                else:
                    i = w.batch.popleft()
                    doc = self.documents[i]
                    self.done[i] = (doc, value, None) if kind == "rows" else (doc, None, value)
                    w.since = time.monotonic()
        except (EOFError, OSError):
            return False
        return True

    def _died(self, w: _Worker) -> str:
        with contextlib.suppress(Exception):
            w.process.wait(5)
        return f"extraction failed: the worker process died (exit code {w.process.returncode})"

    def _replace(self, w: _Worker, reason: str) -> _Worker:
        """Stop a worker; its current document fails with `reason`, the rest of its batch
        goes back to the front of the queue."""
        w.stop()
        if w.batch:
            i = w.batch.popleft()
            self.done[i] = (self.documents[i], None, reason)
            if w.batch:
                self.queue.appendleft(list(w.batch))
        elif not w.ready:
            # killed while starting (out of memory, by hand): try again, but not forever
            self.lost_starts += 1
            if self.lost_starts > START_ATTEMPTS:
                raise RuntimeError(f"the extraction worker could not start: {reason}")
        return _Worker(self.project_dir, self.hook)
