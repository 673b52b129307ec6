"""Every way to sign in shares the admin login's throttle: a username locked on /admin/login/
cannot be tried anywhere else, because no other login route exists."""

import pytest
from django.test import override_settings

from tests.utils import STAFF_PASSWORD, make_superuser


@pytest.fixture
def editor(db):
    return make_superuser("editora")


def _login_routes():
    """Every URL whose view is a Django or Wagtail login view, found from the URL resolver."""
    from django.contrib.auth.views import LoginView
    from django.urls import get_resolver

    found = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
                continue
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class and issubclass(view_class, LoginView):
                found.append((prefix + str(pattern.pattern), view_class))

    walk(get_resolver().url_patterns)
    return found


def test_the_only_login_view_is_the_throttled_admin_one():
    from wagtail.admin.views.account import LoginView as WagtailAdminLoginView

    routes = _login_routes()
    assert routes, "the admin login should be found"
    assert all(issubclass(view, WagtailAdminLoginView) for _, view in routes), routes


@pytest.mark.parametrize("path", ["/es/_util/login/", "/en/_util/login/"])
@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_a_locked_user_cannot_sign_in_on_the_front_end_path(client, editor, path):
    for _ in range(3):
        client.post("/admin/login/", {"username": "editora", "password": "wrong"})

    response = client.post(path, {"username": "editora", "password": STAFF_PASSWORD})

    assert response.status_code == 404
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_pages_restricted_to_signed_in_users_send_visitors_to_the_throttled_login(client):
    from wagtail.models import PageViewRestriction

    from tests.utils import make_standard_page

    page = make_standard_page(title="Solo personal", slug="solo-personal")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/es/solo-personal/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_editors_cannot_protect_a_page_with_a_shared_password(settings):
    from wagtail.admin.forms.pages import PageViewRestrictionForm

    form = PageViewRestrictionForm(private_page_options=["password", "login", "groups"])
    choices = [value for value, _label in form.fields["restriction_type"].choices]
    assert "password" not in choices
