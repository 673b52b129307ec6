from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import ComplaintStatus, DeliveryStatus, ExploitationType, MinorsInvolved
from ..encryption import decrypt_json, encrypt_json

# What a reporter writes in their own words: encrypted together, never stored in clear.
CONTENT_FIELDS = (
    "place",
    "when",
    "description",
    "contact_name",
    "contact_phone",
    "contact_email",
)


class Complaint(models.Model):
    """One report. Only the answers needed to route and count it are in clear; the reporter's
    words and contact details are one encrypted document. Nothing identifies the sender: no
    address, user agent, cookie or session is kept."""

    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    exploitation_type = models.CharField(
        _("type of exploitation"), max_length=40, choices=ExploitationType.choices
    )
    region = models.ForeignKey(
        "services_directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    minors_involved = models.CharField(
        _("minors involved"), max_length=10, choices=MinorsInvolved.choices
    )
    immediate_danger = models.BooleanField(_("immediate danger"), default=False)
    language = models.CharField(_("language of the form"), max_length=8)
    encrypted_content = models.TextField(editable=False)
    # scrypt of the 16-digit receipt code; the code itself is shown once and never stored.
    receipt_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ComplaintStatus.choices,
        default=ComplaintStatus.RECEIVED,
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")

    def __str__(self):
        # Shown in the audit log and the admin: a number, never content.
        return _("Complaint #%(number)s") % {"number": self.pk}

    def set_content(self, content):
        self.encrypted_content = encrypt_json(
            {name: content.get(name, "") for name in CONTENT_FIELDS}
        )

    def read_content(self):
        return decrypt_json(self.encrypted_content)

    def forwarded_to(self):
        """Short names of the authorities that have received the report."""
        names = {
            delivery.authority.short_name
            for delivery in self.deliveries.all()
            if delivery.status == DeliveryStatus.SENT
        }
        return sorted(names)


class StatusChange(models.Model):
    """A step in a complaint's history: its status, when, who, and an encrypted note."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=ComplaintStatus.choices)
    encrypted_note = models.TextField(blank=True, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.complaint}: {self.get_status_display()}"

    def set_note(self, note):
        self.encrypted_note = encrypt_json(note) if note else ""

    def read_note(self):
        return decrypt_json(self.encrypted_note) if self.encrypted_note else ""
