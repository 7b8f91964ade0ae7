"""The territory's journey (cheffe de projet, TI Grand Annecy): its territory first, then its
files, read only."""
import re

from conftest import (assert_no_problems, click_and_wait, describe, first_present, get_forms_problems, heading, main,
                      path_of, table_rows)


def test_sign_in_lands_on_its_territory(page_as):
    page = page_as("territory", fresh=True)
    assert path_of(page) == "/territoires/TI-GRAND-ANNECY", \
        f"after sign-in the territory lands on {describe(page)}, not its territory"


def test_its_territory_leads_to_its_files(page_as):
    page = page_as("territory")
    page.goto("/territoires/TI-GRAND-ANNECY")
    link = first_present("a link from the territory's page to its files",
                         main(page).get_by_role("link", name=re.compile("dossiers", re.I)))
    response = click_and_wait(link)
    assert response.status == 200 and path_of(page) == "/instruction", describe(page, response)
    rows = table_rows(page)
    assert rows, f"the territory sees no file: {describe(page, response)}"
    outside = [row[0] for row in rows if "TI" not in row[-1]]
    assert not outside, f"files outside the territory are listed: {outside[:5]}"


def test_queue_filter_form_as_it_appears_and_with_each_option(page_as):
    page = page_as("territory")
    assert_no_problems(get_forms_problems(page, "/instruction"), "the queue's filter form (territory)")


def test_a_file_is_read_only(page_as):
    page = page_as("territory")
    response = page.goto("/instruction")
    assert response.status == 200, describe(page, response)
    response = click_and_wait(main(page).locator("tbody tr").first.get_by_role("link").first)
    assert response.status == 200, describe(page, response)
    forms = main(page).locator("form[method=post]")
    actions = forms.evaluate_all("fs => fs.map(f => new URL(f.action).pathname)")
    assert not actions, f"the territory's view of « {heading(page)} » has forms that change it: {actions}"
