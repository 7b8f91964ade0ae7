"""The committee's journey (préfecture de région and conseil régional, Auvergne-Rhône-Alpes):
decisions by lots on /comites/84, the two keys, the decision letter, and after the decision."""
import re

import pytest

from conftest import (MOBILE, click_and_wait, decide_in_committee, deposit_new_application, describe, file_state,
                      first_present, main, main_text, open_committee, open_first_in_state, open_own_file, path_of,
                      review_and_send_to_committee, tick)

PARTIES = ["prefecture", "region"]


@pytest.mark.parametrize("role", PARTIES)
def test_sign_in_lands_on_committee_and_envelopes(page_as, role):
    page = page_as(role, fresh=True)
    assert path_of(page).startswith("/comites/"), f"after sign-in {role} lands on {describe(page)}, not its committee"
    assert re.search("enveloppe", main_text(page), re.I), f"{role}'s landing page says nothing of the envelopes"


def pending_items(page):
    """The files of the committee page that still wait for this party's decision."""
    return main(page).locator("tr, article, .fr-card").filter(has=page.get_by_label("Favorable", exact=True))


def test_committee_shows_the_reviewers_opinions_and_proposal(page_as):
    page = page_as("region")
    open_committee(page)
    items = pending_items(page)
    assert items.count(), f"no file waits for the Région's decision: {describe(page)}"
    for item in items.all():
        text = " ".join(item.inner_text().split())
        assert re.search("avis technique", text, re.I) and re.search("avis financier", text, re.I), \
            f"a committee item does not show the reviewer's opinions beside the decision: « {text[:200]} »"
        assert re.search(r"proposée", text, re.I), f"a committee item does not show the proposal: « {text[:200]} »"


def decision_controls(page):
    return main(page).locator("label").filter(has_text=re.compile(r"^\s*(Favorable|Défavorable)\s*$"))


def horizontally_outside(page, locator):
    width = page.evaluate("document.documentElement.clientWidth")
    boxes = [box for box in (element.bounding_box() for element in locator.all()) if box]
    return [f"x {round(b['x'])}…{round(b['x'] + b['width'])}" for b in boxes if b["x"] < 0 or b["x"] + b["width"] > width + 1]


def test_decision_controls_visible_without_horizontal_scroll_at_1280(page_as):
    page = page_as("region")
    open_committee(page)
    controls = decision_controls(page)
    assert controls.count(), f"no decision control: {describe(page)}"
    outside = horizontally_outside(page, controls.or_(main(page).get_by_role("button", name=re.compile("Enregistrer"))))
    assert not outside, f"at 1280 px {len(outside)} decision control(s) are out of view horizontally: {outside[:4]}"


def test_decision_controls_are_cards_at_390(page_as):
    page = page_as("region", width=MOBILE)
    open_committee(page)
    controls = decision_controls(page)
    assert controls.count(), f"no decision control: {describe(page)}"
    in_table = main(page).locator("table").filter(has=page.get_by_label("Favorable", exact=True)).count()
    assert not in_table, "at 390 px the decisions are still in a wide table, not cards"
    outside = horizontally_outside(page, controls)
    assert not outside, f"at 390 px {len(outside)} decision control(s) are out of view: {outside[:4]}"


def test_saving_with_nothing_ticked_says_so(page_as):
    page = page_as("region")
    open_committee(page)
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("Enregistrer")).last)
    message = main(page).locator(".fr-alert, [role=alert], [role=status], .fr-message")
    text = " ".join(" ".join(message.all_inner_texts()).split())
    assert re.search(r"aucun|rien|cochez|sélectionnez", text, re.I), \
        f"saving with nothing ticked gives no clear message: {describe(page, response)}"


def test_confirmation_states_the_number_of_decisions(page_as):
    page = page_as("region")
    open_committee(page)
    item = pending_items(page).first
    reference = item.get_by_role("link").first.inner_text().strip()
    tick(item.get_by_label("Défavorable", exact=True))
    item.get_by_label(re.compile("Motivation", re.I)).fill("Projet à représenter au prochain comité.")
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("Enregistrer")).last)
    text = main_text(page)
    confirm = main(page).get_by_role("button", name=re.compile("Confirmer", re.I))
    assert confirm.count() and re.search(r"\b1 décision\b", text), \
        f"ticking one decision on {reference} saved it without confirming « 1 décision »: {describe(page, response)}"


def test_two_keys_prefecture_then_region_make_a_laureate(page_as):
    applicant, reviewer = page_as("applicant"), page_as("reviewer")
    prefecture, region = page_as("prefecture"), page_as("region")
    reference = deposit_new_application(applicant, "Centre d’usinage cinq axes (comité)")
    review_and_send_to_committee(reviewer, reference)
    response = decide_in_committee(prefecture, reference, True, "Projet structurant pour le territoire.")
    assert response.status == 200, describe(prefecture, response)
    assert "en attente de l’autre partie" in main_text(prefecture), f"State's key on {reference}: {describe(prefecture, response)}"
    response = decide_in_committee(region, reference, True, "Avis favorable de la Région.")
    assert response.status == 200 and "Lauréat" in main_text(region), f"Région's key on {reference}: {describe(region, response)}"
    open_own_file(applicant, reference)
    assert file_state(applicant) == "Lauréat", f"the applicant sees {reference} as « {file_state(applicant)} »"


def test_rejection_letter_is_signed_by_the_deciding_party_with_legal_basis_and_appeal(page_as):
    applicant, reviewer, prefecture = page_as("applicant"), page_as("reviewer"), page_as("prefecture")
    reference = deposit_new_application(applicant, "Entrepôt logistique (rejet)")
    review_and_send_to_committee(reviewer, reference)
    response = decide_in_committee(prefecture, reference, False, "Projet logistique, hors du champ industriel de l’appel.")
    assert response.status == 200 and "Rejeté" in main_text(prefecture), f"State's refusal of {reference}: {describe(prefecture, response)}"
    open_own_file(applicant, reference)
    response = click_and_wait(main(applicant).get_by_role("link", name=re.compile("Courrier de décision")))
    assert response.status == 200, describe(applicant, response)
    letter = main_text(applicant)
    signature = main(applicant).locator(".ti-letter__sign, [class*=sign]")
    signed_by = " ".join(signature.last.inner_text().split()) if signature.count() else letter[letter.rfind("distinguées") + 11:]
    problems = []
    if not re.search("préfet", signed_by, re.I) or re.search("conseil régional|Région", signed_by):
        problems.append(f"signed « {signed_by} » while only the préfecture decided")
    if "SA.56985" not in letter:
        problems.append("no legal basis (the call's regime SA.56985)")
    if not re.search("recours gracieux", letter, re.I) or not re.search("tribunal administratif", letter, re.I):
        problems.append("no means of appeal (recours gracieux and tribunal administratif)")
    assert not problems, f"rejection letter of {reference}: " + "; ".join(problems)


@pytest.mark.parametrize("role,funder", [("prefecture", "État"), ("region", "Région")])
def test_each_party_records_only_its_own_payments(page_as, role, funder):
    page = page_as(role)
    open_first_in_state(page, "Convention signée")
    form = first_present("the payment form", main(page).locator("form").filter(
        has=page.get_by_role("button", name=re.compile("versement", re.I))))
    funders = form.locator("select option").all_inner_texts() if form.locator("select").count() else []
    assert funders in ([], [funder]), f"{role} may record payments for {funders}, not only the {funder} share"
    assert funders or funder in " ".join(form.inner_text().split()), f"{role}'s payment form does not say it pays the {funder} share"
