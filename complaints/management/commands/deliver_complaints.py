from django.core.management.base import BaseCommand

from complaints.choices import DeliveryStatus
from complaints.delivery import due_deliveries
from complaints.tasks import deliver_now


class Command(BaseCommand):
    help = (
        "Makes one pass over the complaint deliveries that are due, sending each once; a failed "
        "one is retried later by the worker (manage.py db_worker --backend complaints). "
        "The worker does this continuously; this command is for a pass by hand."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what is due without sending anything."
        )

    def handle(self, *args, dry_run=False, **options):
        due = list(due_deliveries())
        if dry_run:
            for delivery in due:
                self.stdout.write(f"  due: {delivery}")
            self.stdout.write(f"{len(due)} deliveries due; nothing sent (--dry-run).")
            return
        outcomes = dict.fromkeys(DeliveryStatus.values, 0)
        for delivery in due:
            status = deliver_now(delivery)
            if status is not None:
                outcomes[status] += 1
        self.stdout.write(
            f"{len(due)} deliveries due: {outcomes['sent']} sent, {outcomes['pending']} to "
            f"retry later, {outcomes['failed']} failed for good (flagged for the handlers)."
        )
