"""Issue 12, action plans: the territory (Grand Annecy) writes its plan in the browser, by the form
and by a CSV file; its Région (Auvergne-Rhône-Alpes) sends an action back, then validates it; a
visitor finds it on the national list with the filter form."""
import random

from conftest import (click_and_wait, describe, main, main_text, path_of, table_rows, tick)


def _unique(prefix):
    return f"{prefix}-{random.randrange(10**6, 10**7)}"


def _open_plan(page):
    response = page.goto("/territoires/TI-GRAND-ANNECY")
    assert response.status == 200, describe(page, response)
    response = click_and_wait(main(page).get_by_role("link", name="Voir le plan d’actions de Grand Annecy"))
    assert response.status == 200 and path_of(page) == "/territoires/TI-GRAND-ANNECY/plan", describe(page, response)


def test_the_territory_writes_an_action_and_the_region_reviews_it(page_as):
    territory = page_as("territory")
    _open_plan(territory)
    assert table_rows(territory), "the demo plan of Grand Annecy is empty"
    response = click_and_wait(main(territory).get_by_role("link", name="Ajouter une action"))
    assert response.status == 200, describe(territory, response)

    form = main(territory).locator("form[method=post]")
    reference = _unique("E2E")
    form.get_by_label("Référence").first.fill(reference)
    form.get_by_label("Axe stratégique").select_option(label="Recruter")
    tick(form.get_by_label("Compétences et formation"))
    form.get_by_label("Type de porteur").select_option(label="Mixte")
    form.get_by_label("Investissement prévu en euros").fill("2 500 000")
    form.get_by_label("Statut", exact=True).select_option(label="En préparation")
    # No title: refused, every value kept, the problem said.
    response = click_and_wait(form.get_by_role("button", name="Enregistrer l’action"))
    assert response.status == 400, describe(territory, response)
    assert "Donnez un titre à l’action." in main_text(territory), describe(territory, response)
    form = main(territory).locator("form[method=post]")
    assert form.get_by_label("Référence").first.input_value() == reference, "the reference typed is lost"
    assert form.get_by_label("Investissement prévu en euros").input_value() == "2 500 000", "the amount typed is lost"
    assert form.get_by_label("Compétences et formation").is_checked(), "the theme ticked is lost"
    form.get_by_label("Titre", exact=True).fill("Campus de la mécatronique")
    response = click_and_wait(form.get_by_role("button", name="Enregistrer l’action"))
    assert response.status == 200 and path_of(territory).startswith("/actions/"), describe(territory, response)
    assert "elle attend la validation de la Région" in main_text(territory), describe(territory, response)
    action_url = path_of(territory)

    # Not public before the Région validates it.
    visitor = page_as(None)
    assert visitor.goto(action_url).status == 404, "a pending action is public"

    region = page_as("region")
    response = region.goto(action_url)
    assert response.status == 200, describe(region, response)
    response = click_and_wait(main(region).get_by_role("button", name="Renvoyer au territoire"))
    assert response.status == 400 and "Indiquez le motif du renvoi." in main_text(region), describe(region, response)
    main(region).get_by_label("Motif du renvoi au territoire").fill("Précisez les entreprises partenaires.")
    response = click_and_wait(main(region).get_by_role("button", name="Renvoyer au territoire"))
    assert response.status == 200 and "Action renvoyée" in main_text(region), describe(region, response)
    territory.goto(action_url)
    assert "Précisez les entreprises partenaires." in main_text(territory), "the territory does not read the Région's reason"
    response = click_and_wait(main(region).get_by_role("button", name="Valider l’action"))
    assert response.status == 200 and "Action validée" in main_text(region), describe(region, response)

    # Public now, and found with the national list's filters.
    assert visitor.goto(action_url).status == 200, "a validated action is not public"
    visitor.goto("/plans")
    filters = main(visitor).locator("form[method=get]")
    filters.get_by_label("Région").select_option(label="Auvergne-Rhône-Alpes")
    filters.get_by_label("Thématique").select_option(label="Compétences et formation")
    filters.get_by_label("Axe").select_option(label="Recruter")
    filters.get_by_label("Porteur").select_option(label="Mixte")
    filters.get_by_label("Statut").select_option(label="En préparation")
    response = click_and_wait(filters.get_by_role("button", name="Filtrer"))
    assert response.status == 200 and "region=84" in visitor.url and "theme=competences" in visitor.url, describe(visitor, response)
    assert f"{reference} — Campus de la mécatronique" in main_text(visitor), \
        f"the validated action is not on /plans with its filters: {describe(visitor, response)}"


def test_the_territory_imports_a_plan_file(page_as, tmp_path):
    territory = page_as("territory")
    _open_plan(territory)
    a, b = _unique("IMP"), _unique("IMP")
    header = "reference;titre;axe;thematiques;type_porteur;statut;date_statut;specifique;investissement_prevu_eur\n"
    bad = tmp_path / "plan-refuse.csv"
    bad.write_text(header + f"{a};Navette des Glaisins;attirer;mobilite;public;idee;2021-05-01;oui;\n"
                   + f"{b};;conquerir;robots;public;idee;2021-05-01;peut-etre;\n", encoding="utf-8")
    main(territory).get_by_label("Importer un plan (CSV)").set_input_files(str(bad))
    response = click_and_wait(main(territory).get_by_role("button", name="Importer le fichier"))
    assert response.status == 400, describe(territory, response)
    text = main_text(territory)
    assert "Fichier refusé : rien n’a été importé" in text and "ligne 3 : axe « conquerir » inconnu" in text, describe(territory, response)
    assert a not in text, "a refused file wrote some of its actions"

    good = tmp_path / "plan.csv"
    good.write_text(header + f"{a};Navette des Glaisins;attirer;mobilite;public;idee;2021-05-01;oui;\n"
                    + f"{b};Club des industriels;simplifier;autre;prive;en_cours;2021-04-01;non;12 000\n", encoding="utf-8")
    main(territory).get_by_label("Importer un plan (CSV)").set_input_files(str(good))
    response = click_and_wait(main(territory).get_by_role("button", name="Importer le fichier"))
    assert response.status == 200, describe(territory, response)
    assert "Plan importé : 2 actions créées" in main_text(territory), describe(territory, response)
    # The same file again changes nothing.
    main(territory).get_by_label("Importer un plan (CSV)").set_input_files(str(good))
    response = click_and_wait(main(territory).get_by_role("button", name="Importer le fichier"))
    assert "0 modifiée, 2 inchangées" in main_text(territory), describe(territory, response)


def test_a_visitor_reads_a_plan_as_it_was(page_as):
    """The plan at a past date comes from its history: before the demo plans were written, nothing."""
    page = page_as(None)
    _open_plan(page)
    assert main(page).locator("tbody tr").count() > 0, "the Grand Annecy plan is empty today"
    main(page).get_by_label("Plan au", exact=False).first.fill("2019-01-01")
    response = click_and_wait(main(page).get_by_role("button", name="Afficher"))
    assert response.status == 200 and "as_of=2019-01-01" in page.url, describe(page, response)
    assert "plan au 1er janvier 2019" in main_text(page).lower(), describe(page, response)
    assert "Aucune action dans ce plan pour l’instant." in main_text(page), "actions written later show on an earlier date"


def test_an_internal_field_is_never_published(page_as):
    """The territory marks the planned investment internal and says what it seeks from a partner: it
    sees the investment marked, the public sees the funding sought but not the investment."""
    territory = page_as("territory")
    _open_plan(territory)
    click_and_wait(main(territory).get_by_role("link", name="Ajouter une action"))
    form = main(territory).locator("form[method=post]")
    reference = _unique("INT")
    form.get_by_label("Référence").first.fill(reference)
    form.get_by_label("Titre", exact=True).fill("Foncière industrielle partagée")
    form.get_by_label("Axe stratégique").select_option(label="Attirer")
    tick(form.get_by_label("Foncier et friches", exact=False).first)
    form.get_by_label("Type de porteur").select_option(label="Public")
    form.get_by_label("Investissement prévu en euros").fill("7 300 000")
    tick(form.get_by_role("group", name="Champs internes").get_by_label("Investissement prévu", exact=True))
    sought = form.get_by_role("group", name="Financements recherchés")
    sought.get_by_label("Instrument 1").select_option(label="Banque des Territoires — Ingénierie et financement de projets")
    sought.get_by_label("Montant recherché 1 en euros").fill("1 200 000")
    response = click_and_wait(form.get_by_role("button", name="Enregistrer l’action"))
    assert response.status == 200 and path_of(territory).startswith("/actions/"), describe(territory, response)
    action_url = path_of(territory)
    text = main_text(territory)
    assert "7 300 000" in text and "interne" in text.lower(), describe(territory, response)

    region = page_as("region")
    region.goto(action_url)
    response = click_and_wait(main(region).get_by_role("button", name="Valider l’action"))
    assert response.status == 200 and "Action validée" in main_text(region), describe(region, response)

    visitor = page_as(None)
    response = visitor.goto(action_url)
    assert response.status == 200, describe(visitor, response)
    public = main_text(visitor)
    assert "Non publié" in public and "7 300 000" not in public, "an internal field is published"
    assert "Banque des Territoires — Ingénierie et financement de projets : 1 200 000 €" in public, "the funding sought is not shown"
