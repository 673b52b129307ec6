from django.core.management.base import BaseCommand, CommandError

from services_directory.statistics import refresh_statistics
from services_directory.synthetic import delete_synthetic_services, synthetic_services


class Command(BaseCommand):
    help = (
        "Creates N synthetic services across all 25 regions for load tests and benchmarks. "
        "They are marked synthetic (and say so in their names); `make run` never loads them. "
        "--delete removes every synthetic service."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--delete", action="store_true", help="remove synthetic services")
        parser.add_argument("--dry-run", action="store_true", help="say what would be done")

    def handle(self, *args, **options):
        if options["delete"]:
            if options["dry_run"]:
                self.stdout.write("Dry run: synthetic services would be deleted.")
                return
            self.stdout.write(f"Deleted {delete_synthetic_services()} synthetic services.")
            return
        if not 1 <= options["count"] <= 1_000_000:
            raise CommandError("--count must be between 1 and 1000000.")
        if options["dry_run"]:
            self.stdout.write(f"Dry run: {options['count']} synthetic services would be created.")
            return
        created = synthetic_services(options["count"])
        refresh_statistics()
        self.stdout.write(self.style.SUCCESS(f"Created {created} synthetic services."))
