"""Numbers are synchronised to translations, never translated by hand; deleting a Spanish
page that has translations says what happens to them."""

import pytest
from wagtail_localize.models import TranslationSource

from core.groups import MODERATORS
from home.models import StandardPage
from tests.utils import make_objective_example, make_staff_user

pytestmark = pytest.mark.django_db


def test_measurements_and_years_are_not_offered_for_translation():
    """A measured indicator's statement is translated; its values and years are copied."""
    objective = make_objective_example()
    source, _created = TranslationSource.get_or_create_from_instance(objective)
    strings = [segment.string.data for segment in source.stringsegment_set.select_related("string")]
    assert "Objetivo intermedio de ejemplo." in strings
    indicator = objective.intermediate_objectives[0].value["indicators"][0]
    numbers = {str(indicator["baseline_value"]), str(indicator["target_value"])}
    numbers |= {str(item["value"]) for item in indicator["measurements"]}
    numbers |= {str(item["year"]) for item in indicator["measurements"]}
    assert not numbers & set(strings)
    assert str(objective.number) not in strings


def test_deleting_a_spanish_page_with_a_translation_warns_first(client):
    spanish = next(
        page
        for page in StandardPage.objects.filter(locale__language_code="es")
        if page.get_translations().exists()
    )
    client.force_login(make_staff_user(MODERATORS, username="moderadora-borrado"))
    response = client.get(f"/admin/pages/{spanish.pk}/delete/")
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        pytest.fail("a Moderator cannot open the delete confirmation")
    text = response.content.decode()
    assert "1 translation (" in text or "1 traducción (" in text
    english = spanish.get_translations().get()
    response = client.post(f"/admin/pages/{spanish.pk}/delete/", {})
    assert response.status_code == 302
    assert not StandardPage.objects.filter(pk__in=[spanish.pk, english.pk]).exists()
