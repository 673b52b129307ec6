"""Every response carries the security headers, redirects and errors included; the 400 and 403
pages are the site's own, in both languages, with the quick exit."""

import pytest
from django.test import Client


def assert_security_headers(response):
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 302),  # to the visitor's language
        ("/es/privacidad", 301),  # trailing slash
        ("/es/no-existe/", 404),
        ("/api/v2/pages/999999/", 404),
        ("/healthz", 200),
    ],
)
def test_redirects_and_misses_carry_the_security_headers(client, path, status):
    response = client.get(path)

    assert response.status_code == status
    assert_security_headers(response)


@pytest.mark.django_db
def test_a_bad_host_gets_the_sites_own_400_page():
    response = Client().get("/es/", HTTP_HOST="evil.invalid")

    assert response.status_code == 400
    assert_security_headers(response)
    html = response.content.decode()
    assert "Solicitud no válida" in html and "Bad request" in html
    assert "data-quick-exit" in html
    assert not response.cookies


@pytest.mark.django_db
def test_a_csrf_failure_gets_the_sites_own_403_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert response["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    assert "No se pudo completar esta acción" in html
    assert "This action could not be completed" in html
    assert "data-quick-exit" in html
    assert "CSRF" not in html


@pytest.mark.django_db
def test_a_csrf_failure_on_a_public_path_carries_the_security_headers():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/es/buscar/", {"q": "x"})

    assert response.status_code == 403
    assert_security_headers(response)
    assert "data-quick-exit" in response.content.decode()
