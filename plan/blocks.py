"""Blocks for the plan: intermediate objectives and their indicators."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup, StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from charts.blocks import CountsChartBlock, decimal_block, year_block
from charts.geometry import build_chart
from charts.sources import ChartSource


class InstitutionChooserBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("plan.Institution", **kwargs)

    def get_api_representation(self, value, context=None):
        if value is None:
            return None
        return {"id": value.pk, "acronym": value.acronym, "name": value.name}


class MeasurementBlock(blocks.StructBlock):
    year = year_block(_("Year"))
    value = decimal_block(_("Value"))

    class Meta:
        icon = "date"
        label = _("Measurement")


class IndicatorValue(ChartSource, blocks.StructValue):
    def has_baseline(self):
        return self.get("baseline_value") is not None

    def has_target(self):
        return self.get("target_value") is not None

    def progress_rows(self):
        """The baseline, then each measurement, by year: what the progress chart draws."""
        rows = []
        if self.has_baseline():
            label = gettext("%(year)s (baseline)") % {"year": self["baseline_year"]}
            rows.append((label, self["baseline_value"]))
        measurements = sorted(self.get("measurements") or [], key=lambda item: item["year"])
        rows.extend((str(item["year"]), item["value"]) for item in measurements)
        return rows

    def progress_chart(self):
        """A line chart toward the target, or None when nothing has been measured."""
        if not self.get("measurements"):
            return None
        target_label = ""
        if self.has_target():
            target_label = gettext("Target %(year)s") % {"year": self["target_year"]}
        return build_chart(
            self.progress_rows(),
            kind="line",
            target=self.get("target_value"),
            target_label=target_label,
            unit=self.get("unit") or "",
        )

    def chart_title(self):
        return self["statement"]

    def chart_rows(self):
        return self.progress_rows()

    def csv_headers(self):
        return gettext("Year"), self.get("unit") or gettext("Value")


class IndicatorBlock(blocks.StructBlock):
    statement = blocks.TextBlock(label=_("Indicator"))
    unit = blocks.CharBlock(
        label=_("Unit"),
        required=False,
        max_length=60,
        help_text=_("What the numbers count, e.g. “regions” or “%”."),
    )
    baseline_value = decimal_block(_("Baseline value"), required=False)
    baseline_year = year_block(_("Baseline year"), required=False)
    target_value = decimal_block(_("Target value"), required=False)
    target_year = year_block(_("Target year"), required=False)
    measurements = blocks.ListBlock(
        MeasurementBlock(),
        label=_("Yearly measurements"),
        default=[],
        help_text=_("Only official figures, each with its year. Name their source below."),
    )
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        # Indicators stored before this field existed read as "", never None, which
        # wagtail-localize could not extract.
        default="",
        max_length=250,
        help_text=_("Who published these figures, and where, e.g. the plan document."),
    )
    data_date = blocks.DateBlock(
        label=_("Date of the data"),
        required=False,
        help_text=_("The date the source gives for these figures."),
    )
    institutions = blocks.ListBlock(
        InstitutionChooserBlock(label=_("Responsible institution")),
        label=_("Responsible institutions"),
        default=[],
    )
    published_counts = blocks.ListBlock(
        CountsChartBlock(),
        label=_("Counts from the portal"),
        default=[],
        help_text=_(
            "Figures this portal keeps itself, such as the complaints received through its form "
            "by type, region and period, drawn with their source."
        ),
    )

    class Meta:
        icon = "table"
        label = _("Indicator")
        value_class = IndicatorValue
        # Collapsed, an indicator is known by its statement; open, each value sits beside
        # its year.
        label_format = "{statement}"
        form_layout = BlockGroup(
            children=[
                "statement",
                "unit",
                BlockGroup(
                    children=["baseline_value", "baseline_year"],
                    heading=_("Baseline"),
                    classname="w-field-row",
                ),
                BlockGroup(
                    children=["target_value", "target_year"],
                    heading=pgettext_lazy("indicator goal", "Target"),
                    classname="w-field-row",
                ),
                "measurements",
                BlockGroup(
                    children=["source", "data_date"],
                    heading=_("Source of the figures"),
                    classname="w-field-row",
                ),
                "institutions",
            ]
        )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for prefix in ("baseline", "target"):
            has_value = value.get(f"{prefix}_value") is not None
            has_year = value.get(f"{prefix}_year") is not None
            if has_value != has_year:
                message = _("Give both the value and its year, or neither.")
                errors[f"{prefix}_year" if has_value else f"{prefix}_value"] = ValidationError(
                    message
                )
        years = [item["year"] for item in value.get("measurements") or []]
        if len(years) != len(set(years)):
            errors["measurements"] = ValidationError(_("Each year can be measured only once."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class IntermediateObjectiveBlock(blocks.StructBlock):
    code = blocks.CharBlock(label=_("Code"), max_length=10, help_text=_("e.g. OI1"))
    statement = blocks.TextBlock(
        label=_("Statement"),
        required=False,
        help_text=_("Leave blank only where the plan's text does not give it."),
    )
    indicators = blocks.ListBlock(
        IndicatorBlock(), label=_("Indicators"), default=[], collapsed=True
    )

    class Meta:
        icon = "list-ul"
        label = _("Intermediate objective")
        template = "plan/blocks/intermediate_objective_block.html"
