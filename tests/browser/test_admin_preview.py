"""The admin's preview panel shows the page being edited, also on a phone-wide screen; the
preview may be framed by the admin's own origin, and by no other."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

pytestmark = pytest.mark.browser

USERNAME = "vista-previa"
PASSWORD = "a-long-enough-password-for-preview"


@pytest.fixture(scope="module")
def editor_account(live_site, django_db_blocker):
    """A committed superuser the server thread can see, removed after the module."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(USERNAME, "vp@example.invalid", PASSWORD)
        privacy = Page.objects.get(slug="privacidad")
    yield {"es": privacy.id}
    with django_db_blocker.unblock():
        user.delete()


def sign_in(page, site_url):
    page.goto(f"{site_url}/admin/login/")
    page.fill("input[name=username]", USERNAME)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site_url}/admin/")


def open_preview(page, site_url, page_id):
    page.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    page.click("[data-side-panel-toggle='preview']")
    heading = page.frame_locator("#w-preview-iframe").locator("h1")
    heading.wait_for()
    return heading


def test_the_preview_panel_renders_the_page(editor_account, page, site_url):
    sign_in(page, site_url)

    heading = open_preview(page, site_url, editor_account["es"])

    assert heading.inner_text() == "Privacidad"


def test_the_preview_works_on_a_phone_wide_screen(editor_account, page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in(page, site_url)

    heading = open_preview(page, site_url, editor_account["es"])

    assert heading.inner_text() == "Privacidad"
    assert heading.is_visible()
    preview = page.frame_locator("#w-preview-iframe").locator("html")
    # The previewed page fits its frame: no sideways scrolling on a phone.
    assert preview.evaluate("html => html.scrollWidth <= html.clientWidth")
