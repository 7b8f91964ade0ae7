"""Issue 14, open data: a visitor (or a data.gouv.fr harvester) finds the datasets on /donnees,
downloads them with the page's buttons and form, and every file is what it claims to be:
- the grants validate against the SCDL « subventions » schema with the official validator,
  nationally and for one région and funder chosen in the form;
- the calls validate against the « dispositif d'aide » schema;
- the DCAT-AP catalogue parses as JSON-LD and lists the same datasets as the page;
- the GeoJSON layers are valid GeoJSON with WGS 84 coordinates (RFC 7946);
- an admin imports another funder's SCDL file from the page, idempotently;
- public answers carry an ETag and answer 304; /api documents every operation."""
import csv
import json
import os
import time
import urllib.error
import urllib.request

import geojson
from frictionless import Resource, Schema, system
from pyld import jsonld

from conftest import click_and_wait, describe, heading, main, main_text, path_of, table_rows

SCHEMAS = os.path.join(os.path.dirname(__file__), "schemas")


def validate(path, schema):
    """frictionless' report on a file: (valid, the first errors as text)."""
    with system.use_context(trusted=True):
        report = Resource(path=path, schema=Schema.from_descriptor(os.path.join(SCHEMAS, schema))).validate()
    return report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:10]


def download(page, locator, tmp_path, name):
    with page.expect_download(timeout=60_000) as download:
        locator.click(no_wait_after=True)
    path = str(tmp_path / name)
    download.value.save_as(path)
    return download.value, path


def rows_shown(section):
    """The « Lignes » figure of a dataset's section."""
    text = section.locator("dl").inner_text().replace("\u202f", " ").replace("\u00a0", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return int(lines[lines.index("Lignes") + 1].replace(" ", ""))


def test_a_visitor_downloads_the_grants_and_calls_in_the_national_formats(page_as, tmp_path):
    page = page_as(None)
    response = page.goto("/donnees")
    assert response.status == 200, describe(page, response)
    grants = main(page).locator("section#subventions")
    assert "Licence Ouverte / Etalab 2.0" in grants.inner_text() and "SCDL subventions 2.1.1" in grants.inner_text()

    # The whole file: valid, one line per decision and funder, as many as the page says.
    file, path = download(page, grants.get_by_role("link", name="CSV"), tmp_path, "subventions.csv")
    assert file.suggested_filename == "subventions.csv"
    valid, errors = validate(path, "scdl-subventions.schema.json")
    assert valid, f"subventions.csv is not valid SCDL: {errors}"
    lines = list(csv.DictReader(open(path, encoding="utf-8")))
    assert len(lines) == rows_shown(grants) > 100, f"{len(lines)} lines, the page says {rows_shown(grants)}"
    assert {line["nomAttribuant"].split(" ")[0] for line in lines} >= {"Préfecture", "Région"}
    assert all(line["referenceDecision"].endswith(("-ETAT", "-REGION")) for line in lines)

    # One région and one funder, chosen in the page's form.
    form = grants.locator("form[method=get]")
    form.get_by_label("Région").select_option(label="Auvergne-Rhône-Alpes")
    form.get_by_label("Financeur").select_option(label="Région")
    file, path = download(page, form.get_by_role("button", name="Télécharger le CSV"), tmp_path, "ara.csv")
    assert file.suggested_filename == "subventions-84-region.csv", file.suggested_filename
    valid, errors = validate(path, "scdl-subventions.schema.json")
    assert valid, f"the région's file is not valid SCDL: {errors}"
    lines = list(csv.DictReader(open(path, encoding="utf-8")))
    assert lines and {line["nomAttribuant"] for line in lines} == {"Région Auvergne-Rhône-Alpes"}, \
        {line["nomAttribuant"] for line in lines}

    # The calls, each grant pointing at one of them.
    calls = main(page).locator("section#dispositifs")
    _, path = download(page, calls.get_by_role("link", name="CSV"), tmp_path, "dispositifs.csv")
    valid, errors = validate(path, "dispositif-aide.schema.json")
    assert valid, f"dispositifs.csv is not a valid « dispositif d'aide » file: {errors}"
    ids = {line["id"] for line in csv.DictReader(open(path, encoding="utf-8"))}
    assert len(ids) == rows_shown(calls) and {line["dispositifAide"] for line in lines} <= ids


def test_the_catalogue_is_harvestable_as_dcat_json_ld(page_as, server):
    page = page_as(None)
    page.goto("/donnees")
    link = main(page).get_by_role("link", name=server.url + "/donnees/catalog.jsonld")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"].startswith("application/ld+json"), response.status
    document = json.loads(response.body())
    expanded = jsonld.expand(document)
    dcat = "http://www.w3.org/ns/dcat#"
    catalogue = next(node for node in expanded if dcat + "Catalog" in node.get("@type", []))
    datasets = catalogue[dcat + "dataset"]
    page.goto("/donnees")
    sections = main(page).locator("section[id]:not(#api)").evaluate_all("ss => ss.map(s => s.id)")
    assert [d["http://purl.org/dc/terms/identifier"][0]["@value"] for d in datasets] == sections
    for d in datasets:
        assert d["http://purl.org/dc/terms/license"][0]["@id"].startswith("https://www.etalab.gouv.fr/")
        for distribution in d[dcat + "distribution"]:
            url = distribution[dcat + "downloadURL"][0]["@id"]
            with urllib.request.urlopen(url) as r:
                assert r.status == 200, url


def test_the_geojson_layers_are_valid_wgs84(page_as, server):
    page = page_as(None)
    page.goto("/donnees")
    links = main(page).get_by_role("link", name="GeoJSON").evaluate_all("as => as.map(a => a.href)")
    assert len(links) >= 3, links
    for url in links:
        with urllib.request.urlopen(url) as r:
            assert r.headers["content-type"].startswith("application/geo+json"), url
            collection = geojson.loads(r.read().decode("utf-8"))
        assert collection.is_valid, (url, collection.errors())
        assert collection["features"], f"{url} is empty"
        for feature in collection["features"]:
            for lon, lat in geojson.utils.coords(feature):
                assert -180 <= lon <= 180 and -90 <= lat <= 90, (url, lon, lat)


def test_the_catalogue_says_what_each_dataset_is(page_as):
    page = page_as(None)
    page.goto("/donnees")
    text = main_text(page)
    for title in ["Subventions du fonds d’accélération", "Appels à projets du fonds (dispositifs d’aide)",
                  "Lauréats du fonds d’accélération", "Périmètres des Territoires d’industrie", "Sites industriels clés en main"]:
        assert title in text, f"« {title} » missing from /donnees"
    for section in main(page).locator("section[id]:not(#api)").all():
        body = section.inner_text()
        for term in ["Licence", "Mise à jour", "Lignes", "Adresse permanente"]:
            assert term in body, f"« {term} » missing from #{section.get_attribute('id')}"


def test_an_admin_imports_a_regions_published_grants_from_the_page(page_as, tmp_path):
    """The Région publishes its co-funding as SCDL (here: its lines of our own export, as a
    Région's system would produce them); the admin imports the file with the page's form, once
    and again: the second time changes nothing. A broken file is refused with numbered lines."""
    visitor = page_as(None)
    visitor.goto("/donnees")
    form = main(visitor).locator("section#subventions form[method=get]")
    form.get_by_label("Financeur").select_option(label="Région")
    _, path = download(visitor, form.get_by_role("button", name="Télécharger le CSV"), tmp_path, "regions.csv")
    published = open(path, encoding="utf-8").read().splitlines()[:4]  # the header and three grants

    page = page_as("admin")
    page.goto("/admin/appels")
    click_and_wait(main(page).get_by_role("link", name="Cofinancements publiés (SCDL)"))
    assert heading(page) == "Cofinancements publiés", describe(page)

    def upload(name, text):
        main(page).get_by_label("Fichier CSV au format SCDL « subventions »").set_input_files(
            files=[{"name": name, "mimeType": "text/csv", "buffer": text.encode("utf-8")}])
        click_and_wait(main(page).get_by_role("button", name="Importer le fichier"))
        return main_text(page)

    text = upload("cofinancements.csv", "\n".join(published) + "\n")
    assert "Import terminé" in text and "3 cofinancements ajoutés" in text, text[:600]
    assert len(table_rows(page, "Cofinancements importés")) >= 3
    text = upload("cofinancements.csv", "\n".join(published) + "\n")
    assert "0 cofinancement ajouté" in text and "3 inchangés" in text, text[:600]

    broken = published[:2] + [published[2].replace("FA-", "XX-", 1)]
    text = upload("casse.csv", "\n".join(broken) + "\n")
    assert "Fichier refusé : rien n’a été importé" in text and "ligne 3 :" in text, text[:600]


def test_public_answers_revalidate_with_their_etag(page_as, server):
    """A client that keeps an answer asks again with If-None-Match and gets 304 without a body
    while the data are the same; the public API can be read from another site (CORS)."""
    for path in ["/api/v1/regions", "/api/v1/territories?region=84", "/indicateurs", "/donnees"]:
        with urllib.request.urlopen(server.url + path) as r:
            tag = r.headers["ETag"]
            assert tag and r.headers["Cache-Control"].endswith("no-cache"), (path, dict(r.headers))
            if path.startswith("/api/"):
                assert r.headers["Access-Control-Allow-Origin"] == "*", path
        request = urllib.request.Request(server.url + path, headers={"If-None-Match": tag})
        try:
            urllib.request.urlopen(request)
            raise AssertionError(f"{path}: 200 instead of 304")
        except urllib.error.HTTPError as answer:
            assert answer.code == 304 and answer.read() == b"", (path, answer.code)
            assert answer.headers["ETag"] == tag


def test_the_api_reference_page_documents_every_operation(page_as, server):
    page = page_as(None)
    page.goto("/donnees")
    click_and_wait(main(page).get_by_role("link", name="Référence de l’API, avec exemples"))
    assert heading(page) == "API Territoires d’industrie", describe(page)
    with urllib.request.urlopen(server.url + "/api/v1/openapi.json") as r:
        document = json.loads(r.read())
    ids = [op["operationId"] for item in document["paths"].values() for op in item.values()]
    for operation_id in ids:
        assert main(page).locator(f"section#{operation_id} pre code").count() >= 1, f"{operation_id} has no example"
    assert "/compte/jetons" in main(page).get_by_role("link", name="« Jetons d’API » dans votre compte").get_attribute("href")


def test_kept_public_pages_reach_the_browser_in_brotli(server, page_as):
    """Issue 15: a public page asked for again is also kept in brotli (a fifth smaller than gzip),
    which Chromium asks for: the visitor's browser decodes it into the whole page, map included."""
    def encoding(path):
        request = urllib.request.Request(server.url + path, headers={"Accept-Encoding": "br"})
        with urllib.request.urlopen(request) as r:
            return r.headers.get("Content-Encoding")

    page = page_as(None, fresh=True)
    for path, title, drawing in [("/carte", "Carte", "svg[aria-labelledby]"), ("/regions/84", "Auvergne-Rhône-Alpes", "svg"),
                                 ("/indicateurs", "Indicateurs", "table")]:
        encoding(path)  # the first visit renders the page and keeps it: not in brotli yet
        for _ in range(50):  # asked again: brotli is computed in the background
            if encoding(path) == "br":
                break
            time.sleep(0.1)
        response = page.goto(path)
        assert response.headers.get("content-encoding") == "br", (path, response.headers)
        assert title in heading(page) and main(page).locator(drawing).count(), describe(page, response)


def test_text_answers_are_compressed_for_clients_that_accept_gzip(server):
    import gzip
    for path in ["/carte", "/api/v1/regions", "/donnees/dispositifs.csv"]:
        with urllib.request.urlopen(server.url + path) as r:
            plain = r.read()
        request = urllib.request.Request(server.url + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as r:
            assert r.headers["Content-Encoding"] == "gzip", (path, dict(r.headers))
            packed = r.read()
        assert len(packed) < len(plain) / 2 and gzip.decompress(packed) == plain, (path, len(packed), len(plain))


def test_maps_draw_their_outlines_from_documents_the_browser_keeps(server, browser):
    """Issue 15: a page's map draws its large layers from documents of their own, named by their
    hash, which the browser fetches once and keeps: /regions/84 and each of its territories draw
    the same intercommunalities without fetching them again. Under the site's real
    Content-Security-Policy (this context does not bypass it), every shape is drawn."""
    context = browser.new_context(base_url=server.url, locale="fr-FR", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        fetched = []
        page.on("response", lambda r: fetched.append(r) if "/cartes/fonds/" in r.url else None)

        def drawn(response):
            assert response.status == 200, describe(page, response)
            page.wait_for_load_state("networkidle")
            uses = main(page).locator("svg use")
            assert uses.count() >= 100, f"{path_of(page)}: {uses.count()} shapes drawn by reference"
            empty = page.evaluate("[...document.querySelectorAll('main svg use')].filter(u => !(u.getBBox().width > 0)).length")
            assert empty == 0, f"{path_of(page)}: {empty} shapes of {uses.count()} not drawn"
            return {u.split("#")[0] for u in uses.evaluate_all("us => us.map(u => u.getAttribute('href'))")}

        region = drawn(page.goto("/regions/84"))
        assert fetched and all(r.status == 200 for r in fetched), [(r.url, r.status) for r in fetched]
        for r in fetched:
            assert r.headers["cache-control"] == "public, max-age=31536000, immutable", r.headers
            assert r.headers["content-type"].startswith("image/svg+xml"), r.headers
            assert r.request.timing["requestStart"] >= 0, f"{r.url} was asked to the server"
        fetched.clear()
        # A territory of the région, through its map: the same intercommunalities, from the browser's cache.
        territory = drawn(click_and_wait(main(page).locator("svg a[href^='/territoires/']").first))
        assert "/territoires/" in path_of(page) and region & territory, (region, territory)
        # Read from the browser's cache: no request was sent (Chromium reports requestStart -1).
        again = [r for r in fetched if any(r.url.endswith(d) for d in region & territory)]
        assert again and all(r.request.timing["requestStart"] == -1 for r in again), \
            [(r.url, r.request.timing) for r in again]
    finally:
        context.close()
