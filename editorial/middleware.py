"""Sends admin users to the second sign-in step before any admin page.

After the password (Wagtail's login form, throttled by core.login_throttle), a user who has an
authenticator, or who must have one, is not yet verified for this session: every admin page
redirects to the code form, or to enrolment for a user who must enrol and has not.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor

# The admin pages reachable between the password and the code: signing in and out, resetting
# a password, and the two-factor pages themselves.
OPEN_ADMIN_PATHS = ("login/", "logout/", "password_reset/", "two-factor/", "jsi18n/")


class AdminTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = self.missing_step(request)
        if step is None:
            return self.get_response(request)
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(step)}?{query}")

    def missing_step(self, request):
        if not settings.ADMIN_TWO_FACTOR_ENFORCED:
            return None
        admin_prefix = reverse("wagtailadmin_home")
        if not request.path.startswith(admin_prefix):
            return None
        if request.path[len(admin_prefix) :].startswith(OPEN_ADMIN_PATHS):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if two_factor.has_enrolled(user):
            return "editorial_two_factor_verify"
        if two_factor.is_required_for(user):
            return "editorial_two_factor_enrol"
        return None
