"""`manage.py import_services FILE.csv [--dry-run]`: all or nothing, a row-level report,
and a rerun that creates nothing twice."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from services_directory.models import Location, Organization, Service

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_services", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_valid_file_creates_every_service_with_its_parts():
    out, _err = run(DATA / "services_valid.csv")

    assert "3 created, 0 updated" in out
    shelter = Service.objects.get(name="Albergue importado de prueba")
    assert shelter.organization.name == "Organización importada de prueba"
    assert sorted(shelter.service_types.values_list("slug", flat=True)) == [
        "albergue",
        "atencion-psicologica",
    ]
    assert sorted(shelter.languages.values_list("code", flat=True)) == ["cni", "es"]
    assert (shelter.open_24h, shelter.is_free, shelter.minimum_age, shelter.maximum_age) == (
        True,
        True,
        12,
        17,
    )
    location = shelter.locations.get()
    assert location.is_confidential and location.region_id == "16"
    assert (location.latitude, location.longitude) == (-3.73, -73.24)

    legal = Service.objects.get(name="Asesoría importada de prueba")
    assert [phone.number for phone in legal.phones.all()] == ["900000002", "900000003"]
    assert [str(schedule) for schedule in legal.schedules.all()] == [
        "MO,TU,WE,TH,FR 08:00-17:00",
        "SA 09:00-13:00",
    ]
    assert not legal.is_free and legal.fees_description.startswith("Datos de prueba")

    line = Service.objects.get(name="Línea importada de prueba")
    assert line.status == "temporarily closed"
    assert line.locations.get().location_type == Location.LocationType.VIRTUAL


def test_rerunning_the_same_file_creates_nothing_twice():
    run(DATA / "services_valid.csv")
    counts = (Service.objects.count(), Organization.objects.count(), Location.objects.count())

    out, _err = run(DATA / "services_valid.csv")

    assert "0 created, 3 updated" in out
    assert (Service.objects.count(), Organization.objects.count(), Location.objects.count()) == (
        counts
    )


def test_dry_run_saves_nothing():
    before = Service.objects.count()

    out, _err = run(DATA / "services_valid.csv", "--dry-run")

    assert "3 services would be created" in out
    assert Service.objects.count() == before


def test_a_file_with_errors_saves_nothing_and_reports_each_problem():
    before = (Service.objects.count(), Organization.objects.count())

    with pytest.raises(CommandError, match="nothing was imported"):
        run(DATA / "services_invalid.csv")

    assert (Service.objects.count(), Organization.objects.count()) == before
    assert not Service.objects.filter(name="Servicio válido de prueba").exists()


def test_the_report_names_row_column_and_reason():
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_services", str(DATA / "services_invalid.csv"), stderr=err)
    report = err.getvalue().splitlines()

    for expected in [
        "row 3, column service_type: unknown slug 'no-existe'",
        "row 3, column region: no region has the UBIGEO code '99'",
        "row 3, column latitude: must be between -90 and 90",
        "row 3, column confidential: expected true or false, found 'quizas'",
        "row 3, column email: not a valid email",
        "row 3, column languages: unknown language code 'xx'",
        "row 3, column hours: cannot read 'lu-vi 8-17': write e.g. mo-fr 08:00-17:00",
        "row 3, column max_age: is lower than min_age",
        "row 3, column last_verified: expected a date as YYYY-MM-DD",
        "row 4, column organization_name: required",
        "row 4, column description: required",
    ]:
        assert expected in report, expected
    assert any(line.startswith("row 3, column status: expected one of") for line in report)
    assert not any(line.startswith("row 2,") for line in report)


def test_a_wrong_header_is_reported(tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text("organization_name,service_name,colour\nA,B,red\n", encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_services", str(broken), stderr=err)

    assert "row 1, column description: missing column" in err.getvalue()
    assert "row 1, column colour: unknown column" in err.getvalue()
