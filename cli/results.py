"""Run events for people and machines (`target/run_results.json` is `warehouse.artifacts`).

Three reporters share one interface: a rich live progress bar on a terminal, plain lines
in a log, and `--json` (one JSON object per event on stdout, for log collectors).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from datetime import UTC, datetime

SYMBOLS = {"success": "OK", "pass": "PASS", "warn": "WARN", "fail": "FAIL", "error": "ERROR",
           "skipped": "SKIP"}


class Reporter:
    """Collects events; subclasses print them."""

    def __init__(self):
        self.lock = threading.Lock()

    def start(self, command: str, total: int) -> None: ...

    def node_start(self, name: str, kind: str) -> None: ...

    def node_end(self, result) -> None: ...

    def info(self, message: str, **fields) -> None: ...

    def finish(self, summary: dict) -> None: ...

    def error(self, exc) -> None: ...

    def abort(self) -> None:
        """The run stopped on an exception: release the terminal."""


def _describe(result) -> str:
    extra = []
    if result.materialized:
        extra.append(result.materialized)
    if result.rows is not None:
        extra.append(f"{result.rows:,} rows")
    if result.failures:
        extra.append(f"{result.failures:,} failing rows")
    text = f"{SYMBOLS.get(result.status, result.status.upper()):5} {result.kind:6} {result.unique_id}"
    if extra:
        text += f" ({', '.join(extra)})"
    text += f" in {result.elapsed:.2f}s"
    if result.message and (result.status not in ("success", "pass") or result.kind == "loader"):
        text += "\n      " + result.message.replace("\n", "\n      ")
    return text


def _summary_line(summary: dict) -> str:
    counts = summary.get("counts", {})
    parts = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    verdict = "published " + summary["db"] if summary.get("published") else (
        "nothing published" if summary.get("command") in ("build", "run") else "")
    return (f"{summary['status'].upper()}: {summary['command']} in {summary['elapsed']:.2f}s"
            f"{' - ' + parts if parts else ''}{' - ' + verdict if verdict else ''}")


class PlainReporter(Reporter):
    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream or sys.stdout

    def _print(self, text: str) -> None:
        with self.lock:
            print(text, file=self.stream, flush=True)

    def node_end(self, result) -> None:
        self._print(_describe(result))

    def info(self, message: str, **fields) -> None:
        self._print(message)

    def finish(self, summary: dict) -> None:
        self._print(_summary_line(summary))


class RichReporter(PlainReporter):
    """A live progress bar; finished nodes scroll above it."""

    def start(self, command: str, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(file=self.stream)
        self.progress = Progress(TextColumn(f"[bold]{command}[/]"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), TextColumn("{task.description}"),
                                 console=self.console, transient=True)
        self.task = self.progress.add_task("", total=total)
        self.running: set[str] = set()
        self.progress.start()

    def _print(self, text: str) -> None:
        style = {"OK": "green", "PASS": "green", "WARN": "yellow", "FAIL": "red", "ERROR": "red",
                 "SKIP": "dim"}.get(text.split(" ", 1)[0], "")
        with self.lock:
            console = getattr(self, "console", None)
            if console is None:           # before start(): a build with nothing to do never imports rich
                print(text, file=self.stream, flush=True)
            else:
                from rich.markup import escape

                console.print(f"[{style}]{escape(text)}[/]" if style else escape(text), highlight=False)

    def node_start(self, name: str, kind: str) -> None:
        with self.lock:
            self.running.add(name)
            self.progress.update(self.task, description=", ".join(sorted(self.running))[:60])

    def node_end(self, result) -> None:
        with self.lock:
            self.running.discard(result.unique_id)
            self.progress.update(self.task, advance=1, description=", ".join(sorted(self.running))[:60])
        self._print(_describe(result))

    def finish(self, summary: dict) -> None:
        self.abort()
        self._print(_summary_line(summary))

    def abort(self) -> None:
        if getattr(self, "progress", None) is not None:
            self.progress.stop()
            self.progress = None


class JsonReporter(Reporter):
    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream or sys.stdout

    def emit(self, event: str, **fields) -> None:
        record = {"event": event, "ts": datetime.now(UTC).isoformat(timespec="milliseconds"), **fields}
        line = json.dumps(record, default=str)
        with self.lock:
            self.stream.write(line + "\n")
            self.stream.flush()

    def start(self, command: str, total: int) -> None:
        self.emit("start", command=command, total=total)

    def node_start(self, name: str, kind: str) -> None:
        self.emit("node_start", unique_id=name, kind=kind)

    def node_end(self, result) -> None:
        self.emit("node_end", **result.to_dict())

    def info(self, message: str, **fields) -> None:
        self.emit("info", message=message, **fields)

    def finish(self, summary: dict) -> None:
        self.emit("finish", **summary)

    def error(self, exc) -> None:
        self.emit("error", **exc.to_dict())


def make_reporter(json_events: bool, stream=None) -> Reporter:
    if json_events:
        return JsonReporter(stream)
    out = stream or sys.stdout
    if out.isatty() and os.environ.get("TERM") != "dumb":
        return RichReporter(out)
    return PlainReporter(out)


class Clock:
    def __init__(self):
        self.started_at = datetime.now(UTC).isoformat(timespec="seconds")
        self.t0 = time.perf_counter()

    def elapsed(self) -> float:
        return round(time.perf_counter() - self.t0, 4)
