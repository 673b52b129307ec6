"""Reach figures: how many times partners' pages loaded each campaign's embed, per day. Plain
functions over EmbedViewCount, so the admin report, its CSV and the tests share them."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from charts.csv_export import rows_to_csv
from charts.geometry import build_chart

from .models import EmbedViewCount

PERIODS = (7, 30, 90, 365)


@dataclass
class ReachReport:
    start: datetime.date
    end: datetime.date
    daily: list = field(default_factory=list)  # (day, views) for every day of the period
    totals: list = field(default_factory=list)  # dicts: campaign, language, partner, views
    total: int = 0

    def chart(self):
        rows = [(date_format(day, "SHORT_DATE_FORMAT"), views) for day, views in self.daily]
        kind = "bar" if len(rows) <= 31 else "line"
        return build_chart(rows, kind=kind, unit=gettext("views"))


def counts_in_period(start, end, campaign=None):
    counts = EmbedViewCount.objects.filter(day__gte=start, day__lte=end)
    if campaign is not None:
        counts = counts.filter(campaign=campaign)
    return counts


def build_reach_report(days=30, campaign=None, today=None):
    """Views of the last `days` days (today included), for one campaign or all."""
    end = today or timezone.localdate()
    start = end - datetime.timedelta(days=days - 1)
    counts = counts_in_period(start, end, campaign)

    per_day = dict(counts.values_list("day").annotate(views=Sum("views")).order_by("day"))
    daily = [
        (day, per_day.get(day, 0))
        for day in (start + datetime.timedelta(days=offset) for offset in range(days))
    ]
    totals = [
        {
            "campaign": row["campaign__title"],
            "language": row["campaign__locale__language_code"],
            "partner": row["partner__name"] or gettext("No partner named"),
            "views": row["views"],
        }
        for row in counts.values(
            "campaign__title", "campaign__locale__language_code", "partner__name"
        )
        .annotate(views=Sum("views"))
        .order_by("-views", "campaign__title", "partner__name")
    ]
    return ReachReport(
        start=start,
        end=end,
        daily=daily,
        totals=totals,
        total=sum(views for _day, views in daily),
    )


def reach_csv(start, end, campaign=None):
    """One row per campaign, partner and day, as stored: what a spreadsheet needs."""
    rows = (
        counts_in_period(start, end, campaign)
        .select_related("campaign__locale", "partner")
        .order_by("day", "campaign__title", "partner__name")
    )
    return rows_to_csv(
        ["day", "campaign_id", "campaign", "language", "partner", "views"],
        (
            [
                row.day.isoformat(),
                row.campaign_id,
                row.campaign.title,
                row.campaign.locale.language_code,
                row.partner.slug if row.partner else "",
                row.views,
            ]
            for row in rows
        ),
    )
