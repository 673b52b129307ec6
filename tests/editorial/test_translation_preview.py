"""wagtail-localize's preview of a translation, as the translation editor's "Vista previa"
opens it: the English page, built from the translated strings, for those who may edit it."""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from core.groups import DIRECTORY_MAINTAINERS, TRANSLATORS
from home.models import StandardPage
from tests.utils import make_staff_user, soup

pytestmark = pytest.mark.django_db


def english_translation():
    english = StandardPage.objects.filter(locale__language_code="en").first()
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=english.locale
    )
    return english, translation


def test_a_translator_previews_the_english_page(client, spanish):
    english, translation = english_translation()
    client.force_login(make_staff_user(TRANSLATORS, username="traductora-previa"))

    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))

    page = soup(response)
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True) == english.title
    assert english.get_translation(spanish).title not in page.main.get_text()


def test_someone_who_may_not_edit_the_page_is_refused(client):
    _english, translation = english_translation()
    client.force_login(make_staff_user(DIRECTORY_MAINTAINERS, username="directorio-previa"))

    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))

    # Refused: a 403, or Wagtail's redirect to the dashboard for a permission it denies.
    assert response.status_code in (302, 403)
    assert english_translation()[0].title.encode() not in response.content
