"""Odd search input never breaks the site search or the API search, and phrases still work."""

import pytest

from ..utils import make_standard_page

AWKWARD = [
    '"',
    '"trata',
    "O'Brien\"",
    "a\x00b",
    'trata "de',
    "NEAR(a b)",
    "a* OR b",
    "^x",
    "\u00a0",
]


@pytest.fixture
def phrase_pages(db):
    make_standard_page(
        title="Frase exacta",
        body=[{"type": "paragraph", "value": "<p>La deuda impagable ata a la víctima.</p>"}],
    )
    make_standard_page(
        title="Palabras sueltas",
        body=[{"type": "paragraph", "value": "<p>La víctima ata su deuda impagable.</p>"}],
    )


@pytest.mark.django_db
@pytest.mark.parametrize("text", AWKWARD)
def test_site_search_answers_awkward_text(client, text):
    response = client.get("/es/buscar/", {"q": text})

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("text", AWKWARD)
def test_api_search_answers_awkward_text_with_results_or_a_json_400(client, text):
    response = client.get("/api/v2/pages/", {"search": text})

    assert response.status_code in (200, 400)
    assert response["Content-Type"].startswith("application/json")


def test_a_quoted_phrase_finds_the_phrase_only(client, phrase_pages):
    html = client.get("/es/buscar/", {"q": '"deuda impagable ata"'}).content.decode()
    assert "Frase exacta" in html
    assert "Palabras sueltas" not in html

    api = client.get("/api/v2/pages/", {"search": '"deuda impagable ata"'}).json()
    assert [item["title"] for item in api["items"]] == ["Frase exacta"]
