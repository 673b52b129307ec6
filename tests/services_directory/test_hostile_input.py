"""Hostile or mistyped input in the directory's address never gives a 500: the page answers
with a message in its own language saying which choice was left out."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

SQL = "' OR 1=1; DROP TABLE services_directory_service; --"

CASES = [
    ({"q": SQL}, None),
    ({"q": "x" * 10_000}, ("Palabras para buscar", "Words to search for")),
    ({"region": "99"}, ("No hay ninguna región con ese código", "There is no region")),
    ({"region": SQL}, ("No hay ninguna región con ese código", "There is no region")),
    ({"type": "no-existe"}, ("Esa no es una de las opciones", "That is not one of the options")),
    ({"population": "zzz"}, ("Esa no es una de las opciones", "That is not one of the options")),
    ({"language": "xx"}, ("Esa no es una de las opciones", "That is not one of the options")),
    ({"near": "abc"}, ("Escribe una posición", "Give a position")),
    ({"near": "nan,nan"}, ("Escribe una posición", "Give a position")),
    ({"near": "inf,0"}, ("Escribe una posición", "Give a position")),
    ({"near": "91,0"}, ("La latitud va de -90 a 90", "Latitude goes from -90 to 90")),
    ({"near": "0,-181"}, ("La latitud va de -90 a 90", "Latitude goes from -90 to 90")),
    ({"page": "0"}, ("Las páginas empiezan en 1", "Pages start at 1")),
    ({"page": "abc"}, ("No existe la página «abc»", "There is no page “abc”")),
    ({"page": "99999"}, ("Solo hay 1 páginas", "There are only 1 pages")),
    ({"page": "9" * 400}, ("No existe la página", "There is no page")),
    ({"q": "albergue\x00"}, ("Palabras para buscar", "Words to search for")),
    ({"page": "2\x00"}, ("No existe la página", "There is no page")),
]


@pytest.mark.parametrize(("parameters", "messages"), CASES)
@pytest.mark.parametrize(("path", "language"), [("/es/servicios/", 0), ("/en/services/", 1)])
def test_bad_input_gets_a_message_in_its_language(client, path, language, parameters, messages):
    response = client.get(path, parameters)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    alert = page.select_one("[role=alert]")
    if messages is None:
        assert alert is None
        assert page.select_one(".results-count").get_text(strip=True)[0].isdigit()
    else:
        assert alert is not None, parameters
        assert messages[language] in alert.get_text(" "), alert.get_text(" ")


def test_a_long_query_is_not_echoed_back_in_full(client):
    response = client.get("/es/servicios/", {"q": "x" * 10_000})

    assert len(response.content) < 60_000


@pytest.mark.parametrize(
    "path", ["/es/servicios/no-existe/", "/es/servicios/%27%20OR%201=1/", "/es/servicios/a/b/c/"]
)
def test_unknown_services_are_not_found(client, path):
    assert client.get(path).status_code == 404
