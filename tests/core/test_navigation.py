"""Languages: the root redirect, the switcher, <html lang>, menus in the visitor's language."""

import pytest
from wagtail.models import PageViewRestriction

from ..utils import make_standard_page, soup, spanish_home


def switcher_links(response):
    nav = soup(response).select_one("nav.language-switcher")
    return {link["lang"]: link["href"] for link in nav.select("a")}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "destination"),
    [("es-PE,es;q=0.9", "/es/"), ("en-GB,en;q=0.9", "/en/"), ("fr-FR", "/es/"), ("", "/es/")],
)
def test_root_redirects_by_accept_language(client, accept_language, destination):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == destination


@pytest.mark.django_db
def test_switcher_lands_on_the_translated_page(client):
    response = client.get("/es/navegar-de-forma-segura/")

    assert switcher_links(response) == {"en": "/en/browse-safely/"}
    assert soup(response).html["lang"] == "es"
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/browse-safely/">' in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_switcher_falls_back_to_the_other_home_when_untranslated(client):
    page = make_standard_page(title="Solo en español")

    response = client.get(page.get_url())

    assert switcher_links(response) == {"en": "/en/"}


@pytest.mark.django_db
def test_switcher_translates_the_search_address(client):
    response = client.get("/es/buscar/?q=trata")

    assert switcher_links(response) == {"en": "/en/search/?q=trata"}


@pytest.mark.django_db
def test_english_pages_are_english(client):
    response = client.get("/en/browse-safely/")
    page = soup(response)

    assert page.html["lang"] == "en"
    assert page.select_one(".quick-exit__button").get_text(strip=True).startswith("Exit this page")
    assert [a.get_text() for a in page.select(".main-nav__link")] == [
        "National plan 2017-2021",
        "Concepts",
        "Services directory",
        "Campaigns",
        "Browse safely",
    ]
    assert page.select_one("nav.language-switcher .language-switcher__current").get_text() == (
        "English"
    )


@pytest.mark.django_db
def test_menu_lists_the_pages_chosen_for_menus_and_marks_the_current_one(client):
    make_standard_page(title="Fuera del menú")
    in_menu = make_standard_page(title="En el menú", show_in_menus=True)

    response = client.get(in_menu.get_url())
    links = soup(response).select(".main-nav__link")

    assert [link.get_text() for link in links] == [
        "Plan nacional 2017-2021",
        "Conceptos",
        "Directorio de servicios",
        "Campañas",
        "Navegar de forma segura",
        "En el menú",
    ]
    assert links[5]["aria-current"] == "page"
    assert not links[0].has_attr("aria-current")


@pytest.mark.django_db
def test_menu_marks_the_section_of_a_deeper_page(client):
    response = client.get("/es/plan-nacional/gobernanza-institucional/")
    links = soup(response).select(".main-nav__link")

    assert "main-nav__link--active" in links[0]["class"]
    assert not links[0].has_attr("aria-current")


@pytest.mark.django_db
def test_restricted_pages_stay_out_of_the_menu(client):
    private = make_standard_page(title="Solo personal", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    links = soup(client.get("/es/")).select(".main-nav__link")

    assert "Solo personal" not in [link.get_text() for link in links]


@pytest.mark.django_db
def test_breadcrumbs_lead_home(client):
    parent = make_standard_page(title="Sección")
    child = make_standard_page(parent, title="Subpágina")

    crumbs = soup(client.get(child.get_url())).select(".breadcrumbs a")

    assert [(a.get_text(), a["href"]) for a in crumbs] == [
        ("Inicio", spanish_home().get_url()),
        ("Sección", parent.get_url()),
    ]


@pytest.mark.django_db
def test_emergency_contacts_are_phone_links_in_the_visitors_language(client):
    spanish = soup(client.get("/es/")).select(".emergency-bar a")
    english = soup(client.get("/en/")).select(".emergency-bar a")

    assert [a["href"] for a in spanish] == ["tel:1818", "tel:100"]
    assert "Denuncias de trata de personas" in spanish[0].get_text()
    assert "Report human trafficking" in english[0].get_text()
