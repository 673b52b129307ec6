"""The HSDS API under /api/hsds/: every endpoint validated against the HSDS 3 schemas in
data/hsds, its parameters and paging, the ndjson stream, and 400 JSON errors."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from services_directory import hsds
from services_directory.models import Service

from ..utils.directory import make_organization, make_service, region

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "data" / "hsds"
REGISTRY = Registry().with_resources(
    (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
    for path in SCHEMAS.glob("*.json")
)


def validate(data, schema_name):
    schema = REGISTRY.contents(schema_name)
    validator = Draft202012Validator(schema, registry=REGISTRY, format_checker=FormatChecker())
    errors = [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)
    ]
    assert errors == [], errors[:5]


def get_json(client, path, params=None, status=200):
    response = client.get(path, params or {})
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert not response.cookies
    return response.json()


@pytest.fixture
def rich_service():
    return make_service(
        "Servicio completo de prueba",
        types=["albergue", "salud"],
        populations=["mujeres"],
        languages=["es", "qu"],
        phones=["100"],
        hours="mo-fr 08:00-17:00",
        minimum_age=12,
        email="servicio@prueba.invalid",
        url="https://prueba.invalid/",
        locations=[
            {
                "region": region("16"),
                "address_1": "Calle 1",
                "district": "Iquitos",
                "latitude": -3.7,
                "longitude": -73.2,
            },
            {"region": region("15"), "is_confidential": True, "address_1": "Oculta 9"},
        ],
    )


def test_services_page_is_valid_hsds(client, rich_service):
    page = get_json(client, "/api/hsds/services", {"per_page": 100})

    validate(page, "page_of_services.json")
    assert (
        page["total_items"] == Service.objects.public().filter(locale__language_code="es").count()
    )
    (item,) = [service for service in page["contents"] if service["id"] == str(rich_service.id)]
    assert {area["name"] for area in item["service_areas"]} == {"Loreto", "Lima"}
    assert {attribute["taxonomy_term"]["code"] for attribute in item["attributes"]} == {
        "albergue",
        "salud",
        "mujeres",
    }


def test_the_schemas_reject_a_wrong_object():
    """Guards the tests above against schemas that accept anything."""
    with pytest.raises(AssertionError):
        validate({"id": "not-a-uuid", "name": "x", "status": "open"}, "service.json")
    with pytest.raises(AssertionError):
        validate({"total_items": 1, "contents": []}, "page_of_services.json")


def test_service_detail_is_valid_hsds(client, rich_service):
    item = get_json(client, f"/api/hsds/services/{rich_service.id}")

    validate(item, "service.json")
    assert item["organization"]["id"] == str(rich_service.organization_id)
    assert [schedule["byday"] for schedule in item["schedules"]] == ["MO,TU,WE,TH,FR"]


def test_organizations_and_taxonomies_are_valid_hsds(client, rich_service):
    validate(get_json(client, "/api/hsds/organizations"), "page_of_organizations.json")
    validate(
        get_json(client, f"/api/hsds/organizations/{rich_service.organization_id}"),
        "organization.json",
    )
    validate(get_json(client, "/api/hsds/taxonomies"), "page_of_taxonomies.json")
    terms = get_json(client, "/api/hsds/taxonomy_terms", {"per_page": 100})
    validate(terms, "page_of_taxonomy_terms.json")
    assert "albergue" in {term["code"] for term in terms["contents"]}


def test_paging_fields(client):
    Service.objects.all().delete()
    for number in range(5):
        make_service(f"Servicio paginado {number}")

    first = get_json(client, "/api/hsds/services", {"per_page": 2})
    last = get_json(client, "/api/hsds/services", {"per_page": 2, "page": 3})

    assert {key: first[key] for key in first if key != "contents"} == {
        "total_items": 5,
        "total_pages": 3,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    assert (last["page_number"], last["size"], last["last_page"]) == (3, 1, True)


def test_filters(client, rich_service):
    other_organization = make_organization("Otra organización de prueba")
    other = make_service(
        "Otro servicio de prueba", organization=other_organization, types=["denuncia"]
    )
    shelter_term = rich_service.service_types.get(slug="albergue")

    def ids(params):
        return {item["id"] for item in get_json(client, "/api/hsds/services", params)["contents"]}

    assert ids({"search": "COMPLETO"}) == {str(rich_service.id)}
    assert ids({"taxonomy_term_id": str(shelter_term.id)}) >= {str(rich_service.id)}
    assert str(other.id) not in ids({"taxonomy_term_id": str(shelter_term.id)})
    assert ids({"organization_id": str(other_organization.id)}) == {str(other.id)}
    Service.objects.filter(pk=other.pk).update(last_modified="2020-01-01T00:00:00Z")
    assert str(other.id) not in ids({"modified_after": "2025-01-01"})
    assert str(rich_service.id) in ids({"modified_after": "2025-01-01T00:00:00Z"})


def test_ndjson_streams_every_public_service(client, rich_service):
    response = client.get("/api/hsds/services", {"format": "ndjson"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == Service.objects.public().filter(locale__language_code="es").count()
    for line in lines:
        validate(json.loads(line), "service.json")


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "999"}, "page"),
        ({"per_page": "100000"}, "per_page"),
        ({"per_page": "-1"}, "per_page"),
        ({"taxonomy_term_id": "' OR 1=1 --"}, "taxonomy_term_id"),
        ({"organization_id": "x"}, "organization_id"),
        ({"modified_after": "yesterday"}, "modified_after"),
        ({"modified_after": "2025-13-45"}, "modified_after"),
        ({"search": "x" * 10_000}, "search"),
        ({"format": "xml"}, "format"),
        ({"search": "albergue\x00"}, "search"),
    ],
)
def test_bad_parameters_answer_400_json(client, params, parameter):
    body = get_json(client, "/api/hsds/services", params, status=400)

    assert body["parameter"] == parameter
    assert body["error"]


def test_unknown_ids_answer_404_json(client):
    missing = "00000000-0000-4000-8000-000000000000"
    assert "error" in get_json(client, f"/api/hsds/services/{missing}", status=404)
    assert "error" in get_json(client, f"/api/hsds/organizations/{missing}", status=404)
    assert client.get("/api/hsds/services/not-a-uuid").status_code == 404
    bad_taxonomy = get_json(client, "/api/hsds/taxonomy_terms", {"taxonomy_id": "x"}, status=400)
    assert bad_taxonomy["parameter"] == "taxonomy_id"


def test_inactive_services_and_translations_stay_out(client):
    hidden = make_service("Servicio inactivo de prueba", status=Service.Status.INACTIVE)

    ids = {
        item["id"] for item in get_json(client, "/api/hsds/services", {"per_page": 100})["contents"]
    }

    assert str(hidden.id) not in ids
    english = Service.objects.filter(locale__language_code="en").values_list("id", flat=True)
    assert not ids & {str(pk) for pk in english}
    assert client.get(f"/api/hsds/services/{hidden.id}").status_code == 404


def test_taxonomy_ids_are_stable():
    """Partners store these ids: they must not change between runs or machines."""
    assert hsds.TAXONOMIES["service_types"]["id"] == "592289bb-9cfa-53d6-9949-8b76bbdaa355"


def nulls_in(value, path="$"):
    """Where `value` holds a null: HSDS 3's official schemas type every optional field as a
    string, number, array or object, so a field without a value must be left out."""
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in nulls_in(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in nulls_in(item, f"{path}[{i}]")]
    return []


def test_no_endpoint_sends_null_for_a_field_without_value(client, rich_service):
    bare = make_service("Servicio mínimo de prueba")  # no email, url, ages, phones or fees
    paths = [
        "/api/hsds/services",
        f"/api/hsds/services/{bare.id}",
        f"/api/hsds/services/{rich_service.id}",
        "/api/hsds/organizations",
        f"/api/hsds/organizations/{bare.organization_id}",
        "/api/hsds/taxonomies",
        "/api/hsds/taxonomy_terms",
    ]
    for path in paths:
        assert nulls_in(get_json(client, path)) == [], path
    ndjson = client.get("/api/hsds/services", {"format": "ndjson"})
    for line in b"".join(ndjson.streaming_content).decode().splitlines():
        assert nulls_in(json.loads(line)) == []
