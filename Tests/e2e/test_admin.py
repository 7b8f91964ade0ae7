"""The national team's journey (admin): accounts and their scope, the audit journal, reopening a
decision and recovering aid, with every change of a deposited file in the journal."""
import datetime
import re
import time
import uuid

from conftest import (REFERENCE_RE, UUID_RE, act, assert_no_problems, choose_containing, click_and_wait, deposit,
                      deposit_new_application, describe, field, first_present, form_of, get_forms_problems,
                      mail_text, main, main_text, make_pdf, mime_problems, open_first_in_state, open_own_file,
                      path_of, read_mails, request_information, table_rows, tick, today_paris, type_into)


def test_sign_in_lands_on_the_administration(page_as):
    page = page_as("admin", fresh=True)
    assert path_of(page).startswith("/admin"), f"after sign-in the admin lands on {describe(page)}, not the administration"


def test_admin_creates_a_collaborative_call(page_as):
    """The call form's « Projets collaboratifs » box, ticked, is a collaborative call (not a 400)."""
    page = page_as("admin")
    page.goto("/admin/appels")
    click_and_wait(main(page).get_by_role("link", name="Créer un appel"))
    title = f"Appel collaboratif {uuid.uuid4().hex[:6]}"
    type_into(page, "Titre", title)
    type_into(page, "Description", "Projets portés à plusieurs industriels d’un même territoire.")
    type_into(page, "Investissement minimum", "200 000")
    # Opening next year: the other journeys deposit on the open calls, which need no partners.
    opens = today_paris() + datetime.timedelta(days=365)
    type_into(page, "Ouverture", opens.isoformat())
    type_into(page, "Clôture", (opens + datetime.timedelta(days=180)).isoformat())
    tick(main(page).locator("input[name='collaboratif[]']"))
    response = click_and_wait(main(page).get_by_role("button", name="Créer l’appel"))
    assert response.status == 201, describe(page, response)
    page.goto("/fonds")
    click_and_wait(main(page).get_by_role("link", name=title))
    assert "projets collaboratifs" in main_text(page).lower(), f"the new call's page does not say it is collaborative: {describe(page)}"


def open_journal(page, **filters):
    """/admin/journal through the administration's links, filtered by typing into its fields."""
    page.goto("/admin/utilisateurs")
    click_and_wait(main(page).get_by_role("link", name="Journal d’audit"))
    for label, value in filters.items():
        type_into(page, label, value)
    if filters:
        response = click_and_wait(main(page).get_by_role("button", name="Filtrer"))
        assert response.status == 200, describe(page, response)
    return table_rows(page, "Événements")


def test_journal_filter_form_as_it_appears(page_as):
    page = page_as("admin")
    assert_no_problems(get_forms_problems(page, "/admin/journal"), "the journal's filter form")


def test_journal_action_filter_matches_words(page_as):
    page = page_as("admin")
    rows = open_journal(page, Action="ouverture")
    actions = [row[3] for row in rows if len(row) > 3]
    assert actions, "filtering the journal on the word « ouverture » finds nothing (session.ouverture exists)"
    assert all("ouverture" in a for a in actions), f"the filter « ouverture » lists other actions: {sorted(set(actions))[:5]}"


def test_journal_shows_file_references_not_uuids(page_as):
    applicant, admin = page_as("applicant"), page_as("admin")
    reference = deposit_new_application(applicant, "Ligne d’emboutissage (journal)")
    rows = open_journal(admin, **{"Type d’objet": "dossier"})
    cells = [" ".join(row) for row in rows]
    with_uuid = [c for c in cells if UUID_RE.search(c) and "dossier" in c]
    assert any(reference in c for c in cells), f"the journal does not name {reference}"
    assert not with_uuid, f"{len(with_uuid)} journal rows show a file by its UUID, e.g. « {with_uuid[0][:160]} »"


def test_every_change_after_deposit_is_in_the_journal(page_as, tmp_path):
    applicant, reviewer, admin = page_as("applicant"), page_as("reviewer"), page_as("admin")
    old_title = "Cellule robotisée (avant compléments)"
    new_title = f"Cellule robotisée {uuid.uuid4().hex[:6]}"
    reference = deposit_new_application(applicant, old_title)
    request_information(reviewer, reference, "Précisez le titre du projet.")
    open_own_file(applicant, reference)
    click_and_wait(main(applicant).get_by_role("link", name=re.compile("Modifier")))
    type_into(applicant, "Titre", new_title)
    response = deposit(applicant)   # through the deposit page and its sworn statement
    assert response.status == 200, f"resending {reference}: {describe(applicant, response)}"
    form = main(applicant).locator("form").filter(has=applicant.get_by_role("button", name="Envoyer"))
    form.get_by_label("Nouveau message").fill("Titre précisé, devis joint.")
    form.locator("input[type=file]").set_input_files(make_pdf(tmp_path / "devis-cellule.pdf", 8 * 1024))
    response = click_and_wait(form.get_by_role("button", name="Envoyer"))
    assert response.status == 200, f"message on {reference}: {describe(applicant, response)}"

    rows = [" ".join(row) for row in open_journal(admin, **{"Type d’objet": "dossier"})]
    problems = []
    if not any(old_title in r and new_title in r for r in rows):
        problems.append(f"no content edit with before → after of the title (« {old_title} » → « {new_title} »)")
    if not any(re.search("message", r, re.I) and "Titre précisé" in r for r in rows):
        problems.append("no record of the applicant's message")
    if not any("devis-cellule.pdf" in r for r in rows):
        problems.append("no record of the attachment devis-cellule.pdf")
    assert not problems, f"journal after changes to {reference}: " + "; ".join(problems)


def test_reopening_reason_is_in_the_journal(page_as):
    page = page_as("admin")
    open_first_in_state(page, "Rejeté")
    reference = REFERENCE_RE.search(main_text(page)).group(0)
    reason = f"Pièce nouvelle produite par le porteur {uuid.uuid4().hex[:6]}"
    act(page, "Réouverture de la décision", reason=reason)
    rows = [" ".join(row) for row in open_journal(page, **{"Type d’objet": "dossier"})]
    assert any(reason in r for r in rows), f"the reason for reopening {reference} is not in the journal"


def test_aid_can_be_recovered_after_payment_with_a_reason(page_as):
    page = page_as("admin")
    open_first_in_state(page, "Versements en cours")
    button = first_present("a button to recover or cancel the aid",
                           main(page).get_by_role("button", name=re.compile("reversement|récupér|annuler l’aide|annulation", re.I)))
    reason = f"Site fermé avant la fin du programme {uuid.uuid4().hex[:6]}"
    form = form_of(button)
    first_present("a reason field", form.get_by_label(re.compile("motif", re.I))).fill(reason)
    amount = form.get_by_label(re.compile("montant", re.I))
    if amount.count():
        amount.first.fill("1000")
    response = click_and_wait(button)
    assert response.status == 200 and not main(page).locator(".fr-alert--error").count(), describe(page, response)
    rows = [" ".join(row) for row in open_journal(page, **{"Type d’objet": "dossier"})]
    assert any(reason in r for r in rows), "the recovery and its reason are not in the journal"


def create_account(page, address, role_label="Bpifrance", regions="84"):
    page.goto("/admin/utilisateurs")
    type_into(page, "Adresse électronique", address)
    type_into(page, "Nom affiché", "Nouvelle chargée d’affaires")
    choose_containing(page, "Rôle", role_label)
    type_into(page, "Région(s)", regions)
    return click_and_wait(main(page).get_by_role("button", name="Créer le compte"))


def test_new_account_chooses_a_password_through_the_mailed_link_and_signs_in(page_as, server):
    admin, newcomer = page_as("admin"), page_as(None, fresh=True)
    address = f"nouvelle-{uuid.uuid4().hex[:6]}@exemple.fr"
    since = time.time()
    response = create_account(admin, address)
    assert response.status in (200, 201) and "Compte créé" in main_text(admin), describe(admin, response)
    assert address in " ".join(" ".join(r) for r in table_rows(admin, "Comptes"))
    mails = [m for m in read_mails(server, since) if address in str(m["To"])]
    assert mails, f"no mail to {address} in {server.mail_dir}"
    link = re.search(r"https?://\S+/reinitialisation/\S+", mail_text(mails[-1]))
    assert link, "the welcome mail has no link to choose a password"
    newcomer.goto(link.group(0))
    password = "Nouveau-mot-de-passe-2026!"
    type_into(newcomer, "Nouveau mot de passe", password)
    type_into(newcomer, "Confirmation", password)
    response = click_and_wait(main(newcomer).get_by_role("button", name="Enregistrer le mot de passe"))
    assert response.status == 200, describe(newcomer, response)
    if path_of(newcomer) != "/connexion":
        click_and_wait(newcomer.locator("header").get_by_role("link", name="Se connecter"))
    main(newcomer).get_by_label("Adresse électronique").press_sequentially(address)
    main(newcomer).get_by_label("Mot de passe").press_sequentially(password)
    response = click_and_wait(main(newcomer).get_by_role("button", name="Se connecter"))
    assert path_of(newcomer) != "/connexion", f"the new account cannot sign in: {describe(newcomer, response)}"


def test_mails_are_proper_mime(page_as, server):
    admin = page_as("admin")
    address = f"mime-{uuid.uuid4().hex[:6]}@exemple.fr"
    since = time.time()
    create_account(admin, address)
    mails = [m for m in read_mails(server, since) if address in str(m["To"])]
    assert mails, f"no mail to {address}"
    problems = mime_problems(mails[-1])
    assert not problems, f"{mails[-1].path.name}: " + "; ".join(problems)


def test_a_users_scope_can_be_edited_after_creation(page_as):
    page = page_as("admin")
    address = f"perimetre-{uuid.uuid4().hex[:6]}@exemple.fr"
    create_account(page, address, regions="84")
    row = main(page).locator("tbody tr").filter(has_text=address)
    edit = first_present(f"a control to edit the account {address}",
                         row.get_by_role("link", name=re.compile("Modifier", re.I)),
                         row.get_by_role("button", name=re.compile("Modifier", re.I)))
    click_and_wait(edit)
    type_into(page, "Région(s)", "84, 27")
    response = click_and_wait(main(page).get_by_role("button", name=re.compile("Enregistrer", re.I)).first)
    assert response.status == 200, describe(page, response)
    page.goto("/admin/utilisateurs")
    scope = " ".join(main(page).locator("tbody tr").filter(has_text=address).first.inner_text().split())
    assert "27" in scope and "84" in scope, f"the account's scope after the edit: « {scope} »"


def test_create_account_errors_keep_the_typed_values(page_as):
    page = page_as("admin")
    response = create_account(page, "pas-une-adresse")
    assert response.status == 400, describe(page, response)
    assert field(page, "Adresse électronique").input_value() == "pas-une-adresse"
    assert field(page, "Région(s)").input_value() == "84"


def test_deactivate_and_reactivate_an_account(page_as):
    page = page_as("admin")
    address = f"desactivation-{uuid.uuid4().hex[:6]}@exemple.fr"
    create_account(page, address)
    row = lambda: main(page).locator("tbody tr").filter(has_text=address).first  # noqa: E731
    response = click_and_wait(row().get_by_role("button", name="Désactiver"))
    assert response.status == 200 and "Désactivé" in row().inner_text(), describe(page, response)
    response = click_and_wait(row().get_by_role("button", name="Réactiver"))
    assert response.status == 200 and "Actif" in row().inner_text(), describe(page, response)
