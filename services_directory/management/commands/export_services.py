from django.core.management.base import BaseCommand

from services_directory.tabular import export_package


class Command(BaseCommand):
    help = (
        "Writes the public directory as an HSDS 3 Tabular Data Package (one CSV file per table "
        "and datapackage.json) into DIR. Confidential addresses are never written."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, **options):
        count = export_package(options["directory"])
        self.stdout.write(
            self.style.SUCCESS(f"Exported {count} services to {options['directory']}.")
        )
