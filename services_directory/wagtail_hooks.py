"""The directory in the admin: services (one screen each, with their phones, hours and
locations), organizations and the two taxonomies, grouped under one menu item, plus a
"needs review" listing of services not verified for a year."""

import django_filters
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organization, Population, Region, Service, ServiceType

SERVICE_LISTING = "wagtailsnippets_services_directory_service:list"


class ServiceFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.all(),
        field_name="locations__region",
        distinct=True,
    )
    service_types = django_filters.ModelChoiceFilter(
        label=_("Type of service"), queryset=ServiceType.objects.all(), distinct=True
    )
    needs_review = django_filters.BooleanFilter(
        label=_("Needs review"), method="filter_needs_review"
    )

    class Meta:
        model = Service
        fields = ["status", "locale"]

    def filter_needs_review(self, queryset, name, value):
        if value is None:
            return queryset
        stale = queryset.needs_review()
        return stale if value else queryset.exclude(pk__in=stale.values("pk"))


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "site"
    menu_label = _("Services")
    list_display = ["name", "organization", "status", "assured_date", "locale"]
    list_export = [
        "id",
        "name",
        "slug",
        "organization",
        "status",
        "assured_date",
        "open_24h",
        "is_free",
        "locale",
    ]
    export_filename = "services"
    filterset_class = ServiceFilterSet
    search_fields = ["name", "description", "organization__name"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [
        "id",
        "name",
        "organization",
        "description",
        "status",
        "assured_date",
        "service_types",
        "populations",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "is_free",
        "fees_description",
        "open_24h",
        "url",
        "email",
        "locale",
    ]
    ordering = ["name"]


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organizations")
    list_display = ["name", "email", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    search_backend_name = None
    inspect_view_enabled = True


class ServiceTypeViewSet(SnippetViewSet):
    model = ServiceType
    icon = "tag"
    menu_label = _("Service types")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class PopulationViewSet(SnippetViewSet):
    model = Population
    icon = "tag"
    menu_label = _("Populations")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class ServicesToReviewMenuItem(MenuItem):
    """Shown to those who may see the services listing it filters."""

    def is_shown(self, request):
        return any(
            request.user.has_perm(f"services_directory.{action}_service")
            for action in ("add", "change", "delete", "view")
        )


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (ServiceViewSet, OrganizationViewSet, ServiceTypeViewSet, PopulationViewSet)
    menu_icon = "site"
    menu_label = _("Services directory")
    menu_name = "services-directory"
    menu_order = 250

    def get_submenu_items(self):
        """After "Services", the services not verified for a year: the maintainers' to-do."""
        items = super().get_submenu_items()
        review = ServicesToReviewMenuItem(
            _("Services to review"),
            format_lazy(
                "{}?needs_review=true",
                reverse_lazy("wagtailsnippets_services_directory_service:list"),
            ),
            name="services-to-review",
            icon_name="warning",
            order=items[0].order + 1,
        )
        return [items[0], review, *items[1:]]


register_snippet(DirectoryViewSetGroup)
