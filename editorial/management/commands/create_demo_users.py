import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from core.groups import ALL_GROUPS


def demo_username(group_name):
    """Plain letters, easy to type: Gestión de denuncias → demo-gestion-de-denuncias."""
    return "demo-" + slugify(group_name)


class Command(BaseCommand):
    help = (
        "Development only: creates one user per editorial group (demo-editores, "
        "demo-moderadores, ...) so a newcomer can try each role. Takes the password from "
        "DEMO_USERS_PASSWORD or prints a generated one once per user. Existing demo users are "
        "left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say which users would be created."
        )

    def handle(self, *args, dry_run=False, **options):
        if not settings.DEBUG:
            raise CommandError("create_demo_users runs only with the development settings.")
        User = get_user_model()
        shared_password = os.environ.get("DEMO_USERS_PASSWORD")
        for group_name in ALL_GROUPS:
            username = demo_username(group_name)
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"{username}: exists, left as it is.")
                continue
            if dry_run:
                self.stdout.write(f"{username}: would be created in “{group_name}”.")
                continue
            password = shared_password or secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username, email=f"{username}@example.invalid", password=password
            )
            user.groups.add(Group.objects.get(name=group_name))
            shown = "(DEMO_USERS_PASSWORD)" if shared_password else password
            self.stdout.write(f"{username}: created in “{group_name}”, password {shown}")
        if not shared_password and not dry_run:
            self.stdout.write("Generated passwords are shown only this once.")
