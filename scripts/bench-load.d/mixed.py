"""scripts/bench-load mixed: simulated users signed in through the real sign-in form, browsing
the instruction queue and application pages, recording committee decisions and sending
attachments through the real forms, for a given duration, against one `ti serve`. Reports
requests, errors and p50/p95/p99 by kind, and the server's resident memory after warm-up vs at
the end.

    mixed.py --base URL --db URL --pid PID [--seconds 300] [--warmup 60]
             [--users region:2,prefecture:2,reviewer:2,applicant:1,admin:1,territory:1,anonymous:2]
             [--think 0.1]

Every answer is checked against what a browser expects (pages 200, accepted forms 303); any
other status is an error, shown with its request and the page's message. One expected refusal
is counted apart: two officers of the same party deciding the same file at the same instant
(the second gets 409 « déjà rendu sa décision », or « n’est pas en comité » when the first
decision, the file's second key, made it laureate or rejected in between).
"""
import argparse
import collections
import html
import random
import re
import sys
import threading
import time

import loadlib as L

DEMO = {  # the demonstration accounts (`ti demo`, README « Comptes de démonstration »)
    "admin": ("admin@demo.ti.local", "Demo-admin-2026"),
    "region": ("region@demo.ti.local", "Demo-region-2026"),
    "prefecture": ("prefecture@demo.ti.local", "Demo-prefecture-2026"),
    "reviewer": ("bpifrance@demo.ti.local", "Demo-reviewer-2026"),
    "territory": ("territoire@demo.ti.local", "Demo-territory-2026"),
    "applicant": ("porteur@demo.ti.local", "Demo-applicant-2026"),
}
PUBLIC = ["/", "/indicateurs", "/carte", "/territoires", "/regions/84", "/api/v1/indicators", "/api/v1/regions"]
APP_LINK = re.compile(r'href="(/dossiers/[0-9A-Fa-f-]{36})"')
PAGE_LINK = re.compile(r'href="(/instruction\?[^"]*page=\d+)"')
FILE_LINK = re.compile(r'href="(/dossiers/[0-9A-Fa-f-]{36}/pieces/[0-9A-Fa-f-]{36})"')
STATES = ["submitted", "under_review", "information_requested", "reviewed", "in_committee", "laureate", "rejected"]

p = argparse.ArgumentParser()
p.add_argument("--base", required=True)
p.add_argument("--db", required=True)
p.add_argument("--pid", type=int, required=True)
p.add_argument("--seconds", type=float, default=300)
p.add_argument("--warmup", type=float, default=60)
p.add_argument("--users", default="region:2,prefecture:2,reviewer:2,applicant:1,admin:1,territory:1,anonymous:2")
p.add_argument("--think", type=float, default=0.1, help="mean pause between a user's requests, seconds")
p.add_argument("--decide", type=float, default=0.5, help="probability that an officer decides a file it opened")
p.add_argument("--upload", type=float, default=0.3, help="probability of sending an attachment on an opened file")
p.add_argument("--prepare", type=int, default=800, help="at least this many bench files in committee in région 84")
a = p.parse_args()

lock = threading.Lock()
times = collections.defaultdict(list)  # kind → [ms]
errors = collections.Counter()
races = collections.Counter()
samples = []
rss = []  # (seconds since start, kB)
stop = threading.Event()
PDF = L.tiny_pdf(30_000)


def rss_kb():
    try:
        with open(f"/proc/{a.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:  # the server has stopped: said below
        pass
    return 0


def record(kind, method, path, r, expected=(200,), race=None):
    with lock:
        times[kind].append(r.seconds * 1000)
        if r.status in expected:
            return True
        message = r.error_message()
        if race and r.status == 409 and any(m in message for m in race):
            races[kind] += 1
            return False
        errors[kind] += 1
        if len(samples) < 20:
            samples.append(f"{method} {path} → {r.status} « {message} »")
    return False


class User(threading.Thread):
    def __init__(self, role, index):
        super().__init__(daemon=True)
        self.role, self.index, self.rng = role, index, random.Random(index * 7919 + hash(role) % 1000)
        self.client = L.Client(a.base)

    def pause(self):
        if a.think > 0:
            time.sleep(self.rng.uniform(0, 2 * a.think))

    def get(self, kind, path, expected=(200,)):
        r = self.client.get(path)
        record(kind, "GET", path, r, expected)
        self.pause()
        return r

    def run(self):
        try:
            if self.role != "anonymous":
                email, password = DEMO[self.role]
                r, landing = self.client.sign_in(email, password)
                record("connexion (POST)", "POST", "/connexion", r, (303,))
            while not stop.is_set():
                getattr(self, "step_" + self.role)()
        except Exception as e:  # a dropped connection, an unreadable answer: an error, with its cause
            with lock:
                errors["exception"] += 1
                samples.append(f"{self.role}#{self.index}: {type(e).__name__}: {e}")

    # --- what each role does, one visit at a time ---

    def open_from_queue(self, query):
        """The queue, then (often) one of the pages its pagination offers, then one of the files listed."""
        r = self.get("file d’instruction", "/instruction" + query)
        pages = PAGE_LINK.findall(r.text)
        if pages and self.rng.random() < 0.6:
            r = self.get("file d’instruction", html.unescape(self.rng.choice(pages)))
        links = APP_LINK.findall(r.text)
        if not links:
            return None, None
        path = self.rng.choice(links)
        return path, self.get("page dossier", path)

    def decide(self, path, page):
        if f'action="{path}/decision"' not in page.text or self.rng.random() >= a.decide:
            return
        r = self.client.post_form(f"{path}/decision", [
            ("avis", "favorable"), ("motivation", "Banc de charge : avis favorable du comité.")])
        if record("décision (POST)", "POST", f"{path}/decision", r, (303,), race=("déjà rendu sa décision", "n’est pas en comité")):
            self.get("page dossier", r.header("Location"))
        self.pause()

    def attach(self, path, page):
        if f'action="{path}/messages"' not in page.text or self.rng.random() >= a.upload:
            return
        r = self.client.post_multipart(
            f"{path}/messages", [("message", "Banc de charge : pièce complémentaire.")],
            [("piece", f"piece-{self.role}-{self.index}.pdf", "application/pdf", PDF)])
        if record("pièce jointe (POST)", "POST", f"{path}/messages", r, (303,)):
            back = self.get("page dossier", r.header("Location"))
            files = FILE_LINK.findall(back.text)
            if files:
                self.get("téléchargement pièce", self.rng.choice(files))
        self.pause()

    def step_region(self):
        if self.rng.random() < 0.05:
            self.get("comité (liste)", "/comites/84")
        path, page = self.open_from_queue("?etat=in_committee&region=84")
        if path:
            self.decide(path, page)

    step_prefecture = step_region

    def step_reviewer(self):
        path, page = self.open_from_queue("?etat=under_review")
        if path:
            self.attach(path, page)

    def step_applicant(self):
        r = self.get("mes dossiers", "/dossiers")
        links = APP_LINK.findall(r.text)
        if links:
            path = self.rng.choice(links)
            page = self.get("page dossier", path)
            self.attach(path, page)

    def step_admin(self):
        self.open_from_queue(f"?etat={self.rng.choice(STATES)}")
        if self.rng.random() < 0.3:
            self.get("pages publiques", self.rng.choice(PUBLIC[:5]))

    def step_territory(self):
        self.open_from_queue("" if self.rng.random() < 0.5 else f"?etat={self.rng.choice(STATES)}")

    def step_anonymous(self):
        path = self.rng.choice(PUBLIC)
        self.get("API publique" if path.startswith("/api/") else "pages publiques", path)


if a.prepare:
    # Every bench file already in committee in région 84 (those the officers will open), and more
    # moved there from « reviewed » up to --prepare: each its review, proposal and own SIREN.
    waiting = int(L.psql(a.db, f"""SELECT count(*) FROM applications a JOIN calls c ON c.id = a.call_id
        WHERE c.title = '{L.BENCH_CALL}' AND a.region_code = '84' AND a.state = 'in_committee'""")[0][0])
    ids = L.prepare_committee(a.db, "84", max(waiting, a.prepare), state_key=False, state_cents=10_000_000,
                              region_cents=2_000_000)
    print(f"{len(ids)} dossiers du banc en comité en région 84, préparés par SQL (avis, proposition, SIREN propre, "
          "enveloppes de l’appel)")

users = []
for spec in a.users.split(","):
    role, _, n = spec.partition(":")
    users += [User(role, k) for k in range(int(n or 1))]

start = time.time()
rss.append((0.0, rss_kb()))
for u in users:
    u.start()
warm_rss = None
died = None
while time.time() - start < a.seconds:
    time.sleep(1)
    now = time.time() - start
    rss.append((now, rss_kb()))
    if rss[-1][1] == 0:
        died = now
        print(f"LE SERVEUR S’EST ARRÊTÉ après {now:.0f} s de charge", flush=True)
        break
    if warm_rss is None and now >= a.warmup:
        warm_rss = rss[-1][1]
stop.set()
for u in users:
    u.join(timeout=120)
elapsed = time.time() - start
end_rss = rss_kb()
warm_rss = warm_rss or rss[-1][1]

decisions = L.psql(a.db, "SELECT count(*) FROM application_events WHERE reason LIKE '%Banc de charge%'")[0][0]
attachments = L.psql(a.db, "SELECT count(*) FROM attachments WHERE filename LIKE 'piece-%'")[0][0]

total = sum(len(v) for v in times.values())
order = ["connexion (POST)", "file d’instruction", "page dossier", "décision (POST)", "pièce jointe (POST)",
         "téléchargement pièce", "comité (liste)", "mes dossiers", "pages publiques", "API publique"]
rows = []
for kind in order + sorted(set(times) - set(order)):
    v = times.get(kind)
    if not v:
        continue
    rows.append([kind, L.fr_int(len(v)), L.fr_int(errors[kind]), L.fr_num(L.percentile(v, 0.5)),
                 L.fr_num(L.percentile(v, 0.95)), L.fr_num(L.percentile(v, 0.99))])
all_ms = [x for v in times.values() for x in v]
rows.append(["total", L.fr_int(total), L.fr_int(sum(errors.values())), L.fr_num(L.percentile(all_ms, 0.5)),
             L.fr_num(L.percentile(all_ms, 0.95)), L.fr_num(L.percentile(all_ms, 0.99))])
print()
print(f"Charge mixte connectée : {len(users)} utilisateurs ({a.users}), pause moyenne {a.think} s, "
      f"{L.fr_num(elapsed, 0)} s, {L.fr_num(total / elapsed, 1)} requêtes/s")
print(L.table(["type de requête", "requêtes", "erreurs", "p50 (ms)", "p95 (ms)", "p99 (ms)"], rows))
if races:
    print(f"  conflits attendus (même dossier décidé au même instant par deux agents de la même partie, 409) : "
          f"{sum(races.values())}")
print(f"  en base : {decisions} décisions et {attachments} pièces jointes enregistrées par ce banc")
growth = (end_rss - warm_rss) / warm_rss * 100 if warm_rss else 0
peak = max(k for _, k in rss)
print()
print(L.table(["mémoire résidente du serveur (VmRSS)", "Mo"], [
    ["au démarrage de la charge", L.fr_num(rss[0][1] / 1024)],
    [f"après la montée en charge ({L.fr_num(a.warmup, 0)} s)", L.fr_num(warm_rss / 1024)],
    ["au plus haut", L.fr_num(peak / 1024)],
    ["à la fin", L.fr_num(end_rss / 1024)],
    ["écart fin / après montée en charge (cible ≤ 10 %)", L.fr_num(growth) + " %"],
]))
for s in samples[:20]:
    print("  ERREUR " + s)
sys.exit(0 if not errors and growth <= 10 and died is None else 1)
