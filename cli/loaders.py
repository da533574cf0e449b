"""The loader protocol: Python modules named in warehouse.yml that write relations.

A loader module has `PROVIDES` (relations it writes), `STATEFUL` (start from the last
good warehouse so it can skip unchanged input), optionally `INPUTS` (what it reads besides
its own code: "documents", the documents folder, and "seeds", the project's seed files)
and `load(con, ctx) -> LoadResult`.

A loader that declares `INPUTS` is skipped by a state-aware build when its code (the files
of its package), the documents folder and the seeds are unchanged; one that does not runs
every build, since the engine cannot know what it reads.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from warehouse.errors import BuildError, ProjectError, WarehouseError

INPUT_KINDS = ("documents", "seeds")


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
    retry: bool = False          # inputs failed that may load next time: run again next build
                                 # even if nothing it reads changed


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


def inputs_of(module: ModuleType) -> tuple[str, ...] | None:
    """The loader's declared INPUTS, or None when it declares none (it then runs every build)."""
    inputs = getattr(module, "INPUTS", None)
    if inputs is None:
        return None
    if not isinstance(inputs, tuple | list) or not all(i in INPUT_KINDS for i in inputs):
        raise ProjectError(f"loader {module.__name__}: INPUTS must be a tuple of "
                           f"{', '.join(map(repr, INPUT_KINDS))}, not {inputs!r}", file=module.__file__)
    return tuple(sorted(set(inputs)))


@dataclass
class Loader:
    """A loader as a build needs it. `module` is None until imported: a loader whose code is
    unchanged since the last build is described from the stored state, and only imported
    when it has to run (importing the documents loader costs more than a no-op build)."""

    name: str
    code: str                               # hash of its code files
    file: str | None
    provides: set[str]
    stateful: bool
    inputs: tuple[str, ...] | None
    module: ModuleType | None = None


def _code_files(name: str, project_dir: Path) -> tuple[list[Path], Path | None]:
    """The files a loader's code is made of: its package folder (recursively, its data files
    too), or the module file alone for a top-level module. Located without importing it."""
    root = str(project_dir)
    if root not in sys.path:
        sys.path.insert(0, root)
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return [], None
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return [], None
    origin = Path(spec.origin)
    if spec.submodule_search_locations is None and "." not in name:
        return [origin], origin
    folder = origin.parent
    files = []
    for base, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        files += [Path(base) / n for n in sorted(names) if not n.startswith(".") and not n.endswith(".pyc")]
    return files, origin


def code_fingerprint(name: str, project_dir: Path) -> tuple[str, Path | None]:
    files, origin = _code_files(name, project_dir)
    digest = hashlib.sha256(name.encode() + b"\0")
    base = origin.parent if origin else None
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"<unreadable>"
        rel = path.relative_to(base).as_posix() if base else path.name
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:32], origin


def describe(module: ModuleType, code: str) -> Loader:
    return Loader(module.__name__, code, getattr(module, "__file__", None), provides(module),
                  is_stateful(module), inputs_of(module), module)


def resolve(name: str, project_dir: Path, known: dict | None = None) -> Loader:
    """A loader by module name; `known` is what the stored state says about its code (from the
    last build): when the code is unchanged, the loader is not imported."""
    code, origin = code_fingerprint(name, project_dir)
    if origin is not None and known and known.get("code") == code and known.get("module") == name:
        inputs = known.get("inputs")
        return Loader(name, code, str(origin), set(known.get("provides", ())), bool(known.get("stateful")),
                      tuple(inputs) if inputs is not None else None)
    return describe(import_loader(name, project_dir), code)


def ensure_imported(loader: Loader, project_dir: Path) -> ModuleType:
    if loader.module is None:
        loader.module = import_loader(loader.name, project_dir)
    return loader.module
