"""`near=` looks first among the services within a radius of the position (an indexed box on
the public positions) and widens to every service when that radius does not hold the page:
the results and their order are exactly those of ordering every service by distance."""

import math

import pytest
from bs4 import BeautifulSoup

from services_directory.models import Location, Service
from services_directory.nearest import NearestFirst, order_by_distance
from services_directory.synthetic import synthetic_services

from ..utils.directory import make_service, region, spanish_locale

pytestmark = pytest.mark.django_db

DIRECTORY = "/es/servicios/"
LIMA = (-12.05, -77.04)


def result_names(client, **params):
    response = client.get(DIRECTORY, params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [
        heading.a.contents[-1].strip() for heading in page.select(".result-list .card__heading")
    ]


def test_a_far_away_service_is_still_found_and_ordered_last(client):
    Service.objects.all().delete()
    for number in range(12):
        make_service(
            f"Servicio cercano {number:02d}",
            locations=[{"latitude": -12.05 - number / 1000, "longitude": -77.04}],
        )
    make_service(
        "Servicio lejano en Iquitos",
        locations=[{"region": region("16"), "latitude": -3.75, "longitude": -73.25}],
    )
    make_service(
        "Albergue confidencial cercano",
        locations=[{"latitude": -12.05, "longitude": -77.04, "is_confidential": True}],
    )
    near = f"{LIMA[0]},{LIMA[1]}"

    first = result_names(client, near=near)
    second = result_names(client, near=near, page="2")

    assert first == [f"Servicio cercano {number:02d}" for number in range(10)]
    assert second == [
        "Servicio cercano 10",
        "Servicio cercano 11",
        "Servicio lejano en Iquitos",
        "Albergue confidencial cercano",
    ]


def test_a_service_in_a_corner_of_the_box_comes_after_a_nearer_one_outside_it():
    """The box around the circle has corners farther away than places just outside it."""
    Service.objects.all().delete()
    for number in range(8):
        make_service(
            f"Servicio cercano {number}",
            locations=[{"latitude": -10.0, "longitude": -75.0 + number / 1000}],
        )
    corner = make_service(
        "En una esquina del recuadro", locations=[{"latitude": 0, "longitude": 0}]
    )
    beyond = make_service("Fuera del recuadro", locations=[{"latitude": 0, "longitude": 0}])
    services = Service.objects.public()
    radius = NearestFirst(services, -10.0, -75.0).first_radius(9)
    scale = math.cos(math.radians(-10.0))
    Location.objects.filter(service=corner).update(
        latitude=-10.0 + 0.9 * radius, longitude=-75.0 + 0.9 * radius / scale
    )
    Location.objects.filter(service=beyond).update(latitude=-10.0 - 1.05 * radius, longitude=-75.0)

    found = [service.name for service in NearestFirst(services, -10.0, -75.0)[0:9]]

    assert found[-1] == "Fuera del recuadro"
    assert found == [service.name for service in order_by_distance(services, -10.0, -75.0)[0:9]]


@pytest.mark.parametrize(
    "position",
    [LIMA, (-3.75, -73.25), (-16.4, -71.54), (0.0, 0.0), (-89.99, 10.0), (85.0, 179.9)],
    ids=["lima", "iquitos", "arequipa", "ocean", "south-pole", "far-north"],
)
def test_every_slice_is_the_slice_of_the_full_order(position):
    synthetic_services(600)
    services = Service.objects.public().filter(locale=spanish_locale())
    nearest = NearestFirst(services, *position)
    expected = list(order_by_distance(services, *position).values_list("id", flat=True))
    total = len(expected)

    for start, stop in [(0, 10), (10, 20), (290, 300), (total - 7, total + 3)]:
        found = [service.id for service in nearest[start:stop]]
        assert found == expected[start:stop], (position, start, stop)


def test_the_box_holds_far_fewer_services_than_the_directory():
    synthetic_services(2000)
    services = Service.objects.public().filter(locale=spanish_locale())
    nearest = NearestFirst(services, *LIMA)

    radius = nearest.first_radius(10)

    assert nearest.within(radius).count() >= 10
    assert nearest.within(radius).count() < services.count() / 20
