"""The national plan 2017-2021 as loaded from the data file, checked against the seed text it
was transcribed from (plan/initial_data/source_pnat_2017_2021_resumen.txt)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from concepts.models import ConceptPage
from plan.models import Institution, PlanPage, StrategicObjectivePage

SEED = Path(settings.BASE_DIR) / "plan" / "initial_data" / "source_pnat_2017_2021_resumen.txt"
# Typos fixed in the data file (each noted there); everything else is verbatim.
SEED_FIXES = {"ocales o espacios": "locales o espacios", "MTEPE": "MTPE", "P.J": "PJ"}


def seed_text():
    text = SEED.read_text(encoding="utf-8")
    for typo, fix in SEED_FIXES.items():
        text = text.replace(typo, fix)
    return text


def seed_structure():
    """Objectives, intermediate objectives and indicators as the seed lays them out: each
    "### INDICADORES" block belongs to one intermediate objective, headed or not."""
    text = seed_text()
    plan_part = text[text.index("## OBJETIVO ESTRATÉGICO 1") : text.index("*OI Objetivo")]
    objectives = re.split(r"^## OBJETIVO ESTRATÉGICO \d+:", plan_part, flags=re.M)[1:]
    structure = []
    for objective in objectives:
        blocks = objective.split("### INDICADORES")[1:]
        structure.append(
            [
                [line[2:].strip() for line in block.splitlines() if line.startswith("- ")]
                for block in blocks
            ]
        )
    return structure


def seed_concepts():
    text = seed_text()
    part = text[text.index("## CONOZCAMOS ALGUNOS CONCEPTOS") : text.index("RESUMEN EJECUTIVO")]
    return re.findall(r"^### (.+)$", part, flags=re.M)


def seed_acronyms():
    text = seed_text()
    institutions = text[text.index("Instituciones responsables") :]
    return set(re.findall(r"\(([A-ZÁÉÍÓÚ][A-ZÁÉÍÓÚ .-]+)\)", institutions))


def stored_structure(language):
    objectives = StrategicObjectivePage.objects.filter(locale__language_code=language).order_by(
        "number"
    )
    return [
        [
            [indicator["statement"] for indicator in block.value["indicators"]]
            for block in objective.intermediate_objectives
        ]
        for objective in objectives
    ]


@pytest.mark.django_db
def test_counts_match_the_seed():
    seed = seed_structure()
    stored = stored_structure("es")

    assert len(stored) == len(seed) == 4
    assert [len(objective) for objective in stored] == [len(objective) for objective in seed]
    assert sum(len(objective) for objective in stored) == 17
    assert [[len(io) for io in objective] for objective in stored] == [
        [len(io) for io in objective] for objective in seed
    ]
    assert sum(len(io) for objective in stored for io in objective) == 34
    assert ConceptPage.objects.filter(locale__language_code="es").count() == len(seed_concepts())
    assert Institution.objects.filter(locale__language_code="es").count() == 25


@pytest.mark.django_db
def test_indicators_are_transcribed_word_for_word():
    assert stored_structure("es") == seed_structure()


@pytest.mark.django_db
def test_every_acronym_of_the_seed_is_an_institution():
    acronyms = set(
        Institution.objects.filter(locale__language_code="es").values_list("acronym", flat=True)
    )
    assert seed_acronyms() <= acronyms
    assert len(acronyms - {""}) == 22


@pytest.mark.django_db
def test_the_missing_intermediate_objective_statement_stays_missing():
    """The seed gives objective 2's fourth intermediate objective no heading: its indicators
    are kept, its statement is not made up."""
    objective = StrategicObjectivePage.objects.get(locale__language_code="es", number=2)
    fourth = list(objective.intermediate_objectives)[3].value

    assert fourth["code"] == "OI4"
    assert fourth["statement"] == ""
    assert len(fourth["indicators"]) == 1


@pytest.mark.django_db
def test_the_plan_facts():
    plan = PlanPage.objects.get(locale__language_code="es")

    assert plan.legal_instrument == "Decreto Supremo N° 017-2017-IN"
    assert plan.approval_date.isoformat() == "2017-06-07"
    assert (plan.start_year, plan.end_year) == (2017, 2021)
    assert len(plan.responsible_institutions) == 25
    # No figure is invented: the seed's statistics and budget sections have none.
    assert not plan.statistics


@pytest.mark.django_db
def test_english_has_the_same_structure_in_english():
    spanish = stored_structure("es")
    english = stored_structure("en")

    assert [[len(io) for io in objective] for objective in english] == [
        [len(io) for io in objective] for objective in spanish
    ]
    flat_spanish = [text for objective in spanish for io in objective for text in io]
    flat_english = [text for objective in english for io in objective for text in io]
    assert all(en != es for en, es in zip(flat_english, flat_spanish, strict=True))
    english_plan = PlanPage.objects.get(locale__language_code="en")
    assert english_plan.legal_instrument == "Supreme Decree No. 017-2017-IN"
    assert english_plan.responsible_institutions[0].value.locale.language_code == "en"
    assert ConceptPage.objects.filter(locale__language_code="en").count() == 6
    assert Institution.objects.filter(locale__language_code="en").count() == 25
