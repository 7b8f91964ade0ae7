"""Issue 15, crash safety: `kill -9` at a random moment during `ti import geo`,
`ti import territories` and `ti demo` leaves the database exactly as it was before the command
or exactly as a complete run leaves it (every table's row count compared), 20 times each
(TI_ADV_CRASH_LOOPS), on the suite's database (SQLite or PostgreSQL, TI_E2E_DB).

Not covered here: a committee batch (each decision is its own transaction, checked by the
races test), uploads (written under a temporary name and renamed: BackupTests)."""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
import tiserver  # noqa: E402

LOOPS = int(os.environ.get("TI_ADV_CRASH_LOOPS", "20"))
TERRITORIES = os.path.join(tiserver.ROOT, "Tests", "TIWebTests", "Fixtures", "territoires.csv")


class Database:
    """A scratch database of the suite's engine, made from another one or empty."""

    def __init__(self, workdir, source=None):
        self.name = "crash_" + uuid.uuid4().hex[:10]
        if tiserver.database_kind() == "postgres":
            template = f" TEMPLATE {source.name}" if source else ""
            tiserver._pg_admin(f"CREATE DATABASE {self.name}{template}")
            self.url = tiserver._pg_url(self.name)
        else:
            self.path = os.path.join(workdir, self.name + ".sqlite")
            if source:
                source.checkpoint()
                shutil.copyfile(source.path, self.path)
            self.url = "sqlite://" + self.path

    def checkpoint(self):
        if tiserver.database_kind() != "postgres":
            con = sqlite3.connect(self.path)
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.close()

    def counts(self):
        """Rows per table (after a crash, opening the file replays or drops the WAL as SQLite does)."""
        if tiserver.database_kind() == "postgres":
            query = ("SELECT table_name || '=' || (xpath('/row/c/text()', query_to_xml(format('SELECT COUNT(*) AS c FROM %I', "
                     "table_name), false, true, '')))[1]::text FROM information_schema.tables "
                     "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1")
            out = subprocess.run(["psql", "-At", "-d", self.url, "-c", query], check=True, capture_output=True, text=True).stdout
            return dict(line.split("=", 1) for line in out.split())
        con = sqlite3.connect(self.path)
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        counts = {n: str(con.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0]) for n in names}
        con.close()
        return counts

    def drop(self):
        if tiserver.database_kind() == "postgres":
            tiserver._pg_admin(f"DROP DATABASE IF EXISTS {self.name}")


def run(db, *args, stdin=None):
    env = tiserver._base_env()
    env["DATABASE_URL"] = db.url
    return subprocess.Popen([tiserver.ti_binary(), *args], cwd=tiserver.ROOT, env=env, stdin=subprocess.PIPE if stdin else None,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def complete(db, *args, stdin=None):
    started = time.time()
    process = run(db, *args, stdin=stdin)
    if stdin:
        process.communicate(stdin)
    assert process.wait(timeout=600) == 0, f"ti {' '.join(args)} failed"
    return time.time() - started


@pytest.fixture(scope="module")
def workdir():
    path = tempfile.mkdtemp(prefix="ti-crash-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def prepared(workdir):
    """An empty migrated database, the same with the geography, the same with the demo."""
    migrated = Database(workdir)
    complete(migrated, "migrate", stdin=b"y\n")
    geography = Database(workdir, migrated)
    complete(geography, "import", "geo")
    demo = Database(workdir, geography)
    complete(demo, "demo")
    yield {"migrated": migrated, "geography": geography, "demo": demo}
    for db in (migrated, geography, demo):
        db.drop()


@pytest.mark.parametrize("start, args", [
    ("migrated", ["import", "geo"]),
    ("demo", ["import", "territories", TERRITORIES]),
    ("geography", ["demo"]),
])
def test_a_killed_command_leaves_the_database_before_or_after(workdir, prepared, start, args):
    before = prepared[start].counts()
    reference = Database(workdir, prepared[start])
    duration = complete(reference, *args)
    after = reference.counts()
    reference.drop()
    assert after != before, f"ti {' '.join(args)} changed nothing: the test would prove nothing"
    rng = random.Random(15)
    outcomes = {"before": 0, "after": 0}
    for loop in range(LOOPS):
        db = Database(workdir, prepared[start])
        process = run(db, *args)
        time.sleep(rng.uniform(0.05, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = db.counts()
        db.drop()
        changed = sorted(t for t in after if before.get(t) != after.get(t))
        done = [t for t in changed if state.get(t) == after.get(t)]
        assert state in (before, after), (
            f"loop {loop}: killed « ti {' '.join(args)} » left a third state: {done} as after, "
            f"{[t for t in changed if t not in done]} as before, others: "
            f"{ {t: state.get(t) for t in set(state) | set(after) if state.get(t) not in (before.get(t), after.get(t))} }")
        outcomes["before" if state == before else "after"] += 1
    print(f"[crash] ti {' '.join(args)} ({duration:.1f} s): {outcomes} over {LOOPS} kills", flush=True)
