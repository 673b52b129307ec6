"""Services built through the real models, as a maintainer would in the admin. Every name
says it is test data; e-mail domains are `.invalid`."""

import datetime
import itertools

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from services_directory.models import (
    Location,
    Organization,
    Phone,
    Population,
    Region,
    Schedule,
    Service,
    ServiceLanguage,
    ServiceType,
)
from services_directory.schedules import parse_hours

_numbers = itertools.count(1)


def spanish_locale():
    return Locale.objects.get(language_code="es")


def make_organization(name="Organización de prueba", locale=None):
    return Organization.objects.create(name=name, locale=locale or spanish_locale())


def term(model, slug):
    return model.objects.get(slug=slug, locale=spanish_locale())


def make_service(
    name=None,
    *,
    organization=None,
    types=("asistencia-legal",),
    populations=(),
    languages=("es",),
    phones=(),
    hours="",
    locations=None,
    **fields,
):
    name = name or f"Servicio de prueba {next(_numbers)}"
    service = Service(
        name=name,
        slug=fields.pop("slug", slugify(name)),
        description=fields.pop("description", f"Descripción de {name}."),
        organization=organization or make_organization(),
        locale=fields.pop("locale", None) or spanish_locale(),
        assured_date=fields.pop("assured_date", timezone.localdate() - datetime.timedelta(days=30)),
        **fields,
    )
    service.service_types = [term(ServiceType, slug) for slug in types]
    service.populations = [term(Population, slug) for slug in populations]
    service.languages = [ServiceLanguage(code=code) for code in languages]
    service.phones = [Phone(number=number) for number in phones]
    service.schedules = [
        Schedule(byday=byday, opens_at=opens, closes_at=closes)
        for byday, opens, closes in parse_hours(hours)
    ]
    service.locations = [
        Location(**{"region": Region.objects.get(code="15"), **location})
        for location in (locations if locations is not None else [{}])
    ]
    service.save()
    return service


def region(code):
    return Region.objects.get(code=code)


def make_loaded_services(first, count):
    """`count` services in Loreto holding something of every kind a page shows (types,
    populations, languages, phones, hours, a public and a confidential location), numbered
    from `first`: what query-count tests add to see that the count stays the same."""
    for number in range(first, first + count):
        make_service(
            f"Servicio de carga {number}",
            types=["albergue", "salud"],
            populations=["mujeres"],
            languages=["es", "qu"],
            phones=["100", "200"],
            hours="mo-fr 08:00-17:00; sa 09:00-12:00",
            locations=[
                {"region": region("16"), "latitude": -3.7, "longitude": -73.2},
                {"region": region("16"), "is_confidential": True},
            ],
        )
