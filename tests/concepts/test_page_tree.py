"""Where concept pages go in the tree, and that an editor can create one through the admin
form (Wagtail's own test utilities, posting the real form)."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from concepts.models import ConceptIndexPage, ConceptPage
from home.models import HomePage


class ConceptPageTreeTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_concepts_go_under_the_concept_index(self):
        self.assertAllowedParentPageTypes(ConceptIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConceptIndexPage, {ConceptPage})
        self.assertAllowedParentPageTypes(ConceptPage, {ConceptIndexPage})

    def test_an_editor_can_create_a_concept(self):
        index = ConceptIndexPage.objects.get(locale__language_code="es")
        self.assertCanCreate(
            index,
            ConceptPage,
            nested_form_data(
                {
                    "title": "Concepto de ejemplo",
                    "slug": "concepto-de-ejemplo",
                    "description": "Un concepto de ejemplo.",
                    "abbreviation": "",
                    "short_definition": "Definición breve de ejemplo.",
                    "body": streamfield([("paragraph", rich_text("<p>Explicación.</p>"))]),
                    "related_concept_links": inline_formset([]),
                }
            ),
        )
