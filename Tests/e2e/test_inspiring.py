"""Issue 12, inspiring projects: the territory proposes one with a picture, an admin publishes it,
a visitor reads it with its picture."""
import base64
import random

from conftest import (click_and_wait, describe, main, main_text, path_of)

# A 2 × 2 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAD0lEQVR4nGNgYJgIRmAKAA2mAkVE1M3+AAAAAElFTkSuQmCC")


def test_a_territory_proposes_and_an_admin_publishes(page_as, tmp_path):
    territory = page_as("territory")
    response = territory.goto("/plans")
    assert response.status == 200, describe(territory, response)
    response = click_and_wait(main(territory).get_by_role("link", name="Des projets inspirants, racontés par les territoires"))
    assert response.status == 200 and path_of(territory) == "/projets-inspirants", describe(territory, response)
    response = click_and_wait(main(territory).get_by_role("link", name="Proposer un projet"))
    assert response.status == 200, describe(territory, response)
    title = f"Atelier partagé {random.randrange(10**5, 10**6)}"
    form = main(territory).locator("form[method=post]")
    form.get_by_label("Titre", exact=True).fill(title)
    form.get_by_label("Territoire d’industrie").select_option(label="Grand Annecy")
    form.get_by_label("Priorité").select_option(label="Innover")
    picture = tmp_path / "atelier.png"
    picture.write_bytes(PNG)
    form.get_by_label("Image (facultatif)", exact=False).set_input_files(str(picture))
    # No text: refused, the rest kept.
    response = click_and_wait(form.get_by_role("button", name="Proposer le projet"))
    assert response.status == 400 and "Racontez le projet en quelques phrases." in main_text(territory), describe(territory, response)
    form = main(territory).locator("form[method=post]")
    assert form.get_by_label("Titre", exact=True).input_value() == title, "the title typed is lost"
    form.get_by_label("Le projet", exact=False).fill("Trois PME partagent une ligne d’usinage et forment ensemble leurs apprentis.")
    form.get_by_label("Image (facultatif)", exact=False).set_input_files(str(picture))
    response = click_and_wait(form.get_by_role("button", name="Proposer le projet"))
    assert response.status == 200 and "il sera publié après relecture" in main_text(territory), describe(territory, response)
    url = path_of(territory)

    visitor = page_as(None)
    assert visitor.goto(url).status == 404, "a project not yet reviewed is public"
    admin = page_as("admin")
    admin.goto(url)
    response = click_and_wait(main(admin).get_by_role("button", name="Publier le projet"))
    assert response.status == 200 and "Projet publié." in main_text(admin), describe(admin, response)

    response = visitor.goto(url)
    assert response.status == 200 and title in main_text(visitor), describe(visitor, response)
    loaded = main(visitor).locator("img.ti-inspiring-image").evaluate("i => i.complete && i.naturalWidth > 0")
    assert loaded, "the project's picture does not load"


def test_a_returned_project_is_changed_and_sent_again(page_as):
    territory = page_as("territory")
    territory.goto("/projets-inspirants/nouveau")
    title = f"Navette des apprentis {random.randrange(10**5, 10**6)}"
    form = main(territory).locator("form[method=post]")
    form.get_by_label("Titre", exact=True).fill(title)
    form.get_by_label("Territoire d’industrie").select_option(label="Grand Annecy")
    form.get_by_label("Priorité").select_option(label="Recruter")
    form.get_by_label("Le projet", exact=False).fill("Une navette relie la gare aux zones d’activité.")
    response = click_and_wait(form.get_by_role("button", name="Proposer le projet"))
    assert response.status == 200, describe(territory, response)
    url = path_of(territory)

    admin = page_as("admin")
    admin.goto(url)
    main(admin).get_by_label("Motif", exact=False).fill("Dites combien d’apprentis l’utilisent.")
    response = click_and_wait(main(admin).get_by_role("button", name="Renvoyer"))
    assert response.status == 200 and "Projet renvoyé" in main_text(admin), describe(admin, response)

    territory.goto(url)
    assert "Dites combien d’apprentis l’utilisent." in main_text(territory), "the territory does not read the reason"
    response = click_and_wait(main(territory).get_by_role("link", name="Modifier et proposer à nouveau"))
    assert response.status == 200, describe(territory, response)
    text = main(territory).get_by_label("Le projet", exact=False)
    assert text.input_value() == "Une navette relie la gare aux zones d’activité.", "the form does not hold the project"
    text.fill("Une navette relie la gare aux zones d’activité : 140 apprentis l’utilisent chaque jour.")
    response = click_and_wait(main(territory).locator("form[method=post]").get_by_role("button", name="Proposer le projet"))
    assert response.status == 200 and "140 apprentis" in main_text(territory), describe(territory, response)
    admin.goto(url)
    assert "140 apprentis" in main_text(admin) and main(admin).get_by_role("button", name="Publier le projet").count() == 1, \
        "the changed project is not back for review"
