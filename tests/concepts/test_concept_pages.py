"""Concept explainers: the index and the concept pages, in both languages."""

import pytest

from ..utils import soup


@pytest.mark.django_db
def test_concept_pages_link_related_concepts_in_their_language(client):
    spanish = soup(client.get("/es/conceptos/servidumbre-por-deudas/"))
    english = soup(client.get("/en/concepts/debt-bondage/"))

    assert spanish.h1.get_text() == "Servidumbre por deudas"
    spanish_links = [a["href"] for a in spanish.select("#related-heading ~ ul a")]
    english_links = [a["href"] for a in english.select("#related-heading ~ ul a")]
    assert spanish_links and all(link.startswith("/es/conceptos/") for link in spanish_links)
    assert len(english_links) == len(spanish_links)
    assert all(link.startswith("/en/concepts/") for link in english_links)


@pytest.mark.django_db
def test_concept_index_lists_six_concepts_with_their_short_definition(client):
    cards = soup(client.get("/es/conceptos/")).select(".card")

    assert len(cards) == 6
    assert "ESNNA" not in cards[0].get_text()
    assert cards[0].select_one(".card__text").get_text().startswith("Se considera")
