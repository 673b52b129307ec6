from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ReachReportView, may_see_reach
from .models import MediaPartner


class MediaPartnerViewSet(SnippetViewSet):
    model = MediaPartner
    icon = "site"
    menu_label = _("Media partners")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug", "active"]
    list_filter = ["active"]
    search_fields = ["name"]


register_snippet(MediaPartnerViewSet)


@hooks.register("register_admin_urls")
def register_reach_report_url():
    return [path("campaign-reach/", ReachReportView.as_view(), name="campaign_reach")]


class ReachReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reach(request.user)


@hooks.register("register_reports_menu_item")
def register_reach_report_menu_item():
    return ReachReportMenuItem(
        _("Campaign reach"), reverse("campaign_reach"), icon_name="view", order=900
    )
