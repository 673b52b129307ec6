"""What a block value must offer for its chart's data to be downloadable as CSV."""

from .csv_export import series_to_csv


class ChartSource:
    """A mix-in for block values drawn as a chart (a data series, an indicator's progress).

    The CSV view serves any value that is a ChartSource, found by its block id on a page."""

    def chart_title(self):
        """The chart's title; it also names the downloaded file."""
        raise NotImplementedError

    def chart_rows(self):
        """The (label, value) rows the chart draws, in order."""
        raise NotImplementedError

    def csv_headers(self):
        """The (label column, value column) headers of the CSV file."""
        raise NotImplementedError

    def to_csv(self):
        label_header, value_header = self.csv_headers()
        return series_to_csv(
            self.chart_rows(), label_header=label_header, value_header=value_header
        )
