"""Admin users of the editorial groups, and the second sign-in step done the way django-otp
records it (a confirmed device whose id is kept in the session)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

STAFF_PASSWORD = "contraseña-de-prueba-larga"  # noqa: S105


def make_staff_user(*group_names, username=None, email=None):
    username = username or "-".join(name.lower().replace(" ", "-") for name in group_names)
    user = get_user_model().objects.create_user(
        username, email or f"{username}@example.invalid", STAFF_PASSWORD
    )
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def sign_in_with_second_factor(client, user):
    """force_login, then mark the session verified by a confirmed authenticator."""
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
