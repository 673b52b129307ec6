from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from services_directory.csv_import import COLUMNS, read_csv, save_records
from services_directory.statistics import refresh_statistics
from services_directory.tabular import InvalidPackage, import_package


class DryRunRollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Imports services from a CSV file with the columns "
        + ", ".join(COLUMNS)
        + ". All or nothing: a file with any error saves nothing and the report lists each "
        "problem by row and column. Rerunning the same file updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="CSV file, UTF-8, with a header row")
        parser.add_argument(
            "--hsds",
            metavar="DIR",
            help="import an HSDS 3 Tabular Data Package (as export_services writes) instead",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and report, save nothing"
        )

    def handle(self, *args, **options):
        if options["hsds"]:
            return self.import_hsds(options["hsds"], options["dry_run"])
        if not options["file"]:
            raise CommandError("Give a CSV file, or --hsds DIR.")
        try:
            with open(options["file"], encoding="utf-8-sig", newline="") as text_file:
                records, problems = read_csv(text_file)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error

        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(problems)} problem(s) found in {options['file']}: nothing was imported."
            )

        try:
            with transaction.atomic():
                created, updated = save_records(records)
                if options["dry_run"]:
                    raise DryRunRollback
        except DryRunRollback:
            self.stdout.write(
                f"Dry run: {len(records)} rows are valid; {created} services would be created "
                f"and {updated} updated. Nothing was saved."
            )
            return
        refresh_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(records)} rows: {created} created, {updated} updated."
            )
        )

    def import_hsds(self, directory, dry_run):
        try:
            with transaction.atomic():
                count = import_package(directory)
                if dry_run:
                    raise DryRunRollback
        except InvalidPackage as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        except DryRunRollback:
            self.stdout.write(f"Dry run: {count} services are valid. Nothing was saved.")
            return
        refresh_statistics()
        self.stdout.write(self.style.SUCCESS(f"Imported {count} services from {directory}."))
