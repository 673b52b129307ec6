"""The keys PostgreSQL's directory filters read (services_directory/filter_keys.py) say what
the linked tables say, whichever way a service was written: saved with its parts, edited,
generated in bulk, or filled in by the migration that added them."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Locale

from services_directory.models import Location, Population, Service, ServiceLanguage, ServiceType
from services_directory.synthetic import synthetic_services

from ..utils.directory import make_service, region, term

pytestmark = pytest.mark.django_db

fill_filter_keys = importlib.import_module(
    "services_directory.migrations.0007_service_filter_keys"
).fill_filter_keys


def keys_from_linked_tables(service):
    """The keys, read from the tables themselves (not from the service in memory)."""
    service = (
        Service.objects.filter(pk=service.pk)
        .prefetch_related("locations", "service_types", "populations", "languages")
        .get()
    )
    return service.build_filter_keys()


def stored_keys(service):
    return Service.objects.values_list("filter_keys", flat=True).get(pk=service.pk)


def test_saving_a_service_stores_its_regions_terms_and_languages():
    service = make_service(
        types=["albergue"],
        populations=["mujeres"],
        languages=["es", "qu"],
        locations=[{"region": region("16"), "is_confidential": True}, {"region": region("08")}],
    )

    keys = stored_keys(service).split(" ")
    assert sorted(keys) == sorted(
        [
            "region:16",
            "region:08",
            f"type:{term(ServiceType, 'albergue').pk}",
            f"population:{term(Population, 'mujeres').pk}",
            "language:es",
            "language:qu",
        ]
    )


def test_an_edit_of_the_parts_replaces_the_keys(client):
    service = make_service("Servicio que se muda", locations=[{"region": region("16")}])
    english = Locale.objects.get(language_code="en")

    service.locations = [Location(region=region("08"))]
    service.service_types = [ServiceType.objects.get(slug="albergue", locale=english)]
    service.languages = [ServiceLanguage(code="ay")]
    service.save()

    assert stored_keys(service) == keys_from_linked_tables(service)
    assert "region:16" not in stored_keys(service)
    found = client.get("/es/servicios/", {"region": "08", "type": "albergue", "language": "ay"})
    assert "Servicio que se muda" in found.content.decode()
    gone = client.get("/es/servicios/", {"region": "16"})
    assert "Servicio que se muda" not in gone.content.decode()


def test_generated_services_store_the_keys_their_parts_give():
    synthetic_services(30)

    for service in Service.objects.filter(is_synthetic=True):
        assert stored_keys(service) == keys_from_linked_tables(service), service.name


def test_the_migration_fills_the_keys_of_existing_services():
    services = [
        make_service(types=["albergue"], languages=["es", "qu"]),
        make_service(populations=["mujeres"], locations=[{"region": region("25")}]),
    ]
    Service.objects.update(filter_keys="")

    fill_filter_keys(apps, None)

    for service in services:
        assert stored_keys(service) == keys_from_linked_tables(service)
        assert stored_keys(service)
