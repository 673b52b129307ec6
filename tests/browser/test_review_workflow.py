"""In a real browser: an Editor submits a page to "Revisión" (and has no publish button), a
Moderator approves it from the editor's footer, and the page goes live."""

import pytest
from wagtail.models import Page

from core.groups import EDITORS, MODERATORS
from home.models import StandardPage
from tests.utils import make_staff_user, sign_in_to_admin, spanish_home

pytestmark = pytest.mark.browser

TITLE = "Página que pasa por revisión"
SLUG = "pagina-que-pasa-por-revision"


@pytest.fixture(scope="module")
def draft(live_site, django_db_blocker):
    """Committed accounts and a draft page the server thread can see, removed after."""
    with django_db_blocker.unblock():
        editor = make_staff_user(EDITORS, username="editora-navegador")
        moderator = make_staff_user(MODERATORS, username="moderadora-navegador")
        page = StandardPage(title=TITLE, slug=SLUG, live=False)
        page.description = "Descripción de prueba."
        page.body = [{"type": "paragraph", "value": "<p>Texto revisado.</p>"}]
        spanish_home().add_child(instance=page)
        page.save_revision(user=editor)
    yield page.pk
    with django_db_blocker.unblock():
        Page.objects.filter(pk=page.pk).delete()
        editor.delete()
        moderator.delete()


def open_footer_menu(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_an_editor_submits_a_moderator_approves_and_the_page_is_live(
    draft, new_tab, page, site_url
):
    assert page.request.get(f"{site_url}/es/{SLUG}/").status == 404

    sign_in_to_admin(page, site_url, "editora-navegador")
    page.goto(f"{site_url}/admin/pages/{draft}/edit/")
    assert page.locator("button[name='action-publish']").count() == 0
    open_footer_menu(page)
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()

    tab = new_tab()
    sign_in_to_admin(tab, site_url, "moderadora-navegador")
    tab.goto(f"{site_url}/admin/pages/{draft}/edit/")
    open_footer_menu(tab)
    with tab.expect_navigation():
        tab.locator(
            "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
        ).click()

    for _attempt in range(20):
        response = page.request.get(f"{site_url}/es/{SLUG}/")
        if response.status == 200:
            break
        page.wait_for_timeout(250)
    assert response.status == 200
    assert TITLE in response.text()
