"""Slows down password guessing on the admin login.

Failures are counted in the cache (Redis in production, shared by every app server) for a
username and for a client address. Keys are hashed, so the cache never holds an address or a
username in clear, and they expire on their own. Wagtail uses ThrottledLoginForm through the
WAGTAILADMIN_USER_LOGIN_FORM setting.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from .client_address import client_address
from .rate_limit import RateLimit

# One address may fail more often than one username: several staff can share an office NAT.
ADDRESS_LIMIT_FACTOR = 4


def _limits():
    limit, seconds = settings.LOGIN_FAILURE_LIMIT, settings.LOGIN_LOCKOUT_SECONDS
    return (
        RateLimit("login-failures:username", limit, seconds),
        RateLimit("login-failures:address", limit * ADDRESS_LIMIT_FACTOR, seconds),
    )


def _values(request, username):
    return (username.strip().lower(), client_address(request))


def is_locked_out(request, username):
    return any(
        rate_limit.is_exceeded(value)
        for rate_limit, value in zip(_limits(), _values(request, username), strict=True)
    )


def record_failure(request, username):
    for rate_limit, value in zip(_limits(), _values(request, username), strict=True):
        rate_limit.hit(value)


def clear_failures(username):
    username_limit, _address_limit = _limits()
    username_limit.clear(username.strip().lower())


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
