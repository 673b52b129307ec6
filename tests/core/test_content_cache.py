"""The content cache (core/content_cache.py) serves navigation, routing, site settings and
acronyms without queries, and an editor's change shows on the very next request: publishing,
unpublishing, moving and deleting pages, saving the settings or an institution."""

import pytest
from wagtail.models import Page, PageViewRestriction

from plan.models import Institution, PlanPage

from ..utils import add_example_hotline, make_standard_page, publish, soup

pytestmark = pytest.mark.django_db


def menu_titles(client, path="/es/"):
    html = soup(client.get(path))
    return [link.get_text(strip=True) for link in html.select(".main-nav__link")]


def hotlines(client, path="/es/"):
    html = soup(client.get(path))
    return [link.get_text(" ", strip=True) for link in html.select(".emergency-bar__link")]


def test_a_new_title_shows_in_the_menu_on_the_next_request(client):
    page = make_standard_page(title="Sección nueva", show_in_menus=True)
    assert "Sección nueva" in menu_titles(client)

    page.title = "Sección renombrada"
    publish(page)

    assert "Sección renombrada" in menu_titles(client)
    assert "Sección nueva" not in menu_titles(client)


def test_an_unpublished_page_leaves_the_menu_and_its_address_at_once(client):
    page = make_standard_page(title="Sección efímera", show_in_menus=True)
    assert client.get("/es/seccion-efimera/").status_code == 200
    assert "Sección efímera" in menu_titles(client)

    page.unpublish()

    assert "Sección efímera" not in menu_titles(client)
    assert client.get("/es/seccion-efimera/").status_code == 404


def test_a_moved_page_answers_at_its_new_address_only(client):
    parent = make_standard_page(title="Sección madre")
    page = make_standard_page(title="Página viajera")
    assert client.get("/es/pagina-viajera/").status_code == 200

    page.move(parent, pos="last-child")

    old_address = client.get("/es/pagina-viajera/")  # Wagtail keeps a redirect to the new one
    assert (old_address.status_code, old_address["Location"]) == (
        301,
        "/es/seccion-madre/pagina-viajera/",
    )
    moved = client.get("/es/seccion-madre/pagina-viajera/")
    assert moved.status_code == 200
    breadcrumbs = soup(moved).select(".breadcrumbs a")
    assert [link.get_text(strip=True) for link in breadcrumbs][-1] == "Sección madre"


def test_a_deleted_page_leaves_the_menu(client):
    page = make_standard_page(title="Sección borrada", show_in_menus=True)
    assert "Sección borrada" in menu_titles(client)

    Page.objects.get(pk=page.pk).delete()

    assert "Sección borrada" not in menu_titles(client)
    assert client.get("/es/seccion-borrada/").status_code == 404


def test_saved_settings_show_the_new_hotline_at_once(client):
    assert not any("Línea de prueba" in line for line in hotlines(client))
    add_example_hotline()

    assert any("Línea de prueba" in line for line in hotlines(client))
    assert any("Only an example" in line for line in hotlines(client, "/en/"))


def test_a_new_view_restriction_protects_the_page_at_once(client):
    page = make_standard_page(title="Página reservada", show_in_menus=True)
    assert client.get("/es/pagina-reservada/").status_code == 200

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/es/pagina-reservada/").status_code == 302
    assert "Página reservada" not in menu_titles(client)


def abbreviation_titles(client, path="/es/plan-nacional/"):
    return {abbr.get_text(): abbr["title"] for abbr in soup(client.get(path)).select("abbr")}


def test_a_renamed_institution_shows_on_the_plan_at_once(client):
    institution = Institution.objects.filter(locale__language_code="es").exclude(acronym="")[0]
    plan = PlanPage.objects.get(locale__language_code="es")
    plan.description = f"Un plan que coordina {institution.acronym}."
    publish(plan)
    acronym = institution.acronym
    assert abbreviation_titles(client)[acronym] == institution.name

    institution.name = "Nombre completo de prueba"
    institution.save()

    assert abbreviation_titles(client)[acronym] == "Nombre completo de prueba"
