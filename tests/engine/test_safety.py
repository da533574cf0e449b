"""Safety of the published file: foreign DuckDB sessions, stale WALs, confined queries,
permissions, signals, full disks and leftovers. Everything goes through the real CLI."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from .processes import wait_for as _wait_for
from .processes import warehouse as _warehouse

SLOW = "select count(*) as n from marts.dim_firms, range(200000) a, range(200000) b"

# a DuckDB session in another process, read-write as the DuckDB CLI opens files by default:
# it writes a table, says "ready", then waits for a line on stdin (or is killed)
SESSION = textwrap.dedent("""
    import os, sys, duckdb
    con = duckdb.connect(sys.argv[1])
    con.execute("set wal_autocheckpoint = '1GB'")
    con.execute("create or replace table main.foreign_notes as select 42 as answer")
    print("ready", flush=True)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), 9)   # killed: its committed writes stay in the .wal
    sys.stdin.readline()
    con.close()
""")


READER = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
          "print(con.sql('select count(*) from marts.fct_deals').fetchall())")


def _building(db) -> bool:
    return any(n.startswith(".warehouse_build_") for n in _leftovers(db))


def _session(db, mode: str = "hold") -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", SESSION, str(db), mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    return proc


def _close(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.stdin.write("\n")
        proc.stdin.flush()
    proc.wait()


def _leftovers(db) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir()
                  if p.name.startswith(".warehouse_build_") or p.name.endswith((".wal", ".lock.pid")))


def _wal(db):
    return db.with_name(db.name + ".wal")


# --- 1. a read-write session on the published file ---------------------------------------------

def test_read_write_session_makes_build_exit_2_naming_it(cli):
    assert cli("build").exit_code == 0
    session = _session(cli.db)
    try:
        result = cli("build", "--lock-timeout", "0")
        assert result.exit_code == 2
        assert f"pid {session.pid}" in result.stderr and "read-write" in result.stderr
        assert "Traceback" not in result.stderr
        assert not any(name.startswith(".warehouse_build_") for name in _leftovers(cli.db))
    finally:
        _close(session)
    # the session's writes were not lost, and the file is readable
    assert cli.rows("select answer from main.foreign_notes") == [(42,)]
    assert not _wal(cli.db).exists()


def test_build_waits_for_a_read_write_session_then_publishes(cli):
    assert cli("build").exit_code == 0
    session = _session(cli.db)
    build = _warehouse("build", "--project-dir", str(cli.root), "--db", str(cli.db), "--lock-timeout", "600")
    try:
        line = build.stdout.readline()
        assert line.startswith("waiting for python") and f"(pid {session.pid})" in line, line
        assert build.poll() is None and not _building(cli.db)   # waiting, not building over it
    finally:
        _close(session)
    out, err = build.communicate(timeout=120)
    assert build.returncode == 0, err + out
    assert _leftovers(cli.db) == []
    counted = cli("query", "select count(*) as n from marts.fct_deals", "--format", "csv")
    assert counted.stdout.split() == ["n", "3"]


def test_no_read_write_session_can_open_the_file_while_a_build_runs(cli, project, sha256):
    assert cli("build").exit_code == 0
    (project / "models/marts/slow.sql").write_text(SLOW)
    build = _warehouse("build", "--project-dir", str(project), "--db", str(cli.db), "--threads", "1")
    try:
        _wait_for(lambda: _building(cli.db), "the build file")
        writer = subprocess.run([sys.executable, "-c", SESSION, str(cli.db), "hold"], input="\n",
                                capture_output=True, text=True)
        reader = subprocess.run([sys.executable, "-c", READER, str(cli.db)], capture_output=True, text=True)
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    assert writer.returncode != 0 and f"PID {build.pid}" in writer.stderr     # DuckDB's own lock message
    assert reader.returncode == 0 and reader.stdout.strip() == "[(3,)]"      # readers are welcome
    assert not _wal(cli.db).exists()


def _killed_session_wal(db) -> None:
    proc = _session(db, "kill")
    proc.wait()
    assert proc.returncode == -signal.SIGKILL and _wal(db).exists()


def test_wal_of_a_killed_session_is_recovered_into_the_warehouse(cli):
    assert cli("build").exit_code == 0
    _killed_session_wal(cli.db)
    result = cli("run", "-s", "dim_firms")        # a run starts from the last good file
    assert result.exit_code == 0, result.output
    assert "recovered" in result.stdout
    assert _leftovers(cli.db) == []
    assert cli.rows("select answer from main.foreign_notes") == [(42,)]


def test_wal_that_belongs_to_another_file_is_set_aside(cli, project, tmp_path):
    # what a read-write session open during a publish used to leave: its WAL beside the new file
    assert cli("build").exit_code == 0
    old = tmp_path / "old.duckdb"
    shutil.copyfile(cli.db, old)
    (project / "seeds/deals.csv").write_text("deal_id,firm_id,amount\n1,mistral,7\n")
    assert cli("build").exit_code == 0
    _killed_session_wal(old)
    os.replace(_wal(old), _wal(cli.db))
    unreadable = cli("query", "select 1")
    assert unreadable.exit_code == 2 and "warehouse build" in unreadable.stderr
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert "does not belong" in result.stdout and "moved it to" in result.stdout
    assert not _wal(cli.db).exists()
    assert list(cli.db.parent.glob(cli.db.name + ".wal.stale-*"))
    assert cli.rows("select sum(amount) from marts.fct_deals") == [(7,)]


# --- 2. query, review and test are read-only and confined ---------------------------------------

@pytest.mark.parametrize("sql", [
    "use memory; detach _warehouse_; attach '{db}' as w; drop table w.marts.fct_deals",
    "attach '{db}' as w",
    "detach _warehouse_",
    "drop table marts.fct_deals",
    "copy marts.fct_deals to '{out}/deals.csv'",
    "export database '{out}/dump'",
    "install httpfs",
    "load httpfs",
    "set enable_external_access = true",
    "create table memory.main.x as select 1",
    "select 1; copy (select 1) to '{out}/one.csv'",
])
def test_query_cannot_change_anything(cli, tmp_path, sql):
    assert cli("build").exit_code == 0
    out = tmp_path / "out"
    out.mkdir()
    result = cli("query", sql.format(db=cli.db, out=out))
    assert result.exit_code == 2, result.output
    assert "not allowed" in result.stderr and "Traceback" not in result.stderr
    assert list(out.iterdir()) == []
    assert cli.rows("select count(*) from marts.fct_deals") == [(3,)]


@pytest.mark.parametrize("sql", [
    "select * from read_text('/etc/passwd')",
    "select * from glob('/root/*')",
    "select * from read_csv('{secret}')",
    "select * from '{secret}'",
    "select * from query('attach ''{secret}'' as s')",
])
def test_query_cannot_read_files_outside_the_warehouse(cli, tmp_path, sql):
    assert cli("build").exit_code == 0
    secret = tmp_path / "secret.csv"
    secret.write_text("token\nhunter2\n")
    result = cli("query", sql.format(secret=secret))
    assert result.exit_code in (1, 2) and "hunter2" not in result.stdout and "root:" not in result.stdout
    assert "Traceback" not in result.stderr


def test_allow_files_opens_one_folder_only(cli, tmp_path):
    assert cli("build").exit_code == 0
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "rates.csv").write_text("code,rate\nEUR,1.1\n")
    (tmp_path / "secret.csv").write_text("token\nhunter2\n")
    ok = cli("query", f"select rate from read_csv('{shared}/rates.csv')", "--allow-files", str(shared),
             "--format", "csv")
    assert ok.exit_code == 0 and ok.stdout.split() == ["rate", "1.1"]
    denied = cli("query", f"select * from read_csv('{shared}/../secret.csv')", "--allow-files", str(shared))
    assert denied.exit_code == 1 and "hunter2" not in denied.stdout
    one_file = cli("query", f"select token from read_csv('{tmp_path}/secret.csv')", "--allow-files",
                   str(tmp_path / "secret.csv"), "--format", "csv")
    assert one_file.exit_code == 0 and one_file.stdout.split() == ["token", "hunter2"]
    missing = cli("query", "select 1", "--allow-files", str(tmp_path / "nope"))
    assert missing.exit_code == 2


def test_data_tests_against_the_published_file_are_confined(cli, project, write):
    write(project, {"data_tests/reads_a_file.sql": "select * from read_text('/etc/hostname') where false\n"})
    assert cli("build").exit_code == 0           # the build itself may read files (loaders do)
    result = cli("test")
    assert result.exit_code == 1
    assert "singular:reads_a_file" in result.stdout and "disabled by configuration" in result.stdout


def test_review_runs_on_a_confined_connection(cli, monkeypatch):
    from warehouse import review

    assert cli("build").exit_code == 0
    monkeypatch.setattr(review, "_QUERY", "select * from read_text('/etc/hostname') limit ?")
    result = cli("review", project=False)
    assert result.exit_code == 1 and "disabled by configuration" in result.stderr


def test_export_still_writes_its_files(cli, tmp_path):
    assert cli("build").exit_code == 0
    out = tmp_path / "exports"
    result = cli("export", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["marts.dim_firms.parquet", "marts.fct_deals.parquet",
                                                     "staging.stg_deals.parquet", "staging.stg_firms.parquet"]


# --- 3. permissions ----------------------------------------------------------------------------

def test_a_private_warehouse_stays_private(cli):
    assert cli("build").exit_code == 0
    os.chmod(cli.db, 0o600)
    group = 4242 if os.geteuid() == 0 else next((g for g in os.getgroups() if g != os.getegid()), None)
    if group is not None:
        os.chown(cli.db, -1, group)
    for args in (("build",), ("run", "-s", "dim_firms"), ("build", "--full-refresh")):
        assert cli(*args).exit_code == 0
        info = cli.db.stat()
        assert stat.S_IMODE(info.st_mode) == 0o600, args
        if group is not None:
            assert info.st_gid == group, args


def test_a_read_only_warehouse_file_stays_read_only(cli):
    assert cli("build").exit_code == 0
    os.chmod(cli.db, 0o440)
    for args in (("run", "-s", "dim_firms"), ("build",)):
        assert cli(*args).exit_code == 0
        assert stat.S_IMODE(cli.db.stat().st_mode) == 0o440, args


# --- 6. wrongly typed YAML, other encodings, a full disk --------------------------------------

MARTS_YML = """models:
  - name: fct_deals
    config: {tags: [finance]}
    columns:
      - name: deal_id
        data_tests:
          - %s
"""


@pytest.mark.parametrize("entry, expected", [
    ("accepted_values: [EUR, USD]", "must be a mapping"),
    ("unique: 5", "must be a mapping"),
    ("accepted_values: {values: 5}", "must be a list"),
    ("accepted_values: {value: [1, 2]}", "unknown key `value`"),
    ("relationships: {to: 5, field: firm_id}", "must be a string"),
    ("not_null: {severity: 5}", "must be a string"),
    ("[not_null]", "a test name or a one-key mapping"),
])
def test_wrongly_typed_test_is_exit_2_with_file_and_line(cli, project, entry, expected):
    (project / "models/marts/_marts.yml").write_text(MARTS_YML % entry)
    result = cli("build")
    assert result.exit_code == 2, result.output
    assert "models/marts/_marts.yml:7:" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr and not cli.db.exists()


@pytest.mark.parametrize("text, line, expected", [
    ("models:\n  - name: fct_deals\n    tags: 5\n", 3, "tags of marts.fct_deals must be a string or a list"),
    ("models:\n  - name: fct_deals\n    config: [1]\n", 3, "must be a mapping"),
    ("models:\n  - name: fct_deals\n    columns: 5\n", 3, "must be a list"),
    ("models:\n  - name: fct_deals\n    columns:\n      - name: [a]\n", 4, "must be a string"),
    ("models: {fct_deals: 1}\n", 1, "must be a list"),
    ("models:\n  - fct_deals\n", 2, "a mapping with a `name`"),
    ("models:\n  - name: fct_deals\n    materialized: 5\n", 3, "must be a string"),
    ("models:\n  - name: fct_deals\n  - name: fct_deals\n    name: x\n", 4, "duplicate key"),
])
def test_wrongly_typed_model_yaml_is_exit_2_with_line(cli, project, text, line, expected):
    (project / "models/marts/_marts.yml").write_text(text)
    result = cli("build")
    assert result.exit_code == 2, result.output
    assert f"models/marts/_marts.yml:{line}:" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("text, expected", [
    ("loaders: 5\n", "warehouse.yml:1: `loaders` (Python module names) must be a string or a list"),
    ("loaders: [5]\n", "warehouse.yml:1: each item of `loaders`"),
    ("name: [a]\n", "warehouse.yml:1: `name` must be a string"),
    ("documents: {a: 1}\n", "warehouse.yml:1: `documents` (a folder) must be a string"),
    ("- a\n", "warehouse.yml:1: warehouse.yml must be a mapping"),
])
def test_wrongly_typed_project_file_is_exit_2(cli, project, text, expected):
    (project / "warehouse.yml").write_text(text)
    result = cli("build")
    assert result.exit_code == 2, result.output
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_latin1_yaml_is_exit_2_with_line(cli, project):
    (project / "models/marts/_marts.yml").write_bytes(
        b"models:\n  - name: fct_deals\n    description: Montant pay\xe9 en euros\n")
    result = cli("build")
    assert result.exit_code == 2
    assert "models/marts/_marts.yml:3: not UTF-8" in result.stderr and "Traceback" not in result.stderr


def _limited(limit: int, *args) -> subprocess.CompletedProcess:
    """The CLI with files limited to `limit` bytes: writes past it fail as on a full disk."""
    def limit_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "warehouse.cli", *args], preexec_fn=limit_files,
                          capture_output=True, text=True)


def test_full_disk_during_the_final_checkpoint(cli, project, sha256):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    # the models' WAL fits in 200 kB; the final checkpoint writes 256 kB blocks and does not
    done = _limited(200_000, "build", "--full-refresh", "--project-dir", str(project), "--db", str(cli.db))
    assert done.returncode == 1, done.stderr + done.stdout
    first = done.stderr.splitlines()[0]
    assert first.startswith("error: cannot write warehouse.duckdb") and "File too large" in first
    assert "Traceback" not in done.stderr
    assert sha256(cli.db) == before and _leftovers(cli.db) == []
    assert cli.rows("select count(*) from marts.fct_deals") == [(3,)]


# --- 7. seeds ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, where, expected", [
    ("deals.csv", b"deal_id,firm_id,amount\n1,mistral,600\n2,aleph\n", "seeds/deals.csv:3:",
     "row has 2 fields, the header has 3"),
    ("deals.csv", b"deal_id,firm_id,amount\n1,mistral,600,9\n", "seeds/deals.csv:2:", "row has 4 fields"),
    ("deals.csv", b"", "seeds/deals.csv:", "the seed is empty"),
    ("deals.csv", b"\n\n", "seeds/deals.csv:", "the seed is empty"),
    ("deals.csv", b"deal_id,firm_id,amount\n1,Soci\xe9t\xe9,600\n", "seeds/deals.csv:2:", "not UTF-8"),
    ("deals.csv", b"deal_id,firm_id,Deal_ID\n1,mistral,600\n", "seeds/deals.csv:1:", "appears twice"),
    ("deals.csv", b"deal_id,,amount\n1,mistral,600\n", "seeds/deals.csv:1:", "has no name"),
    ("Firms.csv", b"firm_id\nx\n", "seeds/firms.csv", "both load as seeds.firms"),
])
def test_bad_seed_is_exit_2_naming_file_and_line(cli, project, name, data, where, expected):
    (project / "seeds" / name).write_bytes(data)
    result = cli("build")
    assert result.exit_code == 2, result.output
    assert where in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr and not cli.db.exists()


def test_seed_with_header_only_and_quoted_commas_loads(cli, project):
    (project / "seeds/notes.csv").write_text('id,note\n1,"a, b"\n\n')
    (project / "seeds/empty_table.csv").write_text("id,note\n")
    assert cli("build").exit_code == 0
    assert cli.rows("select note from seeds.notes") == [("a, b",)]
    assert cli.rows("select count(*) from seeds.empty_table") == [(0,)]


# --- 8. exit codes and leftovers -------------------------------------------------------------

def test_unwritable_target_folder_is_exit_2_before_publishing(cli, project):
    (project / "target").write_text("not a folder")
    result = cli("build")
    assert result.exit_code == 2 and "target" in result.stderr
    assert not cli.db.exists()


def test_missing_documents_folder_is_exit_2(cli, tmp_path):
    result = cli("build", "--documents", str(tmp_path / "no-such-folder"))
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert not cli.db.exists()


def test_full_disk_while_copying_the_last_good_file_leaves_nothing(cli, project, sha256):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    done = _limited(200_000, "run", "--full-refresh", "--project-dir", str(project), "--db", str(cli.db))
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("error: cannot copy warehouse.duckdb") and "Traceback" not in done.stderr
    assert sha256(cli.db) == before and _leftovers(cli.db) == []


def test_sigterm_is_handled_like_ctrl_c(cli, project, sha256):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    (project / "models/marts/slow.sql").write_text(SLOW)
    proc = _warehouse("build", "--project-dir", str(project), "--db", str(cli.db), "--threads", "1")
    try:
        _wait_for(lambda: _building(cli.db), "the build file")
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143
    assert "terminated: nothing published" in err and "Traceback" not in err
    assert sha256(cli.db) == before
    assert _leftovers(cli.db) == []


SIGTERM_AT_RENAME = textwrap.dedent("""
    import os, signal, sys
    real, fired = os.replace, []
    def replace(src, dst):
        if not fired and str(dst) == sys.argv[-1]:   # the publish's rename over the target
            fired.append(1)
            os.kill(os.getpid(), signal.SIGTERM)
        return real(src, dst)
    os.replace = replace
    from warehouse.cli import main
    sys.argv = ["warehouse", *sys.argv[1:]]
    main()
""")


def test_sigterm_during_the_rename_finishes_the_published_build(cli, project, sha256):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    (project / "seeds/deals.csv").write_text("deal_id,firm_id,amount\n1,mistral,7\n")
    done = subprocess.run([sys.executable, "-c", SIGTERM_AT_RENAME, "build", "--project-dir", str(project),
                           "--db", str(cli.db)], capture_output=True, text=True)
    # too late to stop: the build says it published, and it did
    assert done.returncode == 0, done.stderr
    assert "published" in done.stdout and "nothing published" not in done.stderr
    assert sha256(cli.db) != before and cli.rows("select sum(amount) from marts.fct_deals") == [(7,)]
    assert _leftovers(cli.db) == []


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_cleanup_removes_only_this_targets_stale_build_files(cli):
    folder = cli.db.parent
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    live = other.pid                        # alive, and not this build
    dead = _dead_pid()
    stale = folder / f".warehouse_build_{dead}.{cli.db.name}.tmp"
    stale_wal = folder / f".warehouse_build_{dead}.{cli.db.name}.tmp.wal"
    alive = folder / f".warehouse_build_{live}.{cli.db.name}.tmp"
    other_target = folder / f".warehouse_build_{dead}.b.{cli.db.name}.tmp"   # b.warehouse.duckdb's
    for path in (stale, stale_wal, alive, other_target):
        path.write_bytes(b"x")
    try:
        assert cli("build").exit_code == 0
    finally:
        other.stdin.close()
        other.wait()
    assert not stale.exists() and not stale_wal.exists()
    assert alive.exists() and other_target.exists()


def test_builds_of_a_and_b_a_in_one_folder_run_side_by_side(project, tmp_path):
    a, b = project / "a.duckdb", project / "b.a.duckdb"
    (project / "models/marts/slow.sql").write_text(SLOW)
    slow = _warehouse("build", "--project-dir", str(project), "--db", str(b), "--threads", "1")
    try:
        _wait_for(lambda: list(project.glob(".warehouse_build_*.b.a.duckdb.tmp")), "b's build file")
        mine = list(project.glob(".warehouse_build_*.b.a.duckdb.tmp"))
        (project / "models/marts/slow.sql").unlink()
        fast = subprocess.run([sys.executable, "-m", "warehouse.cli", "build", "--project-dir", str(project),
                               "--db", str(a)], capture_output=True, text=True)
        assert fast.returncode == 0, fast.stderr
        assert all(p.exists() for p in mine)          # a's build left b's build file alone
        assert slow.poll() is None
    finally:
        slow.send_signal(signal.SIGKILL)
        slow.wait()
