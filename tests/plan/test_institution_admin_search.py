"""Editors find institutions by acronym and by name, in the listing and in the chooser."""

import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("admin-prueba", "a@example.org", "x" * 16)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("query", "expected"), [("MIMP", "MIMP"), ("Mujer", "Ministerio de la Mujer")]
)
def test_the_institutions_listing_searches_acronym_and_name(editor_client, query, expected):
    response = editor_client.get("/admin/snippets/plan/institution/", {"q": query})

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert "MINJUS" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"), [("MIMP", "MIMP"), ("Mujer", "Ministerio de la Mujer")]
)
def test_the_institution_chooser_searches_acronym_and_name(editor_client, query, expected):
    response = editor_client.get(
        "/admin/snippets/choose/plan/institution/results/", {"q": query, "locale": "es"}
    )

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert "MINJUS" not in response.content.decode()
