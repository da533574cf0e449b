"""Safe publishing: nothing half-built is ever published; readers and concurrent builds are safe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb

from .processes import SLOW, build_files, kill_build_midway
from .processes import wait_for as _wait_for
from .processes import warehouse as _warehouse


def test_published_file_is_clean_and_read_only_openable(cli):
    assert cli("build").exit_code == 0
    assert not cli.db.with_name(cli.db.name + ".wal").exists()
    assert build_files(cli.db) == []
    con = duckdb.connect(str(cli.db), read_only=True)
    assert con.execute("select count(*) from marts.fct_deals").fetchall() == [(3,)]
    con.close()


def test_failing_model_does_not_publish(cli, project, sha256):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    (project / "models/marts/fct_deals.sql").write_text("select 1/0 as boom, error('no') as e")
    result = cli("build")
    assert result.exit_code == 1
    assert sha256(cli.db) == before
    assert build_files(cli.db) == []
    assert not cli.run_results()["published"]


def test_failing_error_test_does_not_publish(cli, project, sha256):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    (project / "seeds/deals.csv").write_text("deal_id,firm_id,amount\n1,mistral,600\n1,aleph,-5\n")
    result = cli("build")
    assert result.exit_code == 1
    assert sha256(cli.db) == before
    assert "nothing published" in result.stdout


def test_sigkill_midway_leaves_the_old_file_intact(cli, project, sha256):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    proc = kill_build_midway(project, cli.db)
    assert proc.returncode == -signal.SIGKILL
    assert sha256(cli.db) == before
    assert not cli.db.with_name(cli.db.name + ".wal").exists()
    con = duckdb.connect(str(cli.db), read_only=True)
    assert con.execute("select count(*) from marts.fct_deals").fetchall() == [(3,)]
    con.close()
    # the next build cleans the killed build's leftovers
    (project / "models/marts/slow.sql").unlink()
    assert cli("build").exit_code == 0
    assert build_files(cli.db) == []


def test_second_build_waits_then_exits_2_naming_the_holder(cli, project):
    (project / "models/marts/slow.sql").write_text(SLOW)
    first = _warehouse("build", "--project-dir", str(project), "--db", str(cli.db))
    pid_file = cli.db.with_name(cli.db.name + ".lock.pid")
    try:
        _wait_for(pid_file.exists, "the first build's lock")
        started = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "warehouse.cli", "build", "--project-dir",
                                 str(project), "--db", str(cli.db), "--lock-timeout", "1"],
                                capture_output=True, text=True)
        waited = time.monotonic() - started
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert second.returncode == 2
    assert f"pid {first.pid}" in second.stderr
    assert "Traceback" not in second.stderr
    assert waited >= 1.0                     # it waited for the lock before giving up
    assert not cli.db.exists()               # neither build published anything


def test_reader_keeps_reading_the_old_file_after_publish(cli, project):
    assert cli("build").exit_code == 0
    reader = duckdb.connect(str(cli.db), read_only=True)
    try:
        assert reader.execute("select sum(amount) from marts.fct_deals").fetchall() == [(1200,)]
        (project / "seeds/deals.csv").write_text("deal_id,firm_id,amount\n1,mistral,7\n")
        done = subprocess.run([sys.executable, "-m", "warehouse.cli", "build", "--project-dir", str(project),
                               "--db", str(cli.db)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr + done.stdout
        # the open connection still sees the previous file; a new process sees the new one
        assert reader.execute("select sum(amount) from marts.fct_deals").fetchall() == [(1200,)]
        fresh = subprocess.run([sys.executable, "-m", "warehouse.cli", "query", "--db", str(cli.db),
                                "select sum(amount) as s from marts.fct_deals", "--format", "csv"],
                               capture_output=True, text=True)
        assert fresh.stdout.splitlines() == ["s", "7"]
    finally:
        reader.close()


def test_build_does_not_copy_the_old_file_when_nothing_needs_state(cli, project):
    assert cli("build").exit_code == 0
    # a relation only the old file has disappears on a full build without state
    con = duckdb.connect(str(cli.db))
    con.execute("create table main.leftover as select 1 as x")
    con.close()
    assert cli("build", "--full-refresh").exit_code == 0
    assert cli.rows("select count(*) from information_schema.tables where table_name = 'leftover'") == [(0,)]


def test_lock_file_records_no_holder_after_build(cli):
    assert cli("build").exit_code == 0
    assert not cli.db.with_name(cli.db.name + ".lock.pid").exists()
    assert os.path.exists(cli.db)


def test_ctrl_c_stops_promptly_and_publishes_nothing(cli, project, sha256):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    (project / "models/marts/slow.sql").write_text(SLOW)
    proc = _warehouse("build", "--project-dir", str(project), "--db", str(cli.db), "--threads", "1",
                      preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        _wait_for(lambda: build_files(cli.db), "the build file")
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "nothing published" in err and "Traceback" not in err
    assert sha256(cli.db) == before
    assert build_files(cli.db) == []


def test_refuses_to_replace_a_file_that_is_not_a_warehouse(cli, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# my notes\n")
    cli.db = notes
    result = cli("build")
    assert result.exit_code == 2 and "not a DuckDB database" in result.stderr
    assert notes.read_text() == "# my notes\n"


def test_unreadable_target_is_a_clean_error(cli, tmp_path):
    cli.db = tmp_path / "missing-folder" / "w.duckdb"
    result = cli("build")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def _storage_version(path) -> int:
    import struct

    header = path.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    return struct.unpack("<Q", header[12:20])[0]


def test_published_file_is_readable_by_duckdb_1x(cli):
    # DuckDB 1.5 reads storage versions up to 68; 2.0's default header says 999
    assert cli("build").exit_code == 0
    assert _storage_version(cli.db) <= 68
    assert cli("run", "-s", "dim_firms").exit_code == 0      # a run starts from a copy
    assert _storage_version(cli.db) <= 68
