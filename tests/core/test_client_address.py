"""The client address comes from what the trusted proxy saw, never from what the client wrote."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from core.client_address import client_address

PASSWORD = "a-long-enough-password"


@pytest.mark.parametrize(
    ("forwarded_for", "proxies", "expected"),
    [
        ("203.0.113.7", 1, "203.0.113.7"),
        # The client wrote the first two entries; the one proxy appended the last.
        ("10.0.0.1, 127.0.0.1, 203.0.113.7", 1, "203.0.113.7"),
        # Two proxies: the outer one appended the client, the inner one the outer proxy.
        ("10.0.0.1, 203.0.113.7, 198.51.100.2", 2, "203.0.113.7"),
        # Fewer entries than proxies: the header was not written by our proxies.
        ("203.0.113.7", 2, ""),
        ("", 1, ""),
    ],
)
def test_takes_the_entry_the_trusted_proxy_appended(forwarded_for, proxies, expected):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded_for)
    with override_settings(
        LOGIN_THROTTLE_ADDRESS_HEADER="HTTP_X_FORWARDED_FOR", TRUSTED_PROXY_COUNT=proxies
    ):
        assert client_address(request) == expected


def test_without_a_proxy_header_the_connection_address_is_used():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.4", HTTP_X_FORWARDED_FOR="10.0.0.9")
    with override_settings(LOGIN_THROTTLE_ADDRESS_HEADER="REMOTE_ADDR"):
        assert client_address(request) == "192.0.2.4"


@override_settings(
    LOGIN_FAILURE_LIMIT=2,
    LOGIN_THROTTLE_ADDRESS_HEADER="HTTP_X_FORWARDED_FOR",
    TRUSTED_PROXY_COUNT=1,
)
def test_forged_forwarded_for_entries_do_not_escape_the_address_lock(client, db):
    cache.clear()
    get_user_model().objects.create_superuser("editora", "editora@example.org", PASSWORD)
    # Per-address limit is four times the per-username one: 8 failures, each with a new
    # forged first entry and a new username, all through the same proxy-appended address.
    for attempt in range(8):
        client.post(
            "/admin/login/",
            {"username": f"nadie{attempt}", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}, 127.0.0.1, 203.0.113.7",
        )

    response = client.post(
        "/admin/login/",
        {"username": "editora", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7",
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", code="locked_out")
    assert "_auth_user_id" not in client.session
    cache.clear()
