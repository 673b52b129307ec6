"""Site search finds pages in the visitor's language only, and copes with odd input."""

import pytest
from bs4 import BeautifulSoup

from ..utils import make_standard_page


def result_titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text() for link in page.select(".result-list .card__link")]


@pytest.mark.django_db
def test_finds_spanish_pages_in_spanish(client):
    response = client.get("/es/buscar/", {"q": "navegación privada"})

    assert response.status_code == 200
    assert "Navegar de forma segura" in result_titles(response)
    assert "Browse safely" not in result_titles(response)


@pytest.mark.django_db
def test_finds_english_pages_in_english(client):
    response = client.get("/en/search/", {"q": "private browsing"})

    assert result_titles(response) == ["Browse safely"]


@pytest.mark.django_db
def test_search_ignores_accents_and_case(client):
    response = client.get("/es/buscar/", {"q": "NAVEGACION"})

    assert "Navegar de forma segura" in result_titles(response)


@pytest.mark.django_db
def test_results_count_is_announced(client):
    html = client.get("/es/buscar/", {"q": "historial"}).content.decode()

    assert 'aria-live="polite"' in html
    assert "resultado" in html


@pytest.mark.django_db
def test_unpublished_pages_are_not_found(client):
    page = make_standard_page(title="Borrador secreto", description="Texto único zanahoria.")
    page.unpublish()

    assert result_titles(client.get("/es/buscar/", {"q": "zanahoria"})) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": "x" * 5000}, {"q": "trata", "page": "999"}, {"q": "trata", "page": "a"}],
)
def test_odd_input_still_answers(client, params):
    assert client.get("/es/buscar/", params).status_code == 200


@pytest.mark.django_db
def test_results_are_paginated(client):
    for number in range(12):
        # A word no initial content uses: the directory page itself speaks of shelters.
        make_standard_page(title=f"Zorzal {number}", description="Ficha de zorzal de prueba.")

    first = client.get("/es/buscar/", {"q": "zorzal"})
    second = client.get("/es/buscar/", {"q": "zorzal", "page": 2})

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert 'href="?q=zorzal&amp;page=2"' in first.content.decode()
