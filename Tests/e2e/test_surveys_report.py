"""Issue 13: an admin creates and sends a survey with the page's form; the territory's project
lead answers from the mailed link on a phone, saves, comes back and submits; the admin sees the
response. A visitor reads the report at 24 Sept. 2021 and downloads its PDF."""
import datetime
import re
import time

from conftest import (MOBILE, click_and_wait, describe, main, main_text, mail_text, path_of, read_mails, tick,
                      today_paris)

QUESTIONNAIRE = """## Gouvernance
? Votre binôme se réunit-il régulièrement ? [oui/non] *
? Combien de réunions par an ? [nombre]
si 1 = Oui
? Un commentaire ? [texte]"""


def test_a_survey_from_the_admin_to_a_phone_and_back(page_as, browser, server):
    title = f"Bilan des binômes {time.time_ns()}"
    since = time.time()
    admin = page_as("admin")
    admin.goto("/admin/utilisateurs")
    click_and_wait(main(admin).get_by_role("link", name="Enquêtes"))
    assert path_of(admin) == "/admin/enquetes", describe(admin)
    questionnaire = re.compile(r"^\s*Questionnaire")
    form = main(admin).locator("form[method=post]").filter(has=admin.get_by_label(questionnaire))
    form.get_by_label("Titre").fill(title)
    form.get_by_label(re.compile(r"^\s*Introduction")).fill("Votre avis sur la gouvernance.")
    form.get_by_label(questionnaire).fill("? Sans type")
    closes = today_paris() + datetime.timedelta(days=30)
    form.get_by_label("Date de clôture").fill(closes.isoformat())
    response = click_and_wait(form.get_by_role("button", name="Créer l’enquête"))
    assert response.status == 400 and "indiquez le type de la question" in main_text(admin), describe(admin, response)
    assert admin.get_by_label("Titre").input_value() == title, "the title typed was lost"
    admin.get_by_label(questionnaire).fill(QUESTIONNAIRE)
    admin.get_by_label("Population interrogée").select_option(label="Territoires d’industrie (binômes et chefs de projet)")
    response = click_and_wait(main(admin).get_by_role("button", name="Créer l’enquête"))
    assert response.status == 200 and path_of(admin).startswith("/enquetes/"), describe(admin, response)
    results_path = path_of(admin)
    response = click_and_wait(main(admin).get_by_role("button", name="Envoyer les invitations"))
    assert response.status == 200 and "envoyée" in main_text(admin), describe(admin, response)

    mails = [m for m in read_mails(server, since) if title in mail_text(m) and "territoire@demo.ti.local" in str(m["To"])]
    assert mails, "no invitation mailed to the territory's account"
    link = re.search(r"https?://\S+/enquete/\S+", mail_text(mails[-1])).group(0)
    path = "/" + link.split("/", 3)[3]

    context = browser.new_context(base_url=server.url, locale="fr-FR", viewport={"width": MOBILE, "height": 844})
    try:
        phone = context.new_page()
        response = phone.goto(path)
        assert response.status == 200 and "Votre binôme se réunit-il" in main_text(phone), describe(phone, response)
        assert phone.evaluate("document.documentElement.scrollWidth") <= MOBILE + 1, "the questionnaire scrolls sideways on a phone"
        tick(main(phone).get_by_label("Oui", exact=True))
        main(phone).get_by_label(re.compile("Combien de réunions")).fill("6")
        response = click_and_wait(main(phone).get_by_role("button", name="Enregistrer et reprendre plus tard"))
        assert response.status == 200 and "Vos réponses sont enregistrées" in main_text(phone), describe(phone, response)
        phone.goto(path)
        assert main(phone).get_by_label(re.compile("Combien de réunions")).input_value() == "6", "the saved answer was lost"
        main(phone).get_by_label(re.compile("Combien de réunions")).fill("beaucoup")
        response = click_and_wait(main(phone).get_by_role("button", name="Envoyer mes réponses"))
        assert response.status == 400 and "nombre entier" in main_text(phone), describe(phone, response)
        assert main(phone).get_by_label(re.compile("Combien de réunions")).input_value() == "beaucoup"
        main(phone).get_by_label(re.compile("Combien de réunions")).fill("6")
        main(phone).get_by_label(re.compile("Un commentaire")).fill("Un programme utile.")
        response = click_and_wait(main(phone).get_by_role("button", name="Envoyer mes réponses"))
        assert response.status == 200 and "Merci, votre réponse est enregistrée" in main_text(phone), describe(phone, response)
    finally:
        context.close()

    admin.goto(results_path)
    text = " ".join(main_text(admin).split())
    assert "1 réponses envoyées" in text or "1\nréponses envoyées" in main_text(admin), text[:400]
    assert "Résultats non affichés" in text, "results shown under the anonymity threshold"


def test_the_published_surveys_results(page_as):
    admin = page_as("admin")
    admin.goto("/admin/enquetes")
    response = click_and_wait(main(admin).get_by_role("link", name="Enquête auprès des lauréats du fonds d’accélération"))
    assert response.status == 200, describe(admin, response)
    text = " ".join(main_text(admin).replace("\u202f", " ").split())
    for figure in ["142", "72 %", "88 %", "94 %", "92 %", "17", "74 %"]:
        assert figure in text, f"« {figure} » missing from the laureates' survey results"
    assert main(admin).locator("svg").count() >= 3, "no charts"


def test_a_visitor_reads_the_report_and_downloads_the_pdf(page_as):
    page = page_as(None)
    response = page.goto("/rapport")
    assert response.status == 200, describe(page, response)
    form = main(page).locator("form[method=get]")
    form.get_by_label("Chiffres au").fill("2021-09-24")
    response = click_and_wait(form.get_by_role("button", name="Afficher"))
    assert response.status == 200 and "as_of=2021-09-24" in page.url, describe(page, response)
    text = " ".join(main_text(page).replace("\u202f", " ").split())
    for figure in ["1 416", "5,4 Md€", "69 %", "27 255", "1,37 Md€", "76 %", "72 %"]:
        assert figure in text, f"« {figure} » missing from the report"
    with page.expect_download(timeout=120_000) as download:
        main(page).get_by_role("link", name="Télécharger le PDF").click(no_wait_after=True)
    pdf = download.value
    assert pdf.suggested_filename == "rapport-territoires-industrie-2021-09-24.pdf"
    assert open(pdf.path(), "rb").read(4) == b"%PDF"
