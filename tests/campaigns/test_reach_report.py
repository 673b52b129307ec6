"""Reach figures for editors: embed views per day and per campaign and partner, in the admin
with the site's chart, and as CSV."""

import csv
import io

import pytest
from django.urls import reverse

from campaigns.models import EmbedViewCount
from campaigns.reach import build_reach_report

from ..utils import days_from_today, make_campaign, make_partner


def embed(client, campaign, partner=""):
    query = f"?partner={partner}" if partner else ""
    return client.get(reverse("campaign_embed", args=[campaign.id]) + query)


@pytest.fixture
def counted(client):
    """Two campaigns viewed today through the embed view, and older figures for one."""
    partner = make_partner("diario-uno", "https://diario-uno.example")
    first = make_campaign("Primera campaña")
    second = make_campaign("=Segunda campaña")
    for _ in range(3):
        embed(client, first, "diario-uno")
    embed(client, first)
    embed(client, second, "diario-uno")
    EmbedViewCount.objects.create(campaign=first, partner=partner, day=days_from_today(-2), views=7)
    EmbedViewCount.objects.create(campaign=first, day=days_from_today(-40), views=100)
    return first, second


@pytest.mark.django_db
def test_the_report_adds_views_per_day_and_per_campaign_and_partner(counted):
    first, _second = counted

    report = build_reach_report(days=7)

    assert len(report.daily) == 7
    assert report.daily[-1] == (days_from_today(0), 5)
    assert report.daily[-3] == (days_from_today(-2), 7)
    assert sum(views for _day, views in report.daily) == report.total == 12
    assert report.totals[0] == {
        "campaign": "Primera campaña",
        "language": "es",
        "partner": "Medio de ejemplo diario-uno",
        "views": 10,
    }
    assert {(row["campaign"], row["views"]) for row in report.totals[1:]} == {
        ("Primera campaña", 1),
        ("=Segunda campaña", 1),
    }
    assert build_reach_report(days=90, campaign=first).total == 111


@pytest.mark.django_db
def test_editors_see_the_report_with_its_chart(admin_client, counted):
    response = admin_client.get(reverse("campaign_reach"), {"days": "7"})
    html = response.content.decode()

    assert response.status_code == 200
    assert '<svg class="chart__svg chart__svg--bar"' in html
    assert html.count('<rect class="chart__bar') == 7
    assert "Primera campaña" in html
    assert "Medio de ejemplo diario-uno" in html


@pytest.mark.django_db
def test_a_bad_filter_falls_back_to_the_defaults(admin_client, counted):
    response = admin_client.get(reverse("campaign_reach"), {"days": "abc", "campaign": "x"})

    assert response.status_code == 200
    assert response.content.decode().count('<rect class="chart__bar') == 30


@pytest.mark.django_db
def test_the_figures_download_as_csv(admin_client, counted):
    first, second = counted

    response = admin_client.get(reverse("campaign_reach"), {"days": "7", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert rows[0] == ["day", "campaign_id", "campaign", "language", "partner", "views"]
    today = days_from_today(0).isoformat()
    assert [today, str(first.id), "Primera campaña", "es", "diario-uno", "3"] in rows
    assert [today, str(first.id), "Primera campaña", "es", "", "1"] in rows
    # A title starting with "=" is not run as a formula by a spreadsheet.
    assert [today, str(second.id), "'=Segunda campaña", "es", "diario-uno", "1"] in rows
    assert len(rows) == 1 + 4


@pytest.mark.django_db
def test_the_csv_follows_the_campaign_filter(admin_client, counted):
    _first, second = counted

    response = admin_client.get(
        reverse("campaign_reach"), {"days": "7", "campaign": second.id, "format": "csv"}
    )

    assert len(response.content.decode().strip().splitlines()) == 2


@pytest.mark.django_db
def test_visitors_cannot_see_the_report(client):
    response = client.get(reverse("campaign_reach"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
