"""Server-side SVG charts (charts/geometry.py, charts/csv_export.py, charts/chart.html).
No database needed."""

import csv
import io
import math
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from itertools import pairwise

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import get_format

from charts.csv_export import series_to_csv
from charts.geometry import CHAR_WIDTH, build_chart

from ..utils import nu_errors

YEARS = [("2017", 12), ("2018", 20), ("2019", 25), ("2020", 31), ("2021", 40)]
MIXED = [("Lima", 30), ("Cusco", -10), ("Puno", Decimal("12.5")), ("Tacna", -2.5)]

EDGE_CASES = {
    "single": [("2024", 7)],
    "all zeros": [("a", 0), ("b", 0), ("c", 0)],
    "all equal": [("a", 5), ("b", 5), ("c", 5)],
    "negative only": [("a", -3), ("b", -8), ("c", -1)],
    "mixed": MIXED,
    "huge": [("2023", 3.2e12), ("2024", Decimal("4100000000000"))],
    "tiny decimals": [("a", Decimal("0.001")), ("b", 0.004), ("c", Decimal("0.0025"))],
    "many rows": [(str(year), year % 7) for year in range(1990, 2030)],
}

NUMERIC_ATTRIBUTES = {"x", "y", "width", "height", "x1", "x2", "y1", "y2", "cx", "cy", "r"}


# ---------- Helpers ----------


def render(chart, **context):
    defaults = {
        "chart": chart,
        "title": "Victims identified",
        "unit": "",
        "source": "",
        "csv_url": "",
        "chart_id": "chart-1",
    }
    return render_to_string("charts/chart.html", {**defaults, **context})


def parse_svg(html):
    match = re.search(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert match, "no <svg> in the output"
    return ET.fromstring(match.group(0))


def parse_table(html):
    match = re.search(r"<table\b.*?</table>", html, re.DOTALL)
    assert match, "no <table> in the output"
    return ET.fromstring(match.group(0))


def classes(element):
    return element.get("class", "").split()


def elements_with_class(svg, class_name):
    return [element for element in svg.iter() if class_name in classes(element)]


def bar_rects(svg):
    return [rect for rect in svg.iter("rect") if rect.get("class", "").startswith("chart__bar")]


def table_body_rows(table):
    return [
        [cell.text for cell in row]
        for row in table.find("tbody").iter("tr")  # the header row sits in <thead>
    ]


def all_numbers_in(svg):
    """Every number the browser has to parse: coordinates, the viewBox and path data."""
    numbers = []
    for element in svg.iter():
        for name, value in element.attrib.items():
            if name in NUMERIC_ATTRIBUTES:
                numbers.append(value)
            elif name == "viewBox":
                numbers.extend(value.split())
            elif name == "d":
                numbers.extend(re.findall(r"[^MLZ\s,]+", value))
    return numbers


def is_nice_step(step):
    mantissa = step.scaleb(-step.adjusted()).normalize()
    return mantissa in {Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)}


# ---------- Rendering ----------


@pytest.mark.parametrize("kind", ["bar", "line"])
def test_svg_is_well_formed_and_labelled(kind):
    chart = build_chart(YEARS, kind=kind)
    html = render(chart, title="Víctimas <identificadas> & más")
    svg = parse_svg(html)

    assert svg.get("viewBox") == "0 0 640 360"
    assert svg.get("role") == "img"
    assert svg.find("title").text == "Víctimas <identificadas> & más"
    assert svg.find("desc").text == chart.summary
    labelled_by = svg.get("aria-labelledby").split()
    ids = {element.get("id") for element in svg.iter() if element.get("id")}
    assert set(labelled_by) <= ids
    assert "<figcaption" in html


def test_bar_chart_draws_one_bar_per_row():
    svg = parse_svg(render(build_chart(YEARS)))
    assert len(bar_rects(svg)) == len(YEARS)
    assert elements_with_class(svg, "chart__line") == []


def test_bar_heights_are_proportional_to_values():
    svg = parse_svg(render(build_chart([("a", 10), ("b", 40)])))
    small, large = (float(rect.get("height")) for rect in bar_rects(svg))
    assert small > 0
    assert large / small == pytest.approx(4, rel=0.01)


def test_negative_bars_hang_below_the_zero_line():
    chart = build_chart(MIXED)
    svg = parse_svg(render(chart))
    zero_y = float(elements_with_class(svg, "chart__axis")[0].get("y1"))
    assert zero_y == chart.zero_y

    for rect, (_, value) in zip(bar_rects(svg), MIXED, strict=True):
        top = float(rect.get("y"))
        bottom = top + float(rect.get("height"))
        if value < 0:
            assert "chart__bar--negative" in classes(rect)
            assert top == pytest.approx(zero_y)
            assert bottom > zero_y
        else:
            assert "chart__bar--negative" not in classes(rect)
            assert bottom == pytest.approx(zero_y)
            assert top < zero_y


def test_line_chart_draws_a_path_through_every_point():
    chart = build_chart(YEARS, kind="line")
    svg = parse_svg(render(chart))
    path = elements_with_class(svg, "chart__line")[0]
    circles = elements_with_class(svg, "chart__point")

    assert len(circles) == len(YEARS)
    assert bar_rects(svg) == []
    assert path.get("d").count("L") == len(YEARS) - 1
    # Higher values are drawn higher up (smaller y).
    heights = [float(circle.get("cy")) for circle in circles]
    assert heights == sorted(heights, reverse=True)


def test_table_has_one_row_per_value_with_formatted_numbers():
    with translation.override("en"):
        chart = build_chart([("2019", Decimal("1234.5")), ("2020", 800)], unit="cases")
        html = render(chart, unit="cases")
    table = parse_table(html)

    assert table_body_rows(table) == [["2019", "1,234.5"], ["2020", "800.0"]]
    headers = [th.text for th in table.find("thead").iter("th")]
    assert headers == ["Category", "Value (cases)"]
    assert all(th.get("scope") == "col" for th in table.find("thead").iter("th"))
    assert all(td.get("class") == "number" for td in table.iter("td"))
    assert table.find("caption").text
    assert '<div class="table-wrapper">' in html


def test_table_headers_can_be_named_by_the_caller():
    html = render(build_chart(YEARS), label_header="Year", value_header="Victims", unit="")
    headers = [th.text for th in parse_table(html).find("thead").iter("th")]
    assert headers == ["Year", "Victims"]


def test_source_and_download_link_are_shown_when_given():
    with translation.override("en"):
        html = render(build_chart(YEARS), source="INEI 2024", csv_url="/datos/victimas.csv")
    assert "Source: INEI 2024" in html
    assert re.search(r'<a class="chart__download" href="/datos/victimas.csv"[^>]* download>', html)
    assert "Download the data (CSV)" in html


def test_source_and_download_link_are_left_out_when_empty():
    html = render(build_chart(YEARS))
    assert "chart__source" not in html
    assert "chart__download" not in html


def test_output_has_no_inline_styles_or_scripts():
    html = render(build_chart(MIXED, target=20, target_label="Meta"), source="x", csv_url="/x")
    assert "style=" not in html
    assert "<style" not in html
    assert "<script" not in html
    assert not re.search(r"\son\w+=", html)


def test_text_is_at_least_14_units_high():
    chart = build_chart(YEARS)
    svg = parse_svg(render(chart))
    assert int(svg.get("font-size")) >= 14
    assert not [text for text in svg.iter("text") if text.get("font-size")]


def test_summary_describes_the_series():
    with translation.override("en"):
        chart = build_chart(YEARS)
    assert chart.summary == (
        "Bar chart with 5 values, from 12 (2017) to 40 (2021); highest 40 (2021), lowest 12 (2017)."
    )


# ---------- Edge cases ----------


def test_no_rows_gives_none_and_a_message():
    assert build_chart([]) is None
    with translation.override("en"):
        html = render(None)
    assert "No data to show yet." in html
    assert "<svg" not in html
    assert "<table" not in html
    assert "Victims identified" in html


@pytest.mark.parametrize("kind", ["bar", "line"])
def test_single_point(kind):
    chart = build_chart([("2024", 7)], kind=kind)
    svg = parse_svg(render(chart))
    if kind == "bar":
        (rect,) = bar_rects(svg)
        assert float(rect.get("height")) > 0
    else:
        (circle,) = elements_with_class(svg, "chart__point")
        assert float(circle.get("r")) > 0
        assert chart.plot.left < float(circle.get("cx")) < chart.plot.right


def test_all_zeros_draw_flat_bars_on_a_sensible_axis():
    chart = build_chart(EDGE_CASES["all zeros"])
    assert [bar.height for bar in chart.bars] == [0, 0, 0]
    assert [tick.label for tick in chart.y_ticks] == ["0", "1", "2", "3", "4"]
    assert chart.zero_y == chart.plot.bottom


def test_equal_values_draw_equal_bars():
    with translation.override("en"):
        chart = build_chart(EDGE_CASES["all equal"])
    heights = {bar.height for bar in chart.bars}
    assert len(heights) == 1
    assert heights.pop() > 0
    assert "all equal to 5" in chart.summary


def test_negative_only_values_grow_down_from_the_top():
    chart = build_chart(EDGE_CASES["negative only"])
    assert chart.zero_y == chart.plot.top
    assert all(bar.is_negative for bar in chart.bars)
    assert all(bar.y == chart.zero_y and bar.height > 0 for bar in chart.bars)
    assert chart.y_ticks[0].value == -8


def test_huge_values_fit_with_full_grouped_tick_labels():
    with translation.override("en"):
        chart = build_chart(EDGE_CASES["huge"])
    assert chart.y_ticks[-1].label == "6,000,000,000,000"
    longest = max(len(tick.label) for tick in chart.y_ticks)
    # Tick labels end at label_x and must start inside the viewBox.
    assert chart.y_ticks[0].label_x - longest * CHAR_WIDTH >= 0
    assert chart.plot.width > chart.width / 2
    assert chart.rows[0].value == "3,200,000,000,000"


def test_tiny_decimals_keep_their_precision():
    with translation.override("en"):
        chart = build_chart(EDGE_CASES["tiny decimals"])
    assert [row.value for row in chart.rows] == ["0.001", "0.004", "0.003"]
    assert [tick.label for tick in chart.y_ticks] == ["0.000", "0.001", "0.002", "0.003", "0.004"]
    first, second, _ = (bar.height for bar in chart.bars)
    assert second / first == pytest.approx(4, rel=0.01)


def test_target_above_the_data_extends_the_axis():
    with translation.override("en"):
        chart = build_chart(YEARS, target=75, target_label="2026 goal")
    assert chart.y_ticks[-1].value >= 75
    assert chart.plot.top <= chart.target.y < chart.bars[-1].y
    assert chart.target.label == "2026 goal: 75"
    assert "2026 goal: 75." in chart.summary

    svg = parse_svg(render(chart))
    (line,) = elements_with_class(svg, "chart__target")
    assert line.get("stroke-dasharray")
    (label,) = elements_with_class(svg, "chart__target-label")
    assert label.text == "2026 goal: 75"


def test_target_without_a_label_is_called_target():
    with translation.override("en"):
        chart = build_chart(YEARS, target=50)
    assert chart.target.label == "Target: 50"


def test_target_below_zero_extends_the_axis_downwards():
    chart = build_chart(YEARS, target=-15)
    assert chart.y_ticks[0].value <= -15
    assert chart.zero_y < chart.target.y <= chart.plot.bottom


def test_many_labels_are_thinned_so_they_never_overlap():
    rows = EDGE_CASES["many rows"]
    chart = build_chart(rows)
    shown = chart.x_labels
    svg = parse_svg(render(chart))

    assert len(elements_with_class(svg, "chart__x-label")) == len(shown)
    assert 1 < len(shown) < len(rows)
    label_width = len("2030") * CHAR_WIDTH
    gaps = [b.x - a.x for a, b in pairwise(shown)]
    assert min(gaps) >= label_width + 8
    assert all(label.x - label_width / 2 >= 0 for label in shown)
    assert all(label.x + label_width / 2 <= chart.width for label in shown)


def test_long_category_labels_are_truncated_in_the_drawing_only():
    name = "Región Lima Metropolitana y Callao"
    chart = build_chart([(name, 3), ("Puno", 4)])
    assert chart.x_labels[0].text.endswith("…")
    assert len(chart.x_labels[0].text) <= 16
    assert chart.x_labels[0].full_text == name
    assert chart.rows[0].label == name


@pytest.mark.parametrize("kind", ["bar", "line"])
@pytest.mark.parametrize("case", sorted(EDGE_CASES))
def test_every_number_in_the_svg_is_finite(case, kind):
    # Spanish, so that a decimal comma leaking into a coordinate would fail float().
    with translation.override("es"):
        html = render(build_chart(EDGE_CASES[case], kind=kind, target=6))
    numbers = all_numbers_in(parse_svg(html))
    assert numbers
    assert all(math.isfinite(float(number)) for number in numbers)


@pytest.mark.parametrize("case", sorted(EDGE_CASES))
def test_axis_ticks_are_nice_and_cover_zero_and_the_data(case):
    rows = EDGE_CASES[case]
    chart = build_chart(rows)
    ticks = [tick.value for tick in chart.y_ticks]
    values = [Decimal(repr(value)) if isinstance(value, float) else value for _, value in rows]

    assert 4 <= len(ticks) <= 6
    assert Decimal(0) in ticks
    assert ticks[0] <= min(values) and ticks[-1] >= max(values)
    steps = {later - earlier for earlier, later in pairwise(ticks)}
    assert len(steps) == 1
    assert is_nice_step(steps.pop())
    # Tick labels are distinct, so the axis is never ambiguous.
    assert len({tick.label for tick in chart.y_ticks}) == len(ticks)


def test_unknown_kind_is_rejected():
    with pytest.raises(ValueError):
        build_chart(YEARS, kind="pie")
    with pytest.raises(ValueError):
        build_chart([], kind="pie")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN")])
def test_values_that_cannot_be_drawn_are_rejected(value):
    with pytest.raises(ValueError):
        build_chart([("a", 1), ("b", value)])


# ---------- Languages ----------


def test_numbers_follow_the_active_language():
    rows = [("2019", Decimal("1234.5"))]
    with translation.override("en"):
        english = build_chart(rows)
    with translation.override("es"):
        spanish = build_chart(rows)
        thousands = get_format("THOUSAND_SEPARATOR")

    assert english.rows[0].value == "1,234.5"
    # Spanish groups with the locale's separator (Django ships a no-break space for "es").
    assert spanish.rows[0].value == f"1{thousands}234,5"
    assert english.y_ticks[-1].label != spanish.y_ticks[-1].label


def test_rounding_is_half_up_not_truncation():
    with translation.override("en"):
        chart = build_chart([("a", Decimal("1.005")), ("b", Decimal("2.999"))])
    assert [row.value for row in chart.rows] == ["1.01", "3.00"]


# ---------- CSV ----------


def test_csv_round_trips_with_plain_dot_decimals():
    rows = [("2019", Decimal("1234567.5")), ("2020", 3.2e12), ("2021", -7), ("Lima, Callao", 0.1)]
    with translation.override("es"):
        text = series_to_csv(rows, label_header="Año", value_header="Víctimas")
    parsed = list(csv.reader(io.StringIO(text)))

    assert parsed == [
        ["Año", "Víctimas"],
        ["2019", "1234567.5"],
        ["2020", "3200000000000"],
        ["2021", "-7"],
        ["Lima, Callao", "0.1"],
    ]


def test_csv_neutralises_formulas_in_labels():
    rows = [
        ('=HYPERLINK("http://evil.example","click")', 1),
        ("+cmd", 2),
        ("-2+3", 3),
        ("@SUM(A1)", 4),
    ]
    parsed = list(csv.reader(io.StringIO(series_to_csv(rows, label_header="L", value_header="V"))))
    labels = [row[0] for row in parsed[1:]]
    assert labels == [f"'{label}" for label, _ in rows]
    assert [row[1] for row in parsed[1:]] == ["1", "2", "3", "4"]


# ---------- HTML validity ----------


def test_rendered_charts_are_valid_html(tmp_path):
    with translation.override("es"):
        parts = [
            render(build_chart(MIXED, target=20, target_label="Meta"), chart_id="a", unit="%"),
            render(build_chart(YEARS, kind="line"), chart_id="b", source="INEI", csv_url="/d.csv"),
            render(None, chart_id="c"),
        ]
    page = (
        '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Charts</title>'
        f"</head><body><main>{''.join(parts)}</main></body></html>"
    )
    assert nu_errors({"charts": page}, tmp_path) == []
