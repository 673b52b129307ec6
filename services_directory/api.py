"""The Open Referral HSDS 3 API under /api/hsds/: read-only JSON of the public directory in
its source language (Spanish), paged as HSDS says, with a 400 JSON answer to any bad
parameter. Plain Django views: no session, no cookie, no HTML renderer."""

import datetime
import json
import math
import uuid

from django.db.models import Exists, OuterRef
from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from . import hsds
from .directory import with_related
from .models.organization import Organization
from .models.service import Service
from .models.taxonomy import Population, ServiceType
from .text import normalize

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_SEARCH_LENGTH = 200
NDJSON_CHUNK = 200
# API answers may be cached by browsers and proxies for a few minutes.
CACHE_CONTROL = "public, max-age=300"


class BadParameter(Exception):
    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def error(status, message, parameter=None):
    body = {"error": message}
    if parameter:
        body["parameter"] = parameter
    return JsonResponse(body, status=status)


def answer(data):
    response = JsonResponse(hsds.without_nulls(data), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = CACHE_CONTROL
    return response


def api_view(view):
    """GET and HEAD only; a bad parameter becomes a 400 JSON error."""

    @require_safe
    def wrapped(request, *args, **kwargs):
        # PostgreSQL refuses a NUL character in any string: reject it before any query.
        for name, value in request.GET.items():
            if "\x00" in name or "\x00" in value:
                return error(400, "parameters may not contain a NUL character", name[:40])
        try:
            return view(request, *args, **kwargs)
        except BadParameter as problem:
            return error(400, problem.message, problem.parameter)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or len(raw) > 9 or int(raw) < 1:
        raise BadParameter(name, f"{name} must be a whole number from 1")
    value = int(raw)
    if maximum is not None and value > maximum:
        raise BadParameter(name, f"{name} must be at most {maximum}")
    return value


def uuid_parameter(request, name):
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadParameter(name, f"{name} must be a UUID") from None


def datetime_parameter(request, name):
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        moment = parse_datetime(raw)
        if moment is None:
            day = parse_date(raw)
            moment = day and datetime.datetime.combine(day, datetime.time())
    except ValueError:
        moment = None
    if moment is None:
        raise BadParameter(name, f"{name} must be an ISO 8601 date or date-time")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


def search_words(request):
    raw = request.GET.get("search", "")
    if len(raw) > MAX_SEARCH_LENGTH:
        raise BadParameter("search", f"search must be at most {MAX_SEARCH_LENGTH} characters")
    return normalize(raw).split()[:10]


def paged(request, queryset, serialize):
    """The HSDS page object for `queryset`, sliced by `page` and `per_page`."""
    per_page = positive_int(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    page = positive_int(request, "page", 1)
    total = queryset.count()
    total_pages = max(1, math.ceil(total / per_page))
    if page > total_pages:
        raise BadParameter("page", f"page must be at most {total_pages}")
    start = (page - 1) * per_page
    contents = [serialize(item) for item in queryset[start : start + per_page]]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page == total_pages,
        "empty": not contents,
        "contents": contents,
    }


def source_language():
    return Locale.get_default()


def public_services():
    return Service.objects.public().filter(locale=source_language())


@api_view
def root(request):
    return answer(
        {
            "version": "3.0",
            "profile": "https://docs.openreferral.org/en/latest/hsds/",
            "openapi_url": None,
            "endpoints": [
                "/services",
                "/services/{id}",
                "/organizations",
                "/organizations/{id}",
                "/taxonomies",
                "/taxonomy_terms",
            ],
        }
    )


@api_view
def services(request):
    queryset = public_services()
    for word in search_words(request):
        queryset = queryset.filter(search_text__contains=word)
    term_id = uuid_parameter(request, "taxonomy_term_id")
    if term_id:
        queryset = queryset.filter(has_term(term_id))
    organization_id = uuid_parameter(request, "organization_id")
    if organization_id:
        queryset = queryset.filter(organization_id=organization_id)
    modified_after = datetime_parameter(request, "modified_after")
    if modified_after:
        queryset = queryset.filter(last_modified__gt=modified_after)
    queryset = with_related(queryset.order_by("name", "id"))

    output = request.GET.get("format", "json")
    if output == "ndjson":
        return ndjson_stream(queryset)
    if output != "json":
        raise BadParameter("format", "format must be json or ndjson")
    return answer(paged(request, queryset, hsds.service))


def has_term(term_id):
    types = Service.service_types.through.objects.filter(
        service=OuterRef("pk"), servicetype_id=term_id
    )
    populations = Service.populations.through.objects.filter(
        service=OuterRef("pk"), population_id=term_id
    )
    return Exists(types) | Exists(populations)


def ndjson_stream(queryset):
    """Every matching service, one JSON object per line, read in chunks."""

    def lines():
        for item in queryset.iterator(chunk_size=NDJSON_CHUNK):
            yield json.dumps(hsds.without_nulls(hsds.service(item)), ensure_ascii=False) + "\n"

    response = StreamingHttpResponse(lines(), content_type="application/x-ndjson; charset=utf-8")
    response["Cache-Control"] = CACHE_CONTROL
    return response


@api_view
def service_detail(request, service_id):
    item = with_related(public_services().filter(id=service_id)).first()
    if item is None:
        return error(404, "No public service has this id.")
    return answer(hsds.service(item))


@api_view
def organizations(request):
    queryset = Organization.objects.filter(locale=source_language())
    words = search_words(request)
    for word in words:
        queryset = queryset.filter(name__icontains=word)
    return answer(paged(request, queryset.order_by("name", "id"), hsds.organization))


@api_view
def organization_detail(request, organization_id):
    organization = Organization.objects.filter(id=organization_id, locale=source_language()).first()
    if organization is None:
        return error(404, "No organization has this id.")
    data = hsds.organization(organization)
    data["services"] = [
        hsds.service(item, with_organization=False)
        for item in with_related(public_services().filter(organization=organization))
    ]
    return answer(data)


@api_view
def taxonomies(request):
    items = list(hsds.TAXONOMIES.values())
    return answer(
        {
            "total_items": len(items),
            "total_pages": 1,
            "page_number": 1,
            "size": len(items),
            "first_page": True,
            "last_page": True,
            "empty": False,
            "contents": items,
        }
    )


@api_view
def taxonomy_terms(request):
    language = source_language()
    terms = [
        *ServiceType.objects.filter(locale=language),
        *Population.objects.filter(locale=language),
    ]
    taxonomy_id = request.GET.get("taxonomy_id")
    known = {taxonomy["id"]: key for key, taxonomy in hsds.TAXONOMIES.items()}
    if taxonomy_id:
        if taxonomy_id not in known:
            raise BadParameter("taxonomy_id", "taxonomy_id must be one of /taxonomies")
        terms = [
            term
            for term in terms
            if hsds.TAXONOMY_OF_MODEL[term._meta.model_name] == known[taxonomy_id]
        ]
    return answer(paged(request, ListQuery(terms), hsds.taxonomy_term))


class ListQuery(list):
    """A list that pages like a queryset (taxonomies are a few dozen terms)."""

    def count(self):
        return len(self)
