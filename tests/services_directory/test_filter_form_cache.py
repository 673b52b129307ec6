"""The directory's filter form without any filter in the address is rendered once per process,
language and content version (services_directory/views.py, `empty_filter_form`): a maintainer's
or an editor's change shows in it on the very next request, and one visitor's choices, words and
mistakes never show in the form the next visitor gets."""

import pytest
from bs4 import BeautifulSoup

from services_directory.models import Region, ServiceDirectoryPage, ServiceType

from ..utils import publish
from ..utils.directory import spanish_locale, term

pytestmark = pytest.mark.django_db

DIRECTORY = {"es": "/es/servicios/", "en": "/en/services/"}


def filter_form(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("form.directory-filters")


def options(form, field):
    return [option.get_text(strip=True) for option in form.select(f"#id_{field} option")]


def test_a_renamed_region_is_offered_at_once(client):
    assert "Loreto" in options(filter_form(client, DIRECTORY["es"]), "region")

    loreto = Region.objects.get(code="16")
    loreto.name = "Loreto (nombre de prueba)"
    loreto.save()

    names = options(filter_form(client, DIRECTORY["es"]), "region")
    assert "Loreto (nombre de prueba)" in names and "Loreto" not in names


def test_a_renamed_and_a_new_service_type_are_offered_at_once(client):
    assert "Albergue o casa refugio" in options(filter_form(client, DIRECTORY["es"]), "type")

    shelter = term(ServiceType, "albergue")
    shelter.name = "Casa de acogida"
    shelter.save()
    ServiceType.objects.create(name="Tipo nuevo de prueba", slug="nuevo", locale=spanish_locale())

    types = options(filter_form(client, DIRECTORY["es"]), "type")
    assert "Casa de acogida" in types and "Tipo nuevo de prueba" in types
    assert "Albergue o casa refugio" not in types


def test_the_form_follows_the_directory_to_its_new_address_at_once(client):
    assert filter_form(client, DIRECTORY["es"])["action"] == DIRECTORY["es"]

    directory = ServiceDirectoryPage.objects.get(locale=spanish_locale())
    directory.slug = "directorio-de-prueba"
    publish(directory)

    assert filter_form(client, "/es/directorio-de-prueba/")["action"] == "/es/directorio-de-prueba/"


def test_each_language_gets_its_own_form(client):
    assert filter_form(client, DIRECTORY["es"]).h2.get_text(strip=True) == "Buscar un servicio"
    assert filter_form(client, DIRECTORY["en"]).h2.get_text(strip=True) == "Find a service"


@pytest.mark.parametrize("unfiltered_first", [True, False])
def test_one_visitors_choices_never_reach_the_next_visitors_form(client, unfiltered_first):
    choices = {"q": "palabras de un visitante", "region": "16", "type": "albergue", "free": "1"}
    if unfiltered_first:
        filter_form(client, DIRECTORY["es"])

    chosen = filter_form(client, DIRECTORY["es"], **choices)
    assert chosen.select_one("#id_q")["value"] == "palabras de un visitante"
    assert chosen.select_one("#id_region option[selected]")["value"] == "16"
    assert chosen.select_one("#id_type option[selected]")["value"] == "albergue"
    assert chosen.select_one("#id_free").has_attr("checked")

    html = str(filter_form(client, DIRECTORY["es"]))
    assert "palabras de un visitante" not in html
    assert "selected" not in html and "checked" not in html


def test_one_visitors_mistakes_never_reach_the_next_visitors_form(client):
    mistaken = filter_form(client, DIRECTORY["es"], region="99", near="cerca")
    assert len(mistaken.select(".form-field--error")) == 2

    html = str(filter_form(client, DIRECTORY["es"]))
    assert "form-field--error" not in html and "cerca" not in html
