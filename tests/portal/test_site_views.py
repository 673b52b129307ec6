"""Machine-facing routes: health check, robots.txt, sitemap.xml, favicon; error pages."""

from urllib.parse import urlparse

import pytest
from django.db import connection
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from portal.views import server_error

from ..utils import make_standard_page, run_in_fresh_django
from ..utils.directory import make_service
from ..utils.sitemaps import sitemap_addresses, sitemap_files


@pytest.mark.django_db
def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not():
    """A fresh process whose database cannot be reached (SQLite: a folder that does not exist;
    PostgreSQL: a closed port), asked for /healthz as a load balancer would."""
    unreachable = (
        "postgres://postgres@127.0.0.1:1/portal"
        if connection.vendor == "postgresql"
        else "sqlite:////nonexistent/folder/db.sqlite3"
    )
    output = run_in_fresh_django(
        "from django.test import Client; response = Client().get('/healthz'); "
        "print(response.status_code, response.json())",
        DATABASE_URL=unreachable,
    )
    assert output.startswith("503 {'status': 'unavailable'")


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def sitemap_locations(client):
    # Full URLs use the Wagtail site's hostname; the paths are what matter here.
    return {urlparse(address).path for address in sitemap_addresses(client)}


@pytest.mark.django_db
def test_sitemap_lists_public_pages_in_both_languages(client):
    locations = sitemap_locations(client)

    for path in ["/es/", "/en/", "/es/navegar-de-forma-segura/", "/en/browse-safely/"]:
        assert path in locations


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts_and_private_pages(client):
    draft = make_standard_page(title="Borrador")
    draft.unpublish()
    private = make_standard_page(title="Solo para el equipo")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    locations = sitemap_locations(client)

    assert not any("borrador" in location for location in locations)
    assert not any("solo-para-el-equipo" in location for location in locations)


@pytest.mark.django_db
def test_service_pages_are_split_into_files_of_at_most_the_limit(client, settings):
    """Past SITEMAP_LIMIT addresses (50,000 in production) a section goes on in a second file
    of the index: here with a limit of 3."""
    settings.SITEMAP_LIMIT = 3
    for number in range(4):
        make_service(f"Servicio de prueba del mapa del sitio {number}")

    files = sitemap_files(client)
    addresses = sitemap_addresses(client)

    assert "/sitemap-services-es.xml?p=2" in files
    for text in files.values():
        assert text.count("<url>") <= 3
    services = [address for address in addresses if "/es/servicios/" in address]
    for number in range(4):
        assert any(f"servicio-de-prueba-del-mapa-del-sitio-{number}/" in a for a in services)
    assert len(services) == len(set(services))
    assert any(urlparse(address).path == "/es/" for address in addresses)
    assert any(urlparse(address).path == "/en/services/" for address in addresses)


@pytest.mark.django_db
def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # ICO header


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [("/es/no-existe/", "es", "Página no encontrada"), ("/en/missing/", "en", "Page not found")],
)
def test_not_found_page_speaks_the_visitors_language(client, path, lang, heading):
    response = client.get(path)

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert "quick-exit__button" in html


def test_server_error_page_needs_no_database():
    # Not marked django_db: any query here would fail the test.
    response = server_error(RequestFactory().get("/es/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert "Algo salió mal" in html and "Something went wrong" in html
    assert "quick-exit__button" in html
