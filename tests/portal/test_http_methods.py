"""Monitors and caches use HEAD; views answer only the methods they serve."""

import pytest

from ..utils import make_chart_examples


@pytest.fixture
def chart_csv_path(db):
    series_page, _objective = make_chart_examples()
    return f"/es/datos/{series_page.id}/example-series.csv"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/healthz", 200),
        ("/robots.txt", 200),
        ("/favicon.ico", 302),
        ("/sitemap.xml", 200),
        ("/es/", 200),
        ("/es/buscar/?q=trata", 200),
    ],
)
def test_head_answers_like_get_without_a_body(client, path, status):
    response = client.head(path)

    assert response.status_code == status
    assert response.content == b""


def test_head_on_a_chart_csv(client, chart_csv_path):
    response = client.head(chart_csv_path)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize(
    "path",
    ["/healthz", "/robots.txt", "/sitemap.xml", "/es/buscar/?q=trata", "/es/", "/es/privacidad/"],
)
def test_other_methods_are_refused(client, method, path):
    assert client.generic(method, path).status_code == 405


def test_other_methods_are_refused_on_a_chart_csv(client, chart_csv_path):
    assert client.generic("TRACE", chart_csv_path).status_code == 405
