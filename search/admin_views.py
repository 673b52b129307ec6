"""The admin's report of searches that found nothing (Wagtail's own "Search terms" report
lists the most popular ones)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import ZeroResultQuery

REPORT_DAYS = 30
REPORT_ROWS = 100


class ZeroResultReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/zero_result_report.html"
    page_title = _("Searches without results")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("search.view_zeroresultquery"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)
        rows = (
            ZeroResultQuery.objects.filter(date__gte=since)
            .values("query_string")
            .annotate(searches=Sum("hits"))
            .order_by("-searches", "query_string")[:REPORT_ROWS]
        )
        return super().get_context_data(rows=rows, days=REPORT_DAYS, **kwargs)
