"""Two-factor sign-in to the admin, on django-otp: who must use it, and the devices a user has.

A user has at most one authenticator app (a confirmed TOTP device) and one sheet of single-use
recovery codes (a static device). Superusers, Moderadores and Gestión de denuncias must enrol
before they reach any admin page; anyone else may enrol, and then must give a code too.
"""

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.groups import COMPLAINT_HANDLERS, MODERATORS

REQUIRED_FOR_GROUPS = (MODERATORS, COMPLAINT_HANDLERS)
RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_CODES_NAME = "recovery codes"


def is_required_for(user):
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_FOR_GROUPS).exists()


def confirmed_authenticator(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def has_enrolled(user):
    return confirmed_authenticator(user) is not None


def pending_authenticator(user):
    """The unconfirmed device of an enrolment under way, kept until its first code arrives so
    that reloading the enrolment page shows the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def new_recovery_codes(user):
    """Replaces any earlier codes: each new sheet makes the previous one useless."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_CODES_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_CODES_NAME).count()
