"""The admin speaks the team's Spanish where Wagtail's and wagtail-localize's own catalogues
are wrong or silent: the project's catalogue (editorial/admin_vocabulary.py and .js) wins, in
the pages the server renders and in the script catalogue the translation editor loads."""

import re

import pytest
from django.urls import reverse

from core.groups import EDITORS, TRANSLATORS
from home.models import StandardPage
from tests.utils import make_staff_user, make_superuser, soup

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es-PE"}


def test_the_translation_editor_script_catalogue_keeps_the_space_after_publicar_en(client):
    """wagtail-localize's Spanish drops it: its button read "Publicar enEnglish"."""
    client.force_login(make_staff_user(TRANSLATORS, username="traductora-catalogo"))

    response = client.get(reverse("wagtail_localize:javascript_catalog"), **SPANISH)

    assert response.status_code == 200
    assert '"Publish in ": "Publicar en "' in response.content.decode()


def test_the_promote_tab_calls_the_slug_by_the_team_s_name(client):
    client.force_login(make_staff_user(EDITORS, username="editora-slug"))
    page = StandardPage.objects.filter(locale__language_code="es").first()

    response = client.get(f"/admin/pages/{page.pk}/edit/", **SPANISH)

    label = soup(response).select_one("label[for=id_slug]")
    assert label.get_text(" ", strip=True).startswith("Dirección corta (slug)")
    assert "arquilla" not in response.content.decode()


@pytest.mark.parametrize(
    ("url", "spanish", "english"),
    [
        ("/admin/locales/", "Añadir un idioma", "Add a locale"),
        ("/admin/", "para editores (en inglés)", "editor guide"),
        ("/admin/reports/workflow/", "Aún no se ha enviado ninguna", "have been submitted"),
        # The menu reaches the page as JSON for its script.
        ("/admin/", '"label": "Configuraci\\u00f3n"', "Propiedades"),
    ],
)
def test_words_the_packages_leave_in_english_or_get_wrong_are_ours(client, url, spanish, english):
    client.force_login(make_superuser("jefa-vocabulario"))

    content = client.get(url, **SPANISH).content.decode()

    assert spanish in content
    assert english not in content


def test_the_page_listing_counts_in_spanish(client):
    client.force_login(make_superuser("jefa-listado"))
    parent = StandardPage.objects.filter(locale__language_code="es").first().get_parent()

    text = soup(client.get(f"/admin/pages/{parent.pk}/", **SPANISH)).get_text(" ")

    assert re.search(r"\d+-\d+ de \d+ ", text)
    assert not re.search(r"\d+-\d+ of \d+ ", text)
