"""Server-side charts: a series of (label, value) becomes a precomputed, accessible SVG drawing.

Everything the template needs (coordinates, formatted numbers, the screen-reader summary) is
computed here, so templates/charts/chart.html only prints values and no JavaScript is
needed. Numbers and the summary are formatted for the language active when build_chart() runs.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from itertools import pairwise
from typing import NamedTuple

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext, pgettext

KINDS = ("bar", "line")

# The viewBox; CSS scales the drawing to the column width.
WIDTH = 640
HEIGHT = 360
# In viewBox units; at the narrowest rendering (min-width 30rem, 480px) it is still 12px.
FONT_SIZE = 16
# Width of an average glyph in common sans-serif fonts; text is never measured, only estimated,
# so every gap below errs on the generous side.
CHAR_WIDTH = FONT_SIZE * 0.6

MARGIN_TOP = 32.0  # room for a target label sitting on the top gridline
MARGIN_RIGHT = 16.0
MARGIN_BOTTOM = 44.0  # one line of x labels
MIN_MARGIN_LEFT = 40.0
MAX_MARGIN_LEFT = WIDTH / 2
TICK_LABEL_GAP = 8
X_LABEL_BASELINE_OFFSET = 26
X_LABEL_GAP = 12
MAX_X_LABEL_CHARS = 16
ELLIPSIS = "…"

BAR_BAND_RATIO = 0.7
MAX_BAR_WIDTH = 80
POINT_RADIUS = 5
MIN_POINT_RADIUS = 2
TARGET_LABEL_OFFSET = 8

MAX_VALUE_DECIMALS = 2
# Four intervals give four to six ticks once the range is widened to whole steps.
TARGET_INTERVALS = 4
NICE_MULTIPLIERS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


@dataclass(frozen=True, slots=True)
class PlotArea:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self):
        return self.right - self.left

    @property
    def height(self):
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Tick:
    value: Decimal
    y: float
    label: str
    label_x: float  # right edge of the label (text-anchor="end")


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str
    is_negative: bool


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    r: float
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class XLabel:
    x: float  # centre of the text (text-anchor="middle")
    y: float  # baseline
    text: str  # possibly truncated with an ellipsis
    full_text: str


@dataclass(frozen=True, slots=True)
class TargetLine:
    x1: float
    x2: float
    y: float
    label: str  # e.g. "Meta 2026: 80"
    label_x: float  # right edge of the label (text-anchor="end")
    label_y: float


class TableRow(NamedTuple):
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Chart:
    kind: str
    width: int
    height: int
    font_size: int
    plot: PlotArea
    y_ticks: tuple[Tick, ...]
    zero_y: float
    bars: tuple[Bar, ...]  # empty for line charts
    line_path: str  # SVG path "d"; empty for bar charts
    points: tuple[Point, ...]  # empty for bar charts
    x_labels: tuple[XLabel, ...]  # only the labels that fit
    target: TargetLine | None
    rows: tuple[TableRow, ...]
    summary: str
    unit: str


@dataclass(frozen=True, slots=True)
class Axis:
    minimum: Decimal
    maximum: Decimal
    step: Decimal

    def ticks(self):
        count = int((self.maximum - self.minimum) / self.step)
        # Decimal arithmetic keeps tick values exact (0.1 + 0.2 stays 0.3).
        return [_clean_zero(self.minimum + self.step * i) for i in range(count + 1)]

    @property
    def decimals(self):
        return _decimal_places(self.step)


def build_chart(rows, *, kind="bar", target=None, target_label="", unit=""):
    """Return a Chart for rows of (label, number), or None when there is nothing to draw."""
    if kind not in KINDS:
        raise ValueError(f"Unknown chart kind {kind!r}; expected one of {KINDS}.")
    rows = list(rows)
    if not rows:
        return None
    labels = [str(label) for label, _ in rows]
    values = [to_decimal(value) for _, value in rows]
    target_value = None if target is None else to_decimal(target)

    axis = nice_axis([*values, target_value] if target_value is not None else values)
    tick_labels = [format_number(tick, axis.decimals) for tick in axis.ticks()]
    plot = _plot_area(tick_labels)

    def y_of(value):
        return _scale(value, axis, plot)

    decimals = _value_decimals(
        [*values, target_value] if target_value is not None else values, axis
    )
    formatted = [format_number(value, decimals) for value in values]
    centres = _band_centres(len(values), plot)
    band = plot.width / len(values)

    if kind == "bar":
        bars = _bars(labels, values, formatted, centres, band, y_of)
        points, line_path = (), ""
    else:
        bars = ()
        # Smaller dots when points are dense, so the line between them stays visible.
        radius = _round(max(MIN_POINT_RADIUS, min(POINT_RADIUS, band / 4)))
        points = tuple(
            Point(_round(x), y_of(value), radius, label, text)
            for x, value, label, text in zip(centres, values, labels, formatted, strict=True)
        )
        line_path = _line_path(points)

    target_line = target_text = None
    if target_value is not None:
        target_text = gettext("%(label)s: %(value)s") % {
            # The context keeps this "Target" apart from Wagtail's (a link target, "Destino").
            "label": target_label or pgettext("indicator goal", "Target"),
            "value": _with_unit(format_number(target_value, decimals), unit),
        }
        target_line = _target_line(y_of(target_value), target_text, plot)

    return Chart(
        kind=kind,
        width=WIDTH,
        height=HEIGHT,
        font_size=FONT_SIZE,
        plot=plot,
        y_ticks=tuple(
            Tick(tick, y_of(tick), text, _round(plot.left - TICK_LABEL_GAP))
            for tick, text in zip(axis.ticks(), tick_labels, strict=True)
        ),
        zero_y=y_of(Decimal(0)),
        bars=bars,
        line_path=line_path,
        points=points,
        x_labels=_x_labels(labels, centres, plot),
        target=target_line,
        rows=tuple(TableRow(label, text) for label, text in zip(labels, formatted, strict=True)),
        summary=_summary(kind, labels, values, formatted, unit, target_text),
        unit=unit,
    )


# ---------- Numbers ----------


def to_decimal(value):
    """Exact Decimal for an int, float or Decimal; NaN and infinity cannot be drawn."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"Chart values must be numbers, not {type(value).__name__}.")
    # repr() gives the shortest decimal that round-trips, so 0.1 stays 0.1; whole floats become
    # whole numbers, so 3.2e12 is written 3200000000000 in the CSV rather than ...000.0.
    if isinstance(value, float) and value.is_integer():
        number = Decimal(int(value))
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"Chart values must be finite, not {value!r}.")
    return number


def format_number(value, decimals):
    """The number as people read it in the active language: "1.234,5" (es), "1,234.5" (en)."""
    rounded = _round_decimal(value, decimals)
    return number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _round_decimal(value, decimals):
    # Django's number_format truncates extra decimals; round half up first, with enough
    # precision for any magnitude, and never show "-0".
    with localcontext() as context:
        context.prec = max(28, value.adjusted() + decimals + 2)
        rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return _clean_zero(rounded)


def _clean_zero(value):
    return Decimal(0) if value.is_zero() else value


def _decimal_places(value):
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent)


def _value_decimals(values, axis):
    # One precision for the whole series keeps the table column aligned. At most two decimals,
    # except that tiny values get as many as the axis step so that 0.001 never reads "0.00".
    needed = max(_decimal_places(value) for value in values)
    return min(needed, max(MAX_VALUE_DECIMALS, axis.decimals))


def plain_number(value):
    """The exact number with a dot and no exponent, as spreadsheets read it."""
    return format(_clean_zero(value), "f")


def _with_unit(text, unit):
    return gettext("%(value)s %(unit)s") % {"value": text, "unit": unit} if unit else text


def _round(coordinate):
    return round(float(coordinate), 2)


# ---------- Axis and layout ----------


def nice_axis(values):
    """A range that covers 0 and every value, split into 1, 2, 2.5 or 5 times a power of ten."""
    low = min(Decimal(0), *values)
    high = max(Decimal(0), *values)
    if low == high:  # every value is zero: an empty 0..4 axis with whole-number ticks
        high = Decimal(TARGET_INTERVALS)
    step = nice_step((high - low) / TARGET_INTERVALS)
    minimum = (low / step).to_integral_value(rounding=ROUND_FLOOR) * step
    maximum = (high / step).to_integral_value(rounding=ROUND_CEILING) * step
    return Axis(_clean_zero(minimum), _clean_zero(maximum), step)


def nice_step(raw_step):
    magnitude = Decimal(1).scaleb(raw_step.adjusted())
    for multiplier in NICE_MULTIPLIERS:
        if multiplier * magnitude >= raw_step:
            return (multiplier * magnitude).normalize()
    raise AssertionError("unreachable: ten times the magnitude always exceeds the raw step")


def _plot_area(tick_labels):
    # The left margin fits the longest tick label, so large numbers are not cut off; the cap
    # keeps half of the width for the data even for absurdly long numbers.
    longest = max(len(label) for label in tick_labels)
    needed = math.ceil(longest * CHAR_WIDTH) + TICK_LABEL_GAP + 4
    left = min(max(MIN_MARGIN_LEFT, needed), MAX_MARGIN_LEFT)
    return PlotArea(float(left), MARGIN_TOP, WIDTH - MARGIN_RIGHT, HEIGHT - MARGIN_BOTTOM)


def _scale(value, axis, plot):
    share = (axis.maximum - value) / (axis.maximum - axis.minimum)
    return _round(plot.top + float(share) * plot.height)


def _band_centres(count, plot):
    band = plot.width / count
    return [plot.left + band * (index + 0.5) for index in range(count)]


# ---------- Marks ----------


def _bars(labels, values, formatted, centres, band, y_of):
    bar_width = min(BAR_BAND_RATIO * band, MAX_BAR_WIDTH)
    zero_y = y_of(Decimal(0))
    bars = []
    for label, value, text, centre in zip(labels, values, formatted, centres, strict=True):
        value_y = y_of(value)
        bars.append(
            Bar(
                x=_round(centre - bar_width / 2),
                # Positive bars grow up from the zero line, negative ones down from it.
                y=min(value_y, zero_y),
                width=_round(bar_width),
                height=_round(abs(value_y - zero_y)),
                label=label,
                value=text,
                is_negative=value < 0,
            )
        )
    return tuple(bars)


def _line_path(points):
    commands = [
        f"{'M' if index == 0 else 'L'}{point.x} {point.y}" for index, point in enumerate(points)
    ]
    return " ".join(commands)


def _target_line(y, text, plot):
    return TargetLine(
        x1=_round(plot.left),
        x2=_round(plot.right),
        y=y,
        label=_truncate(text, int(plot.width // CHAR_WIDTH)),
        label_x=_round(plot.right),
        label_y=_round(y - TARGET_LABEL_OFFSET),
    )


def _truncate(text, max_chars):
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + ELLIPSIS


def _x_labels(labels, centres, plot):
    """Every k-th label, with the smallest k for which no two shown labels overlap."""
    texts = [_truncate(label, MAX_X_LABEL_CHARS) for label in labels]
    baseline = _round(plot.bottom + X_LABEL_BASELINE_OFFSET)
    for every in range(1, len(labels) + 1):
        shown = range(0, len(labels), every)
        placed = [(_fit_inside(centres[i], _text_width(texts[i])), i) for i in shown]
        if _no_overlap([(x, _text_width(texts[i])) for x, i in placed]):
            break
    return tuple(XLabel(_round(x), baseline, texts[i], labels[i]) for x, i in placed)


def _text_width(text):
    return len(text) * CHAR_WIDTH


def _fit_inside(centre, width):
    # Nudge the first and last labels so that they are not clipped by the viewBox.
    return min(max(centre, width / 2), WIDTH - width / 2)


def _no_overlap(placed):
    return all(
        (next_x - next_width / 2) - (x + width / 2) >= X_LABEL_GAP
        for (x, width), (next_x, next_width) in pairwise(placed)
    )


# ---------- Text alternatives ----------


def _summary(kind, labels, values, formatted, unit, target_text):
    described = [
        gettext("%(value)s (%(label)s)") % {"value": _with_unit(text, unit), "label": label}
        for label, text in zip(labels, formatted, strict=True)
    ]
    count = len(values)
    if count == 1:
        sentence = _single_value_sentence(kind, described[0])
    elif len(set(values)) == 1:
        sentence = _equal_values_sentence(kind, count, _with_unit(formatted[0], unit))
    else:
        highest = values.index(max(values))
        lowest = values.index(min(values))
        sentence = _series_sentence(kind, count) % {
            "count": count,
            "first": described[0],
            "last": described[-1],
            "highest": described[highest],
            "lowest": described[lowest],
        }
    if target_text:
        # The visible target label ("Target: 80") is already a translated phrase.
        sentence = f"{sentence} {target_text}."
    return sentence


def _single_value_sentence(kind, described):
    if kind == "bar":
        return gettext("Bar chart with a single value: %(value)s.") % {"value": described}
    return gettext("Line chart with a single value: %(value)s.") % {"value": described}


def _equal_values_sentence(kind, count, value_text):
    if kind == "bar":
        template = ngettext(
            "Bar chart with %(count)s value, equal to %(value)s.",
            "Bar chart with %(count)s values, all equal to %(value)s.",
            count,
        )
    else:
        template = ngettext(
            "Line chart with %(count)s value, equal to %(value)s.",
            "Line chart with %(count)s values, all equal to %(value)s.",
            count,
        )
    return template % {"count": count, "value": value_text}


def _series_sentence(kind, count):
    if kind == "bar":
        return ngettext(
            "Bar chart with %(count)s value, from %(first)s to %(last)s; "
            "highest %(highest)s, lowest %(lowest)s.",
            "Bar chart with %(count)s values, from %(first)s to %(last)s; "
            "highest %(highest)s, lowest %(lowest)s.",
            count,
        )
    return ngettext(
        "Line chart with %(count)s value, from %(first)s to %(last)s; "
        "highest %(highest)s, lowest %(lowest)s.",
        "Line chart with %(count)s values, from %(first)s to %(last)s; "
        "highest %(highest)s, lowest %(lowest)s.",
        count,
    )
