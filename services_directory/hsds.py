"""Services as Open Referral HSDS 3 objects, for the API and the Tabular Data Package export.

Only public data leaves through here. A confidential location becomes a location with no
name, address, coordinates or directions, plus the region it serves as a `service_area`:
exactly what the public page shows."""

import uuid

from .languages import LANGUAGE_NAMES
from .schedules import WEEKDAY_CODES

# The directory's two taxonomies have fixed identifiers: partners can rely on them.
TAXONOMIES = {
    "service_types": {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "portal:services_directory:taxonomy:types")),
        "name": "Tipos de servicio",
        "description": "Qué hace un servicio (albergue, asistencia legal, línea de ayuda…).",
        "uri": "",
        "version": "1",
    },
    "populations": {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "portal:services_directory:taxonomy:people")),
        "name": "Poblaciones",
        "description": "A quién se dirige un servicio (mujeres, niñas, niños y adolescentes…).",
        "uri": "",
        "version": "1",
    },
}
TAXONOMY_OF_MODEL = {"servicetype": "service_types", "population": "populations"}
WITHHELD = "Dirección reservada para proteger a las personas atendidas."
# A location's department, as its INEI UBIGEO code: public even for a confidential location.
REGION_IDENTIFIER = "ubigeo-departamento"


def without_nulls(value):
    """HSDS 3's schemas type optional fields as strings, numbers, arrays or objects, never as
    null: a field without a value is left out of what the API sends."""
    if isinstance(value, dict):
        return {key: without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_nulls(item) for item in value]
    return value


def child_id(*parts):
    """A stable identifier for a record the database stores inside another (a region served,
    the 24-hour schedule): the same in every response and export."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "portal:services_directory:" + ":".join(parts)))


def taxonomy_term(term, language="es"):
    taxonomy = TAXONOMIES[TAXONOMY_OF_MODEL[term._meta.model_name]]
    return {
        "id": str(term.id),
        "code": term.slug,
        "name": term.name,
        "description": term.description or term.name,
        "parent_id": None,
        "taxonomy": taxonomy["name"],
        "language": language,
        "taxonomy_id": taxonomy["id"],
        "term_uri": None,
    }


def organization(org):
    return {
        "id": str(org.id),
        "name": org.name,
        "alternate_name": None,
        "description": org.description or org.name,
        "email": org.email or None,
        "website": org.website or None,
        "additional_websites": [],
    }


def phone(item, service):
    return {
        "id": str(item.id),
        "service_id": str(service.id),
        "number": item.number,
        "extension": None,
        "type": item.type,
        "description": item.description or None,
        "languages": [
            {"id": child_id("phone-language", str(item.id), code), "code": code, "name": name(code)}
            for code in item.language_codes()
        ],
    }


def name(code):
    return str(LANGUAGE_NAMES.get(code, code))


def schedules(service):
    if service.open_24h:
        return [
            {
                "id": child_id("open-24h", str(service.id)),
                "service_id": str(service.id),
                "freq": "WEEKLY",
                "byday": ",".join(WEEKDAY_CODES),
                "opens_at": "00:00",
                "closes_at": "23:59",
                "description": "Abierto las 24 horas, todos los días.",
            }
        ]
    return [
        {
            "id": str(item.id),
            "service_id": str(service.id),
            "freq": "WEEKLY",
            "byday": item.byday,
            "opens_at": item.opens_at.strftime("%H:%M"),
            "closes_at": item.closes_at.strftime("%H:%M"),
            "description": item.description or None,
        }
        for item in service.schedules.all()
    ]


def location(item):
    if item.is_confidential:
        return {
            "id": str(item.id),
            "location_type": "physical",
            "url": None,
            "name": None,
            "description": WITHHELD,
            "external_identifier": item.region_id,
            "external_identifier_type": REGION_IDENTIFIER if item.region_id else None,
            "latitude": None,
            "longitude": None,
            "transportation": None,
            "addresses": [],
        }
    addresses = []
    if item.address_1 or item.district:
        addresses.append(
            {
                "id": child_id("address", str(item.id)),
                "location_id": str(item.id),
                "address_1": item.address_1,
                "city": item.district,
                "region": item.province or None,
                "state_province": item.region.name if item.region else "",
                "postal_code": "",
                "country": "PE",
                "address_type": "physical",
            }
        )
    return {
        "id": str(item.id),
        "location_type": item.location_type,
        "url": item.url or None,
        "name": item.name or None,
        "description": None,
        "external_identifier": item.region_id,
        "external_identifier_type": REGION_IDENTIFIER if item.region_id else None,
        "transportation": item.transportation or None,
        "latitude": item.latitude,
        "longitude": item.longitude,
        "addresses": addresses,
    }


def service(item, *, with_organization=True):
    """The HSDS service object; `item` comes with its parts prefetched (directory.with_related)."""
    data = {
        "id": str(item.id),
        "organization_id": str(item.organization_id),
        "name": item.name,
        "alternate_name": None,
        "description": item.description,
        "url": item.url or None,
        "email": item.email or None,
        "status": item.status,
        "fees_description": item.fees_description or None,
        "eligibility_description": item.eligibility_description or None,
        "minimum_age": item.minimum_age,
        "maximum_age": item.maximum_age,
        "assured_date": item.assured_date.isoformat() if item.assured_date else None,
        "last_modified": item.last_modified.isoformat(),
        "phones": [phone(number, item) for number in item.phones.all()],
        "schedules": schedules(item),
        "languages": [
            {
                "id": str(language.id),
                "service_id": str(item.id),
                "code": language.code,
                "name": name(language.code),
            }
            for language in item.languages.all()
        ],
        "service_areas": [
            {
                "id": child_id("service-area", str(item.id), region_code),
                "service_id": str(item.id),
                "name": region_name,
                "description": f"Departamento del Perú (UBIGEO {region_code})",
                "extent": None,
                "extent_type": None,
                "uri": None,
            }
            for region_code, region_name in sorted(
                {(loc.region_id, loc.region.name) for loc in item.locations.all() if loc.region}
            )
        ],
        "service_at_locations": [
            {
                "id": child_id("service-at-location", str(item.id), str(loc.id)),
                "service_id": str(item.id),
                "location_id": str(loc.id),
                "location": location(loc),
            }
            for loc in item.locations.all()
        ],
        "attributes": [
            {
                "id": child_id("attribute", str(item.id), str(term.id)),
                "link_id": str(item.id),
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": str(term.id),
                "taxonomy_term": taxonomy_term(term),
            }
            for term in [*item.service_types.all(), *item.populations.all()]
        ],
        # HSDS has no "free" flag: a free service has one cost option of zero soles.
        "cost_options": (
            [
                {
                    "id": child_id("free", str(item.id)),
                    "service_id": str(item.id),
                    "option": "Gratuito",
                    "currency": "PEN",
                    "amount": 0,
                }
            ]
            if item.is_free
            else []
        ),
    }
    if with_organization:
        data["organization"] = organization(item.organization)
    return data
