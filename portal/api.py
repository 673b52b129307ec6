"""Wagtail API v2: read-only JSON of the live, public pages.

Only pages are exposed. The image and document libraries may hold files meant for restricted
pages, so their endpoints stay off.

Wagtail's viewset answers some bad parameters with a 500 (a database error, an unchecked
conversion); the subclasses here check those parameters first and answer 400 with a JSON
message instead.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Site
from wagtail.search.backends import get_search_backend

from search.query import OPERATORS, build_search_query

# Far beyond any real listing, far below the database's 64-bit limit for OFFSET.
MAX_OFFSET = 1_000_000
MAX_ID = 2**63 - 1  # the database's largest integer


class CheckedFieldsFilter(FieldsFilter):
    """Field filters (`?first_published_at=…`) with values the field cannot hold rejected."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields or name == "locale":
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except LookupError:
                continue
            if isinstance(field, models.ForeignKey):
                field = field.target_field
            if not isinstance(field, models.Field):
                continue  # tags: matched by name, any text will do
            try:
                field.run_validators(field.to_python(value))
            except ValidationError as error:
                raise BadRequestError(
                    f"field filter error. {value!r} is not a valid value for {name}"
                ) from error
        return super().filter_queryset(request, queryset, view)


class CheckedSearchFilter(SearchFilter):
    """`?search=` through the same cleaning as the site search; quoted phrases still work."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator", "and")
        if operator not in OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        query = build_search_query(request.GET["search"], operator)
        if query is None:
            raise BadRequestError("search must contain something to search for")
        return get_search_backend().search(
            query, queryset, order_by_relevance="order" not in request.GET
        )


class CheckedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdecimal() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    # JSON only: Wagtail adds DRF's browsable HTML page, which sets a CSRF cookie.
    renderer_classes = [JSONRenderer]
    pagination_class = CheckedPagination
    filter_backends = [
        CheckedFieldsFilter if backend is FieldsFilter else backend
        for backend in PagesAPIViewSet.filter_backends
        if backend is not SearchFilter
    ] + [CheckedSearchFilter]  # last: search results cannot be filtered further

    def initial(self, request, *args, **kwargs):
        """No parameter may hold a NUL character: PostgreSQL refuses it in any string, so it
        would reach the database as a 500 through whichever filter passed it on."""
        super().initial(request, *args, **kwargs)
        for name, value in request.GET.items():
            if "\x00" in name or "\x00" in value:
                raise BadRequestError(f"parameter {name!r} contains a NUL character")

    def find_object(self, queryset, request):
        """`?html_path=` takes a page's public address, with its language prefix
        (/es/plan-nacional/, /en/national-plan/), and routes it from that language's home."""
        page_id = request.GET.get("id")
        if page_id is not None and not (page_id.isdecimal() and int(page_id) <= MAX_ID):
            raise BadRequestError("id must be a positive integer")
        path = request.GET.get("html_path")
        site = Site.find_for_request(request)
        if path is None or site is None:
            return super().find_object(queryset, request)
        components = [component for component in path.split("/") if component]
        languages = dict(settings.LANGUAGES)
        root = site.root_page
        if components and components[0] in languages:
            locale = Locale.objects.filter(language_code=components.pop(0)).first()
            root = root.get_translation_or_none(locale) if locale else None
        if root is None:
            return None
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(id=page.id).exists() else None


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
