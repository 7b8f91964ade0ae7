"""Races over real HTTP: parallel clients (threads) against one `ti serve`, N rounds each.

  a. the sign-in lockout holds when 15 sign-ins for one account arrive at once (issue 8, finding 7)
  b. 60 parallel anonymous sign-ins do not take the service down (finding 8)
  c. parallel deposits each get a distinct reference, without 500 (finding 9)
  d. the State-aid ceiling holds when the préfecture gives two State keys at once (finding 3)
  e. parallel committee decisions never over-commit a small envelope

Each test starts its own server (a fresh copy of the demo database): the sign-in throttle and
the ledger must not carry state from one test to the next. Rounds: TI_ADV_ROUNDS (default 3).
"""
import os
import threading
import time
import uuid

import requests

import journey
from conftest import Browser, api, create_token, csrf_of, describe, sign_in

ROUNDS = int(os.environ.get("TI_ADV_ROUNDS", "3"))
ENVELOPE_APPLICATIONS = int(os.environ.get("TI_ADV_ENVELOPE_APPS", "24"))


def in_parallel(calls):
    """Runs the callables at the same instant (one thread each, released by a barrier).
    Returns their results; an exception (e.g. a connection refused) is returned as a value."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        try:
            results[i] = call()
        except Exception as error:  # kept and reported by the caller
            results[i] = error

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    return results


def server_errors(results):
    """Lines describing every 5xx answer or transport failure among results."""
    bad = []
    for r in results:
        if isinstance(r, Exception):
            bad.append(f"transport failure: {r!r}")
        elif r.status_code >= 500:
            bad.append(describe(r))
    return bad


def alive_or_log(server):
    return f"server process died (exit {server.process.poll()})\n{server.log_tail()}"


# ------------------------------------------------------------------------------------------ a

def test_signin_lockout_holds_under_parallel_attempts(server_factory):
    """15 sign-ins for one account at once (14 wrong passwords, then the right one): at most 5
    wrong passwords may be checked before the lock, i.e. at most 5 non-429 answers to them."""
    server = server_factory()
    violations = []
    for round_ in range(ROUNDS):
        email, password = f"verrou-{round_}-{uuid.uuid4().hex[:6]}@exemple.fr", "Adv-Verrou-2026-x9!"
        server.run_ti("user", "create", "--email", email, "--role", "viewer", "--name", "Compte verrou", "--password", password)
        source = f"127.0.0.{20 + round_}"   # a fresh client address per round: only the account limit is at play
        browsers = [Browser(server, source_ip=source) for _ in range(15)]
        tokens = [csrf_of(b.get("/connexion").text) for b in browsers]
        passwords = ["Mauvais-Mot-2026-%02d" % i for i in range(14)] + [password]

        def attempt(b, token, pw):
            return lambda: b.post("/connexion", data={"_csrf": token, "email": email, "password": pw, "retour": ""})

        results = in_parallel([attempt(b, t, pw) for b, t, pw in zip(browsers, tokens, passwords)])
        errors = server_errors(results)
        wrong = results[:14]
        checked = [r for r in wrong if not isinstance(r, Exception) and r.status_code != 429]
        statuses = sorted(r.status_code if not isinstance(r, Exception) else "exc" for r in results)
        print(f"[lockout] round {round_}: statuses {statuses}")
        if errors:
            violations.append(f"round {round_}: server errors:\n  " + "\n  ".join(errors))
        if len(checked) > 5:
            violations.append(f"round {round_}: {len(checked)} wrong passwords were checked (answers "
                              f"{sorted(r.status_code for r in checked)}) against a limit of 5")
    assert server.alive(), alive_or_log(server)
    assert not violations, "\n".join(violations) + "\n--- server log ---\n" + server.log_tail()


# ------------------------------------------------------------------------------------------ b

def test_parallel_anonymous_signins_keep_the_service_up(server_factory):
    """60 parallel sign-ins with wrong passwords for random addresses, first from one client
    address, then from 60: no 5xx, and /healthz answers 200 during and after."""
    server = server_factory()
    violations = []
    for label, sources in [("one client address", ["127.0.0.40"] * 60),
                           ("60 client addresses", [f"127.0.1.{i + 1}" for i in range(60)])]:
        browsers = [Browser(server, source_ip=ip) for ip in sources]
        tokens = [csrf_of(b.get("/connexion").text) for b in browsers]
        health, stop = [], threading.Event()

        def watch():
            probe = Browser(server, source_ip="127.0.0.2")
            while not stop.is_set():
                try:
                    health.append(probe.get("/healthz", timeout=15).status_code)
                except requests.RequestException as error:
                    health.append(repr(error))
                time.sleep(0.2)

        watcher = threading.Thread(target=watch)
        watcher.start()
        started = time.time()
        results = in_parallel([
            (lambda b=b, t=t: b.post("/connexion", data={"_csrf": t, "email": f"inconnu-{uuid.uuid4().hex[:10]}@exemple.fr",
                                                          "password": "Mauvais-Mot-2026", "retour": ""}))
            for b, t in zip(browsers, tokens)])
        elapsed = time.time() - started
        stop.set()
        watcher.join()
        after = Browser(server).get("/healthz", timeout=15).status_code
        statuses = {}
        for r in results:
            key = r.status_code if not isinstance(r, Exception) else "exception"
            statuses[key] = statuses.get(key, 0) + 1
        during = {h: health.count(h) for h in set(health)}
        print(f"[signin flood] {label}: {statuses} in {elapsed:.1f} s; /healthz during: {during}; after: {after}")
        errors = server_errors(results)
        if errors:
            violations.append(f"{label}: {len(errors)} server errors, e.g.\n  " + "\n  ".join(errors[:5]))
        if any(h != 200 for h in health):
            violations.append(f"{label}: /healthz during the flood answered {[h for h in health if h != 200]}")
        if after != 200:
            violations.append(f"{label}: /healthz after the flood answered {after}")
    assert server.alive(), alive_or_log(server)
    assert not violations, "\n".join(violations) + "\n--- server log ---\n" + server.log_tail()


# ------------------------------------------------------------------------------------------ c

def open_call(server, applicant):
    """An open call found on /fonds as the applicant sees it; created by the admin if none is open."""
    calls = journey.open_call_ids(applicant)
    if calls:
        return calls[0]
    admin = sign_in(server, "admin")
    return journey.create_call(admin, "SA.56985-2022", {"state": 20_000_000, "region": 5_000_000})


def test_parallel_deposits_get_distinct_references(server_factory):
    """The applicant prepares 6 complete drafts, then deposits them at once: no 5xx, every
    deposit succeeds, and each application gets its own reference."""
    server = server_factory()
    applicant = sign_in(server, "applicant")
    call_id = open_call(server, applicant)
    violations, all_references = [], []
    for round_ in range(ROUNDS):
        drafts = [journey.new_draft(applicant, call_id) for _ in range(6)]
        for app_id in drafts:
            journey.fill(applicant, app_id)
        clones = [applicant.clone() for _ in drafts]
        results = in_parallel([(lambda b=b, i=i: b.submit(f"/dossiers/{i}/deposer", {"attestation": "oui"})) for b, i in zip(clones, drafts)])
        print(f"[deposits] round {round_}: {[r.status_code if not isinstance(r, Exception) else 'exc' for r in results]}")
        errors = server_errors(results)
        if errors:
            violations.append(f"round {round_}: server errors:\n  " + "\n  ".join(errors))
        refused = [describe(r) for r in results if not isinstance(r, Exception) and r.status_code < 500 and r.status_code not in (302, 303)]
        if refused:
            violations.append(f"round {round_}: deposits refused:\n  " + "\n  ".join(refused))
        references = [journey.reference_of(applicant, i) for i in drafts]
        all_references += [r for r in references if r]
        missing = [i for i, ref in zip(drafts, references) if ref is None]
        if missing:
            violations.append(f"round {round_}: no reference for {missing}")
    duplicates = sorted({r for r in all_references if all_references.count(r) > 1})
    if duplicates:
        violations.append(f"duplicate references: {duplicates}")
    assert server.alive(), alive_or_log(server)
    assert not violations, "\n".join(violations) + "\n--- server log ---\n" + server.log_tail()


# ------------------------------------------------------------------------------------------ d

def test_state_aid_ceiling_holds_under_parallel_state_keys(server_factory):
    """Two applications of one SIREN (1.5 M€ each, regime ceiling 2.3 M€) in committee with the
    Région's key given; the préfecture sends both State keys at once. Never both laureate."""
    server = server_factory()
    admin, applicant = sign_in(server, "admin"), sign_in(server, "applicant")
    reviewer, region, prefecture = sign_in(server, "reviewer"), sign_in(server, "region"), sign_in(server, "prefecture")
    admin_api = api(server, create_token(admin))
    region_api = api(server, create_token(region))
    prefecture_token = create_token(prefecture)
    violations = []
    for round_ in range(ROUNDS):
        # A regime per round: the ceiling counts what the SIREN already got under the regime.
        regime = journey.create_regime(admin, 2_300_000)
        call_id = journey.create_call(admin, regime, {"state": 10_000_000, "region": 10_000_000})
        apps = [journey.in_committee(applicant, reviewer, call_id, 1_000_000, 500_000) for _ in range(2)]
        for app_id in apps:
            r = journey.decide(region_api, app_id)
            assert r.status_code == 200, f"Région key: {describe(r)}"
        sessions = [api(server, prefecture_token) for _ in apps]
        results = in_parallel([(lambda s=s, i=i: journey.decide(s, i)) for s, i in zip(sessions, apps)])
        errors = server_errors(results)
        states = [journey.application_json(admin_api, i) for i in apps]
        laureates = [a for a in states if a["state"] == "laureate"]
        granted = sum(a["aid_state_cents"] + a["aid_region_cents"] for a in laureates)
        print(f"[ceiling] round {round_}: answers {[getattr(r, 'status_code', r) for r in results]}, "
              f"states {[a['state'] for a in states]}, granted {granted / 100:.0f} €")
        if errors:
            violations.append(f"round {round_}: server errors:\n  " + "\n  ".join(errors))
        if len(laureates) > 1 or granted > 2_300_000 * 100:
            violations.append(f"round {round_}: both applications laureate, {granted / 100:.0f} € granted "
                              f"to one SIREN under a 2 300 000 € ceiling")
    assert server.alive(), alive_or_log(server)
    assert not violations, "\n".join(violations) + "\n--- server log ---\n" + server.log_tail()


# ------------------------------------------------------------------------------------------ e

def test_parallel_decisions_never_overcommit_an_envelope(server_factory):
    """N applications (TI_ADV_ENVELOPE_APPS, default 24) of 100 000 € each in committee, a State
    envelope of 700 000 €: all State keys at once. Exactly 7 laureates, committed = their aid,
    never more than the envelope."""
    server = server_factory()
    admin, applicant = sign_in(server, "admin"), sign_in(server, "applicant")
    reviewer, region, prefecture = sign_in(server, "reviewer"), sign_in(server, "region"), sign_in(server, "prefecture")
    admin_api, region_api = api(server, create_token(admin)), api(server, create_token(region))
    prefecture_token = create_token(prefecture)
    capacity, aid = 7, 100_000
    # A regime with a high ceiling: only the envelope limits this race.
    regime = journey.create_regime(admin, 1_000_000_000)
    call_id = journey.create_call(admin, regime, {"state": capacity * aid})
    apps = [journey.in_committee(applicant, reviewer, call_id, aid, 0, investment=1_000_000) for _ in range(ENVELOPE_APPLICATIONS)]
    for app_id in apps:
        r = journey.decide(region_api, app_id)
        assert r.status_code == 200, f"Région key: {describe(r)}"
    results = in_parallel([(lambda s=api(server, prefecture_token), i=i: journey.decide(s, i)) for i in apps])
    statuses = {}
    for r in results:
        key = getattr(r, "status_code", "exception")
        statuses[key] = statuses.get(key, 0) + 1
    errors = server_errors(results)
    states = [journey.application_json(admin_api, i)["state"] for i in apps]
    laureates = states.count("laureate")
    envelopes = admin_api.get("/api/v1/envelopes")
    assert envelopes.status_code == 200, describe(envelopes)
    body = envelopes.json()
    items = body["items"] if isinstance(body, dict) else body
    mine = [e for e in items if e["call_id"].lower() == call_id.lower()]
    print(f"[envelope] {len(apps)} decisions: answers {statuses}; laureates {laureates}; envelope {mine}")
    violations = []
    if errors:
        violations.append(f"{len(errors)} server errors, e.g.\n  " + "\n  ".join(errors[:5]))
    assert len(mine) == 1, f"expected one envelope for the call, got {mine}"
    envelope = mine[0]
    if envelope["committed_cents"] > envelope["amount_cents"]:
        violations.append(f"over-commitment: {envelope['committed_cents']} committed on {envelope['amount_cents']}")
    if envelope["committed_cents"] != laureates * aid * 100:
        violations.append(f"ledger drift: {envelope['committed_cents']} committed for {laureates} laureates of {aid * 100} cents")
    expected = min(capacity, len(apps))
    if laureates != expected:
        violations.append(f"{laureates} laureates where the envelope holds exactly {expected}")
    assert server.alive(), alive_or_log(server)
    assert not violations, "\n".join(violations) + "\n--- server log ---\n" + server.log_tail()
