"""A confidential location's details appear nowhere outside the admin.

A unique marker is planted in every field of a confidential location (in Spanish and in its
English translation); every public output is then swept for it: the directory with each
filter (and its map data), the service page, every HSDS API endpoint and the ndjson stream,
the Tabular Data Package export, the search index tables, the sitemap, the Wagtail API v2,
site search and everything logged meanwhile."""

import logging
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale

from services_directory.models import Location, Service

from ..utils.directory import make_service, region
from ..utils.sitemaps import sitemap_files

pytestmark = pytest.mark.django_db

LATITUDE, LONGITUDE = -4.123457, -74.987653
MARKED_FIELDS = {
    "name": "ZQXMARK-name",
    "address_1": "ZQXMARK-address",
    "district": "ZQXMARK-district",
    "province": "ZQXMARK-province",
    "transportation": "ZQXMARK-transportation",
    "url": "https://zqxmark-url.invalid/",
}
# The marker, and the coordinates however they might be printed (both decimal separators).
NEEDLES = [
    "zqxmark",
    "4.123457",
    "4,123457",
    "74.987653",
    "74,987653",
    "4.12346",
    "74.98765",
]


@pytest.fixture
def shelter(settings):
    settings.MAP_TILE_URL = "https://tiles.example.invalid/{z}/{x}/{y}.png"
    service = make_service(
        "Albergue confidencial de prueba",
        slug="albergue-confidencial-de-prueba",
        types=["albergue"],
        populations=["mujeres"],
        languages=["es", "qu"],
        phones=["999"],
        open_24h=True,
        locations=[
            {
                "region": region("16"),
                "is_confidential": True,
                "latitude": LATITUDE,
                "longitude": LONGITUDE,
                **MARKED_FIELDS,
            }
        ],
    )
    # Its English translation carries the same location, as wagtail-localize copies it.
    english = service.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Confidential test shelter"
    english.save()
    assert Location.objects.filter(name="ZQXMARK-name").count() == 2
    return service


def assert_clean(name, text):
    lowered = text.lower()
    found = [needle for needle in NEEDLES if needle in lowered]
    assert not found, f"{name} leaks {found}"


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


DIRECTORY_QUERIES = [
    {},
    {"region": "16"},
    {"type": "albergue"},
    {"population": "mujeres"},
    {"language": "qu"},
    {"open24h": "1"},
    {"free": "1"},
    {"near": "-4.12,-74.99"},
    {"q": "Loreto albergue"},
    {"q": "confidencial", "region": "16", "type": "albergue", "near": "-4.12,-74.99"},
]


def test_no_public_output_shows_a_confidential_location(client, shelter, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    outputs = {}
    for directory in ["/es/servicios/", "/en/services/"]:
        for query in DIRECTORY_QUERIES:
            response = client.get(directory, query)
            assert response.status_code == 200
            outputs[f"{directory} {query}"] = body(response)
    for path in [
        "/es/servicios/albergue-confidencial-de-prueba/",
        "/en/services/albergue-confidencial-de-prueba/",
    ]:
        response = client.get(path)
        assert response.status_code == 200
        outputs[path] = body(response)

    term = shelter.service_types.get()
    for path, query in [
        ("/api/hsds/", {}),
        ("/api/hsds/services", {"per_page": 100}),
        ("/api/hsds/services", {"search": "albergue confidencial"}),
        ("/api/hsds/services", {"taxonomy_term_id": str(term.id)}),
        ("/api/hsds/services", {"organization_id": str(shelter.organization_id)}),
        ("/api/hsds/services", {"format": "ndjson"}),
        (f"/api/hsds/services/{shelter.id}", {}),
        ("/api/hsds/organizations", {}),
        (f"/api/hsds/organizations/{shelter.organization_id}", {}),
        ("/api/hsds/taxonomies", {}),
        ("/api/hsds/taxonomy_terms", {}),
        ("/api/v2/pages/", {"type": "services_directory.ServiceDirectoryPage", "fields": "*"}),
        ("/es/buscar/", {"q": "albergue"}),
    ]:
        response = client.get(path, query)
        assert response.status_code == 200, path
        outputs[f"{path} {query}"] = body(response)

    for path, text in sitemap_files(client).items():
        outputs[f"sitemap {path}"] = text

    export = tmp_path / "package"
    call_command("export_services", str(export), stdout=StringIO())
    for path in sorted(export.iterdir()):
        outputs[f"export {path.name}"] = path.read_text(encoding="utf-8")

    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith(("wagtailsearch", "modelsearch")):
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
                outputs[f"search index {table}"] = repr(cursor.fetchall())

    outputs["logs"] = caplog.text

    # The sweep looks in the right places: the service itself is there, under its name.
    assert "Albergue confidencial de prueba" in outputs["/es/servicios/ {'region': '16'}"]
    assert "Confidential test shelter" in outputs["/en/services/ {'region': '16'}"]
    assert str(shelter.id) in outputs["export services.csv"]
    assert "albergue-confidencial-de-prueba" in outputs["sitemap /sitemap-services-es.xml"]
    assert "Loreto" in outputs[f"/api/hsds/services/{shelter.id} {{}}"]
    for name, text in outputs.items():
        assert_clean(name, text)


@pytest.mark.parametrize("field", sorted(MARKED_FIELDS))
def test_searching_for_a_confidential_detail_finds_nothing(client, shelter, field):
    """The service must not turn up for words only its hidden location holds (the query
    itself is echoed in the page, so this is checked apart from the sweep)."""
    for path in ["/es/servicios/", "/en/services/"]:
        response = client.get(path, {"q": MARKED_FIELDS[field]})
        assert "onfidencial de prueba" not in body(response)
        assert "onfidential test shelter" not in body(response)
    api = client.get("/api/hsds/services", {"search": MARKED_FIELDS[field]}).json()
    assert api["total_items"] == 0


def test_the_sweep_would_catch_a_leak(client, shelter):
    """Guards the sweep: the same location made public shows its markers."""
    Location.objects.filter(service=shelter).update(is_confidential=False)
    Service.objects.get(pk=shelter.pk).save()  # refreshes the search text

    with pytest.raises(AssertionError):
        assert_clean("detail", body(client.get("/es/servicios/albergue-confidencial-de-prueba/")))
    with pytest.raises(AssertionError):
        assert_clean("api", body(client.get(f"/api/hsds/services/{shelter.id}")))
