"""The national plan 2017-2021 and the concept explainers, from plan_2017_2021.yaml."""

import uuid

from home.models import (
    ConceptIndexPage,
    ConceptPage,
    ConceptRelation,
    Institution,
    PlanPage,
    StrategicObjectivePage,
)

from .loader import block_id


def stable_translation_key(kind, key):
    """The same key on every machine and every run: reruns find what they created."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"portal:{kind}:{key}")


def load_institutions(loader, data):
    institutions = {}
    for item in data["institutions"]:
        translation_key = stable_translation_key("institution", item["key"])
        name = loader.text(item["name"])
        institution = Institution.objects.filter(
            translation_key=translation_key, locale=loader.spanish
        ).first()
        if institution is None:
            institution = Institution.objects.create(
                translation_key=translation_key,
                locale=loader.spanish,
                acronym=item["acronym"],
                name=name,
            )
            loader.created.append(f"institution: {institution}")
        institutions[item["key"]] = institution
    return institutions


def indicator_value(loader, indicator):
    return {
        "statement": loader.text(indicator),
        "unit": "",
        "baseline_value": None,
        "baseline_year": None,
        "target_value": None,
        "target_year": None,
        "measurements": [],
        "institutions": [],
    }


def intermediate_objectives(loader, objective):
    blocks = []
    for item in objective["intermediate_objectives"]:
        code = item["code"]
        loader.text({"es": code, "en": code})  # a code reads the same in both languages
        path = ("objective", objective["number"], code)
        blocks.append(
            {
                "type": "intermediate_objective",
                "id": block_id(*path),
                "value": {
                    "code": code,
                    # The seed lacks one statement (objective 2, OI4): kept empty, never made up.
                    "statement": loader.text(item["statement"]) if item["statement"] else "",
                    "indicators": [
                        {
                            "type": "item",
                            "id": block_id(*path, "indicator", position),
                            "value": indicator_value(loader, indicator),
                        }
                        for position, indicator in enumerate(item["indicators"])
                    ],
                },
            }
        )
    return blocks


def load_plan(loader, data, home, institutions):
    plan_data = data["plan"]
    plan = PlanPage(
        **loader.page_fields(plan_data),
        name=loader.text(plan_data["name"]),
        acronym=plan_data["acronym"],
        start_year=plan_data["start_year"],
        end_year=plan_data["end_year"],
        legal_instrument=loader.text(plan_data["legal_instrument"]),
        approval_date=plan_data["approval_date"],
        summary=loader.html(plan_data["summary"]),
        responsible_institutions=[
            {
                "type": "institution",
                "value": institutions[key].id,
                "id": block_id("plan", "institution", key),
            }
            for key in plan_data["responsible_institutions"]
        ],
        source_note=loader.text(data["source_note"]),
        show_in_menus=True,
    )
    loader.text({"es": plan_data["acronym"], "en": plan_data["acronym"]})
    plan = loader.add_page(home, plan, key=plan_data["key"])

    for objective in plan_data["objectives"]:
        page = StrategicObjectivePage(
            **loader.page_fields(objective),
            number=objective["number"],
            statement=loader.text(objective["statement"]),
            intermediate_objectives=intermediate_objectives(loader, objective),
        )
        loader.add_page(plan, page)
    return plan


def load_concepts(loader, data, home):
    index_data = data["concept_index"]
    index = ConceptIndexPage(
        **loader.page_fields(index_data),
        intro=loader.text(index_data["intro"]),
        show_in_menus=True,
    )
    index = loader.add_page(home, index, key=index_data["key"])

    concepts = {}
    for concept in data["concepts"]:
        short_definition = loader.text(concept["short_definition"])
        page = ConceptPage(
            **loader.page_fields({**concept, "title": concept["term"]}, short_definition),
            abbreviation=concept["abbreviation"],
            short_definition=short_definition,
            body=[
                {
                    "type": "paragraph",
                    "value": loader.html(concept["body"]),
                    "id": block_id("concept", concept["key"], "body"),
                }
            ],
        )
        if concept["abbreviation"]:
            loader.text({"es": concept["abbreviation"], "en": concept["abbreviation"]})
        concepts[concept["key"]] = loader.add_page(index, page, key=concept["key"])

    # Links between concepts need every concept to exist; they are set once, on creation.
    for concept in data["concepts"]:
        page = concepts[concept["key"]]
        if page.id in loader.new_page_ids and not page.related_concept_links.exists():
            page.related_concept_links = [
                ConceptRelation(related=concepts[key]) for key in concept["related"]
            ]
            page.save_revision().publish()
    return index
