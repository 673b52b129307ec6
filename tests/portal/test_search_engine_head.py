"""What search engines read in every page's head, for every page type in both languages: a
canonical address (the page's own, absolute), language alternates to the live translations
only (each answering and pointing back), an x-default, a description; search results and
filtered listings handled so that engines index each content once."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from plan.models import PlanPage

from ..utils import make_page_examples, make_standard_page, paths_to_check, soup

HOST = "http://testserver"


def head_of(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404), (path, response.status_code)
    return BeautifulSoup(response.content, "html.parser").head


def alternates_of(head):
    return {link["hreflang"]: link["href"] for link in head.select("link[rel=alternate][hreflang]")}


def canonical_of(head):
    links = head.select("link[rel=canonical]")
    assert len(links) == 1
    return links[0]["href"]


@pytest.mark.django_db
def test_every_page_has_its_own_canonical_and_reciprocal_alternates(client):
    make_page_examples()
    for path in paths_to_check():
        head = head_of(client, path)
        own_address = HOST + urlsplit(path).path

        assert canonical_of(head) == own_address, path
        description = head.select_one("meta[name=description]")
        assert description is not None and description["content"].strip(), path

        alternates = alternates_of(head)
        language = path.split("/")[1]
        assert alternates[language] == own_address, (path, alternates)
        if "es" in alternates:
            assert alternates["x-default"] == alternates["es"], path
        else:
            assert "x-default" not in alternates, path
        for code, address in alternates.items():
            assert address.startswith(f"{HOST}/{'es' if code == 'x-default' else code}/")
            if address == own_address:
                continue
            # The translation answers, is its own canonical and points back.
            other = head_of(client, address.removeprefix(HOST))
            assert canonical_of(other) == address, (path, code)
            assert alternates_of(other)[language] == own_address, (path, code)


@pytest.mark.django_db
def test_a_page_without_translation_has_no_alternate_in_the_other_language(client):
    make_standard_page(title="Solo en castellano")

    alternates = alternates_of(head_of(client, "/es/solo-en-castellano/"))

    assert alternates == {
        "es": f"{HOST}/es/solo-en-castellano/",
        "x-default": f"{HOST}/es/solo-en-castellano/",
    }


@pytest.mark.django_db
def test_an_unpublished_translation_is_no_alternate(client):
    english = head_of(client, "/en/national-plan/")
    assert "es" in alternates_of(english)
    PlanPage.objects.get(locale__language_code="es").unpublish()

    alternates = alternates_of(head_of(client, "/en/national-plan/"))
    assert alternates == {"en": f"{HOST}/en/national-plan/"}


@pytest.mark.django_db
def test_a_filtered_listing_points_at_the_listing_and_later_pages_keep_their_number(client):
    assert canonical_of(head_of(client, "/es/servicios/?region=16&type=albergue")) == (
        f"{HOST}/es/servicios/"
    )
    assert canonical_of(head_of(client, "/es/servicios/?region=16&page=2")) == (
        f"{HOST}/es/servicios/?page=2"
    )
    assert canonical_of(head_of(client, "/es/servicios/?page=1")) == f"{HOST}/es/servicios/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/es/buscar/?q=seguro", "/en/search/", "/es/no-existe/"])
def test_search_results_and_missing_pages_are_not_indexed(client, path):
    robots = head_of(client, path).select_one("meta[name=robots]")

    assert robots is not None and "noindex" in robots["content"]


@pytest.mark.django_db
def test_public_pages_are_indexed(client):
    make_page_examples()
    for path in paths_to_check():
        if "/buscar/" in path or "/search/" in path or "no-existe" in path:
            continue
        assert soup(client.get(path)).select_one("meta[name=robots]") is None, path
