"""What search engines read in every page's head: absolute language alternates with an
x-default, a canonical address and a description."""

import pytest
from bs4 import BeautifulSoup

from ..utils import make_page_examples, paths_to_check


@pytest.mark.django_db
@pytest.mark.parametrize("path", paths_to_check())
def test_head_has_absolute_alternates_canonical_and_description(client, path):
    make_page_examples()
    head = BeautifulSoup(client.get(path).content, "html.parser").head

    alternates = {link["hreflang"]: link["href"] for link in head.select("link[hreflang]")}
    assert set(alternates) == {"es", "en", "x-default"}, alternates
    assert all(href.startswith("http://testserver/") for href in alternates.values()), alternates
    assert alternates["x-default"] == alternates["es"]

    canonical = head.select("link[rel=canonical]")
    assert len(canonical) == 1
    assert canonical[0]["href"].startswith("http://testserver/")
    assert "?" not in canonical[0]["href"]

    description = head.select_one("meta[name=description]")
    assert description is not None and description["content"].strip()


@pytest.mark.django_db
def test_canonical_of_a_page_is_its_own_address(client):
    head = BeautifulSoup(client.get("/en/national-plan/").content, "html.parser").head

    assert head.select_one("link[rel=canonical]")["href"] == "http://testserver/en/national-plan/"
    alternates = {link["hreflang"]: link["href"] for link in head.select("link[hreflang]")}
    assert alternates["es"] == "http://testserver/es/plan-nacional/"
    assert alternates["en"] == "http://testserver/en/national-plan/"
