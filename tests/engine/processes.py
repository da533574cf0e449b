"""The real CLI in a child process, for tests of signals, locks and concurrent sessions."""

from __future__ import annotations

import subprocess
import sys
import time


def warehouse(*args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "warehouse.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def wait_for(predicate, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)
