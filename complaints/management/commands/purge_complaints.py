from django.conf import settings
from django.core.management.base import BaseCommand

from complaints.retention import purge, purgeable


class Command(BaseCommand):
    help = (
        "Deletes complaints older than COMPLAINTS_RETENTION_DAYS whose deliveries were all sent, "
        "with their content, history and deliveries; their number per month, type and region "
        "is kept. Run it daily (docs/deployment.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would go, delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.COMPLAINTS_RETENTION_DAYS
        if dry_run:
            count = purgeable().count()
            self.stdout.write(f"{count} complaints older than {days} days would be deleted.")
            return
        count = purge()
        self.stdout.write(f"{count} complaints older than {days} days deleted; counts kept.")
