"""Safe publishing: build into a new file beside the target, rename atomically on success.

The build file is `.warehouse_build_<pid>.<target name>.tmp`: DuckDB names a file's catalog
after its stem up to the first dot, so its catalog (`warehouse_build_<pid>`) cannot clash
with a schema such as `raw` or `marts`. A lock file beside the target serialises builds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from warehouse.errors import LockError, ProjectError

STORAGE = {"storage_compatibility_version": "v1.4.0"}  # readable by DuckDB 1.x clients too


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_target(target: Path) -> None:
    """Refuse to replace an existing file that is not a DuckDB database (a mistyped --db)."""
    if target.is_dir():
        raise ProjectError(f"{target} is a folder", hint="pass --db a file path")
    if not target.exists():
        return
    with open(target, "rb") as fh:
        header = fh.read(12)
    if header[8:12] != b"DUCK":
        raise ProjectError(f"refusing to replace {target}: it is not a DuckDB database",
                           hint="pass --db a warehouse file or a new path")


class TargetLock:
    """An exclusive lock on the target; the holder's pid sits in a side file for messages."""

    def __init__(self, target: Path, timeout: float):
        from filelock import FileLock

        self.target = target
        self.timeout = timeout
        self.pid_file = target.with_name(target.name + ".lock.pid")
        self._lock = FileLock(str(target.with_name(target.name + ".lock")), timeout=timeout)

    def __enter__(self) -> TargetLock:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            try:
                holder = self.pid_file.read_text().strip()
            except OSError:
                holder = "unknown"
            raise LockError(f"{self.target} is being built by another process (pid {holder}); "
                            f"waited {self.timeout:g} s for its lock",
                            hint="wait for that build to finish, or raise --lock-timeout") from None
        self.pid_file.write_text(f"{os.getpid()}\n")
        return self

    def __exit__(self, *exc) -> None:
        with contextlib.suppress(OSError):
            self.pid_file.unlink()
        self._lock.release()


class BuildFile:
    """The new warehouse file for one build; `publish()` or `discard()` ends it."""

    def __init__(self, target: Path):
        self.target = target
        self.path = target.with_name(f".warehouse_build_{os.getpid()}.{target.name}.tmp")

    def remove_stale(self) -> None:
        """Delete build files that killed builds left (we hold the lock, so none is live)."""
        for stale in self.target.parent.glob(f".warehouse_build_*.{self.target.name}.tmp*"):
            with contextlib.suppress(OSError):
                stale.unlink()

    def open(self, copy_last_good: bool):
        import duckdb

        self.remove_stale()
        if copy_last_good and self.target.exists():
            shutil.copyfile(self.target, self.path)
            wal = self.target.with_name(self.target.name + ".wal")
            if wal.exists():  # committed changes not yet checkpointed into the target
                shutil.copyfile(wal, self.path.with_name(self.path.name + ".wal"))
        try:
            return duckdb.connect(str(self.path), config=dict(STORAGE))
        except duckdb.Error as exc:
            self.discard(None)
            raise ProjectError(f"cannot open {self.target} as a DuckDB database: {str(exc).splitlines()[0]}",
                               hint="point --db at a warehouse file or at a new path") from None

    def publish(self, con) -> None:
        """Checkpoint and close, fsync, then atomically replace the target."""
        con.execute("checkpoint").fetchall()
        con.close()
        wal = self.path.with_name(self.path.name + ".wal")
        if wal.exists():  # close checkpoints; a WAL left here would be lost by the rename
            raise RuntimeError(f"{wal} still exists after closing the build file")
        _fsync(self.path)
        # a stale WAL beside the target would be replayed onto the new file: remove it first
        with contextlib.suppress(FileNotFoundError):
            self.target.with_name(self.target.name + ".wal").unlink()
        os.replace(self.path, self.target)
        _fsync(self.target.parent)

    def discard(self, con) -> None:
        if con is not None:
            with contextlib.suppress(Exception):
                con.close()
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            with contextlib.suppress(OSError):
                path.unlink()
