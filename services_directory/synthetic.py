"""Synthetic services for load tests: realistic in shape (every region, types, populations,
languages, hours, some confidential shelters), clearly marked (`is_synthetic`, names saying
"sintético", `.invalid` e-mail, no phone numbers) and written in bulk."""

import random
import uuid

from django.db import transaction
from wagtail.models import Locale

from .filter_keys import joined_keys
from .models.organization import Organization
from .models.parts import Location, Schedule, ServiceLanguage
from .models.region import Region
from .models.service import Service
from .models.taxonomy import Population, ServiceType
from .text import normalize

WORDS = ["atención", "orientación", "albergue", "acompañamiento", "asesoría", "protección"]
LANGUAGE_CODES = ["es", "qu", "ay", "cni", "agr", "shp"]
BATCH = 1000


def synthetic_services(count, seed=2017):
    """Creates `count` synthetic services in the default language; returns how many."""
    rng = random.Random(seed)  # noqa: S311 - repeatable test data, not a secret
    locale = Locale.get_default()
    regions = list(Region.objects.all())
    types = list(ServiceType.objects.filter(locale=locale))
    populations = list(Population.objects.filter(locale=locale))
    start = Service.objects.filter(is_synthetic=True).count()
    with transaction.atomic():
        organization, _created = Organization.objects.get_or_create(
            name="Organización sintética (pruebas de carga)",
            locale=locale,
            defaults={"email": "carga@sintetico.invalid"},
        )
        for first in range(start, start + count, BATCH):
            numbers = range(first, min(first + BATCH, start + count))
            write_batch(rng, numbers, locale, organization, regions, types, populations)
    return count


def write_batch(rng, numbers, locale, organization, regions, types, populations):
    services, locations, languages, schedules, type_links, population_links = (
        [],
        [],
        [],
        [],
        [],
        [],
    )
    type_through = Service.service_types.through
    population_through = Service.populations.through
    for number in numbers:
        region = regions[number % len(regions)]
        word = rng.choice(WORDS)
        name = f"Servicio sintético {number:06d}: {word} en {region.name}"
        description = f"Datos sintéticos para pruebas de carga: {word} en {region.name}."
        service = Service(
            id=uuid.uuid4(),
            translation_key=uuid.uuid4(),
            locale=locale,
            organization=organization,
            name=name,
            slug=f"servicio-sintetico-{number:06d}",
            description=description,
            email="servicio@sintetico.invalid",
            is_free=rng.random() < 0.8,
            open_24h=rng.random() < 0.15,
            is_synthetic=True,
            search_text=normalize(f"{name} {description} {organization.name} {region.name}"),
        )
        services.append(service)
        confidential = rng.random() < 0.2
        locations.append(
            Location(
                service=service,
                region=region,
                is_confidential=confidential,
                district="Distrito sintético",
                latitude=round(rng.uniform(-18.0, -0.1), 5),
                longitude=round(rng.uniform(-81.0, -68.7), 5),
            )
        )
        codes = {"es", rng.choice(LANGUAGE_CODES)}
        for code in codes:
            languages.append(ServiceLanguage(service=service, code=code))
        if not service.open_24h:
            schedules.append(
                Schedule(
                    service=service, byday="MO,TU,WE,TH,FR", opens_at="08:00", closes_at="17:00"
                )
            )
        chosen_types = rng.sample(types, k=min(2, len(types)))
        for term in chosen_types:
            type_links.append(type_through(service=service, servicetype=term))
        chosen_population = rng.choice(populations) if populations else None
        if chosen_population is not None:
            population_links.append(
                population_through(service=service, population=chosen_population)
            )
        service.filter_keys = joined_keys(
            region_codes=[region.code],
            type_ids=[term.pk for term in chosen_types],
            population_ids=[chosen_population.pk] if chosen_population else [],
            language_codes=codes,
        )
        term_names = [term.name for term in [*chosen_types, chosen_population] if term]
        service.search_stems = service.stems_for_search(
            name, [description, *term_names], service.search_text
        )
    Service.objects.bulk_create(services)
    Location.objects.bulk_create(locations)
    ServiceLanguage.objects.bulk_create(languages)
    Schedule.objects.bulk_create(schedules)
    type_through.objects.bulk_create(type_links)
    population_through.objects.bulk_create(population_links)


def delete_synthetic_services():
    deleted = Service.objects.filter(is_synthetic=True).count()
    Service.objects.filter(is_synthetic=True).delete()
    return deleted
