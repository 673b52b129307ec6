"""A results page costs the same number of SQL queries however many services it shows and
whatever they hold (phones, languages, schedules, locations, types): the directory with its
filters, `near=`, and a concept page's list of the services that help."""

import pytest

from services_directory.models import Service

from ..utils.directory import make_loaded_services

pytestmark = pytest.mark.django_db


def queries_for(client, path, django_assert_max_num_queries):
    client.get(path)  # warms what a running server keeps warm
    with django_assert_max_num_queries(40) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    [
        "/es/servicios/?region=16",
        "/es/servicios/?q=carga&region=16&type=albergue",
        "/en/services/?near=-3.75,-73.25",
        "/es/servicios/?near=-3.75,-73.25&page=2",
        "/es/conceptos/explotacion-sexual/",
    ],
)
def test_results_pages_cost_constant_queries(client, path, django_assert_max_num_queries):
    Service.objects.all().delete()
    make_loaded_services(0, 2)
    few = queries_for(client, path, django_assert_max_num_queries)
    make_loaded_services(2, 18)
    many = queries_for(client, path, django_assert_max_num_queries)

    assert many == few
