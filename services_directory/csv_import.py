"""Reading the directory's CSV import format: every row checked, every problem reported with
its row and column, nothing saved unless the whole file is valid.

Columns (in any order, all required): see COLUMNS. Lists are `;`-separated; `service_type`
and `populations` are taxonomy slugs; `region` is the UBIGEO code; booleans are
`true`/`false`; `hours` reads like `mo-fr 08:00-17:00; sa 09:00-13:00`.
"""

import csv
import datetime
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from wagtail.models import Locale

from .languages import LANGUAGE_NAMES
from .models.organization import Organization
from .models.parts import Location, Phone, Schedule, ServiceLanguage
from .models.region import Region
from .models.service import Service
from .models.taxonomy import Population, ServiceType
from .schedules import parse_hours
from .text import normalize

COLUMNS = (
    "organization_name",
    "service_name",
    "description",
    "service_type",
    "populations",
    "region",
    "province",
    "district",
    "address",
    "latitude",
    "longitude",
    "confidential",
    "phone",
    "email",
    "website",
    "languages",
    "open_24h",
    "hours",
    "free",
    "fees",
    "min_age",
    "max_age",
    "status",
    "last_verified",
)
REQUIRED = ("organization_name", "service_name", "description", "service_type", "region")
STATUSES = {choice.value for choice in Service.Status}


@dataclass
class Problem:
    row: int
    column: str
    reason: str

    def __str__(self):
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass
class ServiceRecord:
    row: int
    organization_name: str
    values: dict
    service_types: list
    populations: list
    languages: list
    phones: list
    schedules: list
    location: dict
    problems: list = field(default_factory=list)

    @property
    def translation_key(self):
        """The same service in every run: named by its organization and its own name."""
        identity = f"{normalize(self.organization_name)}|{normalize(self.values['name'])}"
        return uuid.uuid5(uuid.NAMESPACE_URL, f"portal:services_directory:import:{identity}")


class RowReader:
    """Checks one row's cells, collecting a problem per bad cell instead of stopping."""

    def __init__(self, number, row, lookups):
        self.number = number
        self.row = row
        self.lookups = lookups
        self.problems = []

    def problem(self, column, reason):
        self.problems.append(Problem(self.number, column, reason))

    def text(self, column):
        return (self.row.get(column) or "").strip()

    def items(self, column):
        return [item.strip() for item in self.text(column).split(";") if item.strip()]

    def boolean(self, column, default=False):
        value = self.text(column).lower()
        if value == "":
            return default
        if value in ("true", "false"):
            return value == "true"
        self.problem(column, f"expected true or false, found {value[:40]!r}")
        return default

    def number_in(self, column, low, high, kind=float):
        value = self.text(column)
        if value == "":
            return None
        try:
            number = kind(value)
        except ValueError:
            self.problem(column, f"expected a number, found {value[:40]!r}")
            return None
        if not low <= number <= high:
            self.problem(column, f"must be between {low} and {high}")
            return None
        return number

    def slugs(self, column, known):
        found = []
        for slug in self.items(column):
            if slug in known:
                found.append(known[slug])
            else:
                self.problem(column, f"unknown slug {slug[:60]!r}")
        return found

    def read(self):
        for column in REQUIRED:
            if not self.text(column):
                self.problem(column, "required")
        region_code = self.text("region")
        region = self.lookups["regions"].get(region_code)
        if region_code and region is None:
            self.problem("region", f"no region has the UBIGEO code {region_code[:10]!r}")
        service_types = self.slugs("service_type", self.lookups["service_types"])
        populations = self.slugs("populations", self.lookups["populations"])
        languages = []
        for code in self.items("languages"):
            if code in LANGUAGE_NAMES:
                languages.append(code)
            else:
                self.problem("languages", f"unknown language code {code[:10]!r}")
        try:
            schedules = parse_hours(self.text("hours"))
        except ValueError as error:
            self.problem("hours", f"cannot read {str(error)[:60]!r}: write e.g. mo-fr 08:00-17:00")
            schedules = []
        status = self.text("status") or Service.Status.ACTIVE
        if status not in STATUSES:
            self.problem("status", f"expected one of {', '.join(sorted(STATUSES))}")
        last_verified = None
        if self.text("last_verified"):
            try:
                last_verified = datetime.date.fromisoformat(self.text("last_verified"))
            except ValueError:
                self.problem("last_verified", "expected a date as YYYY-MM-DD")
        for column, validator in (("email", EmailValidator()), ("website", URLValidator())):
            if self.text(column):
                try:
                    validator(self.text(column))
                except ValidationError:
                    self.problem(column, f"not a valid {column}")
        min_age = self.number_in("min_age", 0, 120, int)
        max_age = self.number_in("max_age", 0, 120, int)
        if min_age is not None and max_age is not None and min_age > max_age:
            self.problem("max_age", "is lower than min_age")
        latitude = self.number_in("latitude", -90, 90)
        longitude = self.number_in("longitude", -180, 180)
        if (latitude is None) != (longitude is None):
            self.problem("longitude", "latitude and longitude go together")
        for column, limit in (("service_name", 200), ("organization_name", 200)):
            if len(self.text(column)) > limit:
                self.problem(column, f"longer than {limit} characters")
        has_address = any(self.text(c) for c in ("address", "district", "province")) or (
            latitude is not None
        )
        return ServiceRecord(
            row=self.number,
            organization_name=self.text("organization_name"),
            values={
                "name": self.text("service_name"),
                "description": self.text("description"),
                "email": self.text("email"),
                "url": self.text("website"),
                "open_24h": self.boolean("open_24h"),
                "is_free": self.boolean("free", default=True),
                "fees_description": self.text("fees"),
                "minimum_age": min_age,
                "maximum_age": max_age,
                "status": status,
                "assured_date": last_verified,
            },
            service_types=service_types,
            populations=populations,
            languages=languages,
            phones=self.items("phone"),
            schedules=schedules,
            location={
                "location_type": Location.LocationType.PHYSICAL
                if has_address
                else Location.LocationType.VIRTUAL,
                "is_confidential": self.boolean("confidential"),
                "region": region,
                "province": self.text("province"),
                "district": self.text("district"),
                "address_1": self.text("address"),
                "latitude": latitude,
                "longitude": longitude,
            },
            problems=self.problems,
        )


def read_csv(text_file):
    """Every row of the file as a ServiceRecord, and every problem found (header included)."""
    reader = csv.DictReader(text_file)
    header = reader.fieldnames or []
    problems = [Problem(1, column, "missing column") for column in COLUMNS if column not in header]
    problems += [Problem(1, column, "unknown column") for column in header if column not in COLUMNS]
    if problems:
        return [], problems
    spanish = Locale.objects.get(language_code="es")
    lookups = {
        "regions": {region.code: region for region in Region.objects.all()},
        "service_types": {term.slug: term for term in ServiceType.objects.filter(locale=spanish)},
        "populations": {term.slug: term for term in Population.objects.filter(locale=spanish)},
    }
    records, seen = [], {}
    for number, row in enumerate(reader, start=2):
        if None in row:
            problems.append(Problem(number, "-", "more cells than columns"))
            continue
        record = RowReader(number, row, lookups).read()
        problems += record.problems
        if record.organization_name and record.values["name"]:
            key = record.translation_key
            if key in seen:
                problems.append(
                    Problem(number, "service_name", f"the same service as row {seen[key]}")
                )
            seen[key] = number
        records.append(record)
    if not records and not problems:
        problems.append(Problem(2, "-", "the file has no rows"))
    return records, problems


@transaction.atomic
def save_records(records):
    """Creates or updates each service (in Spanish) and returns (created, updated) counts.
    A rerun of the same file finds every service by its translation key."""
    spanish = Locale.objects.get(language_code="es")
    created = updated = 0
    for record in records:
        organization = Organization.objects.filter(
            name=record.organization_name, locale=spanish
        ).first() or Organization.objects.create(name=record.organization_name, locale=spanish)
        service = Service.objects.filter(
            translation_key=record.translation_key, locale=spanish
        ).first()
        if service is None:
            service = Service(translation_key=record.translation_key, locale=spanish)
            service.slug = Service.available_slug(record.values["name"], spanish)
            created += 1
        else:
            updated += 1
        service.organization = organization
        for name, value in record.values.items():
            setattr(service, name, value)
        service.service_types = record.service_types
        service.populations = record.populations
        service.languages = [ServiceLanguage(code=code) for code in record.languages]
        service.phones = [Phone(number=number) for number in record.phones]
        service.schedules = [
            Schedule(byday=byday, opens_at=opens, closes_at=closes)
            for byday, opens, closes in record.schedules
        ]
        service.locations = [Location(**record.location)]
        service.save()
    return created, updated
