"""Every page each role can reach, at 1280 px and 390 px: no horizontal scroll of the document,
every primary action inside the viewport, every followed link answering 200, and axe-core
(WCAG 2.1 A and AA) with no violation.

A bounded crawl per role (anonymous included) follows same-site links from the home page and the
page the role lands on after signing in. One URL is visited per kind of page (its path, identifiers
abstracted). Pages that anyone can see, and whose content does not depend on who is signed in,
are checked in the anonymous crawl only (CHECKED_FOR lists the exceptions). Each role's tests form
one xdist group, so that its crawl runs once, in one worker. The crawl only follows links (GET):
it submits nothing. Screenshots of key pages go to .build/e2e/shots/, those of pages with a layout
problem to .build/e2e/layout/, and each role's findings to .build/e2e/crawl-<role>.json.
"""
import html.parser
import json
import re
import urllib.parse

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import (DESKTOP, HEIGHTS, MOBILE, OUT, SHOTS, UUID_RE, path_of, safe_name, sign_in)

ROLES = [None, "admin", "region", "prefecture", "reviewer", "territory", "applicant", "viewer", "partner"]
WIDTHS = [DESKTOP, MOBILE]
MAX_PAGES_PER_ROLE = 30
SKIPPED = re.compile(r"\.(csv|svg|json|geojson|pdf|png|jpe?g|zip|ico)$|^/api/|^/healthz$|^/deconnexion|^/dsfr/|^/css/")
# The pages the routing table opens to everyone (Sources/TIWeb/Core/routes.swift, access .everyone).
PUBLIC = {"/", "/carte", "/territoires", "/territoires/:id", "/regions", "/regions/:id", "/departements/:id", "/fonds",
          "/fonds/appels/:id", "/indicateurs", "/donnees", "/laureats/:id", "/connexion", "/mot-de-passe-oublie", "/plans",
          "/territoires/:id/plan", "/actions/:id", "/financement", "/sites", "/sites/:id",
          "/projets-inspirants", "/projets-inspirants/:id", "/api"}
# Pages that do not show the same to everyone, and the roles for which they are checked (the
# others see what an anonymous visitor or the listed roles see). Any other page anyone can see is
# checked in the anonymous crawl only; any other page is checked for every role that reaches it.
CHECKED_FOR = {
    "/fonds": {"admin", "region", "prefecture", "reviewer", "territory", "applicant", "viewer", "partner"},
    "/fonds/appels/:id": {"admin", "applicant"},
    "/compte/jetons": {"admin"},
    "/fonds/enveloppes": {"admin", "region"},
    "/fonds/enveloppes/:id": {"admin", "region"},
    "/territoires/:id/plan": {"territory", "region"},
    "/actions/:id": {"territory", "region"},
    "/projets-inspirants": {"admin"},
}
KEY_PAGES = {"/", "/fonds", "/fonds/appels/:id", "/dossiers", "/dossiers/:id", "/dossiers/:id/modifier", "/instruction",
             "/comites/:id", "/fonds/enveloppes", "/admin/utilisateurs", "/admin/journal", "/admin/appels", "/indicateurs",
             "/carte", "/territoires", "/territoires/:id", "/compte", "/connexion", "/laureats/:id", "/regions/:id",
             "/plans", "/territoires/:id/plan", "/actions/:id"}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}

# The targets of HTML and SVG links (an SVG <a>'s href is not a string).
LINKS = """as => as.map(a => { try { return new URL(a.getAttribute('href'), document.baseURI).href; }
                            catch (e) { return ''; } })"""

MEASURE = """() => {
  const root = document.documentElement, vw = root.clientWidth, offscreen = [];
  for (const el of document.querySelectorAll('button[type=submit], .fr-btn')) {
    const r = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
    if (r.left < -1 || r.right > vw + 1) {
      const text = (el.innerText || el.value || el.getAttribute('aria-label') || el.title || '').trim().replace(/\\s+/g, ' ');
      offscreen.push(`« ${text.slice(0, 50)} » at x ${Math.round(r.left)}…${Math.round(r.right)}`);
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: vw, offscreen};
}"""


def pattern(url):
    """The kind of page: its path, where identifiers (anything with a digit or a capital) become
    :id. The query is left out: filtered views of a page are the filter tests' business."""
    parsed = urllib.parse.urlparse(url)
    return "/".join(":id" if UUID_RE.fullmatch(p) or re.search(r"[0-9A-Z]", p) else p for p in parsed.path.split("/"))


class LinkParser(html.parser.HTMLParser):
    """The href of every <a> (HTML or SVG) of a page."""

    @classmethod
    def hrefs(cls, text):
        parser = cls()
        parser.found = []
        parser.feed(text)
        return parser.found

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.found += [value for name, value in attrs if name in ("href", "xlink:href") and value]


class Visit:
    def __init__(self, url, referrer, status):
        self.url, self.referrer, self.status = url, referrer, status
        self.layout = {}      # width -> {"scrollWidth", "clientWidth", "offscreen", "screenshot"}
        self.violations = {}  # width -> [axe violation]


class Crawler:
    def __init__(self, browser, server):
        self.browser, self.server, self.results = browser, server, {}
        self.axe = Axe()

    def get(self, role):
        if role not in self.results:
            self.results[role] = self.crawl(role)
            self.save(role)
        return self.results[role]

    def save(self, role):
        """.build/e2e/crawl-<role>.json: every page checked, with its layout and axe findings."""
        summary = [{"url": where(v), "status": v.status, "from": v.referrer,
                    "layout": {w: {k: l[k] for k in ("scrollWidth", "clientWidth", "offscreen")} for w, l in v.layout.items()},
                    "axe": {w: [{"id": x["id"], "impact": x.get("impact"), "nodes": len(x["nodes"]),
                                 "first": x["nodes"][0]["target"] if x["nodes"] else None} for x in found]
                            for w, found in v.violations.items()}}
                   for v in self.results[role].values()]
        (OUT / f"crawl-{label(role)}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))

    def crawl(self, role):
        context = self.browser.new_context(base_url=self.server.url, locale="fr-FR", bypass_csp=True,
                                           viewport={"width": DESKTOP, "height": HEIGHTS[DESKTOP]})
        context.set_default_timeout(10_000)
        page = context.new_page()
        try:
            start = ["/"]
            if role is not None:
                sign_in(page, role)
                start.insert(0, path_of(page))
            origin = self.server.url
            queue = [(origin + s, "(start)") for s in start]
            seen, visits = set(), {}
            while queue and len(visits) < MAX_PAGES_PER_ROLE:
                url, referrer = queue.pop(0)
                kind = pattern(url)
                if kind in seen:
                    continue
                seen.add(kind)
                if kind in CHECKED_FOR:
                    checked = role is None or role in CHECKED_FOR[kind]
                else:
                    checked = role is None or kind not in PUBLIC
                if checked:
                    response = page.goto(url)
                    status = response.status if response else None
                    if status == 200 and "text/html" not in (response.headers.get("content-type") or ""):
                        continue
                    visits[kind] = Visit(url, referrer, status)
                    if status != 200:
                        continue
                    self.check(page, role, kind, visits[kind])
                    links = page.eval_on_selector_all("a[href]", LINKS)
                else:
                    # A public page checked in the anonymous crawl: its links are still followed (a
                    # signed-in person may find links to their own pages there), read from its HTML.
                    answer = context.request.get(url)
                    if answer.status != 200 or "text/html" not in answer.headers.get("content-type", ""):
                        continue
                    links = [urllib.parse.urljoin(url, href) for href in LinkParser.hrefs(answer.text())]
                for href in links:
                    href = href.split("#")[0]
                    if href.startswith(origin + "/") and not SKIPPED.search(urllib.parse.urlparse(href).path) \
                            and pattern(href) not in seen:
                        queue.append((href, url))
            return visits
        finally:
            context.close()

    def check(self, page, role, kind, visit):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHTS[width]})
            layout = page.evaluate(MEASURE)
            name = f"{safe_name(role or 'anonyme')}-{width}-{safe_name(kind.strip('/') or 'accueil')}.png"
            if layout["scrollWidth"] > layout["clientWidth"] + 1 or layout["offscreen"]:
                (OUT / "layout").mkdir(parents=True, exist_ok=True)
                layout["screenshot"] = f".build/e2e/layout/{name}"
                page.screenshot(path=str(OUT / "layout" / name), full_page=True)
            if kind in KEY_PAGES:
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / name), full_page=True)
            visit.layout[width] = layout
            if width == WIDTHS[0]:
                page.evaluate(self.axe.axe_script)
            visit.violations[width] = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]
        page.set_viewport_size({"width": DESKTOP, "height": HEIGHTS[DESKTOP]})


@pytest.fixture(scope="session")
def crawler(browser, server):
    return Crawler(browser, server)


def label(role):
    return role or "anonyme"


def by_role(roles):
    """One xdist group per role: its crawl is made once, in one worker."""
    return [pytest.param(role, id=label(role), marks=pytest.mark.xdist_group(f"crawl-{label(role)}")) for role in roles]


def where(visit):
    return urllib.parse.urlparse(visit.url).path + ("?" + urllib.parse.urlparse(visit.url).query if "?" in visit.url else "")


@pytest.mark.parametrize("role", by_role(ROLES))
def test_every_followed_link_answers_200(crawler, role):
    visits = crawler.get(role)
    broken = [f"{where(v)} → {v.status} (linked from {urllib.parse.urlparse(v.referrer).path or v.referrer})"
              for v in visits.values() if v.status != 200]
    assert not broken, f"{label(role)}: links to pages that do not answer 200:\n  " + "\n  ".join(broken)


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("role", by_role(ROLES))
def test_no_horizontal_scroll(crawler, role, width):
    visits = crawler.get(role)
    assert visits, f"{label(role)}: the crawl reached no page"
    wide = [f"{where(v)}: document {v.layout[width]['scrollWidth']} px wide for {v.layout[width]['clientWidth']} px "
            f"({v.layout[width]['screenshot']})"
            for v in visits.values() if width in v.layout
            and v.layout[width]["scrollWidth"] > v.layout[width]["clientWidth"] + 1]
    assert not wide, f"{label(role)} at {width} px: pages that scroll horizontally:\n  " + "\n  ".join(wide)


def grouped(items, shown=6):
    """« A » at x…, « A » at x…, « B » at x… → « A » at x… (×2), « B » at x…"""
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    parts = [item + (f" (×{n})" if n > 1 else "") for item, n in counts.items()]
    return ", ".join(parts[:shown]) + (f" (+{len(parts) - shown} more)" if len(parts) > shown else "")


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("role", by_role(ROLES))
def test_primary_actions_inside_viewport(crawler, role, width):
    visits = crawler.get(role)
    outside = [f"{where(v)}: {grouped(v.layout[width]['offscreen'])} ({v.layout[width].get('screenshot')})"
               for v in visits.values() if width in v.layout and v.layout[width]["offscreen"]]
    assert not outside, f"{label(role)} at {width} px: action buttons outside the viewport:\n  " + "\n  ".join(outside)


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("role", by_role(ROLES))
def test_axe_wcag21_aa(crawler, role, width):
    visits = crawler.get(role)
    lines = []
    for v in visits.values():
        for violation in v.violations.get(width, []):
            node = violation["nodes"][0] if violation["nodes"] else {}
            lines.append(f"{where(v)}: {violation['id']} ({violation.get('impact')}, {len(violation['nodes'])} node(s)) — "
                         f"{violation['help']} — first: {node.get('target')}")
    assert not lines, f"{label(role)} at {width} px: {len(lines)} axe violation(s):\n  " + "\n  ".join(lines)
