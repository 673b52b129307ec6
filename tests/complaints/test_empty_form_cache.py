"""The empty complaint form's fields are rendered once per process and content version
(complaints/views.py, `empty_form_fields`): what they show that editors can change appears on
the very next request, and nothing a visitor typed ever reaches another visitor's form."""

import pytest
from wagtail.models import Page

from services_directory.models import Region

from ..utils import add_example_hotline, publish, soup
from .helpers import FORM_URL, submit

pytestmark = pytest.mark.django_db

DEBT_BONDAGE = {"es": "/es/conceptos/servidumbre-por-deudas/", "en": "/en/concepts/debt-bondage/"}


def form(client, language="es"):
    response = client.get(FORM_URL[language])
    assert response.status_code == 200
    return soup(response).select_one("form.complaint-form")


def region_names(form_html):
    return [option.get_text(strip=True) for option in form_html.select("#id_region option")]


def explainer_link(form_html, url):
    return form_html.select_one(f'a.form-radio__explainer[href="{url}"]')


def test_a_renamed_region_is_offered_at_once(client):
    assert "Loreto" in region_names(form(client))

    loreto = Region.objects.get(code="16")
    loreto.name = "Loreto (nombre de prueba)"
    loreto.save()

    names = region_names(form(client))
    assert "Loreto (nombre de prueba)" in names
    assert "Loreto" not in names


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_retitled_explainer_shows_in_its_link_at_once(client, language):
    link = explainer_link(form(client, language), DEBT_BONDAGE[language])
    assert link is not None

    explainer = Page.objects.get(url_path__endswith=DEBT_BONDAGE[language].split("/", 2)[2])
    explainer = explainer.specific
    explainer.title = "Título de prueba"
    publish(explainer)

    link = explainer_link(form(client, language), DEBT_BONDAGE[language])
    assert "“Título de prueba”" in link.get_text()


def test_an_unpublished_explainer_loses_its_link_at_once(client):
    assert explainer_link(form(client), DEBT_BONDAGE["es"]) is not None

    Page.objects.get(url_path__endswith="/conceptos/servidumbre-por-deudas/").unpublish()

    assert explainer_link(form(client), DEBT_BONDAGE["es"]) is None


def test_a_new_hotline_shows_in_the_form_at_once(client):
    def hotlines_in_form(language="es"):
        return form(client, language).select_one("noscript").get_text(" ", strip=True)

    assert "Línea de prueba" not in hotlines_in_form()
    add_example_hotline()

    assert "Línea de prueba Solo un ejemplo" in hotlines_in_form()
    assert "Línea de prueba Only an example" in hotlines_in_form("en")


def test_what_a_visitor_typed_never_reaches_the_next_visitors_form(client):
    client.get(FORM_URL["es"])  # the empty form, now rendered and kept

    refused = submit(client, "es", place="Lugar que escribió un visitante", description="corto")
    assert refused.status_code == 400
    refused_form = soup(refused, 400).select_one("form.complaint-form")
    assert refused_form.select_one("#id_place")["value"] == "Lugar que escribió un visitante"
    assert refused_form.select_one(".form-group--error #id_description") is not None

    html = str(form(client))
    assert "Lugar que escribió un visitante" not in html
    assert "form-group--error" not in html and "form-error" not in html


def test_a_refused_form_is_not_kept_for_the_next_visitor(client):
    """The other way round: a form with errors rendered first is not what later visitors get."""
    submit(client, "es", place="Lugar que escribió un visitante", description="corto")

    html = str(form(client))
    assert "Lugar que escribió un visitante" not in html
    assert "form-group--error" not in html


def test_the_kept_form_holds_no_challenge_of_its_own(client):
    """The widget fetches a fresh challenge per visitor from this address: a challenge written
    into the kept HTML would be handed to every visitor (and be spent by the first)."""
    for _ in range(2):
        widget = form(client).select_one("altcha-widget")
        assert widget["challenge"] == "/altcha/challenge/"
