"""The admin's preview shows the page being edited, also on a phone-wide screen, in both
languages: Spanish pages in the editor's preview panel, English translations from the "Vista
previa" button of wagtail-localize's translation editor. The preview may be framed by the
admin's own origin, and by no other."""

import pytest
from wagtail.models import Page

from core.groups import MODERATORS, TRANSLATORS
from home.models import StandardPage
from tests.utils import make_staff_user, make_superuser, sign_in_to_admin

pytestmark = pytest.mark.browser

EDITOR = "vista-previa"
TRANSLATOR = "traductora-vista-previa"
MODERATOR = "moderadora-vista-previa"
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def pages(live_site, django_db_blocker):
    """Committed accounts the server thread can see, removed after the module, and the pages
    they preview: a Spanish page and an English translation of another."""
    with django_db_blocker.unblock():
        accounts = [
            make_superuser(EDITOR),
            make_staff_user(TRANSLATORS, username=TRANSLATOR),
            make_staff_user(MODERATORS, username=MODERATOR),
        ]
        privacy = Page.objects.get(slug="privacidad")
        english = StandardPage.objects.filter(locale__language_code="en").first()
        source = english.get_translation(privacy.locale)
    yield {
        "es": privacy.id,
        "en": english.id,
        "en_title": english.title,
        "es_source_title": source.title,
    }
    with django_db_blocker.unblock():
        for account in accounts:
            account.delete()


def open_preview(page, site_url, page_id):
    page.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    page.click("[data-side-panel-toggle='preview']")
    heading = page.frame_locator("#w-preview-iframe").locator("h1")
    heading.wait_for()
    return heading


def open_translation_preview(page, site_url, page_id):
    """The translation editor's own preview opens the translated page in a new tab."""
    page.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Vista previa").click()
    preview = opened.value
    preview.wait_for_load_state()
    return preview


def test_the_preview_panel_renders_the_page(pages, page, site_url):
    sign_in_to_admin(page, site_url, EDITOR)

    heading = open_preview(page, site_url, pages["es"])

    assert heading.inner_text() == "Privacidad"


def test_the_preview_works_on_a_phone_wide_screen(pages, page, site_url):
    page.set_viewport_size(PHONE)
    sign_in_to_admin(page, site_url, EDITOR)

    heading = open_preview(page, site_url, pages["es"])

    assert heading.inner_text() == "Privacidad"
    assert heading.is_visible()
    preview = page.frame_locator("#w-preview-iframe").locator("html")
    # The previewed page fits its frame: no sideways scrolling on a phone.
    assert preview.evaluate("html => html.scrollWidth <= html.clientWidth")


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_a_translator_previews_the_english_translation(pages, new_tab, site_url, viewport):
    tab = new_tab(locale="es-PE", **({"viewport": viewport} if viewport else {}))
    sign_in_to_admin(tab, site_url, TRANSLATOR)

    preview = open_translation_preview(tab, site_url, pages["en"])

    heading = preview.locator("h1")
    assert heading.inner_text() == pages["en_title"]
    assert heading.is_visible()
    assert preview.locator("html").get_attribute("lang") == "en"
    assert pages["es_source_title"] not in preview.locator("main").inner_text()
    if viewport:
        # The translated text fits the phone's width: no sideways scrolling in the content.
        main = preview.locator("main")
        assert main.evaluate("main => main.scrollWidth <= main.clientWidth")
        box = heading.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]


def test_the_translation_editor_s_publish_button_names_the_language_in_spanish(
    pages, new_tab, site_url
):
    """wagtail-localize's own Spanish drops the space ("Publicar enEnglish"); ours keeps it."""
    tab = new_tab(locale="es-PE")
    sign_in_to_admin(tab, site_url, MODERATOR)

    tab.goto(f"{site_url}/admin/pages/{pages['en']}/edit/")

    button = tab.locator("footer button[value=publish]")
    assert button.inner_text().strip() == "Publicar en English"
