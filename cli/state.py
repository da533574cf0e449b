"""State-aware builds: the fingerprint of everything a build reads, kept in the warehouse file.

Every node has a fingerprint of what it was built from:

- a seed: its file's bytes;
- a loader: its code (the files of its package), and what it declares it reads (`INPUTS`):
  the documents folder (each file's name, size and content hash) and the project's seeds;
- a model: its SQL and config (materialization, unique key) and its parents' fingerprints;
- a data test: its SQL and severity and the fingerprints of the relations it reads.

The published file holds them in `_warehouse.nodes` (one row per node: fingerprint, the
parts it was computed from, the relations it wrote, when it was built, its row count), so a
copied or restored file carries its own state. A plain build compares the project with it and
rebuilds only the nodes whose fingerprint changed (and so, through the parents' fingerprints,
everything downstream of them); when nothing changed it writes nothing at all.

Reading the state must cost less than a no-op build may take, so a copy of it sits in
`target/state/` keyed by the published file's identity (device, inode, size, mtime, ctime):
when the file is the one that copy was taken from, the state is read from there without importing
DuckDB. Any other file (copied, restored, touched by a session) is read itself. The content
hashes of the documents are cached the same way, by each file's size, mtimes and inode.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from warehouse.sql import literal, quote

STATE_FORMAT = 1
SCHEMA = "_warehouse"
NODES = f"{SCHEMA}.nodes"
KINDS = ("seed", "source", "loader", "model", "test")


def _flat(value) -> str:
    """A canonical text of strings, numbers, None, lists and dicts (cheaper than json.dumps)."""
    if isinstance(value, str):
        return "s" + value.replace("\\", "\\\\").replace("\x1f", "\\x1f") + "\x1f"
    if isinstance(value, dict):
        return "{" + "".join(_flat(k) + _flat(value[k]) for k in sorted(value)) + "}"
    if isinstance(value, list | tuple):
        return "[" + "".join(_flat(v) for v in value) + "]"
    return f"{type(value).__name__[0]}{value!r}\x1f"


def digest(*parts) -> str:
    return hashlib.sha256(_flat(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()[:32]


# --- the stored state ------------------------------------------------------------------------

@dataclass
class Record:
    """What one node was built from, as stored in `_warehouse.nodes`."""

    kind: str
    fingerprint: str
    parts: dict
    relations: list[str]
    built_at: str | None = None          # UTC, ISO format
    rows: int | None = None

    def to_json(self) -> list:
        return [self.kind, self.fingerprint, self.parts, self.relations, self.built_at, self.rows]

    @classmethod
    def from_json(cls, row: list) -> Record:
        return cls(*row)


@dataclass
class State:
    """The state of a warehouse file: its node records and the relations it holds."""

    records: dict[str, Record] = field(default_factory=dict)
    relations: set[str] = field(default_factory=set)
    exists: bool = True                  # False: no warehouse file yet
    identity: list[int] | None = None    # of the file it was read from (read_published)

    def describes(self, target: Path) -> bool:
        """Whether the file at `target` is still the one this state was read from."""
        try:
            return self.identity is not None and _identity(target.stat()) == self.identity
        except OSError:
            return False


def _relations(con) -> set[str]:
    rows = con.execute("select table_schema, table_name from information_schema.tables "
                       "where table_catalog = current_database()").fetchall()
    return {f"{s}.{n}".lower() for s, n in rows if s != SCHEMA}


def read_state(con) -> State:
    """The state stored in the file `con` is connected to (empty for a file without one)."""
    relations = _relations(con)
    found = con.execute("select count(*) from information_schema.tables where table_catalog = "
                        "current_database() and table_schema = ? and table_name = 'nodes'",
                        [SCHEMA]).fetchall()[0][0]
    if not found:
        return State(relations=relations)
    rows = con.execute(f"select unique_id, kind, fingerprint, parts, relations, built_at, rows "
                       f"from {NODES} where format = ?", [STATE_FORMAT]).fetchall()
    records = {}
    for uid, kind, fp, parts, rels, built_at, n in rows:
        try:
            parts = json.loads(parts) if parts else {}
        except ValueError:
            parts = {}
        records[uid] = Record(kind, fp, parts, list(rels or ()),
                              built_at.isoformat(timespec="seconds") if built_at else None, n)
    return State(records, relations)


_COLUMNS = ("unique_id varchar primary key, kind varchar, fingerprint varchar, parts varchar, "
            "relations varchar[], built_at timestamp, rows bigint, format integer")
_SHAPE = json.dumps([{"unique_id": "VARCHAR", "kind": "VARCHAR", "fingerprint": "VARCHAR", "parts": "VARCHAR",
                      "relations": ["VARCHAR"], "built_at": "VARCHAR", "rows": "BIGINT"}])


def write_state(con, records: dict[str, Record]) -> None:
    """Replace `_warehouse.nodes` in the build file with `records` (as one JSON parameter:
    three times faster than a VALUES list with a parameter per cell)."""
    con.execute(f"create schema if not exists {SCHEMA}").fetchall()
    con.execute(f"create or replace table {NODES} ({_COLUMNS})").fetchall()
    payload = json.dumps([{"unique_id": uid, "kind": r.kind, "fingerprint": r.fingerprint,
                           "parts": json.dumps(r.parts, sort_keys=True), "relations": list(r.relations),
                           "built_at": r.built_at, "rows": r.rows} for uid, r in sorted(records.items())])
    con.execute(f"insert into {NODES} select r.unique_id, r.kind, r.fingerprint, r.parts, r.relations, "
                f"r.built_at::timestamp, r.rows, {STATE_FORMAT} "
                f"from (select unnest(from_json(?::json, {literal(_SHAPE)})) as r)", [payload]).fetchall()


# --- the copy of the state in target/ ----------------------------------------------------------

def _identity(st: os.stat_result) -> list[int]:
    # ctime too: `cp -p old.duckdb warehouse.duckdb` keeps the inode and sets an old mtime,
    # but nobody can set a ctime
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def sidecar_path(project_root: Path, target: Path) -> Path:
    key = hashlib.sha256(str(target).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return project_root / "target" / "state" / f"{key}.json"


def _write_json(path: Path, payload) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()      # a cache that cannot be written only costs time


def save_sidecar(project_root: Path, target: Path, state: State) -> None:
    """Remember the state of the file just published (call right after the rename)."""
    try:
        st = target.stat()
    except OSError:
        return
    _write_json(sidecar_path(project_root, target), {
        "format": STATE_FORMAT, "db": str(target), "identity": _identity(st),
        "records": {uid: r.to_json() for uid, r in state.records.items()},
        "relations": sorted(state.relations)})


def _load_sidecar(project_root: Path, target: Path, st: os.stat_result) -> State | None:
    try:
        data = json.loads(sidecar_path(project_root, target).read_text(encoding="utf-8"))
        if (data.get("format") != STATE_FORMAT or data.get("db") != str(target)
                or data.get("identity") != _identity(st)):
            return None
        return State({uid: Record.from_json(row) for uid, row in data["records"].items()},
                     set(data["relations"]), identity=_identity(st))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_published(project_root: Path, target: Path) -> State | None:
    """The state of the published file, or None when it cannot be read now (open read-write by
    a session, a WAL beside it): the build then reads it from its copy of the file.

    Call before taking the SessionGuard: opening and closing the target here would release
    the guard's lock (POSIX locks belong to the process, not to one descriptor)."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return State(exists=False)
    except OSError:
        return None
    if os.path.exists(str(target) + ".wal"):
        return None
    state = _load_sidecar(project_root, target, st)
    if state is not None:
        return state
    import duckdb

    try:
        con = duckdb.connect(str(target), read_only=True)
    except duckdb.Error:
        return None
    try:
        state = read_state(con)
    except duckdb.Error:
        return None
    finally:
        con.close()
    with contextlib.suppress(OSError):
        if _identity(target.stat()) == _identity(st):
            state.identity = _identity(st)
            save_sidecar(project_root, target, state)
    return state


# --- fingerprints of the documents folder -----------------------------------------------------

class FileHashes:
    """Content hashes of a folder's files, reused while a file's size, mtime, ctime and inode
    are unchanged (kept in `target/state/files-<folder>.json`)."""

    def __init__(self, project_root: Path, folder: Path):
        key = hashlib.sha256(str(folder).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.path = project_root / "target" / "state" / f"files-{key}.json"
        self.changed = False
        self.entries: dict[str, list] = {}
        with contextlib.suppress(OSError, ValueError, TypeError):
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == STATE_FORMAT and data.get("folder") == str(folder):
                self.entries = data["entries"]
        self.folder = folder
        self.used: set[str] = set()

    def hash(self, rel: str, path: str, st: os.stat_result) -> str:
        self.used.add(rel)
        hit = self.entries.get(rel)
        if (hit is not None and hit[0] == st.st_size and hit[1] == st.st_mtime_ns and hit[2] == st.st_ctime_ns
                and hit[3] == st.st_ino):
            return hit[4]
        key = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        value = file_hash(Path(path))
        self.entries[rel] = [*key, value]
        self.changed = True
        return value

    def save(self) -> None:
        if not self.changed and not (set(self.entries) - self.used):
            return
        entries = {k: v for k, v in self.entries.items() if k in self.used}
        _write_json(self.path, {"format": STATE_FORMAT, "folder": str(self.folder), "entries": entries})


def folder_fingerprint(folder: Path, project_root: Path) -> tuple[str, int]:
    """A fingerprint of a documents folder: every file's relative name, size and content hash
    (hidden files and folders left out, linked folders listed but not entered, as the
    documents loader reads it); and the number of entries. One stat a file (os.scandir),
    content hashed only for files whose stat changed (100,000 files: about 1 s of CPU)."""
    hashes = FileHashes(project_root, folder)
    digest_ = hashlib.sha256()
    count = 0

    def add(line: str) -> None:
        nonlocal count
        digest_.update(line.encode("utf-8", "surrogateescape") + b"\n")
        count += 1

    def visit(path: str, rel: str) -> None:
        try:
            with os.scandir(path) as listing:
                entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            add(f"{rel}\0unlisted\0{exc.errno}")
            return
        folders = []
        for entry in entries:
            name = f"{rel}/{entry.name}" if rel else entry.name
            try:
                if entry.is_symlink():
                    st = os.stat(entry.path)           # where it leads: read there by the loader
                    kind = ("folder" if stat.S_ISDIR(st.st_mode) else
                            f"{st.st_size}\0{hashes.hash(name, entry.path, st)}" if stat.S_ISREG(st.st_mode)
                            else "special")
                    add(f"{name}\0link\0{os.readlink(entry.path)}\0{kind}")
                elif entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, name))
                elif entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    add(f"{name}\0{st.st_size}\0{hashes.hash(name, entry.path, st)}")
                else:
                    add(f"{name}\0special")
            except OSError as exc:
                add(f"{name}\0error\0{exc.errno}")
        for path_, name in folders:
            visit(path_, name)

    visit(str(folder), "")
    hashes.save()
    return digest_.hexdigest()[:32], count


# --- the plan -----------------------------------------------------------------------------------

@dataclass
class Plan:
    """What a build does: the nodes to (re)build, why, and the nodes to drop."""

    seeds: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)                    # views and copies to (re)make
    loaders: list[str] = field(default_factory=list)
    models: set[str] = field(default_factory=set)
    tests: list[str] = field(default_factory=list)
    reasons: dict[str, tuple[str, str]] = field(default_factory=dict)   # id -> (kind, why)
    drop: dict[str, list[str]] = field(default_factory=dict)            # removed node -> relations
    built: dict[str, Record] = field(default_factory=dict)              # records of the nodes built
    kept: dict[str, Record] = field(default_factory=dict)               # records of the nodes kept
    modified: set[str] = field(default_factory=set)                     # state:modified models
    fresh: set[str] = field(default_factory=set)     # incremental models built from scratch
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.seeds or self.sources or self.loaders or self.models or self.tests or self.drop)

    def records(self, results) -> dict[str, Record]:
        """The state after a successful build: kept records, and built ones with their row counts."""
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        rows = {r.unique_id: r.rows for r in results if r.kind != "test"}
        out = dict(self.kept)
        for uid, record in self.built.items():
            record.built_at = now
            record.rows = rows.get(uid) if record.kind != "test" else None
            out[uid] = record
        return out

    def lines(self) -> list[tuple[str, str, str]]:
        """(action, id, why) for every node the build would touch, in build order."""
        order = {"seed": 0, "source": 1, "loader": 2, "model": 3, "test": 4}
        out = [("drop", uid, why) for uid, why in sorted(
            (uid, "no longer in the project" + (f": drops {', '.join(rels)}" if rels else ""))
            for uid, rels in self.drop.items())]
        items = sorted(self.reasons.items(),
                       key=lambda kv: (order[kv[1][0]], self._rank.get(kv[0], 0), kv[0]))
        return out + [(kind, uid, why) for uid, (kind, why) in items]

    _rank: dict = field(default_factory=dict, repr=False)


def output(record: Record) -> str:
    """What a node's children were built from: its fingerprint, unless it ran again on the same
    inputs with effects its fingerprint cannot show (a loader run again, an incremental merge)."""
    return record.parts.get("out", record.fingerprint)


def _salted(fp: str) -> str:
    return digest(fp, os.urandom(16).hex())


def _seed_parts(seed) -> dict:
    parts = {"file": file_hash(seed.path)}
    if seed.column_types:
        parts["column_types"] = dict(sorted(seed.column_types.items()))
    return parts


def _changed_parents(parents: dict[str, str], stored: Record | None) -> list[str]:
    before = (stored.parts.get("parents") or {}) if stored else {}
    return sorted(p for p, fp in parents.items() if before.get(p) != fp)


def _describe_changes(names: list[str], built: set[str]) -> str:
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    if all(n in built for n in names):
        return f"reads {shown}, which {'is' if len(names) == 1 else 'are'} rebuilt"
    return f"reads {shown}, which changed"


def make_plan(*, command: str, project, loaders: list, graph: dict[str, set[str]], tests: list,
              state: State | None, chosen: set[str], subset: bool, full_refresh: bool,
              documents: Path | None, order: list[str], memo: dict | None = None) -> Plan:
    """Compare the project with the stored state; decide what a build or run does.

    `chosen` are the selected models (all of them without a selector): with a selector they
    are rebuilt whatever their state (that is what a selector asks for), the others are left
    as they are. `order` is the models' topological order; `memo` keeps the documents
    folder's fingerprint between two plans of one build.
    """
    memo = {} if memo is None else memo
    state = state or State(exists=False)
    stored = state.records
    plan = Plan()
    plan._rank = {name: i for i, name in enumerate(order)}
    effective: dict[str, str] = {}     # relation -> fingerprint of what the new file will hold
    built: set[str] = set()            # relations rebuilt by this build
    is_build = command == "build"

    def missing(relations) -> bool:
        return state.exists and any(r not in state.relations for r in relations)

    def rebuild(uid: str, kind: str, why: str, record: Record) -> None:
        plan.reasons[uid] = (kind, why)
        plan.built[uid] = record
        built.update(record.relations)

    def keep(uid: str) -> None:
        if uid in stored:
            plan.kept[uid] = stored[uid]

    # seeds
    seed_fps: dict[str, str] = {}
    for name, seed in sorted(project.seeds.items()):
        before = stored.get(name)
        if not is_build:
            effective[name] = output(before) if before else "absent"
            keep(name)
            continue
        parts = _seed_parts(seed)
        fp = digest("seed", STATE_FORMAT, name, parts)
        seed_fps[name] = fp
        effective[name] = fp
        why = ("--full-refresh" if full_refresh else "new" if before is None
               else "file changed" if before.parts.get("file") != parts["file"]
               else "column_types changed" if before.fingerprint != fp
               else "missing from the warehouse" if missing([name]) else None)
        if why:
            plan.seeds.append(name)
            rebuild(name, "seed", f"{why} ({seed.rel_path})", Record("seed", fp, parts, [name]))
        else:
            keep(name)
            plan.unchanged += 1

    # sources: what reads a table source is rebuilt every build (another tool may change it)
    from warehouse.sources import fingerprint_parts

    for name, source in sorted(project.sources.items()):
        before = stored.get(name)
        parts = fingerprint_parts(source)
        fp = digest("source", STATE_FORMAT, name, {k: v for k, v in parts.items() if k != "volatile"})
        effective[name] = digest(fp, parts["volatile"]) if "volatile" in parts else fp
        if not source.creates:
            continue
        why = ("--full-refresh" if full_refresh else "new" if before is None
               else f"{source.kind} changed ({source.path or source.relation})" if before.fingerprint != fp
               else "missing from the warehouse" if missing([name]) else None)
        if why:
            plan.sources.append(name)
            rebuild(name, "source", why, Record("source", fp, parts, [name]))
        else:
            keep(name)
            plan.unchanged += 1

    # loaders
    for loader in loaders:
        uid = loader.name
        before = stored.get(uid)
        relations = sorted(loader.provides)
        if not is_build:
            for rel in relations:
                effective[rel] = output(before) if before else "absent"
            keep(uid)
            continue
        parts = {"module": loader.name, "code": loader.code, "provides": relations,
                 "stateful": loader.stateful,
                 "inputs": list(loader.inputs) if loader.inputs is not None else None}
        if loader.inputs is None:
            fp = f"volatile-{os.urandom(16).hex()}"
        else:
            if "documents" in loader.inputs:
                if documents not in memo:
                    memo[documents] = (folder_fingerprint(documents, project.root) if documents
                                       else ("none", 0))
                folder_fp, count = memo[documents]
                parts.update(documents=folder_fp, documents_files=count, documents_dir=str(documents))
            if "seeds" in loader.inputs:
                parts["seeds"] = digest(sorted(seed_fps.items()))
            fp = digest("loader", STATE_FORMAT, {k: v for k, v in parts.items()
                                                 if k not in ("provides", "stateful", "documents_files")})
        why = None
        if full_refresh:
            why = "--full-refresh"
        elif loader.inputs is None:
            why = "declares no INPUTS, so it runs every build"
        elif before is None:
            why = "new"
        elif before.parts.get("retry"):
            why = "its last run asked to run again (inputs that failed may load now)"
        elif before.fingerprint != fp:
            old = before.parts
            what = []
            if old.get("code") != parts["code"]:
                what.append("its code changed")
            if old.get("documents_dir") != parts.get("documents_dir"):
                what.append(f"documents folder is now {documents}")
            elif old.get("documents") != parts.get("documents"):
                what.append(f"documents changed ({old.get('documents_files', '?')} -> "
                            f"{parts.get('documents_files')} files)")
            if old.get("seeds") != parts.get("seeds"):
                what.append("seeds changed")
            if old.get("inputs") != parts["inputs"]:
                what.append("its INPUTS changed")
            why = ", ".join(what) or "fingerprint changed"
        elif missing(relations):
            why = "missing from the warehouse"
        if why:
            if before is not None and output(before) == fp:   # run again on the same inputs
                parts["out"] = _salted(fp)
            plan.loaders.append(uid)
            rebuild(uid, "loader", why, Record("loader", fp, parts, relations))
            out = parts.get("out", fp)
        else:
            keep(uid)
            plan.unchanged += 1
            out = output(before)
        for rel in relations:
            effective[rel] = out

    # models, parents first
    sources = {*project.seeds, *project.sources, *(rel for loader in loaders for rel in loader.provides)}
    for name in order:
        model = project.models[name]
        before = stored.get(name)
        parents = {p: effective.get(p, "absent") for p in sorted(model.depends_on)}
        own = {"sql": text_hash(model.body), "config": digest(model.materialized, model.unique_key)}
        if model.external:
            own["external"] = os.urandom(16).hex()
        parts = {**own, "parents": parents}
        fp = digest("model", STATE_FORMAT, name, parts)
        own_changed = before is None or any(before.parts.get(k) != v for k, v in own.items())
        changed_sources = [p for p in _changed_parents(parents, before) if p in sources]
        if own_changed or changed_sources:
            plan.modified.add(name)
        if subset and name not in chosen:
            effective[name] = output(before) if before else "absent"
            keep(name)
            continue
        why = None
        if full_refresh:
            why = "--full-refresh"
        elif subset:
            why = "selected"
        elif model.external:
            why = "reads files or table functions, which have no fingerprint"
        elif before is None:
            why = "new"
        elif before.parts.get("sql") != own["sql"]:
            why = "SQL changed"
        elif before.parts.get("config") != own["config"]:
            why = "config changed (materialized or unique_key)"
        elif before.fingerprint != fp:
            why = _describe_changes(_changed_parents(parents, before) or sorted(parents), built)
        elif missing([name]) and model.materialized != "ephemeral":
            why = "missing from the warehouse"
        if not why:
            effective[name] = output(before)
            keep(name)
            plan.unchanged += 1
            continue
        if model.materialized == "incremental" and before is not None and output(before) == fp:
            parts["out"] = _salted(fp)      # merged again on the same inputs: its rows may differ
        if (model.materialized == "incremental" and model.reads_itself
                and before is not None and own_changed):
            # its rows were merged by other SQL: merging again on them would keep what that
            # SQL decided for the rows this build does not select (a changed rule, say)
            plan.fresh.add(name)
            why += ", so it is built from scratch"
        plan.models.add(name)
        relations = [] if model.materialized == "ephemeral" else [name]
        rebuild(name, "model", why, Record("model", fp, parts, relations))
        effective[name] = parts.get("out", fp)

    # data tests (build only), after every model
    for test in tests:
        uid = f"test:{test.unique_id}"
        before = stored.get(uid)
        if not is_build or (subset and not test.depends_on & chosen):
            keep(uid)
            continue
        parents = {p: effective.get(p, "absent") for p in sorted(test.depends_on)}
        parts = {"sql": digest(test.severity, test.sql, test.warn_if, test.error_if, test.audit),
                 "parents": parents}
        fp = digest("test", STATE_FORMAT, test.unique_id, parts)
        rebuilt = sorted(test.depends_on & built)
        why = None
        if full_refresh:
            why = "--full-refresh"
        elif rebuilt:
            why = _describe_changes(rebuilt, built)
        elif before is None:
            why = "new"
        elif before.parts.get("sql") != parts["sql"]:
            why = "definition changed"
        elif before.fingerprint != fp:
            why = _describe_changes(_changed_parents(parents, before) or sorted(parents), built)
        if why:
            plan.tests.append(test.unique_id)
            rebuild(uid, "test", why, Record("test", fp, parts, [test.audit] if test.audit else []))
        else:
            keep(uid)
            plan.unchanged += 1

    # nodes that left the project: their relations go (a relation now provided by another node stays)
    current = {*project.seeds, *(f"test:{t.unique_id}" for t in tests), *(x.name for x in loaders),
               *project.models, *(n for n, s in project.sources.items() if s.creates)}
    provided = {*project.seeds, *project.models, *project.sources,
                *(rel for x in loaders for rel in x.provides)}
    for uid, record in stored.items():
        if uid in current:
            continue
        if (record.kind == "test" and not (is_build and record.relations)) or (
                not is_build and record.kind != "model"):
            if record.kind != "test":
                plan.kept[uid] = record
            continue
        plan.drop[uid] = [r for r in record.relations if r not in provided and r in state.relations]
    return plan


def drop_relations(con, plan: Plan, existing: dict[str, str]) -> None:
    """Drop the relations of nodes that left the project, then their schemas if left empty."""
    schemas = set()
    for relations in plan.drop.values():
        for rel in relations:
            kind = existing.get(rel)
            if kind is None:
                continue
            schema, name = rel.split(".", 1)
            con.execute(f"drop {'view' if kind == 'view' else 'table'} if exists "
                        f"{quote(schema)}.{quote(name)}").fetchall()
            schemas.add(schema)
    for schema in sorted(schemas):
        left = con.execute("select count(*) from information_schema.tables where table_catalog = "
                           f"current_database() and table_schema = {literal(schema)}").fetchall()[0][0]
        if not left and schema != "main":
            con.execute(f"drop schema if exists {quote(schema)}").fetchall()
