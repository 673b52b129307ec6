"""The data-series block, and the number and year blocks every chart source uses."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .geometry import build_chart
from .sources import ChartSource

# Years a plan, an indicator or a statistic may refer to.
YEAR_RANGE = {"min_value": 1990, "max_value": 2100}


def decimal_block(label, **kwargs):
    """A figure: up to 16 digits before the point and 4 after, enough for budgets in soles."""
    return blocks.DecimalBlock(label=label, max_digits=20, decimal_places=4, **kwargs)


def year_block(label, **kwargs):
    return blocks.IntegerBlock(label=label, **YEAR_RANGE, **kwargs)


class DataPointBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=80, help_text=_("A year or a category."))
    value = decimal_block(_("Value"))

    class Meta:
        icon = "plus"
        label = _("Data point")


class DataSeriesValue(ChartSource, blocks.StructValue):
    def chart_rows(self):
        return [(row["label"], row["value"]) for row in self["rows"]]

    def chart(self):
        return build_chart(self.chart_rows(), kind=self["chart_type"], unit=self["unit"])

    def chart_title(self):
        return self["title"]

    def csv_headers(self):
        return gettext("Label"), self["unit"] or gettext("Value")


class DataSeriesBlock(blocks.StructBlock):
    """Statistics or budget figures, drawn on the server as an accessible chart with its
    data table and a CSV download. Never enter a figure without its official source."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    chart_type = blocks.ChoiceBlock(
        label=_("Chart"),
        choices=[("bar", _("Bars (compare categories)")), ("line", _("Line (change over time)"))],
        default="bar",
    )
    unit = blocks.CharBlock(
        label=_("Unit"), required=False, max_length=60, help_text=_("e.g. “cases” or “soles”.")
    )
    source = blocks.CharBlock(
        label=_("Source"),
        max_length=250,
        help_text=_("Who published these figures, and where. Required: no figure without source."),
    )
    data_date = blocks.DateBlock(
        label=_("Date of the data"),
        required=False,
        help_text=_("The date the source gives for these figures."),
    )
    rows = blocks.ListBlock(DataPointBlock(), label=_("Data"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Data series (chart)")
        template = "charts/blocks/data_series_block.html"
        value_class = DataSeriesValue
