"""End-to-end browser suite: fixtures and helpers shared by every journey.

A real `ti serve` (Tests/support/tiserver.py) runs on a loopback port with a fresh copy of the
demonstration database for the whole session; Debian's Chromium, driven by Playwright, uses it as
a person would: it follows links, types into fields and clicks buttons. Nothing here builds a
request body or a URL other than the starting URL of a page.

Fixtures
  server       the running TIServer (session)
  browser      headless Chromium (session)
  page_as      page_as(role, width=1280, fresh=False) -> a page signed in through /connexion
               (role None: anonymous); shared by the tests of that role unless fresh

On a failing test, every page the test opened is saved as .build/e2e/<test name>.png and the path
is printed with the failure and in the closing summary.
"""
import datetime
import email
import email.policy
import os
import re
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "support"))
import tiserver  # noqa: E402
from tiserver import ACCOUNTS, TIServer  # noqa: E402

OUT = ROOT / ".build" / "e2e"
SHOTS = OUT / "shots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
DESKTOP = 1280
MOBILE = 390
HEIGHTS = {DESKTOP: 900, MOBILE: 844}

# Server-rendered pages are complete once loaded: an element that is not there after the load
# event will not appear later, so waiting long for it only slows the failures down.
ELEMENT_TIMEOUT_MS = 5_000
NAVIGATION_TIMEOUT_MS = 30_000
expect.set_options(timeout=ELEMENT_TIMEOUT_MS)

UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
REFERENCE_RE = re.compile(r"FA-\d{4}-\w{2,3}-\d{5}")
FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"]


# ---------------------------------------------------------------------------------------------
# Session: server and browser


def pytest_configure(config):
    """The demonstration database is built once, before any test, by the main process; with
    pytest-xdist the workers (each with its own server and browser) only copy it."""
    if hasattr(config, "workerinput"):
        tiserver._template_ready = True
    else:
        prepare_template()


def prepare_template():
    """Builds the demo template (tiserver.ensure_template), or reuses the SQLite one left by an
    earlier run of this suite with the same binary (about 40 s saved)."""
    if tiserver.database_kind() != "sqlite":
        tiserver.ensure_template()
        return
    template = Path(tiserver.TEMPLATE_DIR) / "demo.sqlite"
    stamp_file = template.with_name("demo.sqlite.e2e-stamp")
    binary = os.stat(tiserver.ti_binary())

    def stamp():
        return f"{tiserver.ti_binary()} {binary.st_size} {binary.st_mtime_ns} {template.stat().st_mtime_ns}"

    if template.exists() and stamp_file.exists() and stamp_file.read_text() == stamp():
        tiserver._template_ready = True
        return
    tiserver.ensure_template()
    stamp_file.write_text(stamp())


@pytest.fixture(scope="session")
def server():
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.time()
    srv = TIServer().start()
    print(f"\n[e2e] ti serve on {srv.url} ({time.time() - started:.1f} s)", flush=True)
    yield srv
    alive = srv.alive()
    log = srv.log_tail()
    srv.stop()
    assert alive, "ti serve died during the run:\n" + log


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=os.environ.get("TI_E2E_CHROMIUM_ARGS", "").split())
        yield chromium
        chromium.close()


def new_page(browser, server, width=DESKTOP):
    context = browser.new_context(base_url=server.url, locale="fr-FR", timezone_id="Europe/Paris",
                                  viewport={"width": width, "height": HEIGHTS.get(width, 900)}, bypass_csp=True)
    context.set_default_timeout(ELEMENT_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context.new_page()


@pytest.fixture(scope="session")
def signed_in_pages(server, browser):
    """One page per (role, width) and worker, signed in through the form the first time it is
    asked for and handed to each later test of that role: a browser tab costs a renderer process
    and a sign-in, and the journeys never sign out."""
    pages = {}
    yield pages
    for page in pages.values():
        page.context.close()


@pytest.fixture
def page_as(request, server, browser, signed_in_pages):
    """page_as(role, width=1280, fresh=False): a page signed in as the demo account of `role`
    through the real sign-in form, typing the address and password and clicking the button
    (role None: an anonymous visitor). The page is shared with the other tests of that role
    (signed in once); fresh=True gives a new browser context, signed in by this test."""
    request.node._e2e_pages = []
    fresh_contexts = []

    def open_page(role=None, width=DESKTOP, fresh=False):
        page = None if fresh else signed_in_pages.get((role, width))
        if page is None or page.is_closed():
            page = new_page(browser, server, width)
            if fresh:
                fresh_contexts.append(page.context)
            request.node._e2e_pages.append(page)
            if role is not None:
                sign_in(page, role)
            if not fresh:
                signed_in_pages[(role, width)] = page
        else:
            request.node._e2e_pages.append(page)
        return page

    yield open_page
    for context in fresh_contexts:
        context.close()


def sign_in(page: Page, role):
    """Types the demo account's address and password into /connexion and clicks the button."""
    address, password = ACCOUNTS[role]
    page.goto("/connexion")
    form = page.locator("main form").filter(has=page.locator("input[type=password]"))
    form.get_by_label("Adresse électronique").press_sequentially(address)
    form.get_by_label("Mot de passe", exact=False).press_sequentially(password)
    response = click_and_wait(form.get_by_role("button", name="Se connecter"))
    assert path_of(page) != "/connexion", f"sign-in as {role} refused: {describe(page, response)}"
    return response


# ---------------------------------------------------------------------------------------------
# Failure screenshots


def safe_name(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_")[:150]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.failed or report.when not in ("setup", "call"):
        return
    pages = [p for p in getattr(item, "_e2e_pages", []) if not p.is_closed()]
    for i, page in enumerate(pages):
        path = OUT / (safe_name(item.name) + ("" if i == 0 else f"-{i + 1}") + ".png")
        try:
            OUT.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(path), full_page=True)
        except PlaywrightError:
            continue
        report.sections.append(("e2e screenshot", f"{relative_url(page)}: {path.relative_to(ROOT)}"))


def pytest_terminal_summary(terminalreporter):
    """The screenshots of the failures, together at the end (reports come back from xdist workers
    with their sections)."""
    lines = [f"{report.nodeid}: {content}" for report in terminalreporter.stats.get("failed", [])
             for title, content in report.sections if title == "e2e screenshot"]
    if lines:
        terminalreporter.section("e2e failure screenshots")
        for line in lines:
            terminalreporter.write_line(line)


# ---------------------------------------------------------------------------------------------
# Reading pages


def path_of(page):
    return urllib.parse.urlparse(page.url).path


def main(page):
    return page.locator("main")


def heading(page):
    h1 = page.locator("main h1")
    return " ".join(h1.first.inner_text().split()) if h1.count() else "(no h1)"


def main_text(page):
    return " ".join(main(page).inner_text().split()) if main(page).count() else ""


def describe(page, response=None):
    """One line for an assertion message: where the browser is, the status, what the page says."""
    status = f" → {response.status}" if response is not None else ""
    alert = page.locator("main .fr-alert, main [role=alert]")
    detail = " ".join(alert.first.inner_text().split())[:200] if alert.count() else ""
    fields = [" ".join(t.split()) for t in page.locator("main .fr-error-text").all_inner_texts()[:4]]
    detail = " ; ".join([d for d in [detail] + fields if d])
    return f"{relative_url(page)}{status} « {heading(page)} »" + (f" [{detail}]" if detail else "")


def relative_url(page):
    parsed = urllib.parse.urlparse(page.url)
    return parsed.path + ("?" + urllib.parse.unquote_plus(parsed.query) if parsed.query else "")


def click_and_wait(locator, timeout=NAVIGATION_TIMEOUT_MS):
    """Clicks something that loads a new page; returns the final response of that navigation.
    A submit button whose form the browser itself refuses to send (HTML validation, when the form
    has no `novalidate`) fails at once, saying which field and why."""
    page = locator.page
    blocked = locator.evaluate("""b => { const f = b.form;
        if (!f || f.noValidate || b.formNoValidate || f.checkValidity()) return null;
        const bad = Array.from(f.elements).find(e => e.willValidate && !e.checkValidity());
        return `« ${(bad.labels && bad.labels[0] ? bad.labels[0].innerText : bad.name).split('\\n')[0]} »: ${bad.validationMessage}`; }""")
    if blocked:
        pytest.fail(f"on {relative_url(page)} the browser refuses to submit the form (it has no novalidate): {blocked}")
    with page.expect_navigation(timeout=timeout) as navigation:
        locator.click(no_wait_after=True)
    return navigation.value


UPLOAD_TIMEOUT_MS = 180_000  # posting megabytes is slow on a debug build of the server


def tick(control):
    """Ticks a radio button or checkbox as a person does, by clicking its label (the DSFR draws
    the box on the label, over the input)."""
    label = control.page.locator(f"label[for='{control.get_attribute('id')}']")
    (label if label.count() else control).first.click()
    assert control.is_checked(), f"clicking « {label.first.inner_text().strip()} » did not tick it"


def form_of(locator):
    """The form that contains an element."""
    return locator.locator("xpath=ancestor::form[1]")


def first_present(what, *locators):
    """The first of the candidate locators that matches something now; fails saying what was sought."""
    for locator in locators:
        if locator.count():
            return locator.first
    pytest.fail(f"not found on {locators[0].page.url}: {what}")


def today_paris():
    return datetime.datetime.now(datetime.timezone.utc).astimezone(_paris()).date()


def _paris():
    from zoneinfo import ZoneInfo
    return ZoneInfo("Europe/Paris")


def french_date(d):
    return f"{'1er' if d.day == 1 else d.day} {FRENCH_MONTHS[d.month - 1]} {d.year}"


def table_rows(page, caption=None):
    """The rows of the main table (or of the one with this caption) as lists of cell texts."""
    tables = main(page).locator("table")
    if caption:
        tables = tables.filter(has=page.locator("caption", has_text=caption))
    rows = []
    for row in tables.first.locator("tbody tr").all():
        # textContent: the words as written (innerText would give the badges' CSS capitals).
        rows.append([" ".join(c.split()) for c in row.locator("th, td").all_text_contents()])
    return rows


def column_headers(page):
    return [" ".join(t.split()) for t in main(page).locator("table thead th").all_inner_texts()]


def make_pdf(path, size_bytes):
    """A file that the server recognises as a PDF (by extension and first bytes), of the given size."""
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    tail = b"\ntrailer\n<<>>\n%%EOF\n"
    filler = (b"% e2e padding " + b"x" * 49 + b"\n") * ((size_bytes - len(head) - len(tail)) // 64 + 1)
    data = head + filler[: size_bytes - len(head) - len(tail)] + tail
    Path(path).write_bytes(data)
    return str(path)


def mail_text(message):
    """Subject and plain-text body of a mail, decoded."""
    body = message.get_body(preferencelist=("plain",)) or message
    try:
        content = body.get_content()
    except (KeyError, LookupError):
        content = body.get_payload(decode=True).decode("utf-8", "replace")
    return f"{message.get('Subject', '')}\n{content}"


def read_mails(server, since=0.0):
    """The .eml files written by the server since a time, oldest first, as email.message objects
    (with the raw header text kept in `raw_headers`)."""
    directory = Path(server.mail_dir)
    if not directory.exists():
        return []
    mails = []
    for path in sorted(directory.glob("*.eml"), key=lambda p: p.stat().st_mtime):
        if path.stat().st_mtime + 1 < since:
            continue
        raw = path.read_bytes()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        message.raw_headers = raw.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
        message.path = path
        mails.append(message)
    return mails


def mime_problems(message):
    """What a mail lacks to be a proper MIME message (issue 9): encoded subject, From, Date,
    Message-ID, a text/plain part."""
    problems = []
    raw = message.raw_headers
    try:
        raw.decode("ascii")
    except UnicodeDecodeError:
        problems.append("raw headers are not ASCII (the subject is not RFC 2047 encoded)")
    for name in ("From", "Date", "Message-ID", "Subject", "To"):
        if message[name] is None:
            problems.append(f"no {name} header")
    if message.get("MIME-Version") is None:
        problems.append("no MIME-Version header")
    if not any(part.get_content_type() == "text/plain" for part in message.walk()):
        problems.append("no text/plain part")
    return problems


# ---------------------------------------------------------------------------------------------
# GET filter forms


# Each option of a long select costs a page load; by default a select is tried with this many of
# its options, evenly spread, first and last included (TI_E2E_ALL_OPTIONS=1: every option).
MAX_OPTIONS_PER_SELECT = 10**6 if os.environ.get("TI_E2E_ALL_OPTIONS") == "1" else 6


def get_forms_problems(page, url):
    """Submits each GET form in the main content of `url` as it first appears, then once for each
    option of each of its selects (see MAX_OPTIONS_PER_SELECT), every other field as it first
    appeared. Returns the problems, one line each. No problem means:
      - as it appears, the form gives status 200 and the same page as the bare URL (same heading,
        same text);
      - with any option, status 200 and the same kind of page (the form is still there)."""
    problems = []
    bare = page.goto(url)
    if bare.status != 200:
        return [f"{url} itself answers {bare.status} « {heading(page)} »"]
    bare_heading, bare_text = heading(page), main_text(page)
    methods = main(page).locator("form").evaluate_all("fs => fs.map(f => f.method)")
    forms = [i for i, method in enumerate(methods) if method == "get"]
    if not forms:
        return [f"{url} has no GET form in its main content"]
    for index in forms:
        form = main(page).locator("form").nth(index)
        label = form.get_attribute("aria-label") or form.get_attribute("action")
        selects = form.locator("select").evaluate_all(
            "ss => ss.map(s => ({name: s.name, label: ((s.labels[0] || {}).innerText || s.name).split('\\n')[0],"
            " options: Array.from(s.options).map(o => o.label), selected: s.selectedIndex}))")
        initial = {select["name"]: form_state(form, without=select["name"]) for select in selects}
        response = click_and_wait(submit_button(form))
        if response.status != 200:
            problems.append(f"{url}: form « {label} » submitted as it appears → {response.status} « {heading(page)} »"
                            f"{error_detail(page)} (sent {query_of(page)})")
        elif heading(page) != bare_heading:
            problems.append(f"{url}: form « {label} » submitted as it appears shows « {heading(page)} » "
                            f"instead of « {bare_heading} » (sent {query_of(page)})")
        elif main_text(page) != bare_text:
            problems.append(f"{url}: form « {label} » submitted as it appears shows other content than the bare URL: "
                            f"{first_difference(bare_text, main_text(page))} (sent {query_of(page)})")
        page.goto(url)
        for select in selects:
            for option_index in [i for i in sample(range(len(select["options"]))) if i != select["selected"]]:
                # From the previous result when it shows the form with every other field as it
                # first appeared (same as changing this one select on the bare page), else afresh.
                form = main(page).locator("form").nth(index)
                if not form.count() or form_state(form, without=select["name"]) != initial[select["name"]]:
                    page.goto(url)
                    form = main(page).locator("form").nth(index)
                form.locator(f"select[name='{select['name']}']").select_option(index=option_index)
                response = click_and_wait(submit_button(form))
                choice = f"« {' '.join(select['label'].split())} » = « {select['options'][option_index]} »"
                if response.status != 200:
                    problems.append(f"{url}: {choice} → {response.status} « {heading(page)} »{error_detail(page)} "
                                    f"(sent {query_of(page)})")
                elif not main(page).locator("form").nth(index).count():
                    problems.append(f"{url}: {choice} → 200 but the filter form is gone, « {heading(page)} » "
                                    f"(sent {query_of(page)})")
    return problems


def form_state(form, without=None):
    """What the form would send, except the field `without`."""
    return form.evaluate("(f, skip) => Array.from(new FormData(f)).filter(([k]) => k !== skip)"
                         ".map(([k, v]) => k + '=' + v).join('&')", without)


def sample(indices):
    indices = list(indices)
    if len(indices) <= MAX_OPTIONS_PER_SELECT:
        return indices
    step = (len(indices) - 1) / (MAX_OPTIONS_PER_SELECT - 1)
    return sorted({indices[round(i * step)] for i in range(MAX_OPTIONS_PER_SELECT)})


def submit_button(form):
    return form.locator("button[type=submit], input[type=submit], button:not([type])").first


def query_of(page):
    query = urllib.parse.urlparse(page.url).query
    return "?" + urllib.parse.unquote_plus(query) if query else "no query"


def error_detail(page):
    text = main_text(page)
    return f": {text[:160]}" if text else ""


def first_difference(a, b):
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"bare « …{a[max(0, i - 40):i + 60]}… » vs submitted « …{b[max(0, i - 40):i + 60]}… »"


def assert_no_problems(problems, what):
    assert not problems, f"{len(problems)} problem(s) with {what}:\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------------------------------------
# Journeys shared by several roles (each step through the UI)


def open_call_page(page):
    """From /fonds, follows the link of the call whose row says « Ouvert »."""
    page.goto("/fonds")
    row = main(page).locator("tbody tr").filter(has=page.get_by_text("Ouvert", exact=True)).first
    click_and_wait(row.get_by_role("link").first)
    return page


def start_draft(page):
    """Applicant: /fonds → open call → « Commencer… ». Returns the response of the page it lands on."""
    open_call_page(page)
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("Commencer")))
    assert response.status == 200, f"starting a draft: {describe(page, response)}"
    if not main(page).locator("form").filter(has=page.get_by_label("Titre")).count():
        # Landed on the draft's page: open its form.
        click_and_wait(main(page).get_by_role("link", name=re.compile("Modifier|Compléter", re.I)).first)
    return response


def field(page, label):
    """The form control whose label starts with `label` (the label may carry a hint after it)."""
    return main(page).get_by_label(re.compile("^\\s*" + re.escape(label), re.I)).first


def type_into(page, label, text):
    """Replaces the text of a field (Playwright's fill: the input events of typing, at once)."""
    field(page, label).fill(text)


def choose(page, label, option_label):
    field(page, label).select_option(label=option_label)


def choose_containing(page, label, text):
    """Selects the option of the select `label` whose text contains `text`."""
    control = field(page, label)
    labels = [" ".join(t.split()) for t in control.locator("option").all_inner_texts()]
    match = next((option for option in labels if text in option), None)
    assert match, f"« {label} » has no option with « {text} »: {labels}"
    control.select_option(label=match)


def choose_commune(page, text, pick):
    """Types a commune (name, postal code or INSEE code) in the site field, saves, and when the
    form offers a list of communes, picks the one whose label contains `pick`."""
    control = first_present("the commune field of the form",
                            main(page).get_by_label(re.compile("commune", re.I)).filter(visible=True))
    control.fill("")
    control.press_sequentially(text)
    save_draft(page)
    pick_from_list(page, pick)


def pick_from_list(page, pick):
    """Chooses `pick` in whatever list the form offers (radio buttons, a select, or links/buttons),
    then saves. Does nothing if the form already shows the commune as the site."""
    pattern = re.compile(re.escape(pick), re.I)
    radios = main(page).get_by_role("radio", name=pattern)
    if radios.count():
        tick(radios.first)
        save_draft(page)
        return
    for select in main(page).locator("select").all():
        labels = select.locator("option").all_inner_texts()
        match = next((label for label in labels if pattern.search(label)), None)
        if match and select.evaluate("s => /commune|site/i.test(s.name + ' ' + s.id)"):
            select.select_option(label=match)
            save_draft(page)
            return
    links = main(page).get_by_role("link", name=pattern).or_(main(page).get_by_role("button", name=pattern))
    if links.count():
        click_and_wait(links.first)


def save_draft(page):
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("Enregistrer le brouillon|Enregistrer$", re.I)).first)
    return response


VALID_APPLICATION = {
    "raison_sociale": "MECALAC Annecy (e2e)",
    "forme_juridique": "SAS",
    "code_naf": "28.92Z",
    "description": "Modernisation de la ligne d'assemblage des chargeuses compactes : robotisation de la soudure, "
                   "nouveau banc d'essai, formation de douze opérateurs. Démarrage au printemps.",
    "investissement_equipement": "650000",
    "investissement_immateriel": "50000",
    "aide_demandee": "140000",
    "emplois_crees": "12",
    "emplois_maintenus": "80",
}


def fill_valid_application(page, title, commune="74010", attachment=None, **values):
    """Fills every field of the applicant's form with valid values (VALID_APPLICATION, or `values`
    for the keys given), through the labels a person reads, and saves; `attachment`, a file path,
    is attached where the form offers a file field."""
    f = {**VALID_APPLICATION, **values}
    type_into(page, "Raison sociale", f["raison_sociale"])
    choose(page, "Type de porteur", "Entreprise")
    choose(page, "Taille", "ETI")
    type_into(page, "Forme juridique", f["forme_juridique"])
    type_into(page, "Code NAF", f["code_naf"])
    choose(page, "Filière", "Mécanique")
    site = main(page).get_by_label(re.compile("commune", re.I)).filter(visible=True).first
    site.fill("")
    site.press_sequentially(commune)
    type_into(page, "Titre", title)
    type_into(page, "Description", f["description"])
    start = today_paris() + datetime.timedelta(days=60)
    field(page, "Début prévu").fill(start.isoformat())
    field(page, "Fin prévue").fill((start + datetime.timedelta(days=540)).isoformat())
    type_into(page, "Équipements", f["investissement_equipement"])
    type_into(page, "Immatériel", f["investissement_immateriel"])
    type_into(page, "Aide demandée", f["aide_demandee"])
    type_into(page, "Emplois créés", f["emplois_crees"])
    type_into(page, "Emplois maintenus", f["emplois_maintenus"])
    if attachment:
        files = main(page).locator("form input[type=file]")
        if files.count():
            files.first.set_input_files(attachment)
    response = save_draft(page)
    assert response.status == 200, f"saving a valid draft: {describe(page, response)}"
    pick_from_list(page, commune)


def deposit(page):
    """Clicks the deposit button of the form; when the deposit goes through a summary page with a
    sworn statement, ticks it and confirms. Returns the final response."""
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("déposer|renvoyer", re.I)).first)
    sworn = main(page).get_by_role("checkbox", name=re.compile("honneur|certifie|atteste", re.I))
    if sworn.count():
        tick(sworn.first)
        response = click_and_wait(main(page).get_by_role("button", name=re.compile("déposer|confirmer", re.I)).first)
    return response


def deposit_new_application(page, title, commune="74010", attachment=None, **values):
    """Applicant: starts, fills and deposits a new application; returns its reference."""
    start_draft(page)
    fill_valid_application(page, title, commune=commune, attachment=attachment, **values)
    response = deposit(page)
    text = main_text(page)
    reference = REFERENCE_RE.search(text)
    assert response.status == 200 and reference, f"deposit of « {title} » failed: {describe(page, response)}"
    return reference.group(0)


def open_in_queue(page, reference):
    """Staff: searches the queue for a reference and opens the file."""
    page.goto("/instruction")
    type_into(page, "Nom ou référence", reference)
    choose_any_state(page)
    response = click_and_wait(main(page).get_by_role("button", name="Filtrer"))
    assert response.status == 200, f"searching the queue for {reference}: {describe(page, response)}"
    click_and_wait(main(page).get_by_role("link", name=reference).first)
    return page


def open_first_in_state(page, state_label):
    """Staff: the queue filtered on one state through its form, then the first file listed.
    Returns the file's reference."""
    page.goto("/instruction")
    choose_any_state(page)
    field(page, "État").select_option(label=state_label)
    click_and_wait(main(page).get_by_role("button", name="Filtrer"))
    link = main(page).locator("tbody tr").first.get_by_role("link").first
    reference = link.inner_text().strip()
    click_and_wait(link)
    return reference


def choose_any_state(page):
    """Sets the queue's state filter to « Tous » when there is such an option (the default may be
    « à traiter »)."""
    etat = field(page, "État")
    labels = etat.locator("option").all_inner_texts()
    any_state = next((label for label in labels if re.match(r"\s*(Tous|Toutes|Tous les états)\s*$", label)), None)
    if any_state:
        etat.select_option(label=any_state)


def act(page, button_name, reason=None):
    """Clicks a workflow action button on a file's page (filling its reason when it has one)."""
    button = main(page).get_by_role("button", name=button_name).first
    if reason is not None:
        form_of(button).get_by_label(re.compile("Motif", re.I)).fill(reason)
    response = click_and_wait(button)
    assert response.status == 200 and not page.locator("main .fr-alert--error").count(), \
        f"« {button_name} » refused: {describe(page, response)}"
    return response


def review_and_send_to_committee(page, reference, aid_state="70000", aid_region="70000"):
    """Reviewer: takes the file, records opinions and a proposal, completes the review and puts it
    in committee."""
    open_in_queue(page, reference)
    act(page, "Prise en charge")
    type_into(page, "Avis technique", "Projet mûr, technologie maîtrisée.")
    type_into(page, "Avis financier", "Plan de financement solide.")
    type_into(page, "Investissement éligible", "700000")
    type_into(page, "Aide proposée — part de l’État", aid_state)
    type_into(page, "Aide proposée — part de la Région", aid_region)
    act(page, "Enregistrer l’avis")
    act(page, "Fin d’instruction")
    act(page, "Inscription en comité")


def decide_in_committee(page, reference, favourable, motivation):
    """Préfecture or Région: on its committee page, ticks one decision for `reference`, writes the
    motivation and saves (confirming when the page asks to). Returns the response."""
    open_committee(page)
    card = committee_item(page, reference)
    tick(card.get_by_label("Favorable" if favourable else "Défavorable", exact=True))
    card.get_by_label(re.compile("Motivation", re.I)).fill(motivation)
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("Enregistrer", re.I)).last)
    confirm = main(page).get_by_role("button", name=re.compile("Confirmer", re.I))
    if confirm.count():
        response = click_and_wait(confirm.first)
    return response


def open_committee(page):
    """Follows the link a préfecture or Région has from the queue to its committee."""
    page.goto("/instruction")
    click_and_wait(first_present("a link to the committee", page.get_by_role("link", name=re.compile("comité", re.I))))
    return page


def committee_item(page, reference):
    """The row or card of a file on the committee page."""
    return first_present(f"file {reference} on the committee page",
                         main(page).locator("tr, article, li, .fr-card, fieldset").filter(
                             has=page.get_by_role("link", name=reference)).filter(
                             has=page.get_by_label("Favorable", exact=True)).last)


def request_information(page, reference, message):
    """Reviewer: takes a deposited file and sends it back to the applicant for more information."""
    open_in_queue(page, reference)
    act(page, "Prise en charge")
    form = main(page).locator("form").filter(has=page.get_by_role("button", name="Renvoyer au porteur"))
    form.get_by_label(re.compile("attendu", re.I)).fill(message)
    act(page, "Renvoyer au porteur")


def open_own_file(page, reference):
    """Applicant: opens one of its files from « Mes dossiers »."""
    page.goto("/dossiers")
    click_and_wait(main(page).get_by_role("link", name=re.compile(re.escape(reference))).first)
    return page


def file_state(page):
    """The state badge of a file's page."""
    badge = main(page).locator(".fr-badge")
    return " ".join(badge.first.text_content().split()) if badge.count() else ""


def euros(text):
    """12 345,67 € → 12345.67 (French formatting, any kind of space)."""
    digits = re.sub(r"[^\d,]", "", text).replace(",", ".")
    return float(digits) if digits else 0.0


def definition(page, term):
    """The value of a row of the file's tables or definition lists: « Aide demandée » → its cell."""
    row = main(page).locator("tr").filter(has=page.locator("th, td").filter(has_text=re.compile("^\\s*" + re.escape(term))))
    if row.count():
        return " ".join(row.first.locator("td").last.inner_text().split())
    return ""
