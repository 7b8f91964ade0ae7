"""The fund's journey over HTTP, as each role does it in a browser (see
Tests/TIWebTests/FundJourneyTests.swift for the same steps in Swift):

  admin      creates a regime (/admin/regimes), a call (/admin/appels/nouveau) and its envelopes
  applicant  finds the call on /fonds, « Commencer » (POST /fonds/appels/{id}/candidater) creates a
             draft, fills /dossiers/{id}/modifier, deposits (POST /dossiers/{id}/deposer)
  reviewer   start_review, review (/dossiers/{id}/instruction), complete_review, send_to_committee
  region / prefecture   decide (POST /api/v1/applications/{id}/decisions with a bearer token)

Each step asserts its expected status, so that a broken setup says which step broke.
"""
import datetime
import re
import uuid

from conftest import describe, parse_page

UUID_RE = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
REGION = "84"               # Auvergne-Rhône-Alpes: the demo staff's région
COMMUNE = "74010"           # Annecy


def euros(n):
    """French amount as typed in the forms: 1 500 000."""
    return f"{n:,}".replace(",", " ")


def _expect(r, statuses, step):
    assert r.status_code in statuses, f"{step}: {describe(r, 600)}"
    return r


# ---------------------------------------------------------------- admin

def create_regime(admin, ceiling_euros, label=None):
    regime_id = f"ADV-{uuid.uuid4().hex[:10].upper()}"
    r = admin.submit("/admin/regimes", {"id": regime_id, "libelle": label or f"Régime de test {regime_id}",
                                        "plafond": euros(ceiling_euros)})
    _expect(r, (200, 201, 303), "create regime")
    return regime_id


def create_call(admin, regime_id, envelopes, title=None):
    """A call open from 2020 to 2099 in région 84; envelopes: {"state": euros, "region": euros}."""
    admin.page("/admin/appels/nouveau")
    r = admin.submit("/admin/appels/nouveau", [
        ("titre", title or f"Appel adversarial {uuid.uuid4().hex[:6]}"),
        ("description", "Un appel créé par la suite adversariale pour des courses parallèles."),
        ("ouverture", "2020-01-01"), ("cloture", "2099-12-31"),
        ("porteurs[]", "company"), ("porteurs[]", "association"), ("porteurs[]", "collective"),
        ("tailles[]", "tpe"), ("tailles[]", "pme"), ("tailles[]", "eti"), ("tailles[]", "ge"),
        ("regions", REGION), ("investissement_minimum", "100 000"), ("demarrage", "12"), ("regime", regime_id)])
    _expect(r, (201,), "create call")
    m = re.search(r"/admin/appels/(" + UUID_RE.pattern + r")/enveloppes", r.text)
    assert m, "the new call's envelope form is not on the page"
    call_id = m.group(1)
    for funder, amount in envelopes.items():
        e = admin.submit(f"/admin/appels/{call_id}/enveloppes", {"region": REGION, "financeur": funder, "montant": euros(amount)})
        _expect(e, (201,), f"create {funder} envelope")
    return call_id


# ---------------------------------------------------------------- applicant

def open_call_ids(applicant):
    """Calls whose page offers the applicant « Commencer un dossier » (found from /fonds)."""
    index = applicant.page("/fonds")
    _expect(index, (200,), "GET /fonds")
    found = []
    for link in parse_page(index.text, index.url).links:
        m = re.fullmatch(r"/fonds/appels/(" + UUID_RE.pattern + ")", link)
        if m and m.group(1) not in found:
            page = applicant.page(link)
            if f"/fonds/appels/{m.group(1)}/candidater" in page.text:
                found.append(m.group(1))
    return found


def new_draft(applicant, call_id):
    applicant.page(f"/fonds/appels/{call_id}")
    r = applicant.submit(f"/fonds/appels/{call_id}/candidater")
    _expect(r, (302, 303), "« Commencer » (candidater)")
    m = re.search(r"/dossiers/(" + UUID_RE.pattern + r")/modifier", r.headers.get("Location", ""))
    assert m, f"no draft in the redirect: {r.headers.get('Location')}"
    return m.group(1)


def application_form(investment=1_000_000, aid=300_000, intention="enregistrer", **overrides):
    start = datetime.date.today() + datetime.timedelta(days=30)
    form = {
        "raison_sociale": "MECALAC", "type_porteur": "company", "taille": "eti", "forme_juridique": "SAS",
        "code_naf": "28.92Z", "filiere": "mecanique", "commune": COMMUNE, "titre": "Nouvelle ligne d’assemblage",
        "description": "Installation d’une ligne d’assemblage automatisée et formation de douze opérateurs sur le site d’Annecy.",
        "investissement_equipement": euros(investment * 3 // 4), "investissement_immobilier": euros(investment - investment * 3 // 4),
        "aide_demandee": euros(aid), "date_debut": start.isoformat(), "date_fin": (start + datetime.timedelta(days=400)).isoformat(),
        "emplois_crees": "12", "emplois_maintenus": "40", "enjeux[]": "relocation", "intention": intention,
    }
    form.update(overrides)
    return form


def fill(applicant, app_id, **form_args):
    """Saves the form; with intention=deposer, goes on through the deposit page (sworn statement)."""
    applicant.page(f"/dossiers/{app_id}/modifier")
    r = applicant.submit(f"/dossiers/{app_id}/modifier", application_form(**form_args))
    if form_args.get("intention") != "deposer":
        _expect(r, (200,), f"save draft {app_id}")
        return r
    _expect(r, (302, 303), f"save and deposit {app_id}")
    r = applicant.submit(f"/dossiers/{app_id}/deposer", {"attestation": "oui"})
    _expect(r, (302, 303), f"deposit {app_id}")
    return r


def reference_of(browser, app_id):
    page = browser.page(f"/dossiers/{app_id}")
    _expect(page, (200,), f"GET /dossiers/{app_id}")
    m = re.search(r"FA-\d{4}-\d{2}-\d{5}", page.text)
    return m.group(0) if m else None


# ---------------------------------------------------------------- reviewer

def review_to_committee(reviewer, app_id, state_euros, region_euros, investment):
    _expect(reviewer.submit(f"/dossiers/{app_id}/actions/start_review"), (302, 303), "start_review")
    _expect(reviewer.submit(f"/dossiers/{app_id}/instruction", {
        "avis_technique": "Projet techniquement solide et mûr.", "avis_financier": "Structure financière saine.",
        "investissement_eligible": euros(investment), "aide_etat": euros(state_euros), "aide_region": euros(region_euros)}),
        (302, 303), "review (instruction)")
    _expect(reviewer.submit(f"/dossiers/{app_id}/actions/complete_review"), (302, 303), "complete_review")
    _expect(reviewer.submit(f"/dossiers/{app_id}/actions/send_to_committee"), (302, 303), "send_to_committee")


def in_committee(applicant, reviewer, call_id, state_euros, region_euros, investment=4_000_000):
    """A new application of the demo applicant's organisation, brought to the committee."""
    app_id = new_draft(applicant, call_id)
    fill(applicant, app_id, investment=investment, aid=state_euros + region_euros, intention="deposer")
    review_to_committee(reviewer, app_id, state_euros, region_euros, investment)
    return app_id


# ---------------------------------------------------------------- committee (API)

def decide(session, app_id, favourable=True):
    return session.post(f"/api/v1/applications/{app_id}/decisions",
                        json={"favourable": favourable, "motivation": "Projet structurant pour le territoire et la filière."})


def application_json(session, app_id):
    r = session.get(f"/api/v1/applications/{app_id}")
    _expect(r, (200,), f"GET /api/v1/applications/{app_id}")
    return r.json()
