"""The issue's hostile inputs never give a 500, on whichever backend the settings select (the
Elasticsearch step of .ci/run runs this file too), on the search page and its type-ahead."""

import pytest

HOSTILE_TEXTS = [
    "",
    " ",
    "x" * 10_000,
    "trata " * 2_000,
    '"',
    '"""',
    "*",
    "trat*",
    "NEAR",
    "NEAR(trata personas)",
    "(",
    ")(",
    "-",
    "-trata",
    "AND OR NOT",
    "trata AND OR NOT personas",
    "title:trata",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "%' OR 1=1 --",
    "\x00",
    "trata\x00personas",
    "\x1b[31mtrata",
    "\u202etrata",
    "\ud7ff\ufffd",
    "\\",
    '{"query": {"match_all": {}}}',
    "<script>alert(1)</script>",
]
RAW_QUERY_STRINGS = [
    "q=%ZZ",
    "q=%E0%A4%A",
    "q=%",
    "q=trata%00",
    "q=%C0%AF",
    "q=trata&page=0",
    "q=trata&page=abc",
    "q=trata&page=-1",
    "q=trata&page=99999",
    "q=trata&page=1e3",
    "q=trata&kind=unknown",
    "q=trata&kind=services&page=0",
    "q=trata&q=deuda",
    "page=2",
]


@pytest.mark.django_db
@pytest.mark.parametrize("text", HOSTILE_TEXTS)
@pytest.mark.parametrize("path", ["/es/buscar/", "/en/search/"])
def test_search_page_answers_hostile_text(client, path, text):
    response = client.get(path, {"q": text})

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("query_string", RAW_QUERY_STRINGS)
def test_search_page_answers_odd_query_strings(client, query_string):
    assert client.get(f"/es/buscar/?{query_string}").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_suggestions_answer_hostile_text_with_json(client, text):
    response = client.get("/es/buscar/sugerencias/", {"q": text})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert isinstance(response.json()["suggestions"], list)


@pytest.mark.django_db
@pytest.mark.parametrize("query_string", RAW_QUERY_STRINGS)
def test_suggestions_answer_odd_query_strings_with_json(client, query_string):
    response = client.get(f"/es/buscar/sugerencias/?{query_string}")

    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)
