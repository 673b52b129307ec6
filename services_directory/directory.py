"""The directory's query: which services a visitor sees for a set of filters, in which order,
with what they need loaded in a constant number of queries."""

import math

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, Prefetch, Q, TextField, Value

from .filter_keys import SEPARATOR, language_key, population_key, region_key, type_key
from .lookups import default_locale, taxonomy_terms
from .models.parts import Location, ServiceLanguage
from .models.service import Service
from .models.taxonomy import Population, ServiceType
from .nearest import NearestFirst

EARTH_RADIUS_KM = 6371.0
# The services' filter keys as an array, the expression of their GIN index on PostgreSQL
# (migration 0007): the same text, or the index does not serve the query.
KEYS = Func(
    F("filter_keys"),
    Value(SEPARATOR),
    function="string_to_array",
    output_field=ArrayField(TextField()),
)


def in_language(queryset, locale):
    """Services in `locale`, plus the default language's services not yet translated into
    it: a service without an English version still appears in the English directory."""
    default = default_locale()
    if locale.id == default.id:
        return queryset.filter(locale=locale)
    translated = Service.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Exists(translated)))


def service_for_slug(slug, locale):
    """The public service with this slug in `locale`, or its default-language version, with
    its parts (its terms: see linked_terms)."""
    candidates = (
        in_language(Service.objects.public(), locale)
        .filter(slug=slug)
        .select_related("organization")
        .prefetch_related(
            "phones",
            "languages",
            "schedules",
            Prefetch("locations", queryset=Location.objects.select_related("region")),
        )
    )
    # Two different services may share a slug across languages: this language's wins.
    return min(candidates, key=lambda service: service.locale_id != locale.id, default=None)


def linked_terms(service):
    """The service's types and populations, by name: their links read in one query (a UNION of
    the two link tables), the terms themselves from the cached taxonomies. Term ids are UUIDs,
    so an id says which taxonomy it belongs to."""
    types = {term.pk: term for term in taxonomy_terms(ServiceType)}
    populations = {term.pk: term for term in taxonomy_terms(Population)}
    type_links = Service.service_types.through.objects.filter(service_id=service.pk)
    population_links = Service.populations.through.objects.filter(service_id=service.pk)
    linked = type_links.values_list("servicetype_id", flat=True).union(
        population_links.values_list("population_id", flat=True), all=True
    )
    ids = set(linked)
    return (
        sorted((term for pk, term in types.items() if pk in ids), key=by_name),
        sorted((term for pk, term in populations.items() if pk in ids), key=by_name),
    )


def by_name(term):
    return term.name


def with_related(queryset):
    return queryset.select_related("organization").prefetch_related(
        "phones",
        "languages",
        "schedules",
        "service_types",
        "populations",
        Prefetch("locations", queryset=Location.objects.select_related("region")),
    )


def for_results(queryset):
    """With what a results card shows (the organization, phones, opening hours, types and
    regions of its locations, the distance): one query per related table, whatever the number
    of services. The region names come from the cached regions (lookups.py)."""
    return queryset.select_related("organization").prefetch_related(
        "phones", "schedules", "service_types", "locations"
    )


def filtered_services(locale, filters, words):
    """Public services matching every filter (AND), ordered by name or, with `near`, by
    distance (nearest.py)."""
    services = in_language(Service.objects.public(), locale)
    for word in words:
        services = services.filter(search_text__contains=word)
    if connection.vendor == "postgresql":
        services = with_keys(services, filters)
    else:
        services = in_linked_tables(services, filters)
    if filters.get("open24h"):
        services = services.filter(open_24h=True)
    if filters.get("free"):
        services = services.filter(is_free=True)
    if "near" in filters:
        return NearestFirst(services, *filters["near"])
    return services.order_by("name", "id")


def with_keys(services, filters):
    """The filters on other tables, through the services' indexed keys (filter_keys.py)."""
    services = services.alias(keys=KEYS)
    if "region" in filters:
        services = services.filter(keys__contains=[region_key(filters["region"])])
    if "type" in filters:
        ids = term_ids(ServiceType, filters["type"])
        services = services.filter(keys__overlap=[type_key(term_id) for term_id in ids])
    if "population" in filters:
        ids = term_ids(Population, filters["population"])
        services = services.filter(keys__overlap=[population_key(term_id) for term_id in ids])
    if "language" in filters:
        services = services.filter(keys__contains=[language_key(filters["language"])])
    return services


def in_linked_tables(services, filters):
    """The filters on other tables, read from those tables (SQLite)."""
    # IN (subquery) rather than EXISTS: the database evaluates each filter's set once
    # instead of once per service, which keeps large directories fast.
    if "region" in filters:
        services = services.filter(
            pk__in=Location.objects.filter(region_id=filters["region"]).values("service_id")
        )
    # A slug names one term in each language: the links are read by the terms' ids, taken
    # from the cached taxonomy, so the database knows how many services each term has.
    if "type" in filters:
        through = Service.service_types.through
        services = services.filter(
            pk__in=through.objects.filter(
                servicetype_id__in=term_ids(ServiceType, filters["type"])
            ).values("service_id")
        )
    if "population" in filters:
        through = Service.populations.through
        services = services.filter(
            pk__in=through.objects.filter(
                population_id__in=term_ids(Population, filters["population"])
            ).values("service_id")
        )
    if "language" in filters:
        services = services.filter(
            pk__in=ServiceLanguage.objects.filter(code=filters["language"]).values("service_id")
        )
    return services


def term_ids(model, slug):
    """The ids of the term with this slug, in every language."""
    return [term.pk for term in taxonomy_terms(model) if term.slug == slug]


def distance_km(latitude, longitude, service):
    """Great-circle distance to the service's nearest public location, or None."""
    distances = [
        haversine_km(latitude, longitude, location.latitude, location.longitude)
        for location in service.public_locations()
        if location.has_coordinates
    ]
    return min(distances) if distances else None


def haversine_km(lat1, lon1, lat2, lon2):
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
