"""The anonymous complaint counts, cited by a plan indicator: a counts chart on an objective
page draws them by month or year with their source, adds the purged counts (ComplaintCount)
to the complaints still kept, and never shows a count from 1 to 4 (nor draws a series that
has one)."""

import csv
import io
from datetime import date, datetime

import pytest
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError

from charts.blocks import CountsChartBlock
from charts.datasets import get_dataset
from complaints.intake import accept_complaint
from complaints.models import Complaint, ComplaintCount
from plan.models import PlanPage, StrategicObjectivePage
from tests.utils.factories import publish
from tests.utils.html import soup

pytestmark = pytest.mark.django_db

OBJECTIVE_URL = "/es/plan-nacional/objetivo-con-denuncias/"


def counts_block(block_id, period, **changes):
    value = {
        "title": f"Denuncias por explotación laboral en Loreto ({period})",
        "dataset": "complaints",
        "category": "labour_exploitation",
        "region": "16",
        "from_year": 2025,
        "to_year": 2025,
        "period": period,
    }
    value.update(changes)
    return {"type": "item", "id": block_id, "value": value}


def make_objective_citing_counts():
    plan = PlanPage.objects.get(locale__language_code="es", slug="plan-nacional")
    indicator = {
        "statement": "Denuncias recibidas por el portal (página de prueba).",
        "measurements": [],
        "institutions": [],
        "published_counts": [
            counts_block("counts-by-month", "month"),
            counts_block("counts-by-year", "year"),
        ],
    }
    objective = StrategicObjectivePage(
        title="Objetivo con denuncias",
        slug="objetivo-con-denuncias",
        description="Página de prueba.",
        number=98,
        statement="Objetivo de prueba.",
        intermediate_objectives=[
            {
                "type": "intermediate_objective",
                "id": "io",
                "value": {
                    "code": "OI1",
                    "statement": "Prueba.",
                    "indicators": [{"type": "item", "id": "ind", "value": indicator}],
                },
            }
        ],
    )
    plan.add_child(instance=objective)
    return publish(objective)


def kept_complaint(day, exploitation_type="labour_exploitation", region="16"):
    accept_complaint(
        {
            "exploitation_type": exploitation_type,
            "region": region,
            "place": "Lugar de prueba",
            "when": "",
            "description": "Denuncia de prueba con detalle suficiente para el formulario.",
            "minors_involved": "no",
            "immediate_danger": False,
            "contact_name": "",
            "contact_phone": "",
            "contact_email": "",
        },
        "es",
    )
    received = timezone.make_aware(datetime(day.year, day.month, day.day, 12))
    Complaint.objects.filter(pk=Complaint.objects.latest("pk").pk).update(created_at=received)


@pytest.fixture
def counts():
    """Loreto, labour exploitation, 2025: January 12 (purged), February 3 purged + 2 kept,
    March 1 kept; and counts of another type and another region that must not be added."""
    for month, exploitation_type, region, number in [
        (date(2025, 1, 1), "labour_exploitation", "16", 12),
        (date(2025, 2, 1), "labour_exploitation", "16", 3),
        (date(2025, 1, 1), "sexual_exploitation", "16", 40),
        (date(2025, 1, 1), "labour_exploitation", "15", 7),
        (date(2024, 12, 1), "labour_exploitation", "16", 9),
    ]:
        ComplaintCount.objects.create(
            month=month, exploitation_type=exploitation_type, region_id=region, count=number
        )
    kept_complaint(date(2025, 2, 10))
    kept_complaint(date(2025, 2, 20))
    kept_complaint(date(2025, 3, 5))
    kept_complaint(date(2025, 3, 6), exploitation_type="debt_bondage")


def figure_of(html, title_part):
    for figure in html.select("figure.chart"):
        if title_part in figure.select_one("figcaption").get_text():
            return figure
    raise AssertionError(f"no chart titled {title_part!r}")


def table_values(figure):
    return [cell.get_text(strip=True) for cell in figure.select("tbody td")]


def test_the_complaints_dataset_is_registered_by_the_complaints_app():
    dataset = get_dataset("complaints")
    assert dataset is not None
    assert "labour_exploitation" in dict(dataset.category_choices())
    assert dict(dataset.region_choices())["16"] == "Loreto"


def test_an_objective_page_cites_the_monthly_counts_with_small_ones_suppressed(client, counts):
    make_objective_citing_counts()
    html = soup(client.get(OBJECTIVE_URL))

    by_month = figure_of(html, "(month)")
    # Purged and kept complaints added up; March's single report reads "<5"; April to
    # December are zero.
    assert table_values(by_month) == ["12", "5", "<5"] + ["0"] * 9
    # A series with a suppressed count is a table only: no bar or line could say "<5".
    assert by_month.select_one("svg") is None
    # The source is named: the complaints received through the portal's form.
    assert "denuncia" in by_month.select_one(".chart__source").get_text().lower()
    assert html.select_one(".chart__note") is not None

    by_year = figure_of(html, "(year)")
    assert table_values(by_year) == ["18"]
    assert by_year.select_one("svg") is not None
    assert by_year.select_one(".chart__source") is not None


def test_the_counts_csv_suppresses_the_same_cells(client, counts):
    objective = make_objective_citing_counts()
    response = client.get(f"/es/datos/{objective.id}/counts-by-month.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert [row[1] for row in rows[1:4]] == ["12", "5", "<5"]
    assert len(rows) == 13


def test_the_counts_block_refuses_a_backward_period_and_a_category_the_data_lacks():
    block = CountsChartBlock()
    value = block.to_python(counts_block("x", "year", from_year=2026, to_year=2025)["value"])
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "to_year" in error.value.block_errors

    value = block.to_python(counts_block("x", "year", category="not-a-type")["value"])
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "category" in error.value.block_errors
