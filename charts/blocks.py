"""The data-series block, the counts chart block, and the number and year blocks every chart
source uses."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .csv_export import rows_to_csv
from .datasets import (
    PERIODS,
    SUPPRESSION_THRESHOLD,
    category_choices,
    dataset_choices,
    get_dataset,
    months_between,
    published_count,
    region_choices,
)
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


class CountsChartValue(ChartSource, blocks.StructValue):
    def dataset(self):
        return get_dataset(self["dataset"])

    def source(self):
        dataset = self.dataset()
        return dataset.source if dataset else ""

    def counts(self):
        """(period label, count) for every year or month chosen, up to the current month."""
        if not hasattr(self, "_counts"):
            self._counts = self._read_counts()
        return self._counts

    def _read_counts(self):
        dataset = self.dataset()
        end = min(date(self["to_year"], 12, 31), timezone.localdate())
        start = date(self["from_year"], 1, 1)
        if dataset is None or start > end:
            return []
        by_month = dataset.monthly_counts(
            category=self["category"] or None,
            region=self["region"] or None,
            start=start,
            end=end,
        )
        months = months_between(start, end)
        if self["period"] == "month":
            return [(date_format(month, "M Y"), by_month.get(month, 0)) for month in months]
        years = {}
        for month in months:
            years[month.year] = years.get(month.year, 0) + by_month.get(month, 0)
        return [(str(year), count) for year, count in years.items()]

    def published_rows(self):
        """The rows as they may be shown: counts from 1 to 4 read "<5"."""
        return [(label, published_count(count)) for label, count in self.counts()]

    def has_suppressed_counts(self):
        return any(0 < count < SUPPRESSION_THRESHOLD for _label, count in self.counts())

    def chart(self):
        """The drawing, or None when there is nothing to draw or a count is suppressed (a bar
        cannot say "<5": the table says it)."""
        if not self.counts() or self.has_suppressed_counts():
            return None
        kind = "line" if self["period"] == "month" else "bar"
        return build_chart(self.counts(), kind=kind, unit=self.unit())

    def unit(self):
        return gettext("reports")

    def label_header(self):
        return gettext("Month") if self["period"] == "month" else gettext("Year")

    def chart_title(self):
        return self["title"]

    def chart_rows(self):
        return self.published_rows()

    def csv_headers(self):
        return self.label_header(), self.unit()

    def to_csv(self):
        return rows_to_csv(list(self.csv_headers()), self.published_rows())


class CountsChartBlock(blocks.StructBlock):
    """Counts another part of the portal publishes (e.g. complaints received through the
    form, by type, region and month), drawn as a chart with its table and source. Counts from
    1 to 4 are shown as "<5" so that no single report can be singled out."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    dataset = blocks.ChoiceBlock(label=_("Data"), choices=dataset_choices)
    category = blocks.ChoiceBlock(
        label=_("What to count"),
        choices=category_choices,
        required=False,
        help_text=_("Leave empty to count every type."),
    )
    region = blocks.ChoiceBlock(
        label=_("Region"),
        choices=region_choices,
        required=False,
        help_text=_("Leave empty for the whole country."),
    )
    from_year = year_block(_("From year"))
    to_year = year_block(_("To year"))
    period = blocks.ChoiceBlock(label=_("Show"), choices=PERIODS, default="year")

    class Meta:
        icon = "table"
        label = _("Counts from the portal (chart)")
        template = "charts/blocks/counts_chart_block.html"
        value_class = CountsChartValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["from_year"] > value["to_year"]:
            errors["to_year"] = ValidationError(_("The period cannot end before it starts."))
        dataset = get_dataset(value["dataset"])
        category = value["category"]
        if dataset and category and category not in dict(dataset.category_choices()):
            errors["category"] = ValidationError(_("These data do not count this."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value
