from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from campaigns.initial_content import load_campaigns
from portal.initial_content.loader import ContentLoader, read_data
from portal.initial_content.plan import load_concepts, load_institutions, load_plan
from portal.initial_content.site import (
    load_featured_links,
    load_home,
    load_site_settings,
    load_standard_pages,
)
from portal.initial_content.translations import InvalidInitialData


class Command(BaseCommand):
    help = (
        "Loads the initial content in Spanish and English from portal/initial_data/: home, "
        "safety and privacy pages, site settings, the national plan 2017-2021 with its "
        "objectives, indicators and institutions, and the concept explainers. Safe to rerun: "
        "what exists is left as it is."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                created = self.load()
        except InvalidInitialData as error:
            raise CommandError(f"Nothing was loaded: {error}") from error

        if created:
            for item in created:
                self.stdout.write(f"  created {item}")
            self.stdout.write(self.style.SUCCESS(f"Initial content: {len(created)} items created."))
        else:
            self.stdout.write("Initial content already loaded: nothing to do.")

    def load(self):
        loader = ContentLoader()
        site_data = read_data("site.yaml")
        plan_data = read_data("plan_2017_2021.yaml")

        # Spanish first, as editors work (in menu order: the plan, concepts, safety)...
        home = load_home(loader, site_data)
        institutions = load_institutions(loader, plan_data)
        load_plan(loader, plan_data, home, institutions)
        load_concepts(loader, plan_data, home)
        load_campaigns(loader, home)
        load_standard_pages(loader, site_data, home)
        load_featured_links(loader, site_data, home)
        load_site_settings(loader, site_data, home)

        # ...then English through wagtail-localize: snippets before the pages that use them.
        for institution in institutions.values():
            loader.translate_snippet(institution)
        loader.translate_pages()
        return loader.created
