"""scripts/bench-load writes: N committee decisions fired at once through the real form
(`POST /dossiers/{id}/decision`), split across two servers on one PostgreSQL, then checked
against the database: every accepted decision recorded, every refused one left untouched, no
envelope committed beyond its amount.

    writes.py --db URL --bases URL1,URL2 --region R --email E --password P [--count 1000]
              [--room 800] [--sessions 10] [--concurrency 1000]
"""
import argparse
import collections
import sys
import threading
import time

import loadlib as L

p = argparse.ArgumentParser()
p.add_argument("--db", required=True)
p.add_argument("--bases", required=True)
p.add_argument("--region", required=True)
p.add_argument("--email", required=True)
p.add_argument("--password", required=True)
p.add_argument("--count", type=int, default=1000)
p.add_argument("--room", type=int, default=800, help="decisions the Région envelope can hold")
p.add_argument("--sessions", type=int, default=10)
p.add_argument("--concurrency", type=int, default=0, help="requests in flight at once (0: all)")
a = p.parse_args()
bases = a.bases.split(",")
STATE_CENTS, REGION_CENTS = 10_000_000, 5_000_000  # 100 000 € from the State, 50 000 € from the Région

t0 = time.time()
ids = L.prepare_committee(
    a.db, a.region, a.count, state_key=True, state_cents=STATE_CENTS, region_cents=REGION_CENTS,
    region_room=a.room, siren_base=91_000_000)
print(f"{len(ids)} dossiers en comité préparés par SQL en {time.time() - t0:.1f} s (région {a.region}, clé de l’État "
      f"donnée, 100 000 € État + 50 000 € Région proposés ; enveloppe Région pour {a.room} décisions)", flush=True)
envelope_before = L.psql(a.db, f"""
    SELECT e.funder, e.amount_cents, e.committed_cents FROM envelopes e JOIN calls c ON c.id = e.call_id
    WHERE c.title = '{L.BENCH_CALL}' AND e.region_code = '{a.region}' ORDER BY e.funder""")

# Sessions opened through the real sign-in form, alternately on each server (sessions live in the
# database: each is valid on both). The CSRF token of each session comes with its first page.
sessions = []
for k in range(a.sessions):
    c = L.Client(bases[k % len(bases)])
    c.sign_in(a.email, a.password)
    sessions.append((c.cookies.copy(), c.csrf))
    c.close()

results = [None] * len(ids)
RETRIES = 5
retried = [0] * len(ids)
gate = threading.Barrier(len(ids) + 1)  # every request leaves at the same instant
slots = threading.Semaphore(a.concurrency or len(ids))


def decide(k, app_id):
    cookies, csrf = sessions[k % len(sessions)]
    c = L.Client(bases[k % len(bases)], timeout=300)
    c.cookies, c.csrf = dict(cookies), csrf
    gate.wait()
    with slots:
        try:
            # A 503 « surchargé » (no connection to the database in time) wrote nothing: the client
            # sends the form again after Retry-After, as a person would press the button again.
            sent = time.perf_counter()
            for attempt in range(RETRIES + 1):
                r = c.post_form(f"/dossiers/{app_id}/decision", [
                    ("avis", "favorable"), ("motivation", "Banc d’essai : décision de la Région, en comité.")])
                if r.status != 503 or attempt == RETRIES:
                    break
                retried[k] += 1
                time.sleep(float(r.header("Retry-After") or 1))
            results[k] = (r.status, time.perf_counter() - sent, r.error_message() if r.status != 303 else "",
                          r.header("Location") or "")
        except Exception as e:  # a refused connection, a timeout: counted, never hidden
            results[k] = (0, 0.0, f"{type(e).__name__}: {e}", "")
        finally:
            c.close()


threads = [threading.Thread(target=decide, args=(k, i), daemon=True) for k, i in enumerate(ids)]
for t in threads:
    t.start()
gate.wait()
start = time.perf_counter()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start

# The database, after: what each decision left.
rows = L.psql(a.db, "SELECT id, state, coalesce(region_favourable::text, ''), aid_state_cents, aid_region_cents "
                    "FROM applications WHERE id IN (" + ",".join(f"'{i}'" for i in ids) + ")")
db = {r[0].lower(): r for r in rows}
accepted = refused = errors = lost = phantom = errors_written = 0
reasons = collections.Counter()
error_samples = []
for app_id, (status, seconds, message, location) in zip(ids, results):
    row = db.get(app_id.lower())
    decided = row is not None and row[1] == "laureate" and row[2] == "true"
    untouched = row is not None and row[1] == "in_committee" and row[2] == ""
    if status in (200, 303):
        accepted += 1
        if not decided:
            lost += 1
            error_samples.append(f"PERDUE : POST /dossiers/{app_id}/decision → {status}, en base : {row}")
    elif status == 409:
        refused += 1
        reasons[message.split(" : ")[0] if "insuffisante" in message else message] += 1
        if not untouched:
            phantom += 1
            error_samples.append(f"REFUSÉE MAIS ÉCRITE : POST /dossiers/{app_id}/decision → 409 « {message} », en base : {row}")
    else:
        errors += 1
        if decided:
            errors_written += 1
        error_samples.append(f"POST /dossiers/{app_id}/decision → {status} « {message} » ; en base : "
                             + ("décision enregistrée" if decided else "inchangé" if untouched else str(row)))

envelopes = L.psql(a.db, """
    SELECT c.title, e.region_code, e.funder, e.amount_cents, e.committed_cents,
           coalesce((SELECT sum(m.amount_cents) FROM envelope_movements m
                     WHERE m.envelope_id = e.id AND m.kind IN ('commitment', 'release', 'recovery')), 0)
    FROM envelopes e JOIN calls c ON c.id = e.call_id""")
over = [e for e in envelopes if int(e[4]) > int(e[3])]
ledger_mismatch = [e for e in envelopes if e[0] == L.BENCH_CALL and e[1] == a.region and int(e[4]) != int(e[5])]
ours = [e for e in envelopes if e[0] == L.BENCH_CALL and e[1] == a.region]
aid = L.psql(a.db, "SELECT coalesce(sum(aid_state_cents), 0), coalesce(sum(aid_region_cents), 0) FROM applications "
                   "WHERE state = 'laureate' AND id IN (" + ",".join(f"'{i}'" for i in ids) + ")")[0]
committed = {e[2]: int(e[4]) for e in ours}
before = {e[0]: int(e[2]) for e in envelope_before}
aid_matches = (int(aid[0]) == committed.get("state", 0) - before.get("state", 0)
               and int(aid[1]) == committed.get("region", 0) - before.get("region", 0))

times = [r[1] * 1000 for r in results if r[0] in (200, 303, 409)]
print()
print(f"Écritures concurrentes : {len(ids)} décisions de la Région (clé de l’État déjà donnée), "
      f"{a.concurrency or len(ids)} en vol à la fois, réparties sur {len(bases)} serveurs, {a.sessions} sessions")
print(L.table(["mesure", "valeur", "attendu"], [
    ["durée totale", f"{L.fr_num(elapsed, 2)} s", ""],
    ["décisions par seconde", L.fr_num(len(ids) / elapsed, 0), ""],
    ["temps de réponse p50 / p95 / p99 (ms)",
     " / ".join(L.fr_num(L.percentile(times, q), 0) for q in (0.5, 0.95, 0.99)), ""],
    ["décisions acceptées (303)", L.fr_int(accepted), f"{min(a.room, len(ids))} (place de l’enveloppe Région)"],
    ["décisions refusées (409)", L.fr_int(refused), f"{max(0, len(ids) - a.room)}"],
] + [[f"  motif : {m}", L.fr_int(n), ""] for m, n in reasons.most_common(5)] + [
    ["503 « surchargé » renvoyées après Retry-After", L.fr_int(sum(retried)), ""],
    ["autres réponses (erreurs)", L.fr_int(errors), "0"],
    ["  dont enregistrées quand même en base", L.fr_int(errors_written), "0"],
    ["décisions perdues (acceptées, absentes en base)", L.fr_int(lost), "0"],
    ["refus écrits quand même en base", L.fr_int(phantom), "0"],
    ["enveloppes engagées au-delà de leur montant", L.fr_int(len(over)), "0"],
    ["engagé ≠ somme des mouvements (enveloppes du banc)", L.fr_int(len(ledger_mismatch)), "0"],
    ["aide des lauréats = engagements nouveaux", "oui" if aid_matches else "NON", "oui"],
], align=["<", ">", "<"]))
for e in ours:
    print(f"  enveloppe {e[2]} région {e[1]} : montant {L.fr_int(int(e[3]) // 100)} €, engagé {L.fr_int(int(e[4]) // 100)} €")
for s in error_samples[:5]:
    print("  " + s)
if len(error_samples) > 5:
    print(f"  … et {len(error_samples) - 5} autres")
ok = errors == 0 and errors_written == 0 and lost == 0 and phantom == 0 and not over and not ledger_mismatch and aid_matches
sys.exit(0 if ok else 1)
