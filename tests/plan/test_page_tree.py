"""Where plan pages go in the tree, and that an editor can create them through the admin
form (Wagtail's own test utilities, posting the real form)."""

from datetime import date

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from plan.models import PlanPage, StrategicObjectivePage

from ..utils import make_plan, spanish_home


class PlanPageTreeTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_plans_go_under_a_home_page_and_hold_strategic_objectives(self):
        self.assertAllowedParentPageTypes(PlanPage, {HomePage})
        self.assertAllowedSubpageTypes(PlanPage, {StrategicObjectivePage})
        self.assertAllowedParentPageTypes(StrategicObjectivePage, {PlanPage})
        self.assertAllowedSubpageTypes(StrategicObjectivePage, set())

    def test_an_editor_can_create_a_plan(self):
        self.assertCanCreate(
            spanish_home(),
            PlanPage,
            nested_form_data(
                {
                    "title": "Plan de ejemplo",
                    "slug": "plan-de-ejemplo",
                    "description": "Un plan de ejemplo para las pruebas.",
                    "name": "Plan de ejemplo (nombre completo)",
                    "acronym": "PEJ",
                    "start_year": 2022,
                    "end_year": 2026,
                    "legal_instrument": "Norma de ejemplo N° 000",
                    "approval_date": date(2022, 1, 1).isoformat(),
                    "summary": rich_text("<p>Resumen de ejemplo.</p>"),
                    "responsible_institutions": streamfield([]),
                    "statistics": streamfield([]),
                    "source_note": "",
                }
            ),
        )

    def test_an_editor_can_create_a_strategic_objective(self):
        self.assertCanCreate(
            make_plan(),
            StrategicObjectivePage,
            nested_form_data(
                {
                    "title": "Objetivo de ejemplo",
                    "slug": "objetivo-de-ejemplo",
                    "description": "Un objetivo de ejemplo.",
                    "number": 1,
                    "statement": "Enunciado de ejemplo.",
                    "intermediate_objectives": streamfield([]),
                }
            ),
        )
