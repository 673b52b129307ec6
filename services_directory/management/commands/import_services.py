from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from services_directory.csv_import import COLUMNS, read_csv, save_records


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
        parser.add_argument("file", help="CSV file, UTF-8, with a header row")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and report, save nothing"
        )

    def handle(self, *args, **options):
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
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(records)} rows: {created} created, {updated} updated."
            )
        )
