from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from portal.settings.environment import env_int


class Command(BaseCommand):
    help = (
        "Development only: gives the default site the host and port `make run` serves on "
        "(127.0.0.1 and PORT), so the sitemap and the API link to the running server."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=env_int("PORT", 8000))

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_site runs only with the development settings.")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("No default site: run load_initial_data first.")
        site.hostname = "127.0.0.1"
        site.port = options["port"]
        site.save()
        self.stdout.write(f"The development site is http://127.0.0.1:{site.port}/")
