"""Issue 12, financing: a visitor reads what the partners engaged at a chosen date; an admin
records a commitment through the form, and it counts from its own date on."""
from conftest import (click_and_wait, describe, main, main_text, path_of)


def _figure(page, label):
    """The value of the key figure whose label contains `label`."""
    figure = main(page).locator(".ti-figure").filter(has_text=label).first
    return figure.locator(".ti-figure__value").inner_text().strip()


def test_a_visitor_reads_the_financing_at_the_report_date(page_as):
    page = page_as(None)
    response = page.goto("/donnees")
    assert response.status == 200, describe(page, response)
    response = click_and_wait(main(page).get_by_role("link", name="Financement du programme"))
    assert response.status == 200 and path_of(page) == "/financement", describe(page, response)
    main(page).get_by_label("Chiffres au", exact=False).first.fill("2021-09-24")
    response = click_and_wait(main(page).get_by_role("button", name="Afficher"))
    assert response.status == 200 and "as_of=2021-09-24" in page.url, describe(page, response)
    assert _figure(page, "par l’État et les opérateurs") == "1,37 Md€", describe(page, response)
    assert _figure(page, "par les Régions") == "569,0 M€", describe(page, response)
    text = main_text(page)
    assert "676 ateliers et événements" in text and "38 coachs" in text, "the counts in the partners' units are missing"
    main(page).get_by_label("Chiffres au", exact=False).first.fill("2019-01-01")
    response = click_and_wait(main(page).get_by_role("button", name="Afficher"))
    assert _figure(page, "par l’État et les opérateurs") != "1,37 Md€", "the figures do not follow the date"


def test_an_admin_records_a_commitment(page_as):
    page = page_as("admin")
    response = page.goto("/admin/utilisateurs")
    assert response.status == 200, describe(page, response)
    response = click_and_wait(main(page).get_by_role("link", name="Engagements des partenaires"))
    assert response.status == 200, describe(page, response)
    form = main(page).locator("form[method=post]")
    form.get_by_label("Instrument", exact=True).select_option(label="APEC — Ateliers et événements de recrutement (ateliers et événements)")
    form.get_by_label("Montant en euros", exact=False).fill("12 000")
    response = click_and_wait(form.get_by_role("button", name="Enregistrer l’engagement"))
    assert response.status == 400 and "indiquez une quantité, pas un montant" in main_text(page), describe(page, response)
    form = main(page).locator("form[method=post]")
    assert form.get_by_label("Montant en euros", exact=False).input_value() == "12 000", "the amount typed is lost"
    form.get_by_label("Montant en euros", exact=False).fill("")
    form.get_by_label("Quantité", exact=False).fill("7")
    response = click_and_wait(form.get_by_role("button", name="Enregistrer l’engagement"))
    assert response.status == 201 and "Engagement enregistré." in main_text(page), describe(page, response)
    assert "7 ateliers et événements" in main_text(page), "the new commitment is not listed"


def test_an_operator_imports_its_yearly_file(page_as, tmp_path):
    """The ADEME's account lands on its commitments, offered only its instruments; a file with
    another partner's line is refused whole, by line; the right file is imported, then again unchanged."""
    import uuid
    page = page_as("partner")
    response = page.goto("/compte")
    assert response.status == 200, describe(page, response)
    response = click_and_wait(main(page).get_by_role("link", name="Les engagements de mon organisation"))
    assert response.status == 200 and path_of(page) == "/financement/engagements", describe(page, response)
    options = main(page).get_by_label("Instrument", exact=True).locator("option").all_inner_texts()
    assert any(o.startswith("ADEME") for o in options) and not any("Banque des Territoires" in o for o in options), options
    ref = "ADEME-" + uuid.uuid4().hex[:8]
    header = "reference;instrument;date;region;montant_eur;quantite;note\n"
    bad = tmp_path / "engagements-refuses.csv"
    bad.write_text(header + f"{ref}-1;ademe-transition;2021-05-03;84;150000;;Décarbonation d’une fonderie\n"
                   + f"{ref}-2;bdt-ingenierie;2021-05-03;;90000;;\n", encoding="utf-8")
    upload = main(page).get_by_label("Fichier CSV des engagements")
    upload.set_input_files(str(bad))
    response = click_and_wait(main(page).get_by_role("button", name="Importer le fichier"))
    assert response.status == 400, describe(page, response)
    text = main_text(page)
    assert "Fichier refusé : rien n’a été importé" in text and "ligne 3" in text and "n’est pas celui de votre organisation" in text, \
        describe(page, response)

    good = tmp_path / "engagements.csv"
    good.write_text(header + f"{ref}-1;ademe-transition;2021-05-03;84;150000;;Décarbonation d’une fonderie\n", encoding="utf-8")
    main(page).get_by_label("Fichier CSV des engagements").set_input_files(str(good))
    response = click_and_wait(main(page).get_by_role("button", name="Importer le fichier"))
    assert response.status == 200 and "Fichier importé : 1 engagement créé" in main_text(page), describe(page, response)
    main(page).get_by_label("Fichier CSV des engagements").set_input_files(str(good))
    response = click_and_wait(main(page).get_by_role("button", name="Importer le fichier"))
    assert "0 modifié, 1 inchangé" in main_text(page), describe(page, response)


def test_an_admin_adds_an_instrument_and_records_on_it(page_as):
    import uuid
    page = page_as("admin")
    page.goto("/financement/engagements")
    code = "bourses-" + uuid.uuid4().hex[:6]
    add = main(page).locator(f"form[action='/financement/instruments']")
    add.get_by_label("Code").fill(code)
    add.get_by_label("Nom").fill("Bourses d’apprentissage")
    add.get_by_label("Partenaire").select_option(label="Action Logement")
    response = click_and_wait(add.get_by_role("button", name="Ajouter l’instrument"))
    assert response.status == 400 and "Choisissez l’unité des engagements." in main_text(page), describe(page, response)
    add = main(page).locator(f"form[action='/financement/instruments']")
    assert add.get_by_label("Code").input_value() == code, "the code typed is lost"
    add.get_by_label("Unité des engagements").select_option(label="personnes formées")
    response = click_and_wait(add.get_by_role("button", name="Ajouter l’instrument"))
    assert response.status == 201 and "Instrument « Bourses d’apprentissage » ajouté." in main_text(page), describe(page, response)
    form = main(page).locator("form[action='/financement/engagements']")
    form.get_by_label("Instrument", exact=True).select_option(label="Action Logement — Bourses d’apprentissage (personnes formées)")
    form.get_by_label("Quantité", exact=False).fill("9")
    response = click_and_wait(form.get_by_role("button", name="Enregistrer l’engagement"))
    assert response.status == 201 and "9 personnes formées" in main_text(page), describe(page, response)
