import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import Channel, DeliveryStatus
from .authority import Authority
from .complaint import Complaint


class Delivery(models.Model):
    """The outbox: one row per complaint, authority and channel, saved in the same transaction
    as the complaint, and worked until sent or flagged as failed. `key` is the stable id the
    receiver sees (email Message-ID, webhook Idempotency-Key) on every attempt."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="deliveries")
    authority = models.ForeignKey(
        Authority, verbose_name=_("authority"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("state"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # A worker holds a delivery while it sends, so two workers never send it at once.
    locked_until = models.DateTimeField(null=True, blank=True)
    # The kind of failure only (exception class, HTTP status): never content or addresses.
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["complaint", "authority", "channel"], name="one_delivery_per_channel"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.complaint} → {self.authority.short_name} ({self.get_channel_display()})"
