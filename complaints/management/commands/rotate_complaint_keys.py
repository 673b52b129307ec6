from django.core.management.base import BaseCommand
from django.db import transaction

from complaints.encryption import rotate
from complaints.models.authority import Authority
from complaints.models.complaint import Complaint, StatusChange

BATCH = 500


class Command(BaseCommand):
    help = (
        "Re-encrypts every complaint, note and webhook secret with the newest key of "
        "COMPLAINTS_ENCRYPTION_KEYS (the first). Put the new key first, keep the old ones after "
        "it, run this, then remove the old keys."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check that every item can be decrypted, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        complaints = self._rotate(Complaint, "encrypted_content", dry_run)
        notes = self._rotate(
            StatusChange, "encrypted_note", dry_run, exclude={"encrypted_note": ""}
        )
        secrets = self._rotate(
            Authority, "encrypted_webhook_secret", dry_run, exclude={"encrypted_webhook_secret": ""}
        )
        verb = "can be re-encrypted (--dry-run: nothing changed)" if dry_run else "re-encrypted"
        self.stdout.write(
            f"{complaints} complaints, {notes} notes and {secrets} webhook secrets {verb}."
        )

    def _rotate(self, model, field, dry_run, exclude=None):
        count = 0
        with transaction.atomic():
            rows = model.objects.exclude(**(exclude or {})).only("pk", field).order_by("pk")
            for row in rows.iterator(chunk_size=BATCH):
                # Decrypting with any key and encrypting with the first: fails loudly, and
                # rolls everything back, if an item was encrypted with a key no longer listed.
                setattr(row, field, rotate(getattr(row, field)))
                if not dry_run:
                    row.save(update_fields=[field])
                count += 1
        return count
