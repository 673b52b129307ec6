"""The API answers JSON only and sets no cookie; people reach it through a page about it."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?format=api", "?format=json"])
def test_the_api_answers_json_to_a_browser_and_sets_no_cookie(client, query):
    response = client.get(f"/api/v2/pages/{query}", HTTP_ACCEPT="text/html,*/*;q=0.8")

    assert response["Content-Type"].startswith("application/json")
    assert not response.cookies
    assert b"<html" not in response.content.lower()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("home", "page_path", "api_words"),
    [
        ("/es/", "/es/datos-abiertos/", "Datos abiertos"),
        ("/en/", "/en/open-data/", "Open data"),
    ],
)
def test_the_footer_links_to_a_page_about_the_open_data(client, home, page_path, api_words):
    html = client.get(home).content.decode()
    assert 'href="/api/v2/pages/"' not in html
    assert f'href="{page_path}"' in html

    page = client.get(page_path)
    assert page.status_code == 200
    text = page.content.decode()
    assert api_words in text
    assert "/api/v2/pages/" in text
    assert not page.cookies
