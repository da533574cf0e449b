"""The loader protocol: Python modules named in warehouse.yml that write relations.

A loader module has `PROVIDES` (relations it writes), `STATEFUL` (start from the last
good warehouse so it can skip unchanged input) and `load(con, ctx) -> LoadResult`.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from warehouse.errors import BuildError, ProjectError, WarehouseError


@dataclass
class LoadContext:
    project_dir: Path
    documents_dir: Path | None   # --documents, else warehouse.yml's `documents`
    full_refresh: bool
    threads: int | None = None   # processes a loader may use (--threads; None: the usable cores)
    extraction: dict[str, float] = field(default_factory=dict)   # warehouse.yml's `extraction`


@dataclass
class LoadResult:
    rows: dict[str, int]         # relation -> row count after the load
    rejected: int = 0            # inputs that could not be read (raw.rejected_documents)
    skipped: int = 0             # unchanged inputs not extracted again
    messages: list[str] = field(default_factory=list)


def import_loader(name: str, project_dir: Path) -> ModuleType:
    """Import a loader module; the project dir is importable so project-local loaders work."""
    root = str(project_dir)
    if root not in sys.path:
        sys.path.insert(0, root)
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        raise ProjectError(f"loader {name} cannot be imported: {exc}", file="warehouse.yml",
                           hint="fix the module name under `loaders:` or install the package") from None
    except Exception as exc:  # noqa: BLE001 - any import-time failure is the loader's, reported cleanly
        raise ProjectError(f"loader {name} failed to import: {type(exc).__name__}: {exc}",
                           file=getattr(sys.modules.get(name), "__file__", None) or "warehouse.yml") from None
    if not callable(getattr(module, "load", None)):
        raise ProjectError(f"loader {name} has no load(con, ctx) function", file=module.__file__)
    provides = getattr(module, "PROVIDES", None)
    if not isinstance(provides, tuple | list) or not all(isinstance(p, str) for p in provides):
        raise ProjectError(f"loader {name} needs PROVIDES, a tuple of relation names like 'raw.documents'",
                           file=module.__file__)
    return module


def provides(module: ModuleType) -> set[str]:
    return {p.lower() if "." in p else f"main.{p.lower()}" for p in module.PROVIDES}


def is_stateful(module: ModuleType) -> bool:
    return bool(getattr(module, "STATEFUL", False))


def run_loader(module: ModuleType, con, ctx: LoadContext) -> LoadResult:
    """Call the loader; any exception becomes a build failure with one clean message."""
    try:
        result = module.load(con, ctx)
    except WarehouseError:
        raise
    except Exception as exc:  # noqa: BLE001 - a loader's failure fails the build, without a traceback
        raise BuildError(f"loader {module.__name__} failed: {type(exc).__name__}: {exc}",
                         file=module.__file__) from None
    if result is None:
        return LoadResult(rows={})
    if not hasattr(result, "rows"):
        raise BuildError(f"loader {module.__name__} returned {type(result).__name__}, not a LoadResult",
                         file=module.__file__)
    return result
