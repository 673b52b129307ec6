"""Every public response carries the security headers, and no public page needs inline script
or style (the Content-Security-Policy forbids them)."""

import re

import pytest

PUBLIC_PATHS = ["/es/", "/en/", "/es/navegar-de-forma-segura/", "/es/buscar/?q=trata", "/es/x/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_security_headers(client, path):
    response = client.get(path)

    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_pages_have_no_inline_script_or_style(client, path):
    html = client.get(path).content.decode()

    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html), "style attribute"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


@pytest.mark.django_db
def test_public_pages_set_no_cookie(client):
    """Nothing on a public page identifies a visitor between visits."""
    for path in PUBLIC_PATHS:
        assert not client.get(path).cookies, path
