"""CSV export (charts/csv_export.py), which any report may use, and the ChartSource interface
through which the CSV view finds chart data. No database needed."""

import csv
import io
from decimal import Decimal

from django.utils import translation

from charts.blocks import DataSeriesBlock
from charts.csv_export import rows_to_csv
from charts.sources import ChartSource
from core.blocks import QuoteBlock


def parse(text):
    return list(csv.reader(io.StringIO(text)))


def test_rows_keep_text_safe_and_numbers_plain():
    text = rows_to_csv(
        ["Nombre", "=Total"],
        [['=HYPERLINK("x")', Decimal("1E+3")], ["Lima", 2.5], ["Sin dato", None]],
    )

    assert parse(text) == [
        ["Nombre", "'=Total"],
        ['\'=HYPERLINK("x")', "1000"],
        ["Lima", "2.5"],
        ["Sin dato", ""],
    ]


def test_data_series_values_are_chart_sources_and_other_blocks_are_not():
    series = DataSeriesBlock().to_python(
        {
            "title": "Casos (datos de ejemplo)",
            "chart_type": "bar",
            "unit": "casos",
            "source": "Ejemplo",
            "rows": [{"label": "2020", "value": "3"}],
        }
    )
    quote = QuoteBlock().to_python({"quote": "Texto", "attribution": ""})

    assert isinstance(series, ChartSource)
    assert not isinstance(quote, ChartSource)
    with translation.override("en"):
        assert parse(series.to_csv()) == [["Label", "casos"], ["2020", "3"]]
