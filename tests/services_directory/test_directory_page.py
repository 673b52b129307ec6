"""The public directory: each filter, their combination, counts, pagination, distance, the
empty result, and the detail page of a service."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from services_directory.models import Population, Service, ServiceType

from ..utils.directory import make_service, region

pytestmark = pytest.mark.django_db

DIRECTORY = "/es/servicios/"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_names(response):
    page = soup(response)
    return [
        heading.a.contents[-1].strip() for heading in page.select(".result-list .card__heading")
    ]


def count_text(response):
    return soup(response).select_one(".results-count").get_text(" ", strip=True)


def test_directory_lists_the_initial_services_in_both_languages(client):
    spanish = result_names(client.get(DIRECTORY))
    english = result_names(client.get("/en/services/"))

    assert "Línea 1818" in spanish
    assert "Servicio de ejemplo: asistencia legal en Lima" in spanish
    assert "Example service: legal aid in Lima" in english
    assert "Servicio de ejemplo: asistencia legal en Lima" not in english


def test_english_directory_shows_english_labels(client):
    page = soup(client.get("/en/services/?type=asistencia-legal"))

    assert "Legal aid" in [tag.get_text() for tag in page.select(".result-list .tag")]
    options = [option.get_text() for option in page.select("#id_type option")]
    assert "Legal aid" in options
    assert "Asistencia legal" not in options


def test_search_ignores_accents_and_case(client):
    make_service("Orientación sobre EXPLOTACIÓN laboral")

    for query in ["explotacion", "Explotación", "EXPLOTACION laboral"]:
        assert result_names(client.get(DIRECTORY, {"q": query})) == [
            "Orientación sobre EXPLOTACIÓN laboral"
        ], query


def test_search_finds_organization_and_place_names(client):
    make_service(
        "Servicio uno",
        locations=[{"region": region("16"), "district": "Punchana", "province": "Maynas"}],
    )

    assert result_names(client.get(DIRECTORY, {"q": "punchana"})) == ["Servicio uno"]
    assert "Servicio uno" in result_names(client.get(DIRECTORY, {"q": "organizacion de prueba"}))


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        ({"region": "16"}, {"Loreto legal", "Loreto albergue"}),
        ({"type": "albergue"}, {"Loreto albergue", "Cusco albergue"}),
        ({"population": "mujeres"}, {"Loreto albergue"}),
        ({"language": "qu"}, {"Cusco albergue"}),
        ({"open24h": "1"}, {"Loreto albergue"}),
        ({"free": "1"}, {"Loreto legal", "Loreto albergue"}),
        ({"region": "16", "type": "albergue"}, {"Loreto albergue"}),
        ({"region": "08", "free": "1"}, set()),
        ({"q": "albergue", "language": "qu", "region": "08"}, {"Cusco albergue"}),
    ],
)
def test_filters_combine_with_and(client, parameters, expected):
    Service.objects.all().delete()
    make_service("Loreto legal", locations=[{"region": region("16")}])
    make_service(
        "Loreto albergue",
        types=["albergue"],
        populations=["mujeres"],
        open_24h=True,
        locations=[{"region": region("16"), "is_confidential": True}],
    )
    make_service(
        "Cusco albergue",
        types=["albergue"],
        languages=["es", "qu"],
        is_free=False,
        locations=[{"region": region("08")}],
    )

    response = client.get(DIRECTORY, parameters)

    assert set(result_names(response)) == expected
    count = count_text(response)
    assert count.startswith(f"{len(expected)} servicio"), count


def test_type_and_population_filters_match_the_term_in_every_language(client):
    """A slug names one term per language, and a service may link either (the filters read
    the links by the terms' ids, from the cached taxonomy)."""
    Service.objects.all().delete()
    english = Locale.objects.get(language_code="en")
    service = make_service("Enlazado al término en inglés", types=[], populations=[])
    service.service_types = [ServiceType.objects.get(slug="albergue", locale=english)]
    service.populations = [Population.objects.get(slug="mujeres", locale=english)]
    service.save()
    make_service("Sin ese tipo", types=["asistencia-legal"])

    for parameters in ({"type": "albergue"}, {"population": "mujeres"}):
        response = client.get(DIRECTORY, parameters)
        assert result_names(response) == ["Enlazado al término en inglés"], parameters
        assert count_text(response).startswith("1 servicio"), parameters


def test_result_count_is_announced_and_pages_keep_the_filters(client):
    Service.objects.all().delete()
    for number in range(23):
        make_service(f"Servicio paginado {number:02d}", locations=[{"region": region("20")}])

    first = soup(client.get(DIRECTORY, {"region": "20"}))
    assert first.select_one(".results-count")["aria-live"] == "polite"
    assert "23 servicios" in first.select_one(".results-count").get_text()
    assert len(first.select(".result-list > li")) == 10
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    assert "region=20" in next_link and "page=2" in next_link

    third = result_names(client.get(DIRECTORY, {"region": "20", "page": "3"}))
    assert third == ["Servicio paginado 20", "Servicio paginado 21", "Servicio paginado 22"]


def test_near_orders_by_distance_and_shows_it(client):
    Service.objects.all().delete()
    make_service("En Iquitos", locations=[{"latitude": -3.749, "longitude": -73.253}])
    make_service("En Lima", locations=[{"latitude": -12.046, "longitude": -77.043}])
    make_service("En Cusco", locations=[{"latitude": -13.517, "longitude": -71.978}])
    make_service("Sin coordenadas", locations=[{}])

    response = client.get(DIRECTORY, {"near": "-12.1,-77.0"})

    assert result_names(response) == ["En Lima", "En Cusco", "En Iquitos", "Sin coordenadas"]
    distances = [
        row.get_text(" ", strip=True)
        for row in soup(response).select(".summary-list__row")
        if "Distancia" in row.get_text()
    ]
    assert distances[0] == "Distancia 7,6 km"  # haversine: 6.0 km north, 4.7 km west


def test_confidential_coordinates_take_no_part_in_the_distance_order(client):
    Service.objects.all().delete()
    make_service(
        "Albergue confidencial",
        locations=[{"latitude": -12.1, "longitude": -77.0, "is_confidential": True}],
    )
    make_service("Servicio público lejano", locations=[{"latitude": -3.7, "longitude": -73.2}])

    response = client.get(DIRECTORY, {"near": "-12.1,-77.0"})

    assert result_names(response) == ["Servicio público lejano", "Albergue confidencial"]
    assert "km" not in soup(response).select(".result-list > li")[1].get_text()


def test_empty_result_names_each_filter_to_remove_and_the_hotlines(client):
    response = client.get(DIRECTORY, {"region": "24", "type": "albergue", "free": "1"})
    page = soup(response)

    notice = page.select_one("#no-results-heading").parent
    links = {link.get_text(strip=True): link["href"] for link in notice.select("ul a[href^='/']")}
    assert links == {
        "Quitar Región: Tumbes": "/es/servicios/?type=albergue&free=1",
        "Quitar Tipo de servicio: Albergue o casa refugio": "/es/servicios/?region=24&free=1",
        "Quitar Gratuito": "/es/servicios/?region=24&type=albergue",
    }
    assert [link["href"] for link in notice.select("a[href^='tel:']")] == ["tel:1818", "tel:100"]


def test_inactive_and_defunct_services_stay_out(client):
    make_service("Servicio cerrado", status=Service.Status.DEFUNCT)
    make_service("Servicio inactivo", status=Service.Status.INACTIVE)

    names = result_names(client.get(DIRECTORY, {"q": "servicio"}))
    assert "Servicio cerrado" not in names and "Servicio inactivo" not in names
    assert client.get(DIRECTORY + "servicio-cerrado/").status_code == 404


def test_detail_page_shows_what_a_visitor_needs(client):
    service = make_service(
        "Atención integral de prueba",
        phones=["(01) 000-0000"],
        languages=["es", "qu"],
        hours="mo-fr 08:00-17:00; sa 09:00-13:00",
        eligibility_description="Personas adultas derivadas por la fiscalía.",
        minimum_age=18,
        is_free=False,
        fees_description="Consulta de prueba con costo.",
        assured_date=datetime.date(2026, 3, 14),
        locations=[
            {
                "address_1": "Calle de Prueba 123",
                "district": "Distrito de prueba",
                "transportation": "Bus de prueba hasta el paradero final.",
            }
        ],
    )

    page = soup(client.get(f"{DIRECTORY}{service.slug}/"))
    text = page.select_one("main").get_text(" ", strip=True)

    assert page.h1.get_text(" ", strip=True).endswith("Atención integral de prueba")
    assert page.select_one("a[href='tel:010000000']").get_text(strip=True) == (
        "Llamar al (01) 000-0000"
    )
    for expected in [
        "Lunes 08:00 a 17:00",
        "Sábado 09:00 a 13:00",
        "Domingo Cerrado",
        "Castellano, Quechua",
        "Personas adultas derivadas por la fiscalía.",
        "18 años o más",
        "Consulta de prueba con costo.",
        "Calle de Prueba 123, Distrito de prueba",
        "Bus de prueba hasta el paradero final.",
        "14 de marzo de 2026",
        "hora del Perú",
    ]:
        assert expected in text, expected


def test_open_now_is_read_in_peru_time(client):
    service = make_service(hours="mo 08:00-17:00")
    monday_noon_in_lima = datetime.datetime(
        2026, 11, 23, 17, 0, tzinfo=datetime.UTC
    )  # 12:00 in Lima
    monday_noon_utc = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)  # 07:00

    assert service.is_open_at(monday_noon_in_lima)
    assert not service.is_open_at(monday_noon_utc)
    assert not service.is_open_at(monday_noon_in_lima + datetime.timedelta(days=1))


def test_confidential_location_shows_region_and_why(client):
    service = make_service(
        "Albergue de prueba",
        phones=["999"],
        locations=[{"region": region("16"), "is_confidential": True, "address_1": "Secreta 1"}],
    )

    text = soup(client.get(f"{DIRECTORY}{service.slug}/")).select_one("main").get_text(" ")

    assert "Región: Loreto." in text
    assert "La dirección no se publica para proteger a las personas que se alojan allí." in text
    assert "Secreta 1" not in text


def test_english_detail_falls_back_to_the_spanish_service(client):
    service = make_service("Solo en castellano")

    response = client.get(f"/en/services/{service.slug}/")

    assert soup(response).h1.get_text(" ", strip=True).endswith("Solo en castellano")
    assert soup(response).select_one("#contact-heading").get_text() == "Contact"
