"""The dashboard is this site's to-do list, not Wagtail's counts, and each reader sees only
what they may act on."""

import pytest
from bs4 import BeautifulSoup

from core.groups import COMPLAINT_HANDLERS, DIRECTORY_MAINTAINERS, EDITORS, TRANSLATORS
from core.models import SiteSettings
from editorial import dashboard
from plan.models import StrategicObjectivePage
from tests.utils import make_staff_user
from tests.utils.queries import count_queries

pytestmark = pytest.mark.django_db


def dashboard_text(client, group):
    client.force_login(make_staff_user(group))
    response = client.get("/admin/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select(".w-summary__list li") == []
    return html.get_text(" ", strip=True), html


def test_editors_see_reviews_indicator_gaps_and_the_hotlines(client):
    text, html = dashboard_text(client, EDITORS)
    assert "awaiting review" in text or "esperan revisión" in text
    assert "without a source" in text or "sin fuente" in text
    numbers = [
        contact["number"] for contact in SiteSettings.objects.first().localized_emergency_contacts()
    ]
    assert numbers
    for number in numbers:
        assert html.select_one(f'a[href="tel:{number}"]') is not None
    assert "not verified for a year" not in text


def test_directory_maintainers_see_services_to_review_and_no_page_work(client):
    text, _html = dashboard_text(client, DIRECTORY_MAINTAINERS)
    assert "not verified for a year" in text or "sin verificar" in text
    assert "awaiting review" not in text and "esperan revisión" not in text


def test_complaint_handlers_see_failed_deliveries(client):
    text, _html = dashboard_text(client, COMPLAINT_HANDLERS)
    assert "failed deliver" in text or "fallid" in text


def test_the_translators_dashboard_stays_within_a_few_dozen_queries(
    client, django_assert_max_num_queries
):
    """The translation status is computed once per request, with a few queries per model,
    not one per translated object (it took 187 queries on the initial content)."""
    client.force_login(make_staff_user(TRANSLATORS))
    count_queries(client, "/admin/", django_assert_max_num_queries, limit=60)


def test_indicators_without_a_source_are_counted_from_the_indicators_source_field():
    page = StrategicObjectivePage.objects.filter(locale__language_code="es").first()
    before = dashboard.indicator_gaps()[1]
    raw = [dict(block) for block in page.intermediate_objectives.raw_data]
    indicators = raw[0]["value"]["indicators"]
    indicators.append({"type": "item", "value": dict(indicators[0]["value"], source="")})
    indicators.append({"type": "item", "value": dict(indicators[0]["value"], source="Ejemplo")})
    page.intermediate_objectives = raw
    page.save()
    assert dashboard.indicator_gaps()[1] == before + 1
