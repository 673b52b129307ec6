"""Counts that a higher app publishes for charts, without charts or plan importing that app.

The import rule (docs/architecture.md) lets complaints import charts, never the reverse. So an
app that keeps anonymous counts registers a `CountDataset` here from its AppConfig.ready(),
and the counts chart block (`charts.blocks.CountsChartBlock`) lets editors choose it by its
key, filter it and draw it, on an objective page or wherever the block is offered.

Small counts are never published as they are: a cell of 1 to 4 reads "<5", so that no single
report can be singled out by someone who knows of one (the usual small-cell rule of official
statistics). Such a series is shown as a table, never drawn, because a bar cannot say "<5".
"""

from datetime import date

from django.utils.translation import gettext_lazy as _

# Counts from 1 up to this minus one are suppressed; zero is shown (it singles nobody out).
SUPPRESSION_THRESHOLD = 5
SUPPRESSED_TEXT = f"<{SUPPRESSION_THRESHOLD}"


class CountDataset:
    """What a published set of counts by category, region and month offers to charts.
    Subclasses set the three attributes and implement the three methods."""

    key = ""  # stored in pages' StreamFields: never change it once used
    label = ""  # shown to editors choosing a dataset
    source = ""  # named under every chart drawn from it

    def category_choices(self):
        """(value, label) pairs of what can be counted, e.g. the types of exploitation."""
        raise NotImplementedError

    def region_choices(self):
        """(value, label) pairs of the regions counts can be limited to."""
        raise NotImplementedError

    def monthly_counts(self, *, category, region, start, end):
        """{first day of a month: count} between `start` and `end` (dates, inclusive) for one
        category and region (None: all). Months without any count may be left out."""
        raise NotImplementedError


_datasets = {}


def register_dataset(dataset):
    _datasets[dataset.key] = dataset


def get_dataset(key):
    return _datasets.get(key)


# Choices for the chart block, read when the editor's form is built: the datasets register
# themselves after the block classes are defined.
def dataset_choices():
    return [(dataset.key, dataset.label) for dataset in _datasets.values()]


def category_choices():
    return _unique(
        choice for dataset in _datasets.values() for choice in dataset.category_choices()
    )


def region_choices():
    return _unique(choice for dataset in _datasets.values() for choice in dataset.region_choices())


def _unique(choices):
    seen = {}
    for value, label in choices:
        seen.setdefault(value, label)
    return list(seen.items())


def published_count(count):
    """The count as it may be shown: suppressed to "<5" when it is from 1 to 4."""
    return SUPPRESSED_TEXT if 0 < count < SUPPRESSION_THRESHOLD else count


def months_between(start, end):
    months = []
    month = date(start.year, start.month, 1)
    while month <= end:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


PERIODS = [("year", _("By year")), ("month", _("By month"))]
