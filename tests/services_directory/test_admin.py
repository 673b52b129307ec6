"""The directory in the admin: one screen per service, listing search and filters (region,
type, status, needs review), inspect view, CSV and XLSX export."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from services_directory.models import Organization, Population, Service, ServiceType

from ..utils.directory import make_service, region

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/services_directory/service/"


@pytest.fixture
def maintainer(client):
    user = get_user_model().objects.create_superuser("directorio", "d@prueba.invalid", "x" * 16)
    client.force_login(user)
    return client


@pytest.fixture
def services():
    Service.objects.all().delete()
    old = datetime.date.today() - datetime.timedelta(days=400)
    return {
        "loreto": make_service(
            "Albergue de Loreto", types=["albergue"], locations=[{"region": region("16")}]
        ),
        "lima": make_service("Asesoría de Lima", types=["asistencia-legal"], assured_date=old),
        "closed": make_service(
            "Servicio cerrado de Lima",
            types=["asistencia-legal"],
            status=Service.Status.TEMPORARILY_CLOSED,
            assured_date=None,
        ),
    }


def listed(client, params=None):
    response = client.get(LISTING, params or {})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    # The first link of each row is the service's name, leading to its edit screen.
    return {row.select_one("td a").get_text(strip=True) for row in page.select("table tbody tr")}


def test_listing_filters(maintainer, services):
    shelter = ServiceType.objects.get(slug="albergue", locale__language_code="es")
    everything = {"Albergue de Loreto", "Asesoría de Lima", "Servicio cerrado de Lima"}
    stale = {"Asesoría de Lima", "Servicio cerrado de Lima"}

    assert listed(maintainer) == everything
    assert listed(maintainer, {"region": "16"}) == {"Albergue de Loreto"}
    assert listed(maintainer, {"service_types": str(shelter.pk)}) == {"Albergue de Loreto"}
    assert listed(maintainer, {"status": "temporarily closed"}) == {"Servicio cerrado de Lima"}
    assert listed(maintainer, {"needs_review": "true"}) == stale
    assert listed(maintainer, {"q": "Loreto"}) == {"Albergue de Loreto"}


def test_needs_review_is_in_the_menu(maintainer):
    response = maintainer.get("/admin/")

    assert f"{LISTING}?needs_review=true" in response.content.decode()


def content_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_csv_and_xlsx_export_follow_the_filters(maintainer, services):
    csv_response = maintainer.get(LISTING, {"export": "csv", "region": "16"})
    assert csv_response.status_code == 200
    rows = content_of(csv_response).decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and "Albergue de Loreto" in rows[1]
    assert str(services["loreto"].id) in rows[1]

    xlsx_response = maintainer.get(LISTING, {"export": "xlsx", "needs_review": "true"})
    assert xlsx_response.status_code == 200
    sheet = load_workbook(io.BytesIO(content_of(xlsx_response))).active
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"Asesoría de Lima", "Servicio cerrado de Lima"}


def test_one_screen_edits_a_service_with_its_parts(maintainer, services):
    service = services["loreto"]
    response = maintainer.get(f"{LISTING}edit/{service.pk}/")
    html = response.content.decode()

    assert response.status_code == 200
    for formset in ["phones", "languages", "schedules", "locations"]:
        assert f'name="{formset}-TOTAL_FORMS"' in html, formset
    assert maintainer.get(f"{LISTING}inspect/{service.pk}/").status_code == 200


def test_other_directory_snippets_open(maintainer):
    for model, path in [
        (Organization, "organization"),
        (ServiceType, "servicetype"),
        (Population, "population"),
    ]:
        item = model.objects.first()
        base = f"/admin/snippets/services_directory/{path}/"
        assert maintainer.get(base).status_code == 200
        assert maintainer.get(f"{base}edit/{item.pk}/").status_code == 200
