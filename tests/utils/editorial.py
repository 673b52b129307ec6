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


def make_superuser(username="editora", password=STAFF_PASSWORD):
    return get_user_model().objects.create_superuser(
        username, f"{username}@example.invalid", password
    )


def sign_in_to_admin(tab, site_url, username, password=STAFF_PASSWORD):
    """Signs a browser tab in through the admin's login form (two-factor sign-in is off in
    the test settings) and waits for the dashboard."""
    tab.goto(f"{site_url}/admin/login/")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", password)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{site_url}/admin/")
