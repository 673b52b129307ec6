from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from core.models import BasePage

from ..blocks import IntermediateObjectiveBlock


class StrategicObjectivePage(BasePage):
    """One strategic objective of a plan, with its intermediate objectives and indicators."""

    page_description = _(
        "One strategic objective of a plan, with its intermediate objectives and indicators."
    )

    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("Its number in the plan: 1 for “Objetivo estratégico 1”.")
    )
    statement = models.TextField(
        _("statement"), help_text=_("The objective as the plan states it.")
    )
    intermediate_objectives = StreamField(
        [("intermediate_objective", IntermediateObjectiveBlock())],
        blank=True,
        verbose_name=_("intermediate objectives"),
    )

    parent_page_types = ["plan.PlanPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("number"),
        FieldPanel("statement"),
        FieldPanel("intermediate_objectives"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("statement"),
        index.SearchField("intermediate_objectives"),
        index.FilterField("number"),
    ]
    search_summary_fields = ("statement", "description")
    api_fields = [
        *BasePage.api_fields,
        APIField("number"),
        APIField("statement"),
        APIField("intermediate_objectives"),
    ]

    class Meta:
        verbose_name = _("strategic objective")
        ordering = ["number"]

    def outline(self):
        """Codes, statements and indicator counts of the intermediate objectives, read from the
        stored JSON: listing every objective of a plan costs no query per objective."""
        outline = []
        for item in self.intermediate_objectives.raw_data:
            value = item["value"]
            outline.append(
                {
                    "code": value.get("code", ""),
                    "statement": value.get("statement") or "",
                    "indicator_count": len(value.get("indicators") or []),
                }
            )
        return outline

    def indicator_count(self):
        return sum(item["indicator_count"] for item in self.outline())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        plan = self.get_parent().specific
        siblings = list(
            StrategicObjectivePage.objects.sibling_of(self, inclusive=False)
            .live()
            .order_by("number")
        )
        context["plan"] = plan
        context["ancestors"] = [plan]  # for the breadcrumbs, below the language's home
        context["abbreviations"] = plan.abbreviations()
        context["previous_objective"] = next(
            (page for page in reversed(siblings) if page.number < self.number), None
        )
        context["next_objective"] = next(
            (page for page in siblings if page.number > self.number), None
        )
        return context
