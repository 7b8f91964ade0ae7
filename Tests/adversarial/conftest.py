"""Shared fixtures and helpers of the adversarial suite: real `ti serve` processes
(Tests/support/tiserver.py), browsers that sign in through the real form, and API tokens
created through /compte/jetons, as a person would.

Everything talks HTTP to loopback addresses only.
"""
import os
import re
import sys
import threading
import uuid
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from requests.adapters import HTTPAdapter

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
import tiserver  # noqa: E402
from tiserver import ACCOUNTS, TIServer  # noqa: E402

# Our own template directory: another suite (Tests/e2e) may rebuild the shared one while we run.
tiserver.TEMPLATE_DIR = os.environ.get("TI_ADV_TEMPLATE_DIR", os.path.join(tiserver.ROOT, ".build", "test-templates-adversarial"))

ROLES = list(ACCOUNTS)                    # admin, region, prefecture, reviewer, territory, applicant, viewer, partner
IDENTITIES = ["anonymous"] + ROLES
REQUEST_TIMEOUT = float(os.environ.get("TI_ADV_TIMEOUT", "60"))


# --------------------------------------------------------------------------------------------
# HTML: forms and links, read with the standard library's parser


class Form:
    """One <form>: its method, action (absolute path), encoding and fields in document order."""

    def __init__(self, method, action, enctype):
        self.method = method
        self.action = action
        self.enctype = enctype
        # Each field: dict(name, kind, value, options, checked); kind is the input type,
        # "select", "textarea" or "button".
        self.fields = []

    @property
    def multipart(self):
        return self.enctype.startswith("multipart/")

    def defaults(self):
        """What a browser would send without touching anything: (name, value) pairs.
        The first named submit button counts as the one clicked; file inputs are left out."""
        pairs, clicked = [], False
        for f in self.fields:
            kind = f["kind"]
            if kind in ("submit", "button"):
                if not clicked and f["name"]:
                    pairs.append((f["name"], f["value"]))
                    clicked = True
            elif kind in ("checkbox", "radio"):
                if f["checked"]:
                    pairs.append((f["name"], f["value"] or "on"))
            elif kind == "select":
                selected = [o for o, sel in f["options"] if sel]
                if selected:
                    pairs.append((f["name"], selected[0]))
                elif f["options"]:
                    pairs.append((f["name"], f["options"][0][0]))
            elif kind in ("file", "reset", "image"):
                continue
            else:
                pairs.append((f["name"], f["value"]))
        # A radio group with nothing checked: pick its first value, as a person must.
        names = {n for n, _ in pairs}
        for f in self.fields:
            if f["kind"] == "radio" and f["name"] not in names:
                pairs.append((f["name"], f["value"]))
                names.add(f["name"])
        return pairs

    def field_names(self):
        seen = []
        for f in self.fields:
            if f["name"] and f["name"] not in seen and f["kind"] not in ("reset", "image"):
                seen.append(f["name"])
        return seen

    def has_file(self):
        return any(f["kind"] == "file" for f in self.fields)

    def __repr__(self):
        return f"<Form {self.method.upper()} {self.action} {self.field_names()}>"


class PageParser(HTMLParser):
    """Collects forms (with fields) and link targets of one HTML page."""

    def __init__(self, base_url):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.forms, self.links = [], []
        self._form = None
        self._select = None
        self._option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            action = a.get("action") or urlsplit(self.base_url).path
            self._form = Form((a.get("method") or "get").lower(), urljoin(self.base_url, action),
                              (a.get("enctype") or "application/x-www-form-urlencoded").lower())
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            self._form.fields.append(dict(name=a["name"], kind=(a.get("type") or "text").lower(), value=a.get("value", ""),
                                          options=[], checked="checked" in a))
        elif tag == "button" and a.get("name"):
            self._form.fields.append(dict(name=a["name"], kind=(a.get("type") or "submit").lower(), value=a.get("value", ""),
                                          options=[], checked=False))
        elif tag == "select" and a.get("name"):
            self._select = dict(name=a["name"], kind="select", value="", options=[], checked=False)
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value"), "selected" in a, ""]
            self._select["options"].append(self._option)
        elif tag == "textarea" and a.get("name"):
            self._textarea = dict(name=a["name"], kind="textarea", value="", options=[], checked=False)
            self._form.fields.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data
        if self._option is not None:
            self._option[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
            self._option = None
        elif tag == "option":
            self._option = None
        elif tag == "textarea":
            self._textarea = None

    def close(self):
        super().close()
        # Options are (value, selected); an option without a value attribute sends its text.
        for form in self.forms:
            for f in form.fields:
                if f["kind"] == "select":
                    f["options"] = [(value if value is not None else text.strip(), selected) for value, selected, text in f["options"]]


def parse_page(html, url):
    p = PageParser(url)
    p.feed(html)
    p.close()
    return p


def csrf_of(html):
    m = re.search(r'name="_csrf"\s+value="([^"]*)"', html) or re.search(r'value="([^"]*)"\s+name="_csrf"', html)
    if m:
        return m.group(1)
    for form in parse_page(html, "http://x/").forms:
        for f in form.fields:
            if f["name"] == "_csrf":
                return f["value"]
    return None


# --------------------------------------------------------------------------------------------
# Browsers


class SourceAddressAdapter(HTTPAdapter):
    """Connects from a chosen loopback address (127.0.0.x), so that tests can play several
    client addresses (the sign-in throttle counts per address) without leaving the machine."""

    def __init__(self, source_ip, **kw):
        self.source_ip = source_ip
        super().__init__(**kw)

    def init_poolmanager(self, *args, **kw):
        kw["source_address"] = (self.source_ip, 0)
        super().init_poolmanager(*args, **kw)


class Browser(requests.Session):
    """A requests.Session pointed at one server, playing a browser: it keeps cookies, reads the
    CSRF token from every HTML page it gets, and sends it (with Origin and Sec-Fetch-Site, as
    browsers do) with every form."""

    def __init__(self, server, role="anonymous", source_ip=None):
        super().__init__()
        self.server = server
        self.base = server.url
        self.role = role
        self.source_ip = source_ip
        self.csrf = None
        if source_ip:
            adapter = SourceAddressAdapter(source_ip)
            self.mount("http://", adapter)
        self.headers["User-Agent"] = "ti-adversarial/1"

    def url(self, path):
        return path if path.startswith("http") else self.base + path

    def request(self, method, url, *args, **kw):
        kw.setdefault("timeout", REQUEST_TIMEOUT)
        kw.setdefault("allow_redirects", False)
        if method.upper() == "POST":
            headers = dict(kw.pop("headers", None) or {})
            headers.setdefault("Origin", self.base)
            headers.setdefault("Sec-Fetch-Site", "same-origin")
            kw["headers"] = headers
        r = super().request(method, self.url(url), *args, **kw)
        if "text/html" in r.headers.get("Content-Type", ""):
            token = csrf_of(r.text)
            if token:
                self.csrf = token
        return r

    def page(self, path):
        """GET, following same-site redirects (at most 5)."""
        r = self.get(path)
        for _ in range(5):
            if r.status_code not in (301, 302, 303, 307, 308) or "Location" not in r.headers:
                break
            target = urljoin(r.url, r.headers["Location"])
            if urlsplit(target).netloc != urlsplit(self.base).netloc:
                break
            r = self.get(target)
        return r

    def ensure_csrf(self):
        if self.csrf is None:
            self.page("/")
        return self.csrf

    def submit(self, path, data=None, files=None, **kw):
        """POSTs a form with the current CSRF token (refreshed once if refused as CSRF)."""
        def send():
            pairs = list(data.items()) if isinstance(data, dict) else list(data or [])
            if not any(k == "_csrf" for k, _ in pairs):
                pairs.append(("_csrf", self.ensure_csrf()))
            if files is not None:
                return self.post(path, files=[(k, (None, v)) for k, v in pairs] + list(files), **kw)
            return self.post(path, data=pairs, **kw)
        r = send()
        if r.status_code == 403 and "csrf" in r.text.lower():
            self.csrf = None
            self.page(path if not path.startswith("/api/") else "/")
            r = send()
        return r

    def clone(self):
        """Another browser with the same cookies (one per thread: sessions are not thread-safe)."""
        other = Browser(self.server, self.role, self.source_ip)
        other.cookies.update(self.cookies)
        other.csrf = self.csrf
        return other

    def signed_in(self):
        r = self.get("/compte")
        return r.status_code == 200


def sign_in(server, role, source_ip=None, email=None, password=None):
    """A browser signed in as `role` through the real form at /connexion."""
    email = email or ACCOUNTS[role][0]
    password = password or ACCOUNTS[role][1]
    b = Browser(server, role, source_ip)
    form_page = b.get("/connexion")
    assert form_page.status_code == 200, f"GET /connexion → {form_page.status_code}"
    token = csrf_of(form_page.text)
    assert token, "no _csrf field on /connexion"
    r = b.post("/connexion", data={"_csrf": token, "email": email, "password": password, "retour": ""})
    assert r.status_code in (302, 303), \
        f"sign-in as {role} ({email}) → {r.status_code}\n{r.text[:500]}\n{server.log_tail(1500)}"
    b.csrf = None
    b.page(r.headers.get("Location", "/compte"))
    assert b.signed_in(), f"signed in as {role} but /compte is not reachable"
    return b


def create_token(browser, name=None):
    """Creates an API token through the form at /compte/jetons and reads it from the page."""
    page = browser.page("/compte/jetons")
    assert page.status_code == 200, f"GET /compte/jetons → {page.status_code}"
    r = browser.submit("/compte/jetons", {"name": name or f"adversarial-{uuid.uuid4().hex[:8]}", "days": "30"})
    assert r.status_code in (200, 201), f"POST /compte/jetons → {r.status_code}\n{r.text[:500]}"
    m = re.search(r'id="nouveau-jeton"[^>]*>([^<]+)<', r.text)
    assert m, "the new token is not shown on the page"
    return m.group(1).strip()


def api(server, token=None, source_ip=None):
    """A plain session for the JSON API, with a bearer token if given."""
    s = Browser(server, "api", source_ip)
    if token:
        s.headers["Authorization"] = f"Bearer {token}"
    return s


# --------------------------------------------------------------------------------------------
# Servers


class ServerFactory:
    """Starts fresh servers (each on its own copy of the demo database) and stops them all at the end."""

    def __init__(self):
        self.servers = []
        self.lock = threading.Lock()

    def __call__(self, extra_env=None):
        s = TIServer(extra_env=extra_env)
        s.start()
        with self.lock:
            self.servers.append(s)
        return s

    def stop_all(self):
        for s in self.servers:
            s.stop()


@pytest.fixture(scope="session")
def server_factory():
    factory = ServerFactory()
    yield factory
    factory.stop_all()


@pytest.fixture(scope="session")
def server(server_factory):
    """One server for the whole session (the form fuzzer shares it across identities)."""
    return server_factory()


def describe(r, body_chars=300):
    """One line per response for failure messages: method, path, status, start of the body."""
    req = r.request
    body = req.body
    if isinstance(body, bytes):
        body = body[:200].decode("utf-8", "replace")
    elif isinstance(body, str):
        body = body[:200]
    return (f"{req.method} {urlsplit(req.url).path}{'?' + urlsplit(req.url).query if urlsplit(req.url).query else ''}"
            f" body={body!r} → {r.status_code} {r.text[:body_chars]!r}")
