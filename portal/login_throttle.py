"""Slows down password guessing on the admin login.

Failures are counted in the cache (Redis in production, shared by every app server) for a
username and for a client address. Keys are hashed, so the cache never holds an address or a
username in clear, and they expire on their own. Wagtail uses ThrottledLoginForm through the
WAGTAILADMIN_USER_LOGIN_FORM setting.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from .client_address import client_address

# One address may fail more often than one username: several staff can share an office NAT.
ADDRESS_LIMIT_FACTOR = 4


def _cache_key(kind, value):
    digest = hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()
    return f"login-failures:{digest}"


def _keys_and_limits(request, username):
    limit = settings.LOGIN_FAILURE_LIMIT
    return [
        (_cache_key("username", username.strip().lower()), limit),
        (_cache_key("address", client_address(request)), limit * ADDRESS_LIMIT_FACTOR),
    ]


def is_locked_out(request, username):
    return any(cache.get(key, 0) >= limit for key, limit in _keys_and_limits(request, username))


def record_failure(request, username):
    for key, _limit in _keys_and_limits(request, username):
        # add() starts the lockout window on the first failure; incr() never extends it.
        if not cache.add(key, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS)


def clear_failures(username):
    cache.delete(_cache_key("username", username.strip().lower()))


class ThrottledLoginForm(LoginForm):
    def clean(self):
        username = self.cleaned_data.get("username") or ""
        # Checked before the password, so a locked account cannot be probed at all.
        if is_locked_out(self.request, username):
            minutes = max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)
            raise ValidationError(
                _("Too many failed sign-in attempts. Wait %(minutes)d minutes, then try again."),
                code="locked_out",
                params={"minutes": minutes},
            )
        try:
            cleaned_data = super().clean()
        except ValidationError:
            record_failure(self.request, username)
            raise
        clear_failures(username)
        return cleaned_data
