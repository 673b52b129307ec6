"""Two-factor sign-in through the real forms: the password on Wagtail's (throttled) login form,
then enrolment or a code. Codes are computed here from the key the enrolment page shows, as an
authenticator app would (django_otp.oath.totp), never read from the database."""

import time
from base64 import b32decode
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_otp.oath import totp

from core.groups import COMPLAINT_HANDLERS, EDITORS, MODERATORS
from portal.settings import base as base_settings
from tests.utils import STAFF_PASSWORD, make_staff_user

pytestmark = pytest.mark.django_db

ENROL = "/admin/two-factor/enrol/"
VERIFY = "/admin/two-factor/verify/"


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.ADMIN_TWO_FACTOR_ENFORCED = True


def sign_in_with_password(client, username):
    response = client.post(
        "/admin/login/", {"username": username, "password": STAFF_PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get("/admin/")


def wait_out_the_throttle():
    """django-otp refuses any code for 2^(failures-1) seconds after a wrong one."""
    time.sleep(1.1)


def code(key, steps_ahead=0):
    return f"{totp(key, drift=steps_ahead):06d}"


def enrol(client):
    page = client.get(ENROL)
    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    assert html.select_one(".editorial-qr-code svg") is not None
    key = b32decode(html.select_one("[data-totp-key]").get_text().replace(" ", ""))
    wrong = client.post(ENROL, {"code": f"{(int(code(key)) + 1) % 10**6:06d}", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "not valid" in wrong.content.decode() or "no es válido" in wrong.content.decode()
    wait_out_the_throttle()
    done = client.post(ENROL, {"code": code(key), "next": "/admin/"})
    assert done.status_code == 200
    codes = [
        item.get_text()
        for item in BeautifulSoup(done.content, "html.parser").select("[data-recovery-codes] code")
    ]
    assert len(codes) == 10
    return key, codes


@pytest.mark.parametrize("group", [MODERATORS, COMPLAINT_HANDLERS])
def test_required_roles_enrol_before_any_admin_page_then_sign_in_with_a_code(client, group):
    user = make_staff_user(group)
    response = sign_in_with_password(client, user.username)
    assert response.status_code == 302
    assert response["Location"].startswith(ENROL)
    # Every admin page sends them to enrolment, not only the dashboard.
    assert client.get("/admin/pages/")["Location"].startswith(ENROL)

    key, recovery_codes = enrol(client)
    assert client.get("/admin/").status_code == 200

    # The next session: password, then the code form before anything else.
    client.logout()
    response = sign_in_with_password(client, user.username)
    assert response["Location"].startswith(VERIFY)
    assert client.post(VERIFY, {"code": "000000"}).status_code == 200
    assert client.get("/admin/").status_code == 302
    wait_out_the_throttle()
    response = client.post(VERIFY, {"code": code(key, steps_ahead=1), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200

    # A recovery code works once.
    for attempt_works in (True, False):
        client.logout()
        sign_in_with_password(client, user.username)
        response = client.post(VERIFY, {"code": recovery_codes[0], "next": "/admin/"})
        assert (response.status_code == 302) is attempt_works


def test_superusers_must_enrol_too(client, django_user_model):
    django_user_model.objects.create_superuser("jefa", "jefa@example.invalid", STAFF_PASSWORD)
    assert sign_in_with_password(client, "jefa")["Location"].startswith(ENROL)


def test_editors_may_work_without_enrolling_but_once_enrolled_give_a_code(client):
    user = make_staff_user(EDITORS)
    assert sign_in_with_password(client, user.username).status_code == 200
    enrol(client)
    client.logout()
    assert sign_in_with_password(client, user.username)["Location"].startswith(VERIFY)


def test_the_password_step_is_still_throttled(client):
    user = make_staff_user(MODERATORS)
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": user.username, "password": "wrong"})
    response = client.post("/admin/login/", {"username": user.username, "password": STAFF_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_idle_admin_session_ends(client):
    user = make_staff_user(EDITORS)
    assert sign_in_with_password(client, user.username).status_code == 200
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE <= 60 * 60
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_production_keeps_the_second_step():
    """Only the test settings turn it off (for force_login in other features' tests)."""
    assert base_settings.ADMIN_TWO_FACTOR_ENFORCED is True
    production = Path(settings.BASE_DIR, "portal", "settings", "production.py").read_text()
    assert "ADMIN_TWO_FACTOR_ENFORCED" not in production
