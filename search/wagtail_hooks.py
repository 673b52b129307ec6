from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ZeroResultReportView
from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["terms", "language"]
    list_filter = ["language"]
    search_fields = ["terms"]


register_snippet(SearchSynonymViewSet)


class ZeroResultReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_zeroresultquery")


@hooks.register("register_admin_urls")
def register_zero_result_report_url():
    return [
        path(
            "reports/searches-without-results/",
            ZeroResultReportView.as_view(),
            name="search_zero_results",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_zero_result_report_menu_item():
    return ZeroResultReportMenuItem(
        _("Searches without results"),
        reverse("search_zero_results"),
        icon_name="search",
        order=910,
    )


@hooks.register("register_permissions")
def register_zero_result_report_permission():
    """Lets administrators give editors the report in the group settings."""
    return Permission.objects.filter(
        content_type__app_label="search", codename="view_zeroresultquery"
    )
