"""Issue 15, crash safety: `kill -9` at a random moment during `ti import geo`,
`ti import territories` and `ti demo` leaves the database exactly as it was before the command
or exactly as a complete run leaves it (every table's row count compared), 20 times each
(TI_ADV_CRASH_LOOPS), on the suite's database (SQLite or PostgreSQL, TI_E2E_DB).

A committee batch is killed the same way (its own test below): each decision is its own
transaction, so after a restart every application must be exactly undecided or exactly decided,
with its envelope commitment and audit events whole, and the audit chain holding.

Not covered here: uploads (written under a temporary name and renamed: BackupTests)."""
import os
import random
import shutil
import signal
import sqlite3
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
import tiserver  # noqa: E402

import journey  # noqa: E402
from conftest import api, create_token, parse_page, sign_in  # noqa: E402

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

    def rows(self, query):
        """The rows of a query, as tuples of text."""
        if tiserver.database_kind() == "postgres":
            out = subprocess.run(["psql", "-At", "-F", "\t", "-d", self.url, "-c", query], check=True, capture_output=True,
                                 text=True).stdout
            return [tuple(line.split("\t")) for line in out.splitlines()]
        con = sqlite3.connect(self.path)
        rows = [tuple(str(v) for v in r) for r in con.execute(query)]
        con.close()
        return rows

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


# ------------------------------------------------------------------------- committee batch

COMMITTEE_APPLICATIONS = int(os.environ.get("TI_ADV_COMMITTEE_APPS", "12"))
MOTIVATION = "Projet structurant pour le territoire et la filière."


def confirmed_batch(browser, region):
    """The committee page's form as the préfecture sends it, every application « Favorable » with
    a motivation, then the confirmation page's form: its action and fields (the batch itself)."""
    page = browser.page(f"/comites/{region}")
    assert page.status_code == 200, f"GET /comites/{region} → {page.status_code}"
    form = next(f for f in parse_page(page.text, page.url).forms if any(n.startswith("avis_") for n in f.field_names()))
    fields = [(n, MOTIVATION if n.startswith("motivation_") else v) for n, v in form.defaults()]
    confirm = browser.submit(form.action, fields)
    assert confirm.status_code == 200, f"committee form → {confirm.status_code}\n{confirm.text[:500]}"
    batch = next(f for f in parse_page(confirm.text, confirm.url).forms if "confirmer" in f.field_names())
    return batch.action, batch.defaults()


def decisions_state(server, admin_api, apps, db):
    """Per application: its state, the State key, the aid (through the API) and its audit events
    (in the database); every envelope's commitment. `ti audit verify` must find the audit log's
    chain whole (it fails otherwise)."""
    audit = dict(db.rows("SELECT object_id, COUNT(*) FROM audit_events WHERE object_type = 'dossier' GROUP BY object_id"))
    rows = {}
    for app_id in apps:
        a = journey.application_json(admin_api, app_id)
        rows[app_id] = (a["state"], a.get("review", {}).get("state_decision"), a["aid_state_cents"],
                        audit.get(app_id.upper(), "0"))
    envelopes = admin_api.get("/api/v1/envelopes").json()
    envelopes = envelopes["items"] if isinstance(envelopes, dict) else envelopes
    verified = server.run_ti("audit", "verify")
    assert "Journal d’audit intact" in verified, verified
    return rows, sorted(e["committed_cents"] for e in envelopes)


def test_a_killed_committee_batch_leaves_each_decision_whole(server_factory, tmp_path):
    """A préfecture's committee batch (one form, N applications with the Région's key already
    given, so each State key makes a laureate and commits the envelope) killed with `kill -9` at
    a random moment: after a restart every application is exactly undecided or exactly decided —
    its state, its key, its aid and its audit events are all before or all after, the envelopes'
    commitment is the decided aid, and the audit chain holds. (Each decision is its own transaction by design: one
    refused decision does not undo the others; resending the form finishes the batch.)"""
    setup = server_factory()
    admin, applicant, reviewer = sign_in(setup, "admin"), sign_in(setup, "applicant"), sign_in(setup, "reviewer")
    region_api = api(setup, create_token(sign_in(setup, "region")))
    admin_token = create_token(admin)
    regime = journey.create_regime(admin, 1_000_000_000)
    call_id = journey.create_call(admin, regime, {"state": 100_000_000})
    apps = [journey.in_committee(applicant, reviewer, call_id, 100_000, 0, investment=1_000_000) for _ in range(COMMITTEE_APPLICATIONS)]
    for app_id in apps:
        assert journey.decide(region_api, app_id).status_code == 200
    region = journey.application_json(api(setup, admin_token), apps[0])["region_code"]
    # The prepared database, kept: each run starts from a copy of it.
    setup.process.send_signal(signal.SIGINT)
    setup.process.wait(timeout=30)
    prepared = Database(str(tmp_path), ServedDatabase(setup))

    def run_batch(kill_after):
        """Sends the batch and kills the server `kill_after` seconds later ("never": lets it
        finish; "unsent": kills it without sending); returns the time taken and the state after a restart."""
        db = Database(str(tmp_path), prepared)
        server = server_factory({"DATABASE_URL": db.url})
        prefecture = sign_in(server, "prefecture")
        action, fields = confirmed_batch(prefecture, region)
        started = time.time()
        if kill_after == "never":
            r = prefecture.submit(action, fields)
            assert r.status_code == 200, f"batch → {r.status_code}\n{r.text[:500]}"
        elif kill_after == "unsent":
            server.process.send_signal(signal.SIGKILL)
            server.process.wait()
        else:
            sender = threading.Thread(target=lambda: _quietly(prefecture.submit, action, fields))
            sender.start()
            time.sleep(kill_after)
            server.process.send_signal(signal.SIGKILL)
            server.process.wait()
            sender.join(timeout=60)
        elapsed = time.time() - started
        server.stop()
        restarted = server_factory({"DATABASE_URL": db.url})
        state = decisions_state(restarted, api(restarted, admin_token), apps, db)
        restarted.stop()
        db.drop()
        return elapsed, state

    _, before = run_batch("unsent")
    assert all(r[0] == "in_committee" and r[1] is None for r in before[0].values()), f"not in committee before: {before[0]}"
    duration, after = run_batch("never")
    assert all(r[0] == "laureate" for r in after[0].values()), f"the batch did not decide every application: {after[0]}"
    assert all(after[0][a][3] != before[0][a][3] for a in apps), "a decision left no audit event: the check would prove nothing"
    rng = random.Random(15)
    outcomes = {"before": 0, "after": 0, "partly": 0}
    for loop in range(LOOPS):
        _, (rows, committed) = run_batch(rng.uniform(0.0, duration * 1.1))
        decided = [a for a in apps if rows[a] == after[0][a]]
        undecided = [a for a in apps if rows[a] == before[0][a]]
        assert len(decided) + len(undecided) == len(apps), (
            f"loop {loop}: half-made decisions: { {a: rows[a] for a in apps if a not in decided and a not in undecided} }")
        aid = sum(after[0][a][2] for a in decided)
        assert sum(committed) == sum(before[1]) + aid, f"loop {loop}: envelope commitment {committed} for {len(decided)} laureates"
        outcomes["after" if len(decided) == len(apps) else "before" if not decided else "partly"] += 1
    print(f"[crash] committee batch of {len(apps)} ({duration:.1f} s): {outcomes} over {LOOPS} kills", flush=True)
    prepared.drop()


def _quietly(call, *args):
    try:
        call(*args)
    except Exception:  # the server is killed under the request: no answer is expected
        pass


class ServedDatabase:
    """The database a stopped test server used, as a `Database` source."""

    def __init__(self, server):
        self.url = server.env["DATABASE_URL"]
        self.name = server.db_name or ""
        self.path = self.url.removeprefix("sqlite://")

    def checkpoint(self):
        Database.checkpoint(self)
