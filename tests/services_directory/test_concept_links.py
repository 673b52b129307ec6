"""Every concept page links to the services that help with it: the concept chooses service
types, its page lists services of those types and links to the directory filtered by each."""

import pytest

from concepts.models import ConceptPage
from services_directory.models import ServiceType

from ..utils import soup
from ..utils.directory import make_service

pytestmark = pytest.mark.django_db


def helping(client, path):
    section = soup(client.get(path)).select_one(".helping-services")
    assert section is not None, path
    return section


def test_spanish_concept_lists_services_of_its_types(client):
    make_service("Servicio de prueba para víctimas", types=["albergue"])
    make_service("Servicio de prueba sin relación", types=["salud"])
    section = helping(client, "/es/conceptos/trata-de-personas/")

    names = [link.get_text(" ", strip=True) for link in section.select(".card__link")]
    assert any(name.endswith("Línea 1818") for name in names)
    assert not any("sin relación" in name for name in names)
    filters = {link.get_text(strip=True): link["href"] for link in section.select("p a")}
    assert filters["Albergue o casa refugio"] == "/es/servicios/?type=albergue"
    assert section.select_one("a[href='tel:1818']") is not None


def test_english_concept_follows_its_spanish_page(client):
    section = helping(client, "/en/concepts/human-trafficking/")

    filters = {link.get_text(strip=True): link["href"] for link in section.select("p a")}
    assert filters["Shelter"] == "/en/services/?type=albergue"
    assert section.h2.get_text() == "Where to get help"


def test_a_concept_without_types_lists_nothing(client):
    page = ConceptPage.objects.get(slug="trata-de-personas", locale__language_code="es")
    page.service_types.set([])
    page.save_revision().publish()

    assert (
        soup(client.get("/es/conceptos/trata-de-personas/")).select_one(".helping-services") is None
    )


def test_editors_choose_the_types(client):
    page = ConceptPage.objects.get(slug="servidumbre-por-deudas", locale__language_code="es")
    page.service_types = [ServiceType.objects.get(slug="salud", locale=page.locale)]
    page.save_revision().publish()
    make_service("Servicio de salud de prueba", types=["salud"])

    section = helping(client, "/es/conceptos/servidumbre-por-deudas/")

    assert [link.get_text(strip=True) for link in section.select("p a")] == ["Atención de salud"]
    assert "Servicio de salud de prueba" in section.get_text()
