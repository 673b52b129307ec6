"""Which responses say a shared cache may keep them (core/public_cache.py): anonymous pages
of the page tree only; never a signed-in editor's page, the complaint form or search."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from tests.utils.page_types import PAGE_EXAMPLES

PUBLIC = f"public, max-age=0, s-maxage={settings.PUBLIC_PAGE_CACHE_SECONDS}"
CACHEABLE_TYPES = [name for name in PAGE_EXAMPLES if name != "complaints.ComplaintPage"]


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", CACHEABLE_TYPES)
def test_an_anonymous_page_may_be_kept_by_the_proxy(client, page_type):
    path = PAGE_EXAMPLES[page_type].paths[0]

    response = client.get(path)

    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/es/denuncia/", "/en/report/", "/es/denuncia/seguimiento/", "/en/report/status/"]
)
def test_the_complaint_pages_stay_no_store(client, path):
    assert client.get(path)["Cache-Control"] == "no-store"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/es/buscar/?q=trata", "/es/no-existe/", "/healthz", "/api/v2/pages/"]
)
def test_search_missing_pages_and_machine_routes_are_not_marked_public(client, path):
    assert "public" not in client.get(path).get("Cache-Control", "")


@pytest.mark.django_db
def test_a_posted_page_is_not_marked_public(client):
    assert "Cache-Control" not in client.post("/es/plan-nacional/", {})


@pytest.mark.django_db
def test_a_signed_in_editor_gets_a_private_page(client):
    editor = get_user_model().objects.create_superuser(
        "cache-editor", "cache-editor@example.invalid", "a-long-test-password"
    )
    client.force_login(editor)

    response = client.get("/es/plan-nacional/")

    assert response["Cache-Control"] == "private"
    assert b"wagtail-userbar" in response.content
