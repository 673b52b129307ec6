from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from charts.blocks import YEAR_RANGE, DataSeriesBlock
from core.blocks import RICH_TEXT_FEATURES, HeadingBlock, paragraph_block
from core.models import BasePage

from ..blocks import InstitutionChooserBlock
from .institution import Institution
from .strategic_objective_page import StrategicObjectivePage

YEAR_VALIDATORS = [
    MinValueValidator(YEAR_RANGE["min_value"]),
    MaxValueValidator(YEAR_RANGE["max_value"]),
]


class PlanStatisticsBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block()
    data_series = DataSeriesBlock()


class PlanPage(BasePage):
    """A national action plan: its legal basis, period, institutions, statistics and budget.
    Its strategic objectives are its child pages."""

    page_description = _(
        "A national action plan: its summary, with one page per strategic objective below it."
    )

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_(
            "The plan's full name, shown as the page heading. The page title above is the "
            "short form used in menus and breadcrumbs."
        ),
    )
    acronym = models.CharField(_("acronym"), max_length=20, blank=True, help_text=_("e.g. PNAT"))
    start_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=YEAR_VALIDATORS)
    legal_instrument = models.CharField(
        _("legal instrument"),
        max_length=150,
        help_text=_("The norm that approved the plan, e.g. “Decreto Supremo N° 017-2017-IN”."),
    )
    approval_date = models.DateField(_("approval date"))
    summary = RichTextField(_("summary"), features=RICH_TEXT_FEATURES)
    responsible_institutions = StreamField(
        [("institution", InstitutionChooserBlock())],
        blank=True,
        verbose_name=_("responsible institutions"),
    )
    statistics = StreamField(
        PlanStatisticsBlock(),
        blank=True,
        verbose_name=_("statistics and budget"),
        help_text=_(
            "Official figures only, each data series with its source. Leave empty rather than "
            "estimate."
        ),
    )
    source_note = models.TextField(
        _("source"),
        blank=True,
        help_text=_("Where this summary comes from; shown at the end of the page."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["plan.StrategicObjectivePage"]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("acronym"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("legal_instrument"),
                FieldPanel("approval_date"),
            ],
            heading=_("The plan"),
        ),
        FieldPanel("summary"),
        FieldPanel("responsible_institutions"),
        FieldPanel("statistics"),
        FieldPanel("source_note"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.SearchField("legal_instrument"),
        index.SearchField("summary"),
        index.SearchField("statistics"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("name"),
        APIField("acronym"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("legal_instrument"),
        APIField("approval_date"),
        APIField("summary"),
        APIField("responsible_institutions"),
        APIField("statistics"),
        APIField("source_note"),
    ]

    class Meta:
        verbose_name = _("plan")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot come before the first.")})

    def objectives(self):
        return StrategicObjectivePage.objects.child_of(self).live().order_by("number")

    def abbreviations(self):
        extra = {self.acronym: self.name} if self.acronym else {}
        return Institution.objects.abbreviations(self.locale_id, extra)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["objectives"] = list(self.objectives())
        context["abbreviations"] = self.abbreviations()
        return context
