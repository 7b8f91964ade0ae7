"""A form fuzzer of our own, over real HTTP against one `ti serve`.

1. Crawl: for each identity (anonymous, then each demo role, signed in through the real form),
   follow same-site links from the home page and the role's landing pages (at most
   TI_ADV_FUZZ_PAGES pages per identity, a few per path pattern) and collect every form, every
   link with a query string, and every variable path segment (ids, codes).
2. Fuzz: each distinct form (by method, path pattern and field names; fuzzed as the first
   identity that met it) gets hostile values in each field, one field at a time, the others at
   their defaults; GET forms and query strings likewise; then variable path segments. A primary
   set of payloads goes to every target, the rest while the time budget lasts
   (TI_ADV_FUZZ_SECONDS, default 240). What the budget left out is printed.
3. Re-check: every identity fetches again every page it crawled.

It asserts:
  - no 5xx and no dropped connection, the process alive (a crash is recorded with the log, the
    server restarted on the same database, and fuzzing goes on);
  - no response header created by input (CR/LF injection); the sign-in redirect stays on site;
  - in every HTML answer (crawl, fuzzing and re-check): no element or attribute created by input: no
    <meta http-equiv>, no element or attribute named by the marker, no script carrying it.

Forms that would lock the fuzzer out are skipped by their action: sign-out, token revocation,
account (de)activation.
"""
import itertools
import os
import re
import time
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
import requests

from conftest import IDENTITIES, Browser, describe, parse_page, sign_in
from tiserver import ACCOUNTS

MARKER = "zqx7adv"
FUZZ_SECONDS = float(os.environ.get("TI_ADV_FUZZ_SECONDS", "240"))
PAGES_PER_IDENTITY = int(os.environ.get("TI_ADV_FUZZ_PAGES", "150"))
URLS_PER_PATTERN = 3
MAX_RESTARTS = 4

PAYLOADS = [
    ("nul", f"{MARKER}\x00nul"),
    ("crlf", f"{MARKER}\r\nSet-Cookie: {MARKER}=1\r\nX-{MARKER}: 1"),
    ("attr-breakout", f'{MARKER}"><meta http-equiv="refresh" content="0;url=http://evil.example/{MARKER}">'),
    ("single-quote", f"{MARKER}' OR '1'='1"),
    ("single-quote-breakout", f"{MARKER}'><b {MARKER}='1'>"),
    ("script", f"<script>{MARKER}</script>"),
    ("textarea-breakout", f"</textarea></title><b {MARKER}=1>x"),
    ("long", MARKER + "A" * 20_000),
    ("int64-max", "9223372036854775807"),
    ("int64-min", "-9223372036854775808"),
    ("beyond-int64", "99999999999999999999"),
    ("minus-one", "-1"),
    ("invalid-date", "2024-02-30"),
    ("far-date", "99999-01-01"),
    ("rtl-override", f"{MARKER}\u202Efdp.exe"),
    ("combining", f"{MARKER}e" + "\u0301\u0300" * 40),
    ("emoji", f"{MARKER}\U0001F469\u200D\U0001F469\u200D\U0001F467\U0001F1EB\U0001F1F7"),
    ("csv-formula", f"=HYPERLINK(\"http://evil.example\")\r{MARKER}"),
]
# Left in every free-text field at the end of a form's fuzzing, so that the re-check finds
# stored input wherever it is shown.
STORED = f"{MARKER}\"'><meta http-equiv=\"refresh\" content=\"0;url=http://evil.example/{MARKER}\"><b {MARKER}='1'>"
# Every target gets these first; the others follow while time remains.
PRIMARY = {"nul", "crlf", "attr-breakout", "single-quote-breakout", "textarea-breakout", "long", "int64-max", "minus-one", "invalid-date"}
# In a URL the long payload is cut to what a browser would send in a link.
GET_PAYLOADS = [(k, v if k != "long" else MARKER + "A" * 2_000) for k, v in PAYLOADS]

SKIP_ACTIONS = [re.compile(p) for p in (r"^/deconnexion$", r"/revoquer$", r"/desactiver$")]
SKIP_LINKS = re.compile(r"^/(deconnexion|dsfr/|css/|js/|api/)|\.(csv|svg|json|geojson|pdf|png|jpe?g|js|css|ico|txt)$|/pieces/")
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
LANDING = {
    "anonymous": ["/", "/fonds", "/territoires", "/regions", "/carte", "/indicateurs", "/donnees", "/connexion", "/mot-de-passe-oublie"],
    "admin": ["/", "/compte", "/compte/jetons", "/admin/utilisateurs", "/admin/journal", "/admin/appels", "/admin/appels/nouveau",
              "/admin/regimes", "/fonds", "/fonds/enveloppes", "/instruction", "/dossiers", "/comites/84"],
    "region": ["/", "/compte", "/compte/jetons", "/instruction", "/dossiers", "/comites/84", "/fonds/enveloppes"],
    "prefecture": ["/", "/compte", "/compte/jetons", "/instruction", "/dossiers", "/comites/84", "/fonds/enveloppes"],
    "reviewer": ["/", "/compte", "/compte/jetons", "/instruction", "/dossiers", "/comites/84", "/fonds/enveloppes"],
    "territory": ["/", "/compte", "/compte/jetons", "/instruction", "/dossiers"],
    "applicant": ["/", "/compte", "/compte/jetons", "/dossiers", "/fonds"],
    "viewer": ["/", "/compte", "/compte/jetons", "/fonds"],
    "partner": ["/", "/compte", "/compte/jetons", "/financement/engagements"],
}
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"


# ------------------------------------------------------------------------------------------
# What counts as injected


class InjectionDetector(HTMLParser):
    """Finds elements or attributes that input created."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        if MARKER in tag:
            self.findings.append(f"element <{tag}> created by input")
        for name, value in attrs:
            if MARKER in name:
                self.findings.append(f"attribute {name!r} created by input on <{tag}>")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.findings.append(f"<meta {' '.join(f'{n}={v!r}' for n, v in attrs)}>")
        if tag in ("script", "iframe", "object", "embed", "base", "link") and any(MARKER in (v or "") for _, v in attrs):
            self.findings.append(f"<{tag}> with the marker in an attribute")
        self._script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False

    def handle_data(self, data):
        if self._script and MARKER in data:
            self.findings.append("<script> whose code carries the marker")


def injections(html):
    d = InjectionDetector()
    d.feed(html)
    d.close()
    return d.findings


def header_injections(r):
    found = []
    for name, value in r.headers.items():
        if MARKER in name.lower():
            found.append(f"header {name!r} created by input")
        if name.lower() == "set-cookie" and MARKER in value:
            found.append(f"Set-Cookie carrying input: {value[:120]!r}")
    return found


# ------------------------------------------------------------------------------------------
# Bookkeeping


def pattern_of(path):
    """/dossiers/3F2C…/modifier → /dossiers/{}/modifier: a few URLs per pattern are enough."""
    parts = []
    for i, seg in enumerate(path.split("/")):
        if i > 1 and (UUID_RE.fullmatch(seg) or re.search(r"\d", seg) or re.search(r"[A-Z]", seg)):
            parts.append("{}")
        else:
            parts.append(seg)
    return "/".join(parts)


class Run:
    """State shared by all identities on one server: findings, targets, restarts."""

    def __init__(self, server):
        self.server = server
        self.violations = []
        self.restarts = 0
        self.requests = 0
        self.targets = []          # distinct forms and query targets, in the order met
        self.target_keys = set()
        self.done_segments = set()
        self.left_out = []
        self.timings = []          # (seconds, context): the slowest are printed at the end

    def leave_out(self, what):
        if what not in self.left_out:
            self.left_out.append(what)

    def add_targets(self, targets):
        for t in targets:
            if t.key not in self.target_keys:
                self.target_keys.add(t.key)
                self.targets.append(t)

    def violation(self, text):
        self.violations.append(text)

    def check(self, r, context):
        """Checks one answer; returns False if the server could not answer (dead or dropped)."""
        self.requests += 1
        if not isinstance(r, Exception):
            self.timings.append((r.elapsed.total_seconds(), context))
        if isinstance(r, Exception):
            if not self.server.alive():
                self.crashed(context, r)
            else:
                self.violation(f"{context}: connection failed while the server is alive: {r!r}")
            return False
        if r.status_code >= 500:
            self.violation(f"{context}: {describe(r)}\n    log: {self.log_lines()}")
        for finding in header_injections(r):
            self.violation(f"{context}: {finding} ({describe(r, 100)})")
        if "text/html" in r.headers.get("Content-Type", ""):
            for finding in injections(r.text):
                self.violation(f"{context}: {finding} in the answer ({describe(r, 100)})")
        return True

    def log_lines(self, n=800):
        tail = self.server.log_tail(n).strip().splitlines()
        return " | ".join(tail[-6:])

    def crashed(self, context, error):
        self.violation(f"{context}: the server process died (exit {self.server.process.poll()}) — {error!r}\n"
                       f"--- server log ---\n{self.server.log_tail(3000)}\n---")
        if self.restarts >= MAX_RESTARTS:
            pytest.fail("the server died too often to go on:\n" + "\n".join(self.violations))
        self.restarts += 1
        self.server.start()


def send(browser, method, path, **kw):
    try:
        return browser.request(method, path, **kw)
    except requests.RequestException as error:
        return error


# ------------------------------------------------------------------------------------------
# Crawling


class Identity:
    """One identity's browser (signed in again whenever its session is lost) and crawl."""

    def __init__(self, run, name):
        self.run = run
        self.name = name
        self.browser = None
        self.visited = []
        self.queue = list(LANDING[name])
        self.seen_patterns = {}
        self.connect()

    def connect(self):
        self.browser = Browser(self.run.server, "anonymous") if self.name == "anonymous" else sign_in(self.run.server, self.name)

    def ensure_signed_in(self):
        if self.name == "anonymous":
            return
        r = send(self.browser, "GET", "/compte")
        if isinstance(r, Exception) or r.status_code != 200:
            print(f"[fuzz] {self.name}: session lost, signing in again")
            self.connect()

    def get(self, path, context):
        r = send(self.browser, "GET", path)
        if not self.run.check(r, f"[{self.name}] {context}"):
            self.connect()
            return None
        return r

    def enqueue(self, href, base):
        target = urljoin(base, href)
        parts = urlsplit(target)
        if parts.netloc != urlsplit(self.run.server.url).netloc or SKIP_LINKS.search(parts.path):
            return
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path in self.visited or path in self.queue:
            return
        key = pattern_of(parts.path)
        if self.seen_patterns.get(key, 0) >= URLS_PER_PATTERN:
            return
        self.seen_patterns[key] = self.seen_patterns.get(key, 0) + 1
        self.queue.append(path)

    def crawl(self, limit=PAGES_PER_IDENTITY):
        """GETs queued pages (up to `limit` more); returns the forms and query targets found."""
        found = []
        stop = len(self.visited) + limit
        while self.queue and len(self.visited) < min(stop, PAGES_PER_IDENTITY):
            path = self.queue.pop(0)
            self.visited.append(path)
            r = self.get(path, f"GET {path}")
            if r is None:
                continue
            if r.status_code in (301, 302, 303, 307, 308):
                self.enqueue(r.headers.get("Location", ""), r.url)
                continue
            if "text/html" not in r.headers.get("Content-Type", ""):
                continue
            page = parse_page(r.text, r.url)
            for href in page.links:
                self.enqueue(href, r.url)
            url = urlsplit(r.url)
            if url.query:
                found.append(Target(self, "query", url.path, params=dict(parse_qsl(url.query, keep_blank_values=True))))
            for form in page.forms:
                action = urlsplit(form.action)
                if action.netloc != urlsplit(self.run.server.url).netloc or any(p.search(action.path) for p in SKIP_ACTIONS):
                    continue
                if form.method == "get":
                    found.append(Target(self, "query", action.path, params=dict(form.defaults())))
                else:
                    found.append(Target(self, "form", action.path, form=form))
        return found


class Target:
    """A form to post, or a path whose query parameters to fuzz, as one identity met it."""

    def __init__(self, identity, kind, path, form=None, params=None):
        self.identity, self.kind, self.path, self.form, self.params = identity, kind, path, form, params or {}
        names = form.field_names() if form else sorted(self.params)
        self.key = (kind, form.method if form else "get", pattern_of(path), tuple(sorted(names)))
        self.done = set()          # payload labels already sent

    def __repr__(self):
        return f"{'POST' if self.kind == 'form' else 'GET'} {self.path} as {self.identity.name}"


# ------------------------------------------------------------------------------------------
# Fuzzing


def fuzz_target(run, target, payloads):
    """Sends each payload in each field of the target (one field at a time)."""
    who = target.identity
    if target.kind == "query":
        for name in target.params:
            for label, value in payloads:
                query = dict(target.params, **{name: value})
                who.get(target.path + "?" + urlencode(query), f"GET {target.path}?{name}= ← {label}")
        target.done.update(label for label, _ in payloads)
        return
    form = target.form
    defaults = form.defaults()
    if not target.done:
        baseline = post(run, who, form, target.path, defaults, f"POST {target.path} (defaults)")
        if baseline is not None and baseline.status_code in (301, 302, 303):
            # A redirect may lead to a new page (a draft created by « Commencer »…): crawl it too.
            who.enqueue(baseline.headers.get("Location", ""), baseline.url)
            run.add_targets(who.crawl(limit=3))
        # The CSRF field itself: refused, never a 5xx.
        for label, value in PAYLOADS[:3]:
            data = [(k, v) for k, v in defaults if k != "_csrf"] + [("_csrf", value)]
            post(run, who, form, target.path, data, f"POST {target.path} field '_csrf' ← {label}", keep_csrf=True)
    for name in fuzzed_fields(form):
        for label, value in payloads:
            data = [(k, v) for k, v in defaults if k != name] + [(name, value)]
            post(run, who, form, target.path, data, f"POST {target.path} field {name!r} ← {label}")
    if form.has_file():
        for label, value in payloads:
            post(run, who, form, target.path, defaults, f"POST {target.path} file name ← {label}", filename=value[:300] + ".pdf")
    target.done.update(label for label, _ in payloads)
    store_hostile_text(run, target)
    who.ensure_signed_in()


def store_hostile_text(run, target):
    """Submits the form once more with the marker appended to every free-text field (numbers,
    dates and choices kept), so that the value is stored if the form accepts it."""
    numeric = re.compile(r"^[\d\s.,€:-]*$")
    texts = {f["name"] for f in target.form.fields
             if f["kind"] in ("text", "textarea", "search") and f["name"] != "_csrf" and not (f["value"] and numeric.match(f["value"]))}
    if not texts:
        return
    data = [(k, (f"{v} {STORED}" if v else f"Texte libre {STORED}") if k in texts else v) for k, v in target.form.defaults()]
    post(run, target.identity, target.form, target.path, data, f"POST {target.path} (marker stored in {sorted(texts)})")


def fuzzed_fields(form):
    """The form's fields but _csrf, at most two per name pattern (a committee page repeats
    avis_{id} and motivation_{id} for each application)."""
    per_pattern, names = {}, []
    for name in form.field_names():
        key = UUID_RE.sub("{}", name)
        if name != "_csrf" and per_pattern.get(key, 0) < 2:
            per_pattern[key] = per_pattern.get(key, 0) + 1
            names.append(name)
    return names


def post(run, who, form, path, pairs, context, filename="devis.pdf", keep_csrf=False):
    pairs = list(pairs)
    if not keep_csrf:
        pairs = [(k, v) for k, v in pairs if k != "_csrf"] + [("_csrf", who.browser.ensure_csrf() or "")]
    if form.multipart:
        files = [(k, (None, v)) for k, v in pairs]
        files += [(f["name"], (filename, PDF, "application/pdf")) for f in form.fields if f["kind"] == "file"]
        r = send(who.browser, "POST", path, files=files)
    else:
        r = send(who.browser, "POST", path, data=pairs)
    if not run.check(r, f"[{who.name}] {context}"):
        who.connect()
        return None
    return r


def fuzz_path_segments(run, who, deadline):
    """Replaces each variable path segment (an id, a code) of crawled pages by hostile values."""
    segments = [("nul", f"8{MARKER}\x004"), ("long-segment", "a" * 300), ("int64-max", "9223372036854775807"),
                ("script", f"<script>{MARKER}</script>"), ("attr-breakout", f'{MARKER}"><meta http-equiv="refresh" content="0">'),
                ("dot-dot", ".."), ("encoded-slash", "a%2F..%2F..%2Fetc%2Fpasswd"), ("rtl", f"{MARKER}\u202E")]
    for path in list(who.visited):
        parts = path.split("?")[0].split("/")
        for i in range(2, len(parts)):
            pattern = "/".join(parts[:i] + ["{}"] + parts[i + 1:])
            if pattern in run.done_segments or not (UUID_RE.fullmatch(parts[i]) or re.search(r"[\dA-Z]", parts[i])):
                continue
            if time.time() > deadline:
                run.leave_out(f"path segment {pattern}")
                continue
            run.done_segments.add(pattern)
            for label, value in segments:
                encoded = value if label == "encoded-slash" else requests.utils.quote(value, safe="")
                who.get("/".join(parts[:i] + [encoded] + parts[i + 1:]), f"GET {pattern} segment ← {label}")


def fuzz_sign_in_return(run):
    """The sign-in form's hidden `retour` with valid credentials: the redirect must stay a
    same-site path, with no header created by input."""
    email, password = ACCOUNTS["viewer"]
    for label, value in GET_PAYLOADS + [("protocol-relative", "//evil.example/"), ("backslash", "/\\evil.example/"),
                                        ("absolute", "http://evil.example/"), ("encoded-crlf", "/compte%0d%0aSet-Cookie:%20" + MARKER + "=1")]:
        b = Browser(run.server)
        form = send(b, "GET", "/connexion?" + urlencode({"retour": value}))
        if not run.check(form, f"[anonymous] GET /connexion?retour= ← {label}"):
            continue
        r = send(b, "POST", "/connexion", data={"_csrf": b.csrf or "", "email": email, "password": password, "retour": value})
        context = f"[anonymous] POST /connexion (valid credentials) retour ← {label}"
        if not run.check(r, context):
            continue
        location = r.headers.get("Location", "")
        target = urlsplit(urljoin(run.server.url + "/", location))
        if location and (target.netloc != urlsplit(run.server.url).netloc or re.search(r"[\r\n\x00]", location)):
            run.violation(f"{context}: redirect off-site or with control characters: Location {location!r}")


def recheck_pages(run, identities):
    """Every page an identity crawled, fetched again by it after the fuzzing, renders without
    a server error or injected markup (stored input shows where the identity can see it)."""
    for who in identities:
        who.ensure_signed_in()
        for path in who.visited:
            who.get(path, f"re-fetch GET {path}")


@pytest.fixture(scope="module")
def fuzz_server(server_factory):
    """The fuzzer's own server. Low bcrypt cost: account creation and password checks are
    fuzzed hundreds of times (the races keep the real cost)."""
    return server_factory(extra_env={"TI_BCRYPT_COST": "4"})


def test_forms_resist_hostile_input(fuzz_server):
    server = fuzz_server
    run = Run(server)
    started = time.time()
    identities = []
    for name in IDENTITIES:
        who = Identity(run, name)
        run.add_targets(who.crawl())
        identities.append(who)
        print(f"[fuzz] {name}: {len(who.visited)} pages crawled")
    # Round-robin across identities, so that a short budget still reaches every role's forms.
    by_identity = [[t for t in run.targets if t.identity is who] for who in identities]
    run.targets = [t for group in itertools.zip_longest(*by_identity) for t in group if t is not None]
    fuzz_started = time.time()
    fuzz_sign_in_return(run)
    # The primary payloads reach every target and path segment (a safety valve stops a run
    # on a machine too slow for it); the others get what is left of the budget.
    primary = [p for p in PAYLOADS if p[0] in PRIMARY]
    secondary = [p for p in PAYLOADS if p[0] not in PRIMARY]
    for tier, deadline in ((primary, fuzz_started + 3 * FUZZ_SECONDS), (secondary, fuzz_started + FUZZ_SECONDS)):
        for target in run.targets:          # grows while fuzzing: new pages bring new forms
            payloads = tier if target.kind == "form" else [(k, v) for k, v in GET_PAYLOADS if k in dict(tier)]
            if time.time() > deadline:
                run.leave_out(f"{target}: {len(payloads)} payloads")
                continue
            fuzz_target(run, target, payloads)
        if tier is primary:
            for who in identities:
                fuzz_path_segments(run, who, deadline)
    recheck_pages(run, identities)
    spent = {}
    for seconds, context in run.timings:
        key = " ".join(pattern_of(w) for w in context.split()[:3])
        spent[key] = spent.get(key, 0) + seconds
    for key, seconds in sorted(spent.items(), key=lambda kv: -kv[1])[:8]:
        print(f"[fuzz] server time: {seconds:6.1f} s  {key}")
    print(f"[fuzz] {len(run.targets)} targets, {run.requests} requests in {time.time() - started:.0f} s; "
          f"restarts: {run.restarts}")
    print("[fuzz] left out for lack of time:" + ("".join(f"\n    {w}" for w in run.left_out) or " nothing"))
    assert server.alive(), f"the server died:\n{server.log_tail()}"
    assert not run.violations, f"{len(run.violations)} violations:\n" + "\n".join(run.violations[:80])
