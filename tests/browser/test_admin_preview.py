"""The admin's preview panel shows the page being edited: the preview may be framed by the
admin's own origin, and by no other."""

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
    yield privacy.id
    with django_db_blocker.unblock():
        user.delete()


def test_the_preview_panel_renders_the_page(editor_account, page, site_url):
    page.goto(f"{site_url}/admin/login/")
    page.fill("input[name=username]", USERNAME)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site_url}/admin/")

    page.goto(f"{site_url}/admin/pages/{editor_account}/edit/")
    page.click("[data-side-panel-toggle='preview']")
    frame = page.frame_locator("#w-preview-iframe")

    heading = frame.locator("h1")
    heading.wait_for()
    assert heading.inner_text() == "Privacidad"
