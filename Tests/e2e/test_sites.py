"""Issue 12, turnkey sites: a visitor finds them from the map, filters the catalogue by wave and
date, opens SaôneOr, and shows the sites on the map with the map's own form."""
from conftest import (click_and_wait, describe, main, main_text, path_of)


def test_a_visitor_finds_the_turnkey_sites(page_as):
    page = page_as(None)
    response = page.goto("/carte")
    assert response.status == 200, describe(page, response)
    response = click_and_wait(main(page).get_by_role("link", name="Le catalogue des sites industriels clés en main"))
    assert response.status == 200 and path_of(page) == "/sites", describe(page, response)
    filters = main(page).locator("form[method=get]")
    filters.get_by_label("Qualifiés au").fill("2020-12-31")
    response = click_and_wait(filters.get_by_role("button", name="Filtrer"))
    assert response.status == 200 and "as_of=2020-12-31" in page.url, describe(page, response)
    assert "78\nsites qualifiés" in main(page).locator(".ti-figures").inner_text() or \
        "78 sites qualifiés" in " ".join(main_text(page).split()), f"not 78 sites at the end of 2020: {describe(page, response)}"
    filters = main(page).locator("form[method=get]")
    filters.get_by_label("Qualifiés au").fill("2021-09-24")
    filters.get_by_label("Vague").select_option(label="Juillet 2020 (Pack Rebond)")
    filters.get_by_label("Région").select_option(label="Bourgogne-Franche-Comté")
    response = click_and_wait(filters.get_by_role("button", name="Filtrer"))
    assert response.status == 200, describe(page, response)
    response = click_and_wait(main(page).get_by_role("link", name="SaôneOr"))
    assert response.status == 200 and "Vicky Foods" in main_text(page), describe(page, response)
    assert "Grand Chalon" in main_text(page), "SaôneOr is not shown in its TI"


def test_the_map_shows_the_sites_when_asked(page_as):
    page = page_as(None)
    page.goto("/carte")
    form = main(page).locator("form[method=get]").first
    form.get_by_label("Sites clés en main").select_option(label="Afficher")
    response = click_and_wait(form.get_by_role("button").first)
    assert response.status == 200 and "sites=oui" in page.url, describe(page, response)
    titles = main(page).locator("svg title").evaluate_all("ts => ts.map(t => t.textContent || '')")
    assert any(t.startswith("Site clés en main : SaôneOr") for t in titles), "the map does not draw the sites"


def test_an_admin_edits_a_site(page_as):
    """From the site's page: the form holds its values; an unknown laureate is refused with the rest kept."""
    admin = page_as("admin")
    admin.goto("/sites?region=27&vague=2020-07&as_of=2021-09-24")
    response = click_and_wait(main(admin).get_by_role("link", name="SaôneOr"))
    assert response.status == 200, describe(admin, response)
    response = click_and_wait(main(admin).get_by_role("link", name="Modifier le site"))
    assert response.status == 200 and path_of(admin).startswith("/admin/sites/"), describe(admin, response)
    form = main(admin).locator("form[method=post]")
    assert form.get_by_label("Nom du site").input_value() == "SaôneOr", "the form does not hold the site's values"
    settled = form.get_by_label("Entreprises implantées", exact=False)
    settled.fill(settled.input_value() + ", Atelier E2E")
    form.get_by_label("Lauréat du fonds installé", exact=False).fill("FA-INCONNU")
    response = click_and_wait(form.get_by_role("button", name="Enregistrer le site"))
    assert response.status == 400 and "Aucun lauréat du fonds ne porte la référence « FA-INCONNU »." in main_text(admin), \
        describe(admin, response)
    form = main(admin).locator("form[method=post]")
    assert "Atelier E2E" in form.get_by_label("Entreprises implantées", exact=False).input_value(), "the companies typed are lost"
    form.get_by_label("Lauréat du fonds installé", exact=False).fill("")
    response = click_and_wait(form.get_by_role("button", name="Enregistrer le site"))
    assert response.status == 200 and "Atelier E2E" in main_text(admin) and "Vicky Foods" in main_text(admin), describe(admin, response)
