from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index

from core.models import BasePage

from .concept_page import ConceptPage


class ConceptIndexPage(BasePage):
    """The list of concept explainers."""

    page_description = _("The list of concept explainers; add concept pages below it.")

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["concepts.ConceptPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("concept index")

    def concepts(self):
        return ConceptPage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["concepts"] = list(self.concepts())
        context["concept_cards"] = [concept.card() for concept in context["concepts"]]
        return context
