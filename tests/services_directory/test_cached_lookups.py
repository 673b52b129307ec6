"""The regions and taxonomy terms the directory caches (services_directory/lookups.py): an edit
by a maintainer shows on the very next request, in the filters, the results, a service's page
and a concept page's list of services."""

import pytest
from bs4 import BeautifulSoup

from services_directory.models import Population, Region, ServiceType

from ..utils import make_page_examples
from ..utils.directory import make_service, region, spanish_locale, term

pytestmark = pytest.mark.django_db

DIRECTORY = "/es/servicios/"


def page(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def options(html, field):
    return [option.get_text(strip=True) for option in html.select(f"#id_{field} option")]


def tags(html):
    return [tag.get_text(strip=True) for tag in html.select(".result-list .tag")]


def test_a_renamed_service_type_shows_at_once(client):
    make_service("Servicio de prueba renombrado", types=["albergue"])
    before = page(client, DIRECTORY, q="renombrado")
    assert "Albergue o casa refugio" in tags(before)

    shelter = term(ServiceType, "albergue")
    shelter.name = "Casa de acogida"
    shelter.save()

    after = page(client, DIRECTORY, q="renombrado")
    assert tags(after) == ["Casa de acogida"]
    assert "Casa de acogida" in options(after, "type")
    assert "Albergue o casa refugio" not in options(after, "type")
    detail = page(client, f"{DIRECTORY}servicio-de-prueba-renombrado/")
    assert "Casa de acogida" in detail.get_text()


def test_a_new_population_is_offered_at_once(client):
    assert "Personas de prueba" not in options(page(client, DIRECTORY), "population")

    Population.objects.create(name="Personas de prueba", slug="prueba", locale=spanish_locale())

    assert "Personas de prueba" in options(page(client, DIRECTORY), "population")
    assert page(client, DIRECTORY, population="prueba").select_one(".notice--warning") is None


def test_a_deleted_service_type_is_no_longer_offered(client):
    unused = ServiceType.objects.create(
        name="Tipo de prueba", slug="tipo-de-prueba", locale=spanish_locale()
    )
    assert "Tipo de prueba" in options(page(client, DIRECTORY), "type")

    unused.delete()

    html = page(client, DIRECTORY, type="tipo-de-prueba")
    assert "Tipo de prueba" not in options(html, "type")
    assert html.select_one(".notice--warning") is not None  # the filter is no longer valid


def test_a_renamed_region_shows_at_once(client):
    make_service("Servicio de prueba en Loreto", locations=[{"region": region("16")}])
    assert "Loreto" in options(page(client, DIRECTORY), "region")

    loreto = Region.objects.get(code="16")
    loreto.name = "Loreto (nombre de prueba)"
    loreto.save()

    html = page(client, DIRECTORY, q="servicio de prueba en loreto")
    assert "Loreto (nombre de prueba)" in options(html, "region")
    assert "Loreto (nombre de prueba)" in html.select_one(".result-list").get_text()


def test_a_concept_page_shows_a_renamed_type_at_once(client):
    make_page_examples()
    path = "/es/conceptos/explotacion-sexual-de-ninos-ninas-y-adolescentes/"
    links = page(client, path).select(".helping-services > p a")
    assert links, "the example concept lists services"
    first = links[0]
    slug = first["href"].rsplit("type=", 1)[1]

    chosen = term(ServiceType, slug)
    chosen.name = "Nombre de prueba del tipo"
    chosen.save()

    assert "Nombre de prueba del tipo" in [
        link.get_text(strip=True) for link in page(client, path).select(".helping-services > p a")
    ]
