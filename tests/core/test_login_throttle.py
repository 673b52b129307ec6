"""The admin login locks a username after repeated failures, even for the right password."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from tests.utils import STAFF_PASSWORD, make_superuser


@pytest.fixture
def editor(db):
    return make_superuser("editora")


def sign_in(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def is_locked_out(response):
    form = response.context and response.context.get("form")
    return bool(form) and form.has_error("__all__", code="locked_out")


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_locks_the_username_after_repeated_failures(client, editor):
    for _ in range(3):
        response = sign_in(client, "editora", "wrong")
        assert response.status_code == 200
        assert not is_locked_out(response)

    response = sign_in(client, "editora", STAFF_PASSWORD)

    assert is_locked_out(response)
    assert "Demasiados intentos fallidos" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_the_lock_is_per_username_and_a_success_clears_it(client, editor):
    make_superuser("otra")
    sign_in(client, "editora", "wrong")
    sign_in(client, "editora", "wrong")

    assert sign_in(client, "otra", STAFF_PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, "editora", STAFF_PASSWORD).status_code == 302
    client.logout()
    # The earlier failures no longer count.
    sign_in(client, "editora", "wrong")
    sign_in(client, "editora", "wrong")
    assert sign_in(client, "editora", STAFF_PASSWORD).status_code == 302


@override_settings(LOGIN_FAILURE_LIMIT=2)
def test_one_address_trying_many_usernames_is_locked_too(client, editor):
    # The per-address limit is four times the per-username one.
    for attempt in range(8):
        sign_in(client, f"nadie{attempt}", "wrong")

    assert is_locked_out(sign_in(client, "editora", STAFF_PASSWORD))


def test_the_cache_never_holds_a_username_in_clear(client, editor):
    sign_in(client, "editora", "wrong")
    keys = list(cache._cache.keys())  # LocMemCache, as configured for tests
    assert keys and not any("editora" in key for key in keys)
