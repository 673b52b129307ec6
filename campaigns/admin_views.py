"""The reach report in the admin: embed views per day (chart and table) and per campaign and
partner, with the figures as CSV."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import CampaignPage
from .reach import PERIODS, build_reach_report, reach_csv


def _last_days_label(days):
    return gettext("Last %(days)s days") % {"days": days}


# Lazy: the form's choices are built at import time, before any language is active.
last_days_label = lazy(_last_days_label, str)


class ReachFilterForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Period"),
        choices=[(days, last_days_label(days)) for days in PERIODS],
        coerce=int,
        initial=30,
        required=False,
    )
    campaign = forms.ModelChoiceField(
        label=_("Campaign"),
        queryset=CampaignPage.objects.select_related("locale").order_by("-start_date", "title"),
        required=False,
        empty_label=_("All campaigns"),
    )


def may_see_reach(user):
    """Campaign staff (who work with the media partners) and superusers."""
    return user.has_perm("campaigns.view_mediapartner")


class ReachReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "campaigns/admin/reach_report.html"
    page_title = _("Campaign reach")
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_reach(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = ReachFilterForm(request.GET)
        # An invalid filter falls back to the defaults and says why, in the form.
        filters = form.cleaned_data if form.is_valid() else {}
        days = filters.get("days") or 30
        campaign = filters.get("campaign")
        report = build_reach_report(days=days, campaign=campaign)
        if request.GET.get("format") == "csv":
            response = HttpResponse(
                reach_csv(report.start, report.end, campaign),
                content_type="text/csv; charset=utf-8",
            )
            filename = f"alcance-campanas-{report.start}-{report.end}.csv"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        context = self.get_context_data(form=form, report=report, chart=report.chart())
        return self.render_to_response(context)
