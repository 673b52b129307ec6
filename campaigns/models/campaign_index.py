from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index

from core.models import BasePage

from .campaign_page import CampaignPage


class CampaignIndexPage(BasePage):
    """The list of campaigns: current ones first, then the ended ones, which stay readable."""

    page_description = _("The list of campaigns; add campaign pages below it.")

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = list(
            CampaignPage.objects.child_of(self).live().order_by("-start_date", "-end_date")
        )
        context["current_campaigns"] = [c for c in campaigns if not c.is_ended]
        context["ended_campaigns"] = [c for c in campaigns if c.is_ended]
        return context
