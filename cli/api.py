"""The library API; the CLI is a thin layer over these functions.

    from warehouse import api
    result = api.build(project_dir=".", db="warehouse.duckdb", select=["+fct_investments"])
    result.exit_code  # 0 when everything passed and the file was published
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from warehouse.errors import BuildError, ProjectError, WarehouseError
from warehouse.results import Clock, Reporter
from warehouse.runner import NodeResult, run_graph, short_error

DEFAULT_DB = "warehouse.duckdb"
DEFAULT_LOCK_TIMEOUT = 600.0


@dataclass
class RunResult:
    command: str
    status: str                                  # "success" | "error"
    db: Path
    elapsed: float
    published: bool = False
    results: list[NodeResult] = field(default_factory=list)
    run_results: Path | None = None
    plan: list[dict] | None = None               # --dry-run: what would be built, and why
    up_to_date: bool = False                     # nothing changed: nothing was written

    @property
    def exit_code(self) -> int:
        return 0 if self.status == "success" else 1


@dataclass
class Prepared:
    project: object
    loaders: list
    graph: dict[str, set[str]]
    tests: list


def default_threads() -> int:
    """The CPUs this process may use (its affinity mask, as in a container), else the count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 2


def prepare(project_dir: str | Path = ".", project=None, known_loaders: dict | None = None) -> Prepared:
    """Discover the project, resolve its loaders, infer and check the graph, compile tests.

    `known_loaders` (module name -> the stored parts of its last build) spares importing a
    loader whose code did not change since (see `warehouse.loaders.resolve`)."""
    from warehouse.dag import analyse
    from warehouse.datatests import compile_tests
    from warehouse.loaders import resolve
    from warehouse.project import load_project

    project = project or load_project(project_dir)
    known_loaders = known_loaders or {}
    loaders = [resolve(name, project.root, known_loaders.get(name)) for name in project.loaders]
    provided = set().union(*(x.provides for x in loaders)) if loaders else set()
    # a source that a loader of the project writes documents the loader's table (dbt's sources of an
    # EL tool): the loader builds it, so it is no source to keep, copy or check
    loaded = {k for k, v in project.sources.items() if v.kind == "table" and v.relation in provided}
    if loaded:
        project = replace(project, sources={k: v for k, v in project.sources.items() if k not in loaded})
    graph = analyse(project, provided, project.root / "target" / "parse_cache.json")
    return Prepared(project, loaders, graph, compile_tests(project))


def _choose(prep: Prepared, select, exclude, modified=None) -> tuple[set[str], list, bool]:
    from warehouse.selection import select as select_models
    from warehouse.selection import split

    chosen = select_models(prep.project, prep.graph, select, exclude, modified=modified)
    subset = bool(split(select) or split(exclude)) and chosen != set(prep.project.models)
    tests = [t for t in prep.tests if not subset or (t.depends_on & chosen)]
    return chosen, tests, subset


def _db_path(db) -> Path:
    path = Path(db or DEFAULT_DB).expanduser().resolve()
    if not path.parent.is_dir():
        raise ProjectError(f"folder {path.parent} does not exist", hint="create it or pass another --db")
    return path


def _documents_dir(documents, project, loaders) -> Path | None:
    """--documents, else warehouse.yml's `documents`; a folder that does not exist is bad usage."""
    if documents:
        path = Path(documents).expanduser().resolve()
        if not path.is_dir():
            raise ProjectError(f"documents folder {documents} does not exist",
                               hint="pass --documents a folder of articles")
        return path
    path = project.documents_dir
    if loaders and path is not None and not path.is_dir():
        raise ProjectError(f"documents folder {path} does not exist", file="warehouse.yml",
                           hint="fix `documents:` in warehouse.yml or pass --documents")
    return path


def check_writable(folder: Path) -> None:
    """Every run writes `target/run_results.json`: a folder it cannot write is bad usage (exit 2)."""
    probe = folder / f".write_check_{os.getpid()}_{time.monotonic_ns()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.unlink(probe)
    except OSError as exc:
        raise ProjectError(f"cannot write to {folder}: {exc.strerror or exc}",
                           hint="every run writes target/run_results.json there: make the folder writable"
                           ) from None


def _existing(con) -> dict[str, str]:
    rows = con.execute("select table_schema, table_name, table_type from information_schema.tables "
                       "where table_catalog = current_database()").fetchall()
    return {f"{s}.{n}".lower(): ("view" if t == "VIEW" else "table") for s, n, t in rows}


def build(project_dir: str | Path = ".", db: str | Path | None = None, *, documents: str | Path | None = None,
          select=(), exclude=(), threads: int | None = None, full_refresh: bool = False,
          fail_on_rejects: bool = False, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
          reporter: Reporter | None = None, dry_run: bool = False) -> RunResult:
    """Seeds, loaders, models, tests into a new file; publish it when all passed.

    Only what changed since the published file was built is rebuilt (see `warehouse.state`);
    when nothing changed, nothing is written. `dry_run` reports what would be rebuilt and why."""
    return _execute("build", project_dir, db, documents, select, exclude, threads, full_refresh,
                    fail_on_rejects, lock_timeout, reporter, dry_run)


def run(project_dir: str | Path = ".", db: str | Path | None = None, *, select=(), exclude=(),
        threads: int | None = None, full_refresh: bool = False,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT, reporter: Reporter | None = None,
        dry_run: bool = False) -> RunResult:
    """Models only, on a copy of the last good warehouse; published atomically when all built."""
    return _execute("run", project_dir, db, None, select, exclude, threads, full_refresh, False,
                    lock_timeout, reporter, dry_run)


def _uses_state(select, exclude) -> bool:
    from warehouse.selection import split

    return any("state:" in s for s in split(select) + split(exclude))


def _plan(command, prep, state, select, exclude, full_refresh, docs):
    """Selection and plan against a stored state; `state:` selectors use a first plan over
    every model to know which are modified."""
    from warehouse.dag import order
    from warehouse.state import make_plan

    ordered = order(prep.graph)
    memo: dict = {}

    def planned(chosen, subset):
        return make_plan(command=command, project=prep.project, loaders=prep.loaders, graph=prep.graph,
                         tests=prep.tests, state=state, chosen=chosen, subset=subset,
                         full_refresh=full_refresh, documents=docs, order=ordered, memo=memo)

    modified = None
    if _uses_state(select, exclude):
        modified = planned(set(prep.project.models), False).modified
    chosen, _, subset = _choose(prep, select, exclude, modified)
    return chosen, subset, planned(chosen, subset)


def _same_state(a, b) -> bool:
    if a is None or b is None:
        return False
    def fingerprints(state):
        return {uid: r.fingerprint for uid, r in state.records.items()}

    return fingerprints(a) == fingerprints(b) and a.relations == b.relations


def _report_plan(command: str, plan, reporter: Reporter) -> list[dict]:
    lines = plan.lines()
    out = [{"action": action, "unique_id": uid, "reason": why} for action, uid, why in lines]
    if not lines:
        reporter.info(f"nothing changed since the last build: {command} would do nothing "
                      f"({plan.unchanged} nodes up to date)")
        return out
    counts: dict[str, int] = {}
    for action, _, _ in lines:
        counts[action] = counts.get(action, 0) + 1
    what = ", ".join(f"{n} {'to drop' if a == 'drop' else a + 's' if n > 1 else a}"
                     for a, n in counts.items())
    reporter.info(f"{command} would rebuild {what}; {plan.unchanged} unchanged (dry run: nothing built)")
    for item in out:
        reporter.info(f"  {item['action']:6} {item['unique_id']}: {item['reason']}", **item)
    return out


def _execute(command, project_dir, db, documents, select, exclude, threads, full_refresh,
             fail_on_rejects, lock_timeout, reporter, dry_run=False) -> RunResult:
    from warehouse.loaders import LoadContext, ensure_imported
    from warehouse.materialize import build_model
    from warehouse.project import load_project
    from warehouse.publish import (
        BuildFile,
        SessionGuard,
        TargetLock,
        check_target,
        recover_wal,
        stale_build_files,
    )
    from warehouse.seeds import check_seed, load_seed
    from warehouse.sources import check_present
    from warehouse.sql import quote
    from warehouse.state import State, drop_relations, read_published, read_state, save_sidecar, write_state

    clock = Clock()
    reporter = reporter or Reporter()
    project = load_project(project_dir)
    target = _db_path(db)
    threads = threads or default_threads()
    is_build = command == "build"
    results: list[NodeResult] = []
    published = False
    check_target(target)
    if not dry_run:
        check_writable(project.root / "target")   # run_results.json: fail before publishing, not after
    started = time.monotonic()
    build_file = None
    try:
        with contextlib.ExitStack() as held:
            # plan without the build lock: a build that has nothing to do neither waits nor writes
            # (another build may be publishing meanwhile; the plan is checked again on the copy)
            published_state = read_published(project.root, target)
            known = {uid: r.parts for uid, r in published_state.records.items()
                     if r.kind == "loader"} if published_state else {}
            prep = prepare(project_dir, project, known)
            project = prep.project  # without the sources that are the loaders' own tables
            docs = _documents_dir(documents, project, prep.loaders if is_build else [])
            chosen, subset, plan = _plan(command, prep, published_state, select, exclude, full_refresh, docs)
            if dry_run:
                lines = _report_plan(command, plan, reporter)
                return RunResult(command, "success", target, clock.elapsed(), plan=lines,
                                 up_to_date=plan.empty and target.exists())
            if plan.empty and published_state is not None and published_state.exists:
                if stale_build_files(target):   # what a killed build left: the next build removes it
                    with TargetLock(target, lock_timeout):
                        BuildFile(target).remove_stale()
                return _up_to_date(command, project, target, clock, reporter, plan, prep.tests)
            held.enter_context(TargetLock(target, lock_timeout))
            check_target(target)  # again under the lock: another build may have just published it
            for name in plan.seeds:
                check_seed(project.seeds[name])
            # DuckDB's lock on the target until it is published: no read-write session meanwhile
            left = max(0.0, lock_timeout - (time.monotonic() - started))
            guard = held.enter_context(SessionGuard(target, left, reporter.info))
            note = recover_wal(target, guard)
            if note:
                reporter.info(f"warning: {note}")
            # start from the last good file unless every node is rebuilt from nothing
            keeps = any(r.kind != "test" for r in plan.kept.values())
            # tables another tool loaded into the file (table sources) go into every new build file
            keeps = keeps or any(s.kind == "table" for s in project.sources.values())
            stateful = any(x.stateful for x in prep.loaders if x.name in plan.loaders)
            incremental = any(project.models[n].materialized == "incremental" for n in plan.models)
            copy = target.exists() and (command == "run" or subset or keeps or published_state is None
                                        or (not full_refresh and (stateful or incremental)))
            build_file = BuildFile(target, guard)
            held.callback(build_file.discard, None)  # on every exit path, a signal between two lines too
            con = build_file.open(copy)
            if copy and not (published_state is not None and published_state.describes(target)):
                # the file as copied is the truth: another session may have changed it since
                # (the guard now keeps read-write sessions away, so an unchanged file stays so)
                state = read_state(con)
                if not _same_state(state, published_state):
                    chosen, subset, plan = _plan(command, prep, state, select, exclude, full_refresh, docs)
                    if plan.empty:   # another build published this very state meanwhile
                        build_file.discard(con)
                        return _up_to_date(command, project, target, clock, reporter, plan, prep.tests)
                    for name in plan.seeds:
                        check_seed(project.seeds[name])
            loaders = []
            for uid in plan.loaders:
                loader = next(x for x in prep.loaders if x.name == uid)
                loaders.append(ensure_imported(loader, project.root))
            tests = [t for t in prep.tests if t.unique_id in set(plan.tests)]
            reporter.start(command, len(plan.seeds) + len(plan.sources) + len(loaders) + len(plan.models)
                           + len(tests))
            try:
                existing = _existing(con) if copy else {}
                drop_relations(con, plan, existing)
                schemas = {project.models[n].schema for n in plan.models
                           if project.models[n].materialized != "ephemeral"}
                schemas |= {"seeds"} if plan.seeds else set()
                for schema in sorted(schemas):
                    con.execute(f"create schema if not exists {quote(schema)}").fetchall()

                def seed_work(cur, name):
                    seed = project.seeds[name]
                    return NodeResult(name, "seed", "success", rows=load_seed(cur, seed), file=seed.rel_path)

                seed_graph = {name: set() for name in plan.seeds}
                results += run_graph(con, seed_graph, seed_work, threads, reporter, "seed")
                if project.sources:
                    check_present(con, project, set(_existing(con)))
                for name in plan.sources:   # one connection: attaching is not for several threads
                    results.append(_make_source(con, project.sources[name], reporter))
                ctx = LoadContext(project_dir=project.root, documents_dir=docs, full_refresh=full_refresh,
                                  threads=threads, extraction=dict(project.extraction))
                for module in loaders:
                    if any(r.failed for r in results):
                        break
                    result, retry = _run_loader(module, con, ctx, reporter, fail_on_rejects)
                    results.append(result)
                    if retry:   # inputs failed that may pass next time: the next build runs it again
                        plan.built[module.__name__].fingerprint = f"retry-{os.urandom(16).hex()}"
                        plan.built[module.__name__].parts["retry"] = True

                def model_work(cur, name):
                    model = project.models[name]
                    try:
                        rows = build_model(cur, model, existing, full_refresh or name in plan.fresh)
                    except Exception as exc:  # noqa: BLE001 - reported as this model's failure
                        return NodeResult(name, "model", "error", message=short_error(exc),
                                          materialized=model.materialized, file=model.rel_path)
                    return NodeResult(name, "model", "success", rows=rows, materialized=model.materialized,
                                      file=model.rel_path)

                if any(r.failed for r in results):
                    results += [NodeResult(n, "model", "skipped", message="a seed, source or loader failed")
                                for n in sorted(plan.models)]
                else:
                    graph = {n: prep.graph[n] & plan.models for n in plan.models}
                    results += run_graph(con, graph, model_work, threads, reporter, "model")
                # tests of models that built still run, so one build reports every problem
                broken = {r.unique_id for r in results if r.status in ("error", "skipped")}
                if not any(r.failed and r.kind in ("seed", "source", "loader") for r in results):
                    runnable = [t for t in tests if not t.depends_on & broken]
                    results += _run_tests(con, runnable, threads, reporter)
                    results += [NodeResult(t.unique_id, "test", "skipped", message="a model it reads failed")
                                for t in tests if t.depends_on & broken]
                if any(r.failed for r in results):
                    build_file.discard(con)
                else:
                    records = plan.records(results)
                    write_state(con, records)
                    new_state = State(records, {r for r in _existing(con) if not r.startswith("_warehouse.")})
                    build_file.publish(con)
                    published = True
                    save_sidecar(project.root, target, new_state)
                    for note in build_file.notes:
                        reporter.info(f"warning: {note}")
            except BaseException:
                build_file.discard(con)
                reporter.abort()
                raise
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM
        if build_file is None or not build_file.published:
            raise
        published = True  # it came after the rename: too late to stop, the build is published
    return _finish(command, project, target, clock, results, reporter, published, unchanged=plan.unchanged,
                   tests=prep.tests)


def _up_to_date(command, project, target, clock, reporter, plan, tests) -> RunResult:
    reporter.info(f"nothing changed since the last build: {plan.unchanged} nodes up to date, "
                  f"nothing to {command}, {target.name} left as it is")
    return _finish(command, project, target, clock, [], reporter, False, unchanged=plan.unchanged,
                   up_to_date=True, tests=tests)


def _make_source(con, source, reporter) -> NodeResult:
    from warehouse.runner import utc_now
    from warehouse.sources import materialize

    reporter.node_start(source.name, "source")
    started, at = time.perf_counter(), utc_now()
    kind = "view" if source.kind != "database" else "table"
    try:
        result = NodeResult(source.name, "source", "success", rows=materialize(con, source),
                            materialized=kind, file=source.file)
    except Exception as exc:  # noqa: BLE001 - reported as this source's failure
        result = NodeResult(source.name, "source", "error", message=short_error(exc), materialized=kind,
                            file=source.file)
    result.elapsed, result.started_at = time.perf_counter() - started, at
    reporter.node_end(result)
    return result


def _run_loader(module, con, ctx, reporter, fail_on_rejects) -> tuple[NodeResult, bool]:
    """The loader's result, and whether it asks to run again next build (`LoadResult.retry`)."""
    from warehouse.loaders import run_loader
    from warehouse.runner import utc_now

    name = module.__name__
    reporter.node_start(name, "loader")
    started, at = time.perf_counter(), utc_now()
    try:
        loaded = run_loader(module, con, ctx)
        rows = sum(loaded.rows.values()) if loaded.rows else None
        counts = ", ".join(f"{rel}: {n:,} rows" for rel, n in sorted((loaded.rows or {}).items()))
        notes = [counts] if counts else []
        notes += list(loaded.messages)
        if loaded.rejected or loaded.skipped:
            notes.append(f"{loaded.rejected} rejected, {loaded.skipped} unchanged and skipped")
        status = "success"
        if fail_on_rejects and loaded.rejected:
            status = "error"
            notes.append("--fail-on-rejects: inputs were rejected (see raw.rejected_documents)")
        result = NodeResult(name, "loader", status, rows=rows, message="; ".join(notes) or None,
                            file=getattr(module, "__file__", None))
    except WarehouseError as exc:
        result = NodeResult(name, "loader", "error", message=exc.message, file=exc.file)
        loaded = None
    result.elapsed, result.started_at = time.perf_counter() - started, at
    reporter.node_end(result)
    return result, bool(getattr(loaded, "retry", False))


def _run_tests(con, tests, threads, reporter, init_cursor=None, store=True) -> list[NodeResult]:
    """`store`: keep failing rows of `store_failures` tests (a build; `warehouse test` is read-only)."""
    from warehouse.datatests import run_test

    by_id = {t.unique_id: t for t in tests}

    def work(cur, name):
        test = by_id[name]
        try:
            return run_test(cur, test, store)
        except Exception as exc:  # noqa: BLE001 - a test that cannot run fails like an error
            return NodeResult(name, "test", "error", message=short_error(exc), file=test.file)

    return run_graph(con, {t: set() for t in by_id}, work, threads, reporter, "test", init_cursor)


def _finish(command, project, target, clock, results, reporter, published, *, unchanged: int = 0,
            up_to_date: bool = False, tests=()) -> RunResult:
    from warehouse.artifacts import write_manifest, write_run_results

    failed = any(r.failed for r in results)
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    if unchanged:
        counts["unchanged"] = unchanged
    summary = {"command": command, "status": "error" if failed else "success", "db": str(target),
               "published": published, "started_at": clock.started_at, "elapsed": clock.elapsed(),
               "counts": counts}
    if up_to_date:
        summary["up_to_date"] = True
    try:
        path = write_run_results(project, summary, results)
        write_manifest(project, tests, target)
    except OSError as exc:  # checked writable before the run; a disk that filled since must not
        path = None           # turn a published build into a failure
        reporter.info(f"warning: cannot write target/run_results.json: {exc.strerror or exc}")
    reporter.finish(summary)
    return RunResult(command, summary["status"], target, summary["elapsed"], published, results, path,
                     up_to_date=up_to_date)


def open_readonly(db: str | Path | None, *, allow_files=()):
    """A connection to the published warehouse, read-only and confined.

    The file is attached read-only under a fixed catalog name (so a file called
    `marts.duckdb` does not make `marts.x` ambiguous); then DuckDB's external access is
    switched off and the configuration locked, so SQL run on this connection cannot attach
    other databases, load or install extensions, or read or write files, except those
    under `allow_files` (files or folders, DuckDB's `allowed_paths`/`allowed_directories`).
    """
    import duckdb
    from warehouse.sql import literal

    path = _db_path(db)
    if not path.exists():
        raise ProjectError(f"no warehouse at {path}", hint="run `warehouse build` first or pass --db")
    dirs, files = [], []
    for item in allow_files or ():
        allowed = Path(item).expanduser().resolve()
        if allowed.is_dir():
            dirs.append(str(allowed) + os.sep)
        elif allowed.exists():
            files.append(str(allowed))
        else:
            raise ProjectError(f"--allow-files {item}: no such file or folder",
                               hint="pass an existing file or folder")
    con = duckdb.connect(config={"autoload_known_extensions": False, "autoinstall_known_extensions": False})
    try:
        con.execute(f"attach {literal(str(path))} as _warehouse_ (read_only)").fetchall()
    except duckdb.Error as exc:
        con.close()
        text = short_error(exc)
        hint = None
        if "replaying WAL" in text or "the WAL was created for" in text:
            hint = (f"{path.name}.wal was left by a killed read-write session: `warehouse build` recovers it "
                    "or sets it aside")
        elif "Conflicting lock" in text:
            hint = "a read-write session holds the file: close it, or open it with `duckdb -readonly`"
        raise ProjectError(f"cannot open {path}: {text.splitlines()[0]}", hint=hint) from None
    _use_published(con)
    for setting, values in (("allowed_directories", dirs), ("allowed_paths", files)):
        if values:
            con.execute(f"set {setting} = [{', '.join(literal(v) for v in values)}]").fetchall()
    con.execute("set enable_external_access = false").fetchall()
    con.execute("set lock_configuration = true").fetchall()
    return con


READ_ONLY_STATEMENTS = ("SELECT", "EXPLAIN")


def check_read_only(con, sql: str) -> None:
    """Refuse anything but queries: attach, detach, copy, export, install, load, set, create..."""
    import duckdb

    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise BuildError(f"query failed: {short_error(exc)}") from None
    if not statements:
        raise ProjectError("no SQL statement given", hint='warehouse query "select ..."')
    for statement in statements:
        kind = statement.type.name
        if kind not in READ_ONLY_STATEMENTS:
            raise ProjectError(f"the warehouse is read-only here: {kind.lower()} statements are not allowed",
                               hint="run queries (select, with, from, show, describe, summarize, explain); "
                                    "`warehouse export` writes Parquet files")


def _use_published(cur) -> None:
    # a cursor is a new connection: point it at the attached warehouse too
    cur.execute("use _warehouse_").fetchall()


def test(project_dir: str | Path = ".", db: str | Path | None = None, *, select=(), exclude=(),
         threads: int | None = None, reporter: Reporter | None = None) -> RunResult:
    """Run the selected data tests against the published warehouse (read-only)."""
    clock = Clock()
    reporter = reporter or Reporter()
    prep = prepare(project_dir)
    _, tests, _ = _choose(prep, select, exclude)
    target = _db_path(db)
    check_writable(prep.project.root / "target")
    from warehouse.sources import allowed_files

    con = open_readonly(target, allow_files=allowed_files(prep.project))
    try:
        reporter.start("test", len(tests))
        results = _run_tests(con, tests, threads or default_threads(), reporter, _use_published, store=False)
    finally:
        con.close()
    return _finish("test", prep.project, target, clock, results, reporter, False, tests=prep.tests)


def source_freshness(project_dir: str | Path = ".", db: str | Path | None = None) -> list[dict]:
    """dbt's `source freshness` against the published warehouse (read-only): one dict per source
    with a `loaded_at_field` and a threshold (`status`: pass, warn, error, runtime error)."""
    from warehouse.project import load_project
    from warehouse.sources import allowed_files, freshness

    project = load_project(project_dir)
    con = open_readonly(db, allow_files=allowed_files(project))
    try:
        return freshness(con, project)
    finally:
        con.close()


def ls(project_dir: str | Path = ".", *, select=(), exclude=(), db: str | Path | None = None) -> list[dict]:
    """The selected models in build order, with schema, materialization and parents.
    `state:` selectors compare the project with the warehouse file `db`."""
    from warehouse.dag import order

    prep = prepare(project_dir)
    if _uses_state(select, exclude):
        from warehouse.state import read_published

        target = _db_path(db)
        state = read_published(prep.project.root, target)
        docs = _documents_dir(None, prep.project, prep.loaders)
        chosen, _, _ = _plan("build", prep, state, select, exclude, False, docs)
    else:
        chosen, _, _ = _choose(prep, select, exclude)
    out = [{"name": s.name, "schema": s.name.split(".", 1)[0], "alias": s.name.split(".", 1)[1],
            "materialized": "source", "unique_key": [], "tags": [], "parents": [], "path": s.file,
            "description": s.description, "source": {"kind": s.kind, "location": s.path or s.relation}}
           for s in sorted(prep.project.sources.values(), key=lambda s: s.name)
           if not (select or exclude)]
    for name in order(prep.graph):
        if name not in chosen:
            continue
        m = prep.project.models[name]
        out.append({"name": name, "schema": m.schema, "alias": m.alias, "materialized": m.materialized,
                    "unique_key": m.unique_key, "tags": m.tags, "parents": sorted(m.depends_on),
                    "path": m.rel_path, "description": m.description})
    return out


def export(project_dir: str | Path = ".", db: str | Path | None = None, *, out: str | Path = "export",
           select=(), exclude=()) -> list[Path]:
    """Write each selected model of the published warehouse to `<out>/<schema>.<name>.parquet`."""
    import duckdb
    from warehouse.sql import literal, relation

    models = [m for m in ls(project_dir, select=select, exclude=exclude, db=db)
              if m["materialized"] != "source"]
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    con = open_readonly(db, allow_files=[out_dir])
    written = []
    try:
        for m in models:
            path = out_dir / f"{m['name']}.parquet"
            tmp = path.with_name(path.name + ".tmp")
            try:
                con.execute(f"copy (select * from {relation(m['name'])}) to {literal(str(tmp.resolve()))} "
                            "(format parquet)").fetchall()
                os.replace(tmp, path)
            except duckdb.Error as exc:
                raise BuildError(f"cannot export {m['name']}: {short_error(exc)}", file=m["path"],
                                 hint="build it first with `warehouse build`") from None
            finally:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            written.append(path)
    finally:
        con.close()
    return written


def query(sql: str, db: str | Path | None = None, *, allow_files=()) -> list[tuple[list[str], list[tuple]]]:
    """Run one or more queries (`select 1; select 2`) against the published warehouse, read-only
    and confined (see `open_readonly`); return each statement's column names and rows, in order.
    Files are readable only under `allow_files`."""
    import duckdb

    con = open_readonly(db, allow_files=allow_files)
    results = []
    try:
        check_read_only(con, sql)
        for statement in con.extract_statements(sql):
            cur = con.execute(statement)
            columns = [d[0] for d in cur.description] if cur.description else []
            results.append((columns, cur.fetchall() if cur.description else []))
    except duckdb.Error as exc:
        raise BuildError(f"query failed: {short_error(exc)}") from None
    finally:
        con.close()
    return results
