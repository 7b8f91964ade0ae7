"""The applicant's journey (porteur de projet, MECALAC): from the open call on /fonds to a
deposited file with its receipt, through the form as a person fills it."""
import re
import time

import pytest

from conftest import (REFERENCE_RE, UPLOAD_TIMEOUT_MS, choose_commune, click_and_wait,
                      deposit_new_application, describe, field, fill_valid_application, first_present, form_of,
                      french_date, mail_text, main, main_text, make_pdf, mime_problems, open_in_queue, path_of,
                      read_mails, save_draft, start_draft, table_rows, tick, today_paris, type_into)


def test_sign_in_lands_on_my_applications(page_as):
    page = page_as("applicant", fresh=True)
    assert path_of(page) == "/dossiers", f"after sign-in the applicant lands on {describe(page)}, not « Mes dossiers »"


def drafts(page):
    page.goto("/dossiers")
    return [row for row in table_rows(page, "Mes dossiers") if any(cell == "Brouillon" for cell in row)]


def test_commencer_starts_exactly_one_draft_per_click(page_as):
    page = page_as("applicant")
    before = len(drafts(page))
    start_draft(page)
    assert len(drafts(page)) == before + 1, "one click on « Commencer » must add exactly one draft"
    start_draft(page)
    assert len(drafts(page)) == before + 2, "a second click on « Commencer » must add a second draft"


def test_a_draft_can_be_deleted(page_as):
    page = page_as("applicant")
    start_draft(page)
    draft_id = path_of(page).split("/")[2]
    before = len(drafts(page))
    click_and_wait(main(page).locator(f"a[href*='{draft_id}']").first)
    delete = main(page).get_by_role("button", name=re.compile("Supprimer", re.I))
    if not delete.count():
        click_and_wait(main(page).get_by_role("link", name=re.compile("Modifier", re.I)).first)
    delete = first_present("a « Supprimer » button on the draft or its form",
                           main(page).get_by_role("button", name=re.compile("Supprimer", re.I)))
    response = click_and_wait(delete)
    confirm = main(page).get_by_role("button", name=re.compile("Supprimer|Confirmer", re.I))
    if path_of(page) != "/dossiers" and confirm.count():
        response = click_and_wait(confirm.first)
    assert response.status == 200, describe(page, response)
    assert len(drafts(page)) == before - 1, "the deleted draft is still listed in « Mes dossiers »"
    assert not main(page).locator(f"a[href*='{draft_id}']").count()


def site_line(page):
    """What the form says about the chosen site."""
    callout = main(page).locator(".fr-callout, [class*=site]").filter(has_text=re.compile("Site", re.I))
    return " ".join(callout.first.inner_text().split()) if callout.count() else ""


def test_postal_code_25200_offers_montbeliard(page_as):
    page = page_as("applicant")
    start_draft(page)
    commune = first_present("the commune field", main(page).get_by_label(re.compile("commune", re.I)).filter(visible=True))
    commune.press_sequentially("25200")
    response = save_draft(page)
    assert response.status in (200, 400), describe(page, response)
    offered = main(page).get_by_role("radio", name=re.compile("Montbéliard")).or_(
        main(page).get_by_role("option", name=re.compile("Montbéliard"))).or_(
        main(page).get_by_role("link", name=re.compile("Montbéliard"))).or_(
        main(page).get_by_role("button", name=re.compile("Montbéliard")))
    chosen = site_line(page)
    assert offered.count(), f"« 25200 » does not offer Montbéliard to pick; the form says: « {chosen or main_text(page)[:300]} »"
    assert not chosen or "Montbéliard" in chosen, f"« 25200 » silently chose another commune: « {chosen} »"
    choose_commune(page, "25200", "Montbéliard")
    assert "Montbéliard" in site_line(page) and "25388" in site_line(page), \
        f"after picking Montbéliard the site is « {site_line(page)} »"


def test_commune_name_offers_the_commune(page_as):
    page = page_as("applicant")
    start_draft(page)
    choose_commune(page, "Montbéliard", "Montbéliard")
    assert "Montbéliard (25388)" in site_line(page), f"typing « Montbéliard » gives the site « {site_line(page)} »"


def test_insee_code_still_works(page_as):
    page = page_as("applicant")
    start_draft(page)
    choose_commune(page, "74010", "Annecy")
    assert "Annecy (74010)" in site_line(page), f"typing « 74010 » gives the site « {site_line(page)} »"
    assert "Grand Annecy" in site_line(page), f"the site line does not name the EPCI / TI: « {site_line(page)} »"


def test_form_lists_the_documents_the_call_requires(page_as):
    page = page_as("applicant")
    start_draft(page)
    checklist = main(page).locator("section, fieldset, div").filter(
        has=page.get_by_role("heading", name=re.compile("pièces|documents", re.I))).filter(has=page.locator("li, input[type=file]"))
    assert checklist.count(), "the form has no checklist of the documents required by the call"
    assert main(page).locator("form input[type=file]").count(), "the form has no file field to attach documents"


def test_attaches_a_5_mb_pdf_inside_the_form(page_as, tmp_path):
    page = page_as("applicant")
    start_draft(page)
    pdf = make_pdf(tmp_path / "plan-de-financement.pdf", 5 * 1024 * 1024)
    files = first_present("a file field inside the application form", main(page).locator("form input[type=file]"))
    files.set_input_files(pdf)
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("Enregistrer le brouillon")),
                              timeout=UPLOAD_TIMEOUT_MS)
    assert response.status == 200, f"saving the draft with a 5 MB PDF: {describe(page, response)}"
    assert main(page).get_by_text(re.compile("plan-de-financement\\.pdf")).count(), \
        f"the attached PDF is not listed after saving: {describe(page, response)}"


def test_message_with_a_10_mb_attachment(page_as, tmp_path):
    """The message form of a deposited file takes files up to the advertised 10 MB."""
    page = page_as("applicant")
    page.goto("/dossiers")
    row = main(page).locator("tbody tr").filter(has_text="En instruction").first
    click_and_wait(row.get_by_role("link").first)
    pdf = make_pdf(tmp_path / "devis-machines.pdf", 10 * 1024 * 1024 - 4096)
    form = main(page).locator("form").filter(has=page.locator("input[type=file]")).last
    form.get_by_label("Nouveau message").fill("Voici les devis des machines.")
    form.locator("input[type=file]").set_input_files(pdf)
    response = click_and_wait(form.get_by_role("button", name="Envoyer"), timeout=UPLOAD_TIMEOUT_MS)
    assert response.status == 200, f"sending a message with a 10 MB PDF: {describe(page, response)}"
    assert main(page).get_by_role("link", name=re.compile("devis-machines\\.pdf")).count(), \
        f"the 10 MB PDF is not listed: {describe(page, response)}"


def test_a_long_description_is_saved(page_as):
    """A form body over 16 KB (a detailed description) must not be refused."""
    page = page_as("applicant")
    start_draft(page)
    description = "Le projet comprend une ligne robotisée, un banc d’essai et la formation des opérateurs. " * 220
    field(page, "Description").fill(description)
    response = save_draft(page)
    assert response.status == 200, f"saving a {len(description.encode())} byte description: {describe(page, response)}"
    assert field(page, "Description").input_value().strip() == description.strip(), "the long description was not kept"


def test_errors_are_summarised_with_links_and_typed_values_kept(page_as):
    page = page_as("applicant")
    start_draft(page)
    typed = {"Équipements": "douze mille", "Emplois créés": "beaucoup", "Code NAF": "ZZ"}
    for label, value in typed.items():
        type_into(page, label, value)
    commune = main(page).get_by_label(re.compile("commune", re.I)).filter(visible=True).first
    commune.fill("")
    commune.press_sequentially("99999")
    typed["commune"] = "99999"
    response = save_draft(page)
    assert response.status in (200, 400), describe(page, response)
    summary = first_present("an error summary", main(page).locator("[role=alert], .fr-alert--error"))
    targets = summary.locator("a[href^='#']").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    in_error = main(page).locator(".fr-input-group--error, .fr-select-group--error").count()
    problems = []
    if len(targets) < max(2, in_error):  # at least « Équipements » and « Emplois créés » are unreadable
        problems.append(f"the summary links to {len(targets)} field(s) while {in_error} are marked in error: "
                        f"« {' '.join(summary.inner_text().split())} »")
    problems += [f"the summary links to {t}, which is not on the page" for t in targets if not page.locator(t).count()]
    kept = {label: (field(page, label).input_value() if label != "commune" else commune.input_value()) for label in typed}
    problems += [f"« {label} »: typed « {value} », shown « {kept[label]} »" for label, value in typed.items()
                 if kept[label] != value]
    assert not problems, "after saving with errors: " + "; ".join(problems)


def test_deposit_all_errors_at_once_on_an_empty_draft(page_as):
    page = page_as("applicant")
    start_draft(page)
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("déposer", re.I)).first)
    assert response.status in (200, 400, 409, 422), describe(page, response)
    summary = first_present("an error summary", main(page).locator("[role=alert], .fr-alert--error"))
    links = summary.locator("a[href^='#']").count()
    in_error = main(page).locator(".fr-input-group--error, .fr-select-group--error").count()
    assert links >= max(5, in_error), \
        f"an empty draft should list every missing field at once, each linked to its field: {links} link(s) for " \
        f"{in_error} field(s) in error; the summary says « {' '.join(summary.inner_text().split())} »"


def test_deposit_shows_eligibility_checks_then_a_sworn_statement(page_as):
    page = page_as("applicant")
    start_draft(page)
    fill_valid_application(page, "Robotisation de la soudure (vérification)")
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("déposer", re.I)).first)
    text = main_text(page)
    assert not REFERENCE_RE.search(text), f"the file was deposited at once, without a summary page: {describe(page, response)}"
    for check in ["Investissement minimum", "Démarrage", "Taille", "Plafond"]:
        assert re.search(check, text, re.I), f"the page before deposit does not show the check « {check} »: {describe(page, response)}"
    assert main(page).get_by_role("checkbox", name=re.compile("honneur|certifie|atteste", re.I)).count(), \
        f"no sworn-statement checkbox before deposit: {describe(page, response)}"


def test_form_asks_consent_to_publish_and_a_public_summary(page_as):
    page = page_as("applicant")
    start_draft(page)
    assert main(page).get_by_role("checkbox", name=re.compile("publi|consen", re.I)).count(), \
        "the form has no consent to publish"
    summary = main(page).get_by_label(re.compile("résumé public|résumé", re.I))
    assert summary.count(), "the form has no public summary field, distinct from the confidential description"


_deposited = {}


@pytest.fixture
def deposited(page_as, tmp_path):
    """One application deposited through the UI for the receipt and mail checks (once per module)."""
    page = page_as("applicant")
    if not _deposited:
        since = time.time()
        pdf = make_pdf(tmp_path / "kbis.pdf", 40 * 1024)
        reference = deposit_new_application(page, "Nouvelle ligne de chargeuses compactes", attachment=pdf)
        _deposited.update(reference=reference, since=since, url=page.url)
    page.goto(_deposited["url"])
    return page, _deposited


def test_deposit_gives_a_receipt_with_date_time_site_documents_and_pdf(deposited):
    page, info = deposited
    response = click_and_wait(main(page).get_by_role("link", name=re.compile("Accusé de dépôt")))
    assert response.status == 200, describe(page, response)
    text = main_text(page)
    problems = []
    if info["reference"] not in text:
        problems.append(f"no reference {info['reference']}")
    if french_date(today_paris()) not in text:
        problems.append(f"no deposit date ({french_date(today_paris())})")
    if not re.search(r"\b\d{1,2}\s?(h|:)\s?\d{2}\b", text):
        problems.append("no deposit time")
    if "Annecy" not in text:
        problems.append("no site (Annecy)")
    if not re.search(r"pièces|documents", text, re.I) or "kbis.pdf" not in text:
        problems.append("no list of documents (kbis.pdf)")
    pdf_link = main(page).get_by_role("link", name=re.compile("PDF", re.I))
    if not pdf_link.count():
        problems.append("no PDF version")
    else:
        answer = page.request.get(pdf_link.first.get_attribute("href"))
        if not answer.headers.get("content-type", "").startswith("application/pdf") or not answer.body().startswith(b"%PDF"):
            problems.append(f"the PDF link answers {answer.status} {answer.headers.get('content-type')}")
    assert not problems, f"receipt of {info['reference']}: " + "; ".join(problems)


def test_deposit_mail_is_proper_mime_and_names_the_file(deposited, server):
    page, info = deposited
    mails = [m for m in read_mails(server, since=info["since"]) if info["reference"] in mail_text(m)]
    assert mails, f"no mail about {info['reference']} was written in {server.mail_dir}"
    problems = []
    for message in mails:
        problems += [f"{message.path.name}: {p}" for p in mime_problems(message)]
        subject = str(message.get("Subject", ""))
        if info["reference"] not in subject or not re.search(r"dép[oô]", subject, re.I):
            problems.append(f"{message.path.name}: the subject « {subject} » does not name the file and the event")
    assert not problems, "deposit mails:\n  " + "\n  ".join(problems)


def test_follow_up_far_beyond_plan_asks_for_confirmation_and_is_flagged(page_as):
    page, prefecture = page_as("applicant"), page_as("prefecture")
    page.goto("/dossiers")
    laureate = main(page).locator("tbody tr").filter(
        has_text=re.compile("Lauréat|Convention signée|Versements en cours")).first
    click_and_wait(laureate.get_by_role("link").first)
    reference = REFERENCE_RE.search(main_text(page)).group(0)
    planned = re.search(r"(\d+) créés", main_text(page))
    jobs = int(planned.group(1)) if planned else 30
    button = main(page).get_by_role("button", name="Déclarer le suivi")
    form = form_of(button)
    form.get_by_label("Emplois effectivement créés").fill(str(jobs * 10))
    form.get_by_label(re.compile("Investissement effectivement réalisé")).fill("1000000")
    response = click_and_wait(button)
    confirm_box = main(page).get_by_role("checkbox", name=re.compile("confirm", re.I))
    confirm_button = main(page).get_by_role("button", name=re.compile("confirm", re.I))
    assert confirm_box.count() or confirm_button.count(), \
        f"{jobs * 10} jobs for {jobs} planned was recorded without asking for confirmation: {describe(page, response)}"
    if confirm_box.count():
        tick(confirm_box.first)
    response = click_and_wait(confirm_button.first if confirm_button.count() else button)
    assert response.status == 200, describe(page, response)
    open_in_queue(prefecture, reference)
    assert re.search(r"à vérifier|écart|anormal|inhabituel|au-delà", main_text(prefecture), re.I), \
        f"the préfecture's view of {reference} does not flag a follow-up of {jobs * 10} jobs for {jobs} planned"
