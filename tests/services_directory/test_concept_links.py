"""Every concept page links to the services that help with it: the concept chooses service
types, its page lists services of those types and links to the directory filtered by each."""

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.models import Translation, TranslationSource

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


def english_concept(slug="human-trafficking"):
    return ConceptPage.objects.get(slug=slug, locale__language_code="en")


def test_english_concepts_choose_english_service_types():
    for page in ConceptPage.objects.filter(locale__language_code="en"):
        terms = list(page.service_types.all())
        assert terms, page.slug
        assert {term.locale.language_code for term in terms} == {"en"}, page.slug


def test_a_synchronized_translation_takes_the_english_terms(english):
    spanish_page = ConceptPage.objects.get(
        slug="servidumbre-por-deudas", locale__language_code="es"
    )
    spanish_page.service_types = [ServiceType.objects.get(slug="salud", locale=spanish_page.locale)]
    spanish_page.save_revision().publish()

    source, _created = TranslationSource.update_or_create_from_instance(spanish_page)
    Translation.objects.get(source=source, target_locale=english).save_target(publish=True)

    terms = english_concept("debt-bondage").service_types.all()
    assert [(term.slug, term.name, term.locale_id) for term in terms] == [
        ("salud", "Health care", english.id)
    ]


def test_the_edit_form_offers_the_terms_of_the_page_language_only(client):
    """English pages are edited in wagtail-localize's editor, where the types follow the
    Spanish page; a page edited with the form sees its own language's terms only."""
    user = get_user_model().objects.create_superuser("admin-prueba", "a@example.org", "x" * 16)
    client.force_login(user)
    page = ConceptPage.objects.get(slug="trata-de-personas", locale__language_code="es")

    form = soup(client.get(f"/admin/pages/{page.id}/edit/"))

    boxes = form.select("input[name='service_types']")
    labels = {
        box.find_parent("label").get_text(strip=True): box.has_attr("checked") for box in boxes
    }
    assert labels["Albergue o casa refugio"] is True
    assert labels["Atención de salud"] is False
    assert "Shelter" not in labels
    assert len(boxes) == ServiceType.objects.filter(locale__language_code="es").count()
