"""The directory's initial content: its page in both languages, the two taxonomies, the
national lines and a few services clearly labelled as example data (initial_data/)."""

import uuid
from pathlib import Path

import yaml

from concepts.models import ConceptPage

from .models import (
    Location,
    Organization,
    Phone,
    Population,
    Region,
    Schedule,
    Service,
    ServiceDirectoryPage,
    ServiceLanguage,
    ServiceType,
)
from .schedules import parse_hours

DATA_FILE = Path(__file__).resolve().parent / "initial_data" / "directory.yaml"


def stable_key(kind, key):
    """The same translation key on every machine and run: reruns find what they created."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"portal:services_directory:{kind}:{key}")


def read_directory_data():
    with open(DATA_FILE, encoding="utf-8") as data_file:
        return yaml.safe_load(data_file)


def load(loader):
    """The directory page under the Spanish home, its taxonomies and services, in Spanish;
    the loader translates them all into English afterwards (snippets first)."""
    loader.snippets.extend(load_directory(loader, loader.by_key["home"]))
    link_concepts(loader, read_directory_data()["concept_service_types"])


def load_directory(loader, home):
    """Creates what is missing in Spanish and returns the snippets to translate."""
    data = read_directory_data()
    page_data = data["page"]
    loader.add_page(
        home,
        ServiceDirectoryPage(
            **loader.page_fields(page_data),
            intro=loader.text(page_data["intro"]),
            withheld_address_text=loader.text(page_data["withheld_address_text"]),
            show_in_menus=True,
        ),
        key="services",
    )
    snippets = []
    types = {
        item["slug"]: get_or_create_term(loader, ServiceType, item, snippets)
        for item in data["service_types"]
    }
    populations = {
        item["slug"]: get_or_create_term(loader, Population, item, snippets)
        for item in data["populations"]
    }
    organizations = {}
    for item in data["organizations"]:
        organization, created = Organization.objects.get_or_create(
            translation_key=stable_key("organization", item["key"]),
            locale=loader.spanish,
            defaults={"name": loader.text(item["name"]), "email": item.get("email", "")},
        )
        loader.text(item["name"])
        if created:
            loader.created.append(f"organization: {organization}")
        organizations[item["key"]] = organization
        snippets.append(organization)
    for item in data["services"]:
        snippets.append(get_or_create_service(loader, item, organizations, types, populations))
    return snippets


def get_or_create_term(loader, model, item, snippets):
    name = loader.text(item["name"])
    term, created = model.objects.get_or_create(
        translation_key=stable_key(model._meta.model_name, item["slug"]),
        locale=loader.spanish,
        defaults={"name": name, "slug": item["slug"]},
    )
    if created:
        loader.created.append(f"{model._meta.verbose_name}: {term}")
    snippets.append(term)
    return term


def get_or_create_service(loader, item, organizations, types, populations):
    translation_key = stable_key("service", item["slug"])
    texts = {
        field: loader.text(item[key]) if item.get(key) else ""
        for field, key in [
            ("name", "name"),
            ("description", "description"),
            ("eligibility_description", "eligibility"),
            ("fees_description", "fees"),
        ]
    }
    existing = Service.objects.filter(translation_key=translation_key, locale=loader.spanish)
    if existing.exists():
        return existing.get()
    service = Service(
        translation_key=translation_key,
        locale=loader.spanish,
        organization=organizations[item["organization"]],
        slug=item["slug"],
        email=item.get("email", ""),
        minimum_age=item.get("min_age"),
        maximum_age=item.get("max_age"),
        is_free=item["free"],
        open_24h=item.get("open_24h", False),
        **texts,
    )
    service.service_types = [types[slug] for slug in item["types"]]
    service.populations = [populations[slug] for slug in item["populations"]]
    service.languages = [ServiceLanguage(code=code) for code in item["languages"]]
    service.phones = [Phone(number=number) for number in item.get("phones", [])]
    service.schedules = [
        Schedule(byday=byday, opens_at=opens, closes_at=closes)
        for byday, opens, closes in parse_hours(item.get("hours", ""))
    ]
    service.locations = [
        Location(
            location_type=location["type"],
            is_confidential=location.get("confidential", False),
            region=Region.objects.get(code=location["region"]) if "region" in location else None,
            district=location.get("district", ""),
            province=location.get("province", ""),
            latitude=location.get("latitude"),
            longitude=location.get("longitude"),
        )
        for location in item["locations"]
    ]
    service.save()
    loader.created.append(f"service: {service}")
    return service


def link_concepts(loader, slugs_by_concept):
    """Each concept page lists the services of the types the data file gives it, unless an
    editor has already chosen some."""
    for concept_slug, type_slugs in slugs_by_concept.items():
        page = ConceptPage.objects.filter(slug=concept_slug, locale=loader.spanish).first()
        if page is None or page.service_types.exists():
            continue
        page.service_types = list(
            ServiceType.objects.filter(locale=loader.spanish, slug__in=type_slugs)
        )
        page.save_revision().publish()
        # Its translations take the same types, in their own language (ConceptPage.save).
        for translation in page.get_translations().specific():
            translation.service_types = page.service_types.all()
            translation.save_revision().publish()
        loader.created.append(f"services for the concept: {page.title}")
