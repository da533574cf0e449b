"""The `warehouse` command line: `warehouse.commands` (typer) over `warehouse.api`.

`build` and `run` as scheduled jobs call them (plain options only) are parsed here, without
typer, whose parameter coercion imports pydantic: 0.13 s of CPU, more than a build with
nothing to do takes. Every other argument list (--help, other commands, anything typer would
reject or read otherwise) goes to typer, which also serves `from warehouse.cli import app`.
Exit codes: 0 success, 1 a model, loader or error-severity test failed, 2 bad usage or project.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _echo(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _fail(exc, json_events: bool) -> SystemExit:
    """Report a WarehouseError without a traceback and turn it into its exit code."""
    if json_events:
        from warehouse.results import JsonReporter

        JsonReporter().error(exc)
    _echo(f"error: {exc}")
    return SystemExit(exc.exit_code)


def _reporter(json_events: bool):
    from warehouse.results import make_reporter

    return make_reporter(json_events)


class Terminated(KeyboardInterrupt):
    """SIGTERM (schedulers, containers, `kill`): stopped and cleaned up like Ctrl-C."""


_signals: list[int] = []   # signals received while a command ran


def _on_signal(signum, frame):
    import signal

    _signals.append(signum)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _stopped() -> SystemExit:
    import signal

    if _signals and _signals[-1] == signal.SIGTERM:
        _echo("terminated: nothing published")
        return SystemExit(143)
    _echo("interrupted: nothing published")
    return SystemExit(130)


def _run(fn, json_events: bool = False):
    import signal
    import threading

    from warehouse.errors import WarehouseError

    previous = {}
    if threading.current_thread() is threading.main_thread():
        # a signal DuckDB catches mid-query comes back as its own error ("Query interrupted"):
        # the signal is recorded so that any exception it caused ends the command the same way
        _signals.clear()
        previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return fn()
    except KeyboardInterrupt:
        raise _stopped() from None
    except WarehouseError as exc:
        if _signals:
            raise _stopped() from None
        raise _fail(exc, json_events) from None
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(141) from None
    except OSError as exc:  # permissions, missing folders, full disks: the user's to fix
        if _signals:
            raise _stopped() from None
        _echo(f"error: {exc}")
        raise SystemExit(2) from None
    except Exception:
        if _signals:
            raise _stopped() from None
        raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# the options of build and run the fast path reads; their typer parameters in warehouse.commands
_FAST_OPTIONS = {
    "--project-dir": ("project_dir", "folder"), "--db": ("db", "file"),
    "--documents": ("documents", "folder"),
    "--select": ("select", "list"), "-s": ("select", "list"), "--exclude": ("exclude", "list"),
    "--threads": ("threads", "threads"), "--lock-timeout": ("lock_timeout", "seconds"),
    "--full-refresh": ("full_refresh", "flag"), "--json": ("json_events", "flag"),
    "--dry-run": ("dry_run", "flag"), "--fail-on-rejects": ("fail_on_rejects", "flag"),
}
_NOT_ON_RUN = {"--documents", "--fail-on-rejects"}


def _convert(kind: str, value: str):
    """The value typer would pass, or None when typer should see this argument list."""
    if kind == "list":
        return value
    if kind == "folder":
        return None if os.path.isfile(value) else Path(value)
    if kind == "file":
        return None if os.path.isdir(value) else Path(value)
    try:
        number = int(value) if kind == "threads" else float(value)
    except ValueError:
        return None
    if number != number or number < (1 if kind == "threads" else 0):   # NaN, or below the minimum
        return None
    return number


def fast_arguments(argv: list[str]) -> tuple[str, dict] | None:
    """(command, keyword arguments) for a plain `build` or `run` argument list, else None."""
    if not argv or argv[0] not in ("build", "run"):
        return None
    command, kwargs, i = argv[0], {}, 1
    while i < len(argv):
        name, eq, value = argv[i].partition("=") if argv[i].startswith("--") else (argv[i], "", "")
        if name not in _FAST_OPTIONS or (command == "run" and name in _NOT_ON_RUN):
            return None
        param, kind = _FAST_OPTIONS[name]
        if kind == "flag":
            if eq:
                return None
            kwargs[param] = True
            i += 1
            continue
        if not eq:
            if i + 1 >= len(argv):
                return None
            value = argv[i + 1]
        i += 1 if eq else 2
        if not value or value.startswith("-"):
            return None
        converted = _convert(kind, value)
        if converted is None:
            return None
        if kind == "list":
            kwargs.setdefault(param, []).append(converted)
        else:
            kwargs[param] = converted
    return command, kwargs


def main() -> None:
    """Console script entry point."""
    fast = fast_arguments(sys.argv[1:])
    if fast is None:
        from warehouse.commands import app

        app()
        return
    command, kwargs = fast
    from warehouse import api

    json_events = kwargs.pop("json_events", False)
    if command == "run":
        kwargs.pop("fail_on_rejects", None)
    project_dir = kwargs.pop("project_dir", Path("."))
    db = kwargs.pop("db", Path("warehouse.duckdb"))
    kwargs["select"], kwargs["exclude"] = kwargs.get("select") or (), kwargs.get("exclude") or ()
    call = api.build if command == "build" else api.run
    result = _run(lambda: call(project_dir, db, reporter=_reporter(json_events), **kwargs), json_events)
    sys.exit(result.exit_code)


def __getattr__(name: str):
    """The typer app and its commands (`from warehouse.cli import app`), imported on first use."""
    if name.startswith("__"):     # the import system asks for __path__ & co: not a reason to load typer
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import warehouse.commands as commands

    try:
        return getattr(commands, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


if __name__ == "__main__":
    main()
