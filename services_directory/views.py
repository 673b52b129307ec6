"""What the directory page and a service's page show. The page model routes the requests
(models/directory_page.py); these functions build their context."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import content_cache

from .directory import (
    distance_km,
    filtered_services,
    for_results,
    linked_terms,
    service_for_slug,
)
from .filters import DirectoryFilterForm
from .languages import LANGUAGE_NAMES
from .lookups import active_locale, labelled_taxonomy, region_names
from .models.taxonomy import Population, ServiceType
from .schedules import WEEKDAY_CODES, WEEKDAY_NAMES

RESULTS_PER_PAGE = 10


def directory_context(page, request):
    locale = active_locale()
    service_types = labelled_taxonomy(ServiceType, locale)
    populations = labelled_taxonomy(Population, locale)
    form = DirectoryFilterForm(request.GET, service_types=service_types, populations=populations)
    filters = form.applied_filters()
    messages = [
        f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()
    ]

    services = for_results(filtered_services(locale, filters, form.words()))
    paginator = Paginator(services, RESULTS_PER_PAGE)
    number, page_message = page_number(request.GET.get("page"), paginator)
    if page_message:
        messages.append(page_message)
    results = paginator.page(number)

    labels = TermLabels(service_types, populations)
    near = filters.get("near")
    now = timezone.now()
    directory_url = page.get_url(request)
    entries = [
        {
            "service": service,
            "url": f"{directory_url}{service.slug}/",
            "types": labels.types(service.service_types.all()),
            "regions": regions_of(service),
            "distance": distance_km(*near, service) if near else None,
            "open_now": service.is_open_at(now),
        }
        for service in results
    ]
    return {
        "form": form,
        "filter_form_html": empty_filter_form(page, request, form),
        "filters": filters,
        "filter_messages": messages,
        "results": results,
        "paginator": paginator,
        "entries": entries,
        "removable_filters": removable_filters(
            directory_url, form, filters, service_types, populations
        ),
        "map_points": map_points(entries),
        "map_tile_url": settings.MAP_TILE_URL,
    }


def empty_filter_form(page, request, form):
    """The filter form's HTML when the address names no filter (the directory as most visitors
    first see it), rendered once per process, language and content version (its choices are
    the cached regions and terms: core/content_cache.py); None otherwise, when the template
    renders the form with the visitor's choices and messages."""
    if any(name in request.GET for name in form.fields):
        return None

    def render():
        context = {"form": form, "page": page}
        return render_to_string("services_directory/components/filter_form.html", context, request)

    return content_cache.rendered(f"directory:empty-filters:{page.pk}:{get_language()}", render)


def page_number(raw, paginator):
    """The page to show and, when the requested one does not exist, a message saying so."""
    if raw in (None, ""):
        return 1, None
    if not raw.isdigit() or len(raw) > 6:
        shown = raw[:20].replace("\x00", "")
        return 1, _("There is no page “%(page)s”: showing the first page.") % {"page": shown}
    number = int(raw)
    if number < 1:
        return 1, _("Pages start at 1: showing the first page.")
    if number > paginator.num_pages:
        return paginator.num_pages, _("There are only %(count)s pages: showing the last one.") % {
            "count": paginator.num_pages
        }
    return number, None


class TermLabels:
    """A service's terms in the visitor's language: services point at one translation of a
    term, the label comes from the term's translation in this language (no extra query)."""

    def __init__(self, service_types, populations):
        self.by_type = {term.translation_key: term for term in service_types}
        self.by_population = {term.translation_key: term for term in populations}

    def types(self, terms):
        return [self.by_type.get(term.translation_key, term) for term in terms]

    def populations(self, terms):
        return [self.by_population.get(term.translation_key, term) for term in terms]


def removable_filters(base_url, form, filters, service_types, populations):
    """Each applied filter with the address of the same search without it: an empty result
    says which filter to remove."""
    names = {
        "region": region_names(),
        "type": {term.slug: term.name for term in service_types},
        "population": {term.slug: term.name for term in populations},
        "language": LANGUAGE_NAMES,
    }
    removable = []
    for name, value in filters.items():
        if name == "near":
            shown = _("near your position")
        elif name in ("open24h", "free"):
            shown = form.fields[name].label
        elif name == "q":
            shown = f"“{value}”"
        else:
            shown = f"{form.fields[name].label}: {names[name].get(value, value)}"
        # The same search without this filter, and without the choices that were invalid.
        query = {key: form.data[key] for key in filters if key != name}
        url = f"{base_url}?{urlencode(query)}" if query else base_url
        removable.append({"label": shown, "url": url})
    return removable


def regions_of(service):
    """The regions a service is in, once each, in the order of its locations."""
    names = region_names()
    return list(
        dict.fromkeys(
            names[location.region_id] for location in service.locations.all() if location.region_id
        )
    )


def map_points(entries):
    """Markers for the map: public locations with coordinates only."""
    return [
        {
            "name": entry["service"].name,
            "url": entry["url"],
            "lat": location.latitude,
            "lon": location.longitude,
        }
        for entry in entries
        for location in entry["service"].public_locations()
        if location.has_coordinates
    ]


def detail_context(page, request, slug):
    locale = active_locale()
    service = service_for_slug(slug, locale)
    if service is None:
        return None
    labels = TermLabels(
        labelled_taxonomy(ServiceType, locale), labelled_taxonomy(Population, locale)
    )
    service_types, populations = linked_terms(service)
    days = {code: [] for code in WEEKDAY_CODES}
    for schedule in service.schedules.all():
        for code in schedule.day_codes():
            days[code].append(schedule)
    return {
        "service": service,
        "service_types": labels.types(service_types),
        "populations": labels.populations(populations),
        "open_now": service.is_open_now(),
        "hours": [{"day": WEEKDAY_NAMES[code], "schedules": days[code]} for code in WEEKDAY_CODES],
        "languages": [LANGUAGE_NAMES.get(item.code, item.code) for item in service.languages.all()],
        "public_locations": service.public_locations(),
        "has_confidential_location": service.has_confidential_location(),
        "regions": regions_of(service),
    }
