from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from campaigns import initial_content as campaigns_content
from complaints import initial_content as complaints_content
from concepts import initial_content as concepts_content
from core.initial_content.loader import ContentLoader
from core.initial_content.translations import InvalidInitialData
from editorial import roles as editorial_roles
from home import initial_content as home_content
from plan import initial_content as plan_content
from services_directory import initial_content as directory_content

# Each app's initial content, in dependency order. Spanish pages come in menu order (the plan,
# concepts, campaigns, the safety and privacy pages, the complaint form); the featured links and
# the site settings point at pages of every app, so they come last.
STEPS = [
    home_content.load_home,
    plan_content.load,
    concepts_content.load,
    directory_content.load,
    campaigns_content.load,
    home_content.load_standard_pages,
    complaints_content.load,
    home_content.load_featured_links,
    home_content.load_site_settings,
]


class Command(BaseCommand):
    help = (
        "Loads each app's initial content in Spanish and English (from <app>/initial_data/): "
        "home, safety and privacy pages, site settings, the national plan 2017-2021 with its "
        "objectives, indicators and institutions, the concept explainers, the campaigns section "
        "with an example campaign, and the complaint form with its first routing rules. "
        "Safe to rerun: "
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
        # Spanish first, as editors work...
        for step in STEPS:
            step(loader)
        # ...then English through wagtail-localize: snippets before the pages that use them.
        loader.translate_all()
        # Then the roles that are granted on pages: the English tree, the campaign sections.
        editorial_roles.grant_section_permissions(loader)
        return loader.created
