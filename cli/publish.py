"""Safe publishing: build into a new file beside the target, rename atomically on success.

The build file is `.warehouse_build_<pid>.<target name>.tmp`: DuckDB names a file's catalog
after its stem up to the first dot, so its catalog (`warehouse_build_<pid>`) cannot clash
with a schema such as `raw` or `marts`. The name is parsed back exactly (pid, then the
whole target name), so builds of `a.duckdb` and `b.a.duckdb` in one folder never take each
other's files for leftovers, and a leftover is removed only when it is proven stale: we hold
its target's lock and the pid that wrote it is gone.

Three locks protect the target:

- `TargetLock`, a lock file `<target>.lock`, serialises builds of the same target;
- `SessionGuard` takes DuckDB's own lock on the target (a shared `fcntl` lock, which DuckDB's
  read-only connections share and its read-write connections need exclusively) from the
  start of a build until the new file is published. A read-write session (the DuckDB CLI
  opens files read-write by default) holds it exclusively: the build waits for it within
  `--lock-timeout`, then exits 2 naming the process. While the build holds it, a read-write
  session cannot open the file whose writes the publish would lose, and no such session can
  leave a `.wal` beside a file it does not belong to.
- A `.wal` found beside the target while nobody holds it read-write was left by a killed
  session: `recover_wal` replays it into a copy of the target that replaces the target
  atomically, or, when it does not belong to the file (`WAL does not match database file`),
  moves it aside with a message. Either way the warehouse is readable again.

The published file keeps the target's permission bits and group.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from warehouse.errors import BuildError, LockError, ProjectError, WarehouseError

STORAGE = {"storage_compatibility_version": "v1.4.0"}  # readable by DuckDB 1.x clients too
BUILD_PREFIX = ".warehouse_build_"
_BUILD_NAME = re.compile(r"^\.warehouse_build_(\d+)\.(.+)\.tmp(\.wal)?$")
_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_POLL = 0.1


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def io_error(exc: BaseException, doing: str, target: Path) -> WarehouseError:
    """An OSError or DuckDB error while writing, as one clean line: a full disk is a failed
    build (exit 1), anything else (permissions, a missing folder) the user's to fix (exit 2)."""
    message = exc.strerror if isinstance(exc, OSError) and exc.strerror else _first_line(exc)
    full = (isinstance(exc, OSError) and exc.errno in _DISK_FULL) or any(
        word in message.lower() for word in ("no space left", "file too large", "disk quota"))
    if full or not isinstance(exc, OSError):
        return BuildError(f"{doing}: {message}; nothing published, {target.name} is unchanged",
                          hint="free disk space (or raise the quota) and build again" if full else None)
    return ProjectError(f"{doing}: {message}", file=getattr(exc, "filename", None),
                        hint=f"check the permissions of {target.parent}")


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


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
        try:
            self.pid_file.write_text(f"{os.getpid()}\n")
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, *exc) -> None:
        with contextlib.suppress(OSError):
            self.pid_file.unlink()
        self._lock.release()


def _lock_holder(fd: int) -> int | None:
    """The pid holding a write lock on the file (Linux's struct flock layout), if known."""
    if not sys.platform.startswith("linux"):
        return None
    import fcntl
    import struct

    layout = "hhqqi4x"
    try:
        found = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(layout, fcntl.F_RDLCK, os.SEEK_SET, 0, 0, 0))
    except OSError:
        return None
    kind, _, _, _, pid = struct.unpack(layout, found)
    return pid if kind != fcntl.F_UNLCK and pid > 0 else None


def _program(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/comm").read_text().strip()
    return "a process"


class SessionGuard:
    """DuckDB's lock on the target, shared, held from the start of a build to its publish.

    Only this object opens the target while it is held: closing any other descriptor of the
    file would release a POSIX lock (the copy of the last good file reads through `fh`).
    """

    def __init__(self, target: Path, timeout: float, notify=None):
        self.target = target
        self.timeout = timeout
        self.notify = notify            # called once with a message when the build starts waiting
        self.fh = None

    def __enter__(self) -> SessionGuard:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def release(self) -> None:
        if self.fh is not None:
            with contextlib.suppress(OSError):
                self.fh.close()
            self.fh = None

    def acquire(self) -> None:
        """Take the lock on the current target file (waiting for a read-write session), if any."""
        try:
            import fcntl
        except ImportError:  # no POSIX locks (Windows): DuckDB's locks there are not advisory
            return
        self.release()
        deadline = time.monotonic() + self.timeout
        waiting = False
        while True:
            try:
                fh = open(self.target, "rb")  # noqa: SIM115 - kept open while the lock is held
            except FileNotFoundError:
                return
            try:
                fcntl.lockf(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    fh.close()
                    raise
                holder = _lock_holder(fh.fileno())
                fh.close()
                who = f"{_program(holder)} (pid {holder})" if holder else "another process"
                if time.monotonic() >= deadline:
                    raise LockError(
                        f"{self.target} is open read-write by {who}; waited {self.timeout:g} s for it to "
                        "close. Publishing now would lose that session's writes and leave its .wal "
                        "beside a file it does not belong to",
                        hint="close that session (open the warehouse read-only: `duckdb -readonly FILE`), "
                             "or raise --lock-timeout") from None
                if not waiting and self.notify is not None:
                    self.notify(f"waiting for {who} to close {self.target.name}, which it has open "
                                f"read-write (up to {self.timeout:g} s)")
                waiting = True
                time.sleep(_POLL)
                continue
            self.fh = fh
            return

    def ensure(self) -> None:
        """Before publishing: a target that appeared during the build is locked too."""
        if self.fh is None and self.target.exists():
            self.acquire()

    def copy_to(self, dest: Path, mode: int) -> None:
        """Copy the target (through the locked descriptor) to a new file created with `mode`."""
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with open(fd, "wb") as out:
            if self.fh is not None:
                copy_file(self.fh, out)
            else:
                with open(self.target, "rb") as src:
                    copy_file(src, out)


_FICLONE = 0x40049409   # Linux ioctl: share the source's blocks copy-on-write (btrfs, XFS, bcachefs)


def copy_file(src, out) -> None:
    """Copy an open file into an empty one: a reflink where the filesystem has them (nothing is
    copied until either file changes), else copy_file_range (the kernel copies, without a round
    trip through this process), else reads and writes. Errors of a full disk are raised."""
    src.seek(0)
    if sys.platform.startswith("linux"):
        import fcntl

        try:
            fcntl.ioctl(out.fileno(), _FICLONE, src.fileno())
            return
        except OSError:
            pass                        # ext4, tmpfs, another filesystem than the source's
    size = os.fstat(src.fileno()).st_size
    if hasattr(os, "copy_file_range"):
        done = 0
        try:
            while done < size:
                n = os.copy_file_range(src.fileno(), out.fileno(), size - done, done, done)
                if n == 0:
                    break
                done += n
        except OSError as exc:
            if exc.errno in _DISK_FULL:
                raise
            done = -1                   # not supported here: copy by hand
        if done == size:
            return
        out.seek(0)
        out.truncate()
        src.seek(0)
    shutil.copyfileobj(src, out, 1 << 20)


def stale_build_files(target: Path) -> list[Path]:
    """This target's build files whose builds are gone (the caller holds the target's lock)."""
    stale = []
    with contextlib.suppress(OSError):
        for path in target.parent.iterdir():
            match = _BUILD_NAME.match(path.name)
            if not match or match.group(2) != target.name:
                continue
            pid = int(match.group(1))
            if pid == os.getpid() or not pid_alive(pid):
                stale.append(path)
    return sorted(stale)


def _copy_path(src: Path, dest: Path, mode: int) -> None:
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with open(fd, "wb") as out, open(src, "rb") as inp:
        copy_file(inp, out)


def _target_access(target: Path) -> os.stat_result | None:
    try:
        return target.stat()
    except FileNotFoundError:
        return None


def keep_access(path: Path, like: os.stat_result | None, *, writable: bool = False) -> str | None:
    """Give `path` the permission bits and group of the target (the owner keeps write access while
    the file is built: `writable`); a note when the group cannot be kept."""
    if like is None:
        return None
    mode = stat.S_IMODE(like.st_mode) | (0o600 if writable else 0)
    note = None
    if hasattr(os, "chown") and path.stat().st_gid != like.st_gid:
        try:
            os.chown(path, -1, like.st_gid)
        except OSError as exc:  # not a member of that group: never widen access to our own group
            mode &= ~0o070
            note = (f"could not keep group {like.st_gid} of the warehouse ({exc.strerror}); "
                    "group permissions removed")
    os.chmod(path, mode)
    return note


@contextlib.contextmanager
def _signals_deferred():
    """Hold Ctrl-C and SIGTERM during the block, then deliver them (main thread only)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    saved = {sig: signal.signal(sig, lambda signum, frame: pending.append(signum))
             for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            if handler is not None:
                signal.signal(sig, handler)
        for sig in pending:
            signal.raise_signal(sig)


class BuildFile:
    """The new warehouse file for one build; `publish()` or `discard()` ends it."""

    def __init__(self, target: Path, guard: SessionGuard | None = None):
        self.target = target
        self.guard = guard
        self.path = target.with_name(f"{BUILD_PREFIX}{os.getpid()}.{target.name}.tmp")
        self.notes: list[str] = []
        self.published = False

    @property
    def wal(self) -> Path:
        return wal_of(self.path)

    def remove_stale(self) -> None:
        """Delete build files that killed builds of this target left."""
        for stale in stale_build_files(self.target):
            with contextlib.suppress(OSError):
                stale.unlink()

    def open(self, copy_last_good: bool, *, with_wal: bool = True):
        import duckdb

        self.remove_stale()
        like = _target_access(self.target)
        private = (stat.S_IMODE(like.st_mode) & 0o666) | 0o600 if like else 0o644
        try:
            if copy_last_good and self.target.exists():
                (self.guard or SessionGuard(self.target, 0)).copy_to(self.path, private)
                wal = wal_of(self.target)
                if with_wal and wal.exists():  # committed changes not yet checkpointed into the target
                    _copy_path(wal, self.wal, private)
        except OSError as exc:
            self.discard(None)
            raise io_error(exc, f"cannot copy {self.target.name} to start the build", self.target) from None
        except BaseException:
            self.discard(None)
            raise
        try:
            con = duckdb.connect(str(self.path), config=dict(STORAGE))
        except duckdb.Error as exc:
            self.discard(None)
            raise ProjectError(f"cannot open {self.target} as a DuckDB database: {_first_line(exc)}",
                               hint="point --db at a warehouse file or at a new path") from None
        except BaseException:
            self.discard(None)
            raise
        try:
            note = keep_access(self.path, like, writable=True)
        except OSError as exc:
            self.discard(con)
            raise io_error(exc, f"cannot set the permissions of {self.path.name}", self.target) from None
        if note:
            self.notes.append(note)
        return con

    def publish(self, con) -> None:
        """Checkpoint and close, fsync, then atomically replace the target.

        Any failure (a full disk during the final checkpoint) discards the build file and
        leaves the target as it was.
        """
        import duckdb

        try:
            con.execute("checkpoint").fetchall()
            con.close()
            if self.wal.exists():  # close checkpoints; a WAL left here would be lost by the rename
                raise BuildError(f"{self.wal} still exists after closing the build file")
            if self.guard is not None:
                self.guard.ensure()
            note = keep_access(self.path, _target_access(self.target))
            if note and note not in self.notes:
                self.notes.append(note)
            _fsync(self.path)
        except (duckdb.Error, OSError) as exc:
            self.discard(con)
            raise io_error(exc, f"cannot write {self.target.name}", self.target) from None
        except BaseException:
            self.discard(con)
            raise
        with _signals_deferred():  # Ctrl-C or SIGTERM now is raised after `published` is set
            # nobody holds the target read-write (the guard's lock), so a WAL beside it is stale:
            # it would be replayed onto the new file, so it goes first
            with contextlib.suppress(FileNotFoundError):
                wal_of(self.target).unlink()
            os.replace(self.path, self.target)
            self.published = True
            with contextlib.suppress(OSError):
                _fsync(self.target.parent)

    def discard(self, con) -> None:
        if con is not None:
            with contextlib.suppress(Exception):
                con.close()
        for path in (self.path, self.wal):
            with contextlib.suppress(OSError):
                path.unlink()


def recover_wal(target: Path, guard: SessionGuard) -> str | None:
    """Handle a `.wal` left beside the target by a killed read-write session; return a note.

    Call with the build lock and the guard held (so no session has the target read-write).
    The WAL is replayed into a copy that replaces the target atomically (readers of the old
    file keep reading it); a WAL that does not belong to the target is moved aside.
    """

    wal = wal_of(target)
    if not wal.exists():
        return None
    if not target.exists():
        return _set_aside(wal, "has no database file beside it")
    recovered = BuildFile(target, guard)
    try:
        con = recovered.open(copy_last_good=True)
    except ProjectError as exc:
        # does the file open without its WAL? then the WAL is the problem
        probe = BuildFile(target, guard)
        try:
            probe.discard(probe.open(copy_last_good=True, with_wal=False))
        except ProjectError:
            raise exc from None
        reason = exc.message.split(": ", 1)[-1]
        return _set_aside(wal, f"does not belong to {target.name} ({reason})")
    recovered.publish(con)
    guard.acquire()  # the lock now belongs on the recovered file
    return f"recovered {wal.name}, left by a killed read-write session, into {target.name}"


def _set_aside(wal: Path, why: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = wal.with_name(f"{wal.name}.stale-{stamp}")
    os.replace(wal, aside)
    return f"{wal.name} {why}; moved it to {aside.name} so the warehouse can be read again"
