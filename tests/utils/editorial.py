"""Admin users of the editorial groups."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

STAFF_PASSWORD = "contraseña-de-prueba-larga"


def make_staff_user(*group_names, username=None, email=None):
    username = username or "-".join(name.lower().replace(" ", "-") for name in group_names)
    user = get_user_model().objects.create_user(
        username, email or f"{username}@example.invalid", STAFF_PASSWORD
    )
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user
