from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.initial_content.loader import ContentLoader, read_data
from portal.initial_content.site import (
    load_featured_links,
    load_home,
    load_site_settings,
    load_standard_pages,
)
from portal.initial_content.translations import MissingTranslation


class Command(BaseCommand):
    help = (
        "Loads the initial content (home, safety and privacy pages, site settings) in Spanish "
        "and English from portal/initial_data/. Safe to rerun: what exists is left as it is."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                created = self.load()
        except MissingTranslation as error:
            raise CommandError(f"Nothing was loaded: {error}") from error

        if created:
            for item in created:
                self.stdout.write(f"  created {item}")
            self.stdout.write(self.style.SUCCESS(f"Initial content: {len(created)} items created."))
        else:
            self.stdout.write("Initial content already loaded: nothing to do.")

    def load(self):
        loader = ContentLoader(log=self.stdout)
        site_data = read_data("site.yaml")

        home = load_home(loader, site_data)
        load_standard_pages(loader, site_data, home)
        load_featured_links(loader, site_data, home)
        load_site_settings(loader, site_data, home)
        loader.translate_pages()
        return loader.created
