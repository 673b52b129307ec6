"""The pages API answers bad parameters with a 400 and misses with a 404, both in JSON, and is
never redirected to a language prefix."""

import pytest


def assert_json(response, status):
    assert response.status_code == status, (response.status_code, response.get("Location"))
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"search": " "},
        {"search": "\u00a0"},
        {"search": "\t\n"},
        {"search": "trata", "search_operator": "bogus"},
        {"offset": "9223372036854775808"},
        {"first_published_at": "abc"},
        {"last_published_at": "2020-13-45"},
        {"id": "abc"},
    ],
)
def test_bad_parameters_are_a_json_400(client, query):
    assert_json(client.get("/api/v2/pages/", query), 400)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/999999/",
        "/api/v2/pages/?locale=zz",
        "/api/v2/",
        "/api/v2/nothing/",
        "/api/",
        "/healthz/",
    ],
)
def test_misses_on_machine_routes_are_json_404s_not_redirects(client, path):
    assert_json(client.get(path), 404)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("html_path", "title"),
    [("/es/plan-nacional/", "plan nacional"), ("/en/national-plan/", "national plan")],
)
def test_find_takes_a_public_address_in_either_language(client, html_path, title):
    response = client.get("/api/v2/pages/find/", {"html_path": html_path}, follow=True)

    assert response.status_code == 200
    assert response.json()["title"].lower().startswith(title)


@pytest.mark.django_db
def test_find_answers_a_json_404_for_an_unknown_address(client):
    assert_json(client.get("/api/v2/pages/find/", {"html_path": "/es/no-existe/"}), 404)
