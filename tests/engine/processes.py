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


# a model that runs for minutes: a build is still in it when a test kills it
SLOW = "select count(*) as n from marts.dim_firms, range(200000) a, range(200000) b"


def build_files(db) -> list:
    """The temporary files a build of `db` writes beside it."""
    return sorted(db.parent.glob(f".warehouse_build_*.{db.name}.tmp*"))


def kill_build_midway(project, db) -> subprocess.Popen:
    """Start a build with a slow model, wait until its build file exists and the fast models are in
    it, then SIGKILL it; return the finished process."""
    import signal

    (project / "models/marts/slow.sql").write_text(SLOW)
    proc = warehouse("build", "--project-dir", str(project), "--db", str(db), "--threads", "1")
    try:
        wait_for(lambda: build_files(db), "the build file")
        time.sleep(1.0)
        assert proc.poll() is None, proc.communicate()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    return proc
