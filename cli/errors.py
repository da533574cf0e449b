"""Errors a user can cause, with the file, line and hint needed to fix them.

`ProjectError` (exit 2) is a bad project or bad usage, found before anything runs.
`BuildError` (exit 1) is a model, loader or test that failed while running.
"""

from __future__ import annotations

from pathlib import Path


class WarehouseError(Exception):
    """Root of every error the engine reports without a traceback."""

    exit_code = 1

    def __init__(self, message: str, *, file: str | Path | None = None, line: int | None = None,
                 hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.hint = hint

    def where(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or ""

    def __str__(self) -> str:
        text = f"{self.where()}: {self.message}" if self.where() else self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def to_dict(self) -> dict:
        return {"error": type(self).__name__, "message": self.message, "file": self.file,
                "line": self.line, "hint": self.hint}


class ProjectError(WarehouseError):
    """A bad project or bad usage: nothing ran. Exit code 2."""

    exit_code = 2


class LockError(ProjectError):
    """Another build holds the target's lock."""


class BuildError(WarehouseError):
    """A model, loader or error-severity test failed. Exit code 1."""

    exit_code = 1
