"""CSV text for spreadsheets: charts export their data with it, and so can any report."""

import csv
import io
from decimal import Decimal

from .geometry import plain_number, to_decimal

# A leading =, +, -, @ (or tab/CR) makes spreadsheets evaluate the cell as a formula.
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe_text(text):
    return f"'{text}" if text.startswith(CSV_FORMULA_PREFIXES) else text


def rows_to_csv(header, rows):
    """CSV text from a header and rows of cells; every text cell is safe from formula injection.
    Numbers (int, float, Decimal) are written plainly, with a dot."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_safe_text(str(cell)) for cell in header])
    for row in rows:
        writer.writerow([_cell(cell) for cell in row])
    return buffer.getvalue()


def series_to_csv(rows, *, label_header, value_header):
    """A chart's (label, value) rows: labels as text, values as plain numbers."""
    return rows_to_csv(
        [label_header, value_header],
        ((str(label), to_decimal(value)) for label, value in rows),
    )


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return plain_number(to_decimal(value))
    return csv_safe_text(str(value))
