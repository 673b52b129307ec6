"""`export_services DIR` writes an HSDS 3 Tabular Data Package; `import_services --hsds DIR`
reads it back: the round trip gives the same files."""

import csv
import filecmp
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from services_directory.models import Organization, Phone, Service
from services_directory.tabular import TABLES

from ..utils.directory import make_service, region

pytestmark = pytest.mark.django_db


def export(directory):
    call_command("export_services", str(directory), stdout=StringIO())


def test_package_has_every_table_and_a_descriptor(tmp_path):
    export(tmp_path)

    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert [resource["path"] for resource in package["resources"]] == [
        f"{table}.csv" for table in TABLES
    ]
    services = (tmp_path / "services.csv").read_text(encoding="utf-8").splitlines()
    assert services[0].split(",") == TABLES["services"]
    assert len(services) - 1 == Service.objects.public().filter(locale__language_code="es").count()


def test_round_trip_gives_the_same_package(tmp_path):
    make_service(
        "Servicio de ida y vuelta",
        types=["albergue", "salud"],
        populations=["mujeres"],
        languages=["es", "ay"],
        phones=["100"],
        hours="mo-fr 08:00-17:00; sa 09:00-12:00",
        minimum_age=10,
        maximum_age=17,
        is_free=False,
        fees_description="Costo de prueba.",
        locations=[
            {
                "region": region("21"),
                "address_1": "Jirón de prueba 5",
                "district": "Puno",
                "province": "Puno",
                "latitude": -15.84,
                "longitude": -70.02,
            },
            {"region": region("21"), "is_confidential": True},
        ],
    )
    make_service(
        "Servicio 24 horas de prueba",
        open_24h=True,
        locations=[{"location_type": "virtual", "region": None}],
    )
    first, second = tmp_path / "first", tmp_path / "second"
    export(first)

    Service.objects.all().delete()
    Organization.objects.all().delete()
    out = StringIO()
    call_command("import_services", "--hsds", str(first), stdout=out)
    export(second)

    assert "Imported" in out.getvalue()
    for table in TABLES:
        assert filecmp.cmp(first / f"{table}.csv", second / f"{table}.csv", shallow=False), table
    restored = Service.objects.get(name="Servicio de ida y vuelta")
    assert restored.locations.filter(is_confidential=True, region_id="21").count() == 1
    assert Service.objects.get(name="Servicio 24 horas de prueba").open_24h


def test_a_broken_package_imports_nothing(tmp_path):
    export(tmp_path)
    (tmp_path / "phones.csv").unlink()
    before = Service.objects.count()

    with pytest.raises(CommandError, match=r"phones\.csv is missing"):
        call_command("import_services", "--hsds", str(tmp_path), stdout=StringIO())

    assert Service.objects.count() == before


def rows(directory, table):
    with open(directory / f"{table}.csv", encoding="utf-8", newline="") as csv_file:
        return list(csv.DictReader(csv_file))


def make_service_with_a_quechua_line():
    service = make_service("Servicio con línea en quechua", phones=["100"], languages=["es"])
    service.phones = [Phone(number="100", languages="es,qu")]
    service.save()
    return service


def test_phone_languages_are_language_rows_linked_to_the_phone(tmp_path):
    service = make_service_with_a_quechua_line()
    phone = service.phones.get()
    export(tmp_path)

    linked = [row for row in rows(tmp_path, "languages") if row["phone_id"] == str(phone.id)]
    assert sorted(row["code"] for row in linked) == ["es", "qu"]
    assert {row["service_id"] for row in linked} == {""}
    assert all(row["name"] for row in linked)


def test_phone_languages_survive_the_round_trip(tmp_path):
    phone_id = make_service_with_a_quechua_line().phones.get().id
    export(tmp_path)
    Phone.objects.filter(id=phone_id).update(languages="")

    call_command("import_services", "--hsds", str(tmp_path), stdout=StringIO())

    assert sorted(Phone.objects.get(id=phone_id).language_codes()) == ["es", "qu"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"code": "xx"}, r"languages\.csv row 2: unknown language code 'xx'"),
        ({"phone_id": "not-a-phone-of-this-package"}, r"languages\.csv row 2: unknown phone_id"),
    ],
)
def test_a_bad_phone_language_imports_nothing(tmp_path, change, message):
    make_service_with_a_quechua_line()
    export(tmp_path)
    path = tmp_path / "languages.csv"
    with open(path, encoding="utf-8", newline="") as csv_file:
        reader = csv.DictReader(csv_file)
        fields, table = reader.fieldnames, list(reader)
    phone_row = next(row for row in table if row["phone_id"])
    table.remove(phone_row)
    with open(path, "w", encoding="utf-8", newline="") as csv_file:
        writer = csv.DictWriter(csv_file, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows([{**phone_row, **change}, *table])
    Phone.objects.update(languages="")

    with pytest.raises(CommandError, match=message):
        call_command("import_services", "--hsds", str(tmp_path), stdout=StringIO())

    assert not Phone.objects.exclude(languages="").exists()
