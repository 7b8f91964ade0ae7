"""Public pages, and what every visitor or signed-in person meets: navigation, public filter forms,
the indicators' date, error pages, sign-in, « Mon compte »."""
import re

import pytest

from conftest import (ACCOUNTS, assert_no_problems, click_and_wait, describe, french_date, get_forms_problems, heading,
                      main, main_text, path_of, today_paris)


def test_main_navigation_reaches_every_section(page_as):
    page = page_as(None)
    page.goto("/")
    menu = page.get_by_role("navigation", name="Menu principal")
    for section in ["Carte", "Territoires", "Fonds", "Indicateurs", "Données"]:
        response = click_and_wait(menu.get_by_role("link", name=section, exact=True))
        assert response.status == 200 and heading(page) != "(no h1)", f"menu « {section} »: {describe(page, response)}"


@pytest.mark.parametrize("url", ["/territoires", "/carte", "/indicateurs"])
def test_public_filter_form_as_it_appears_and_with_each_option(page_as, url):
    page = page_as(None)
    assert_no_problems(get_forms_problems(page, url), f"the filter form of {url}")


def test_territory_filter_finds_a_territory_by_name(page_as):
    page = page_as(None)
    page.goto("/territoires")
    main(page).get_by_role("searchbox").first.fill("Annecy")
    response = click_and_wait(main(page).get_by_role("button", name="Filtrer"))
    assert response.status == 200, describe(page, response)
    link = main(page).get_by_role("link", name=re.compile("Grand Annecy"))
    assert link.count(), f"searching « Annecy » does not list the TI Grand Annecy: {describe(page, response)}"
    response = click_and_wait(link.first)
    assert response.status == 200 and "Annecy" in heading(page), describe(page, response)


def test_indicators_state_the_date_of_their_figures(page_as):
    """Issue 9: /indicateurs says « Situation au 24 septembre 2021 » while it counts today's data."""
    page = page_as(None)
    response = page.goto("/indicateurs")
    assert response.status == 200, describe(page, response)
    # What the page states, leaving out links, buttons and the form's own labels.
    statement = main(page).evaluate("""m => { const c = m.cloneNode(true);
        c.querySelectorAll('a, button, form').forEach(e => e.remove()); return c.innerText.replace(/\\s+/g, ' '); }""")
    today = french_date(today_paris())
    assert "24 septembre 2021" not in statement, \
        f"/indicateurs (today's figures) states a date of 24 septembre 2021: « …{_around(statement, '24 septembre 2021')}… »"
    assert today in statement, f"/indicateurs does not say that its figures are as of today ({today})"


def test_the_report_date_shows_the_collective_skills_projects(page_as):
    """Issue 11: the seeds publish 17 collective « compétences » projects, 8,80 M€ of aid and 975 people
    trained at 24 Sept. 2021. A visitor asks for that date with the page's button and reads them."""
    page = page_as(None)
    response = page.goto("/indicateurs")
    assert response.status == 200, describe(page, response)
    response = click_and_wait(main(page).get_by_role("link", name="Revoir le point d’étape du 24 septembre 2021"))
    assert response.status == 200, describe(page, response)
    text = " ".join(main_text(page).split())
    assert "dont 17 « compétences » : 8,8 M€ d’aide, 975 personnes formées" in text, \
        f"the collective skills projects are not on /indicateurs at 24 Sept. 2021: « …{_around(text, 'collaboratifs')}… »"


@pytest.mark.parametrize("url", ["/regions/27", "/territoires/TI-GRAND-ANNECY"])
def test_region_and_territory_pages_show_their_figures_at_a_chosen_date(page_as, url):
    """Issue 11: the région and TI pages ignored as_of and did not say the date of their figures.
    A visitor types a date in « Chiffres au » and gets the figures of that day, said on the page."""
    page = page_as(None)
    response = page.goto(url)
    assert response.status == 200, describe(page, response)
    # The date is a DSFR badge, written in capitals by CSS: compare without case.
    assert f"chiffres au {french_date(today_paris())}" in main_text(page).lower(), f"{url} does not say its figures are as of today"
    main(page).get_by_label("Chiffres au", exact=False).first.fill("2020-12-15")
    response = click_and_wait(main(page).get_by_role("button", name="Afficher"))
    assert response.status == 200, describe(page, response)
    assert "as_of=2020-12-15" in page.url, f"the date form of {url} does not send as_of: {page.url}"
    assert "chiffres au 15 décembre 2020" in main_text(page).lower(), f"{url} at 2020-12-15 does not say so: {describe(page, response)}"
    assert main(page).get_by_label("Chiffres au", exact=False).first.input_value() == "2020-12-15", "the date typed is lost"
    assert_no_problems(get_forms_problems(page, url), f"the date form of {url}")


def _around(text, needle, width=80):
    i = text.find(needle)
    return text[max(0, i - width):i + len(needle) + width]


@pytest.mark.parametrize("start", ["/fonds/appels/00000000-0000-0000-0000-000000000000", "/instruction"],
                         ids=["404", "403"])
def test_error_page_remembers_who_is_signed_in(page_as, start):
    page = page_as("viewer")
    response = page.goto(start)
    assert response.status >= 400, f"expected an error page: {describe(page, response)}"
    header = page.locator("header")
    assert not header.get_by_role("link", name="Se connecter").count(), \
        f"the {response.status} page at {start} offers « Se connecter » to a signed-in viewer"
    assert header.get_by_role("button", name="Se déconnecter").count(), \
        f"the {response.status} page at {start} has no « Se déconnecter » for a signed-in viewer"


def test_wrong_password_is_refused_and_the_address_kept(page_as):
    page = page_as(None)
    page.goto("/")
    click_and_wait(page.locator("header").get_by_role("link", name="Se connecter"))
    address = ACCOUNTS["viewer"][0]
    main(page).get_by_label("Adresse électronique").press_sequentially(address)
    main(page).get_by_label("Mot de passe").press_sequentially("pas-le-bon-mot-de-passe")
    response = click_and_wait(main(page).get_by_role("button", name="Se connecter"))
    assert path_of(page) == "/connexion" and response.status in (400, 401), describe(page, response)
    assert "incorrect" in main_text(page), f"no reason given: {describe(page, response)}"
    assert main(page).get_by_label("Adresse électronique").input_value() == address


# Where « Mon compte » must lead each role (issue 9: it is no longer a dead end).
WORK = {
    "applicant": ("/dossiers", "Mes dossiers"),
    "reviewer": ("/instruction", "the queue"),
    "prefecture": ("/comites/84", "the committee"),
    "region": ("/comites/84", "the committee"),
    "territory": ("/territoires/TI-GRAND-ANNECY", "its territory"),
    "admin": ("/admin/utilisateurs", "the administration"),
}


@pytest.mark.parametrize("role", list(WORK))
def test_my_account_leads_to_my_work(page_as, role):
    page = page_as(role)
    page.goto("/")
    account_link = page.locator("header").get_by_role("link", name=re.compile("démo|compte", re.I)).first
    response = click_and_wait(account_link)
    assert path_of(page) == "/compte" and response.status == 200, describe(page, response)
    target, what = WORK[role]
    links = [href for href in main(page).locator("a[href]").evaluate_all("as => as.map(a => a.pathname)")]
    assert target in links, f"« Mon compte » of {role} has no link to {what} ({target}); its links: {links}"


def test_from_the_map_to_a_departement_and_its_laureates(page_as):
    """A citizen clicks a département on the map (« Départements » level, laureates hidden so that no dot
    covers the shape), reads its laureates and opens one."""
    page = page_as(None)
    page.goto("/carte?niveau=departement&points=non")
    response = click_and_wait(main(page).locator("svg a[href='/departements/69']").first)
    assert response.status == 200 and "Rhône" in heading(page), describe(page, response)
    section = main(page).get_by_role("heading", name="Lauréats du fonds d’accélération")
    assert section.count() == 1, describe(page, response)
    table = main(page).get_by_role("table", name=re.compile("Lauréats du département"))
    links = table.get_by_role("link").filter(has_not_text="Territoire")
    assert table.count() == 1 and links.count() > 0, describe(page, response)
    name = links.first.inner_text()
    response = click_and_wait(links.first)
    assert response.status == 200 and path_of(page).startswith("/laureats/") and name in heading(page), describe(page, response)
