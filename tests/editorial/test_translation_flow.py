"""The translators' side: the dashboard lists what is untranslated or out of date; editing the
Spanish source marks the English page out of date and syncing brings the change; PO files
exported from wagtail-localize import back without losing a string."""

from uuid import uuid4

import polib
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.groups import DIRECTORY_MAINTAINERS, TRANSLATORS
from editorial import translation_status
from home.models import StandardPage
from plan.models import Institution
from services_directory.models import Service
from tests.utils import make_institution, make_staff_user, make_standard_page

pytestmark = pytest.mark.django_db

NEW_SPANISH = "Texto nuevo que todavía no tiene traducción."
NEW_ENGLISH = "New text that has just been translated."


def translated_standard_page():
    """A Spanish standard page of the initial content and its English translation."""
    for page in StandardPage.objects.filter(locale__language_code="es"):
        source = TranslationSource.objects.filter(object_id=page.translation_key).first()
        if source and source.translations.filter(enabled=True).exists():
            english = StandardPage.objects.get(
                translation_key=page.translation_key, locale__language_code="en"
            )
            return page, english, source
    raise AssertionError("the initial content has no translated standard page")


def dashboard(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed(html, marker):
    return [item.get_text(" ", strip=True) for item in html.select(f"[{marker}] li")]


def publish_spanish_edit(page):
    # With a block id, as the admin's editor gives every block.
    new_block = {"type": "paragraph", "value": f"<p>{NEW_SPANISH}</p>", "id": str(uuid4())}
    page.body = [*page.body.raw_data, new_block]
    page.save_revision().publish()


def export_po(client, translation):
    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def import_po(client, translation, po):
    upload = SimpleUploadedFile("translation.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302


def test_editing_the_spanish_source_marks_the_english_out_of_date_and_syncing_brings_it(client):
    spanish, english, source = translated_standard_page()
    translator = make_staff_user(TRANSLATORS, username="traductora")
    client.force_login(translator)
    assert spanish.pk not in [item.instance.pk for item in translation_status.out_of_date()]

    publish_spanish_edit(spanish)
    assert spanish.pk in [item.instance.pk for item in translation_status.out_of_date()]
    assert any(spanish.title in text for text in listed(dashboard(client), "data-out-of-date"))

    # Sync (wagtail-localize's "Sync translated pages"), as the translator.
    response = client.post(f"/admin/localize/update/{source.pk}/", {})
    assert response.status_code == 302
    assert spanish.pk not in [item.instance.pk for item in translation_status.out_of_date()]

    source.refresh_from_db()
    # The new Spanish sentence reaches the translation's PO file, untranslated; translated
    # there and imported, it reaches the English page.
    translation = source.translations.get(target_locale__language_code="en")
    po = export_po(client, translation)
    new_entries = [entry for entry in po if entry.msgid == NEW_SPANISH]
    assert new_entries and new_entries[0].msgstr == ""
    new_entries[0].msgstr = NEW_ENGLISH
    import_po(client, translation, po)
    translation.save_target(user=translator, publish=False)
    english.refresh_from_db()
    draft = english.get_latest_revision_as_object()
    assert NEW_ENGLISH in str(draft.body.raw_data)


def test_translating_a_live_spanish_page_creates_an_english_draft_not_a_live_page(client):
    """WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off: no live English page full of
    untranslated Spanish text appears; a Moderator publishes the translation when it is done."""
    spanish = make_standard_page(title="Página recién publicada")
    client.force_login(make_staff_user(TRANSLATORS, username="traductor-nuevo"))
    english_locale = Locale.objects.get(language_code="en")
    response = client.post(
        f"/admin/localize/submit/page/{spanish.pk}/", {"locales": [english_locale.pk]}
    )
    assert response.status_code == 302
    english = Page.objects.get(translation_key=spanish.translation_key, locale=english_locale)
    assert not english.live


def test_po_export_and_import_round_trip_without_loss(client):
    _spanish, _english, source = translated_standard_page()
    translation = source.translations.get(target_locale__language_code="en")
    client.force_login(make_staff_user(TRANSLATORS, username="traductor-po"))
    before = export_po(client, translation)
    translated = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in before}
    assert translated and all(translated.values())

    StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_of__segments__source=source,
    ).delete()
    emptied = export_po(client, translation)
    assert not any(entry.msgstr for entry in emptied)

    import_po(client, translation, before)
    after = export_po(client, translation)
    assert {(entry.msgctxt, entry.msgid): entry.msgstr for entry in after} == translated


def test_new_spanish_pages_and_snippets_are_listed_as_untranslated(client):
    page = make_standard_page(title="Página aún sin traducir")
    institution = make_institution()
    client.force_login(make_staff_user(TRANSLATORS, username="traductor-lista"))
    untranslated = listed(dashboard(client), "data-untranslated")
    assert any(page.title in text for text in untranslated)
    assert institution.pk in [
        item.instance.pk for item in translation_status.untranslated_snippets()
    ]


def test_the_translation_panel_is_only_for_those_who_translate(client):
    client.force_login(make_staff_user(DIRECTORY_MAINTAINERS, username="directorio-panel"))
    assert dashboard(client).select_one("[data-translation-status]") is None


def test_translators_cannot_open_the_spanish_original_of_a_snippet(client):
    institution = make_institution()
    client.force_login(make_staff_user(TRANSLATORS, username="traductor-snippet"))
    response = client.get(f"/admin/snippets/plan/institution/edit/{institution.pk}/")
    assert response.status_code == 403
    assert Translation.objects.filter(source__object_id=institution.translation_key).count() == 0


def test_stamped_fields_are_no_change_but_an_edited_snippet_is():
    """No false alarm from fields the database stamps on save (a service's last_modified)."""
    assert Service.objects.filter(locale__language_code="en").exists()
    assert not [
        item for item in translation_status.out_of_date() if isinstance(item.instance, Service)
    ]
    institution = next(
        item
        for item in Institution.objects.filter(locale__language_code="es")
        if TranslationSource.objects.filter(object_id=item.translation_key).exists()
    )
    institution.name = f"{institution.name} (nombre corregido)"
    institution.save()
    assert institution.pk in [
        item.instance.pk
        for item in translation_status.out_of_date()
        if isinstance(item.instance, Institution)
    ]
