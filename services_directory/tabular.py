"""HSDS 3 Tabular Data Package: one CSV file per HSDS table plus `datapackage.json`.

The export is built from the same HSDS objects as the API (hsds.py), so it holds public data
only: a confidential location has no name, address, coordinates or directions, only its
region as an UBIGEO `external_identifier`. The import reads such a package back (the round
trip is tested) and creates or updates services by their HSDS ids."""

import csv
import datetime
import json
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from . import hsds
from .directory import with_related
from .languages import LANGUAGE_NAMES
from .models.organization import Organization
from .models.parts import Location, Phone, Schedule, ServiceLanguage
from .models.region import Region
from .models.service import Service
from .models.taxonomy import Population, ServiceType

TABLES = {
    "organizations": ["id", "name", "alternate_name", "description", "email", "website"],
    "services": [
        "id",
        "organization_id",
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "fees_description",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
    ],
    "locations": [
        "id",
        "location_type",
        "url",
        "name",
        "description",
        "external_identifier",
        "external_identifier_type",
        "transportation",
        "latitude",
        "longitude",
    ],
    "addresses": [
        "id",
        "location_id",
        "address_1",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
    "service_at_locations": ["id", "service_id", "location_id"],
    "phones": ["id", "service_id", "number", "extension", "type", "description"],
    "schedules": ["id", "service_id", "freq", "byday", "opens_at", "closes_at", "description"],
    "languages": ["id", "service_id", "phone_id", "name", "code"],
    "service_areas": ["id", "service_id", "name", "description"],
    "cost_options": ["id", "service_id", "option", "currency", "amount"],
    "taxonomies": ["id", "name", "description", "uri", "version"],
    "taxonomy_terms": ["id", "code", "name", "description", "parent_id", "taxonomy", "taxonomy_id"],
    "attributes": ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id"],
}
NUMBER_FIELDS = {"minimum_age", "maximum_age", "latitude", "longitude", "extension", "amount"}
OPEN_24H_TEXT = "Abierto las 24 horas, todos los días."


def cell(value):
    return "" if value is None else str(value)


def field_type(name):
    if name in NUMBER_FIELDS:
        return "number"
    if name == "assured_date":
        return "date"
    return "string"


class TableWriter:
    def __init__(self):
        self.rows = {table: {} for table in TABLES}

    def add(self, table, data):
        self.rows[table][data["id"]] = {name: cell(data.get(name)) for name in TABLES[table]}


def export_package(directory):
    """Writes the package into `directory` and returns the number of services written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    tables = TableWriter()
    spanish = Locale.get_default()
    services = with_related(Service.objects.public().filter(locale=spanish).order_by("name", "id"))
    count = 0
    for service in services.iterator(chunk_size=500):
        data = hsds.service(service)
        tables.add("organizations", data["organization"])
        tables.add("services", data)
        for area in data["service_areas"]:
            tables.add("service_areas", area)
        for link in data["service_at_locations"]:
            tables.add("service_at_locations", link)
            tables.add("locations", link["location"])
            for address in link["location"]["addresses"]:
                tables.add("addresses", address)
        for phone in data["phones"]:
            tables.add("phones", phone)
            # HSDS links a phone's languages to the phone, not to the service.
            for language in phone["languages"]:
                tables.add("languages", {**language, "phone_id": phone["id"]})
        for option in data["cost_options"]:
            tables.add("cost_options", option)
        for schedule in data["schedules"]:
            tables.add("schedules", schedule)
        for language in data["languages"]:
            tables.add("languages", language)
        for attribute in data["attributes"]:
            tables.add("attributes", attribute)
            tables.add("taxonomy_terms", attribute["taxonomy_term"])
        count += 1
    for taxonomy in hsds.TAXONOMIES.values():
        tables.add("taxonomies", taxonomy)

    resources = []
    for table, fields in TABLES.items():
        path = directory / f"{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as csv_file:
            writer = csv.DictWriter(csv_file, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            for key in sorted(tables.rows[table]):
                writer.writerow(tables.rows[table][key])
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": name, "type": field_type(name)} for name in fields],
                    "primaryKey": "id",
                },
            }
        )
    package = {
        "name": "directorio-de-servicios",
        "title": "Directorio de servicios (HSDS 3)",
        "profile": "tabular-data-package",
        "licenses": [],
        "resources": resources,
    }
    (directory / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return count


class InvalidPackage(Exception):
    pass


def read_tables(directory):
    directory = Path(directory)
    if not (directory / "datapackage.json").exists():
        raise InvalidPackage(f"{directory} has no datapackage.json")
    tables = {}
    for table, fields in TABLES.items():
        path = directory / f"{table}.csv"
        if not path.exists():
            raise InvalidPackage(f"{path.name} is missing")
        with open(path, encoding="utf-8", newline="") as csv_file:
            reader = csv.DictReader(csv_file)
            missing = [name for name in fields if name not in (reader.fieldnames or [])]
            if missing:
                raise InvalidPackage(f"{path.name} lacks the columns {', '.join(missing)}")
            tables[table] = list(reader)
    return tables


def by(rows, key):
    grouped = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def number(value, kind=float):
    return kind(value) if value not in ("", None) else None


@transaction.atomic
def import_package(directory):
    """Creates or updates every service of the package (in the default language) and
    returns how many. Raises InvalidPackage, saving nothing, on a malformed package."""
    tables = read_tables(directory)
    spanish = Locale.get_default()
    regions = {region.code: region for region in Region.objects.all()}
    taxonomy_models = {
        hsds.TAXONOMIES["service_types"]["id"]: ServiceType,
        hsds.TAXONOMIES["populations"]["id"]: Population,
    }
    terms = {}
    for row in tables["taxonomy_terms"]:
        model = taxonomy_models.get(row["taxonomy_id"])
        if model is None:
            raise InvalidPackage(f"taxonomy term {row['id']}: unknown taxonomy_id")
        term = model.objects.filter(slug=row["code"], locale=spanish).first()
        if term is None:
            term = model.objects.create(
                id=row["id"], slug=row["code"], name=row["name"], locale=spanish
            )
        terms[row["id"]] = term
    organizations = {}
    for row in tables["organizations"]:
        organization, _created = Organization.objects.update_or_create(
            id=row["id"],
            defaults={
                "name": row["name"],
                "email": row["email"],
                "website": row["website"],
                "locale": spanish,
                "description": "" if row["description"] == row["name"] else row["description"],
            },
        )
        organizations[row["id"]] = organization

    locations = {row["id"]: row for row in tables["locations"]}
    addresses = {row["location_id"]: row for row in tables["addresses"]}
    links = by(tables["service_at_locations"], "service_id")
    phones = by(tables["phones"], "service_id")
    schedules = by(tables["schedules"], "service_id")
    check_language_codes(tables["languages"])
    languages = by([row for row in tables["languages"] if row["service_id"]], "service_id")
    phone_languages = by([row for row in tables["languages"] if row["phone_id"]], "phone_id")
    check_phone_links(tables["languages"], tables["phones"])
    attributes = by(tables["attributes"], "link_id")
    free = {row["service_id"] for row in tables["cost_options"] if number(row["amount"]) == 0}

    count = 0
    for row in tables["services"]:
        if row["organization_id"] not in organizations:
            raise InvalidPackage(f"service {row['id']}: unknown organization_id")
        service = Service.objects.filter(id=row["id"]).first() or Service(
            id=row["id"], locale=spanish, slug=Service.available_slug(row["name"], spanish)
        )
        service.organization = organizations[row["organization_id"]]
        service.name = row["name"]
        service.description = row["description"]
        service.url = row["url"]
        service.email = row["email"]
        service.status = row["status"]
        service.fees_description = row["fees_description"]
        service.is_free = row["id"] in free
        service.eligibility_description = row["eligibility_description"]
        service.minimum_age = number(row["minimum_age"], int)
        service.maximum_age = number(row["maximum_age"], int)
        service.assured_date = (
            datetime.date.fromisoformat(row["assured_date"]) if row["assured_date"] else None
        )
        service_schedules = schedules.get(row["id"], [])
        service.open_24h = any(item["description"] == OPEN_24H_TEXT for item in service_schedules)
        service.schedules = [
            Schedule(
                id=item["id"],
                byday=item["byday"],
                opens_at=datetime.time.fromisoformat(item["opens_at"]),
                closes_at=datetime.time.fromisoformat(item["closes_at"]),
                description=item["description"],
            )
            for item in service_schedules
            if item["description"] != OPEN_24H_TEXT
        ]
        service.phones = [
            Phone(
                id=item["id"],
                number=item["number"],
                type=item["type"] or Phone.PhoneType.VOICE,
                description=item["description"],
                languages=",".join(
                    language["code"] for language in phone_languages.get(item["id"], [])
                ),
            )
            for item in phones.get(row["id"], [])
        ]
        service.languages = [
            ServiceLanguage(id=item["id"], code=item["code"])
            for item in languages.get(row["id"], [])
        ]
        service.locations = [
            location_from(locations[link["location_id"]], addresses, regions)
            for link in links.get(row["id"], [])
        ]
        linked = [terms[item["taxonomy_term_id"]] for item in attributes.get(row["id"], [])]
        service.service_types = [term for term in linked if isinstance(term, ServiceType)]
        service.populations = [term for term in linked if isinstance(term, Population)]
        service.save()
        count += 1
    return count


def check_language_codes(rows):
    """Every language row carries a code the directory knows (the admin offers no other)."""
    for number, row in enumerate(rows, start=2):
        if row["code"] not in LANGUAGE_NAMES:
            raise InvalidPackage(
                f"languages.csv row {number}: unknown language code {row['code'][:10]!r}"
            )


def check_phone_links(languages, phones):
    """A phone's language points at a phone of the package."""
    known = {row["id"] for row in phones}
    for number, row in enumerate(languages, start=2):
        if row["phone_id"] and row["phone_id"] not in known:
            raise InvalidPackage(f"languages.csv row {number}: unknown phone_id")


def location_from(row, addresses, regions):
    address = addresses.get(row["id"], {})
    confidential = row["description"] == hsds.WITHHELD
    region = None
    if row["external_identifier_type"] == hsds.REGION_IDENTIFIER:
        region = regions.get(row["external_identifier"])
    return Location(
        id=row["id"],
        location_type=row["location_type"],
        is_confidential=confidential,
        url=row["url"],
        name=row["name"],
        transportation=row["transportation"],
        latitude=number(row["latitude"]),
        longitude=number(row["longitude"]),
        region=region,
        address_1=address.get("address_1", ""),
        district=address.get("city", ""),
        province=address.get("region", ""),
    )
