"""Shared pieces of scripts/bench-load's Python helpers (standard library only, so nothing to
install): a browser-like HTTP client (keep-alive connection, cookie jar, the CSRF token of the
last page), sign-in through the real form, multipart bodies, percentiles, French number
formatting, aligned tables, and psql."""
import http.client
import html
import re
import ssl
import subprocess
import time
import urllib.parse
import uuid

CSRF = re.compile(r'name="_csrf"\s+value="([^"]*)"')
ERROR_ALERT = re.compile(r'fr-alert--error[^>]*>(.*?)</div>', re.S)
TAG = re.compile(r"<[^>]+>")


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def error_message(self):
        """The French message of a refused form (the page's error alert), else the start of the body."""
        text = self.text
        m = ERROR_ALERT.search(text)
        if m:
            alert = re.sub(r'<h2 class="fr-alert__title">.*?</h2>', "", m.group(1), flags=re.S)  # « Action refusée »
            return " ".join(html.unescape(TAG.sub(" ", alert)).split())[:300]
        m = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
        if m:
            return " ".join(html.unescape(TAG.sub(" ", m.group(1))).split())[:300]
        return " ".join(text.split())[:300]


class Client:
    """One browser: a keep-alive connection, its cookies, and the CSRF token of the last page."""

    def __init__(self, base, timeout=120):
        u = urllib.parse.urlsplit(base)
        self.scheme, self.host, self.port, self.netloc = u.scheme, u.hostname, u.port, u.netloc
        self.origin = f"{u.scheme}://{u.netloc}"
        self.timeout = timeout
        self.cookies = {}
        self.csrf = None
        self.conn = None

    def _connect(self):
        if self.scheme == "https":
            return http.client.HTTPSConnection(
                self.host, self.port, timeout=self.timeout, context=ssl._create_unverified_context())
        return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, headers=None):
        h = {"Host": self.netloc, "User-Agent": "ti-bench-load", "Accept": "text/html,application/json;q=0.9,*/*;q=0.8"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method != "GET":
            h["Origin"] = self.origin  # what a browser sends with a form
        h.update(headers or {})
        for attempt in (0, 1):
            reused = self.conn is not None
            if self.conn is None:
                self.conn = self._connect()
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed while idle: once more on a new one.
                self.close()
                if attempt or not reused:
                    raise
        seconds = time.perf_counter() - start
        headers = r.getheaders()
        for k, v in headers:
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";", 1)[0]
                if "max-age=0" in v.lower() or value == "":
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value
        if (r.getheader("Connection") or "").lower() == "close":
            self.close()
        response = Response(r.status, headers, data, seconds)
        if "text/html" in (r.getheader("Content-Type") or ""):
            m = CSRF.search(response.text)
            if m:
                self.csrf = html.unescape(m.group(1))
        return response

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post_form(self, path, fields):
        fields = list(fields) + [("_csrf", self.csrf or "")]
        body = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, path, fields, files):
        boundary = "----ti-bench-load-" + uuid.uuid4().hex
        parts = []
        for name, value in list(fields) + [("_csrf", self.csrf or "")]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, filename, content_type, data in files:
            parts.append(
                (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 f"Content-Type: {content_type}\r\n\r\n").encode() + data + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST", path, body=b"".join(parts), headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def sign_in(self, email, password):
        """The real sign-in form: GET /connexion (anonymous CSRF cookie and token), then POST."""
        page = self.get("/connexion")
        if page.status != 200 or not self.csrf:
            raise RuntimeError(f"GET /connexion → {page.status}")
        r = self.post_form("/connexion", [("email", email), ("password", password)])
        if r.status != 303:
            raise RuntimeError(f"sign-in of {email} → {r.status}: {r.error_message()}")
        # The session's own CSRF token (the anonymous one no longer applies) comes with the next page.
        landing = self.get(urllib.parse.urlsplit(r.header("Location") or "/compte").path or "/compte")
        return r, landing


def tiny_pdf(size=20_000):
    """A small valid-looking PDF (the server checks the extension and the first bytes)."""
    head = b"%PDF-1.4\n% ti bench-load\n"
    return head + b"0" * max(0, size - len(head) - 6) + b"\n%%EOF"


def percentile(values, q):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(-(-len(s) * q // 1)) - 1))]


def fr_int(n):
    return f"{int(n):,}".replace(",", "\u202f")


def fr_num(x, digits=1):
    if x != x:  # NaN
        return "—"
    return f"{x:,.{digits}f}".replace(",", "\u202f").replace(".", ",")


def table(headers, rows, align=None):
    """An aligned text table: the first column left, the others right unless told."""
    align = align or ["<"] + [">"] * (len(headers) - 1)
    cells = [[str(c) for c in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for k, r in enumerate(cells):
        lines.append("  ".join(f"{c:{a}{w}}" for c, a, w in zip(r, align, widths)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def psql(url, sql, *args):
    """Runs SQL through psql (tuples only, tab-separated); returns rows as lists of strings."""
    u = urllib.parse.urlsplit(url)
    done = subprocess.run(
        ["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", u.hostname, "-p", str(u.port),
         "-U", u.username or "ti", "-d", u.path.lstrip("/"), *args],
        input=sql, text=True, capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"psql failed: {done.stderr.strip()}")
    return [line.split("\t") for line in done.stdout.splitlines() if line]


def luhn_siren(n):
    """A valid SIREN (Luhn key) built from an 8-digit body."""
    body = f"{n:08d}"
    for check in range(10):
        digits = [int(c) for c in body + str(check)]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return body + str(check)
    raise AssertionError


BENCH_CALL = "Banc d’essai — population générée"


def prepare_committee(url, region, count, *, state_key, state_cents, region_cents, region_room=None, siren_base=90_000_000):
    """Puts `count` applications of the bench population in `region` in committee, ready for a
    decision, by SQL in one transaction (as `BenchWriteLoad.prepare` does in process): each gets
    its own valid SIREN (so the State-aid ceilings of different undertakings never meet), a
    review and a proposal (`state_cents` from the State, `region_cents` from the Région), and,
    with `state_key`, the State's favourable key already given. The bench call gets a State
    envelope in the région large enough for all of them and a Région envelope holding
    `region_room` decisions (all of them when None). The data version is bumped so that the
    servers' figure caches reload. Returns the applications' ids (committee first, then reviewed
    files moved to committee when the région has too few)."""
    sirens = ",".join(f"({i},'{luhn_siren(siren_base + i)}')" for i in range(count))
    room = count if region_room is None else region_room
    sql = f"""
    BEGIN;
    CREATE TEMP TABLE picked AS
      SELECT a.id, row_number() OVER (ORDER BY (a.state = 'in_committee') DESC, a.id) - 1 AS n
      FROM applications a JOIN calls c ON c.id = a.call_id
      WHERE c.title = '{BENCH_CALL}' AND a.region_code = '{region}' AND a.state IN ('in_committee', 'reviewed')
        AND a.state_favourable IS NULL AND a.region_favourable IS NULL
      ORDER BY (a.state = 'in_committee') DESC, a.id LIMIT {count};
    UPDATE applications a SET state = 'in_committee', siren = s.siren,
        technical_opinion = 'Banc d’essai : avis technique favorable.',
        financial_opinion = 'Banc d’essai : avis financier favorable.',
        eligible_investment_cents = a.investment_total_cents,
        proposed_state_cents = {state_cents}, proposed_region_cents = {region_cents},
        state_favourable = {'true' if state_key else 'NULL'},
        state_motivation = {"'Banc d’essai : clé de l’État donnée par SQL.'" if state_key else 'NULL'},
        state_decided_by = {"'banc-essai'" if state_key else 'NULL'}
      FROM picked p JOIN (VALUES {sirens}) AS s(n, siren) ON s.n = p.n
      WHERE a.id = p.id;
    INSERT INTO envelopes (id, call_id, region_code, funder, amount_cents, committed_cents, paid_cents, one_for_one)
      SELECT gen_random_uuid(), c.id, '{region}', f.funder, 0, 0, 0, false
      FROM calls c, (VALUES ('state'), ('region')) AS f(funder) WHERE c.title = '{BENCH_CALL}'
      ON CONFLICT DO NOTHING;
    CREATE TEMP TABLE grown AS
      SELECT e.id, e.committed_cents + CASE e.funder WHEN 'state' THEN {count}::bigint * {state_cents}
                                                      ELSE {room}::bigint * {region_cents} END AS amount
      FROM envelopes e JOIN calls c ON c.id = e.call_id WHERE c.title = '{BENCH_CALL}' AND e.region_code = '{region}';
    INSERT INTO envelope_movements (id, envelope_id, kind, amount_cents, at_epoch, actor_id, note)
      SELECT gen_random_uuid(), e.id, 'increase', g.amount - e.amount_cents, extract(epoch FROM now()), 'banc-essai',
             'scripts/bench-load'
      FROM envelopes e JOIN grown g ON g.id = e.id WHERE g.amount > e.amount_cents;
    UPDATE envelopes e SET amount_cents = g.amount FROM grown g WHERE g.id = e.id AND g.amount > e.amount_cents;
    WITH v AS (UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version)
      INSERT INTO data_changes (version, application_id) SELECT version, NULL FROM v;
    SELECT id FROM picked ORDER BY n;
    COMMIT;
    """
    ids = [r[0] for r in psql(url, sql)]
    if len(ids) < count:
        raise RuntimeError(f"only {len(ids)} bench applications could be put in committee in région {region}")
    return ids
