import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Development only: makes sure a superuser exists to sign in at /admin/. Takes "
        "DEV_SUPERUSER_USERNAME and DEV_SUPERUSER_PASSWORD from the environment, or prints a "
        "generated password once."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_superuser runs only with the development settings.")

        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser already exists.")
            return

        username = os.environ.get("DEV_SUPERUSER_USERNAME", "admin")
        password = os.environ.get("DEV_SUPERUSER_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)

        self.stdout.write(self.style.SUCCESS(f"Created the development superuser “{username}”."))
        if generated:
            self.stdout.write(
                f"Its password is {password}\n"
                "It is shown only this once. Set DEV_SUPERUSER_PASSWORD to choose your own."
            )
