"""The national plan 2017-2021, its objectives, indicators and institutions, from
initial_data/plan_2017_2021.yaml (transcribed from the seed beside it)."""

import uuid
from pathlib import Path

from core.initial_content.loader import block_id, read_data

from .models import Institution, PlanPage, StrategicObjectivePage

DATA_FILE = Path(__file__).resolve().parent / "initial_data" / "plan_2017_2021.yaml"


def load(loader):
    """Under the Spanish home (loaded first by the home app): institutions, the plan and its
    strategic objectives. The institutions are translated before the pages that use them."""
    data = read_data(DATA_FILE)
    institutions = load_institutions(loader, data)
    loader.snippets.extend(institutions.values())
    return load_plan(loader, data, loader.by_key["home"], institutions)


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


def indicator_value(loader, indicator, source):
    return {
        "statement": loader.text(indicator),
        "source": loader.text(source),
        "data_date": None,
        "unit": "",
        "baseline_value": None,
        "baseline_year": None,
        "target_value": None,
        "target_year": None,
        "measurements": [],
        "institutions": [],
    }


def intermediate_objectives(loader, objective, source):
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
                            "value": indicator_value(loader, indicator, source),
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
            intermediate_objectives=intermediate_objectives(
                loader, objective, data["indicator_source"]
            ),
        )
        loader.add_page(plan, page)
    return plan
