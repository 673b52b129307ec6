"""Opening hours written as HSDS schedules: RFC 5545 weekday codes (`byday`) with an opening
and a closing time, read in Peru's time zone."""

import re
from datetime import time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PERU = ZoneInfo("America/Lima")
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = {
    "MO": _("Monday"),
    "TU": _("Tuesday"),
    "WE": _("Wednesday"),
    "TH": _("Thursday"),
    "FR": _("Friday"),
    "SA": _("Saturday"),
    "SU": _("Sunday"),
}
HOURS_PATTERN = re.compile(r"^([a-zA-Z,\- ]+?)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$")
BYDAY_PATTERN = re.compile(r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$")


def validate_byday(value):
    if not BYDAY_PATTERN.match(value or ""):
        raise ValidationError(
            _("Weekday codes separated by commas, e.g. MO,TU,WE,TH,FR."), code="invalid"
        )


def weekday_code(moment):
    """The RFC 5545 code of the weekday of `moment` in Peru."""
    return WEEKDAY_CODES[moment.astimezone(PERU).weekday()]


def expand_day_range(text):
    """`mo-fr` → MO,TU,WE,TH,FR; `sa` → SA; `mo,we` → MO,WE (as written in import files)."""
    days = []
    for part in text.upper().replace(" ", "").split(","):
        if "-" in part:
            first, last = part.split("-", 1)
            if first not in WEEKDAY_CODES or last not in WEEKDAY_CODES:
                raise ValueError(part)
            start, end = WEEKDAY_CODES.index(first), WEEKDAY_CODES.index(last)
            if end < start:
                raise ValueError(part)
            days.extend(WEEKDAY_CODES[start : end + 1])
        elif part in WEEKDAY_CODES:
            days.append(part)
        else:
            raise ValueError(part)
    return ",".join(days)


def parse_hours(text):
    """`mo-fr 08:00-17:00; sa 09:00-13:00` → [("MO,TU,WE,TH,FR", time(8), time(17)), …].

    Raises ValueError naming the part it cannot read."""
    schedules = []
    for part in (text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        match = HOURS_PATTERN.match(part)
        if match is None:
            raise ValueError(part)
        days, opens, closes = match.groups()
        try:
            byday = expand_day_range(days)
            opens_at, closes_at = time.fromisoformat(opens), time.fromisoformat(closes)
        except ValueError:
            raise ValueError(part) from None
        if closes_at <= opens_at:
            raise ValueError(part)
        schedules.append((byday, opens_at, closes_at))
    return schedules
