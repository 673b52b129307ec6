"""Retention: complaints older than COMPLAINTS_RETENTION_DAYS, once every delivery of theirs is
sent, are deleted with their content, history and deliveries. What remains is how many there
were per month, type and region (ComplaintCount), which the plan's indicators can cite."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .choices import DeliveryStatus
from .models.complaint import Complaint
from .models.count import ComplaintCount
from .models.delivery import Delivery


def purgeable(now=None):
    cutoff = (now or timezone.now()) - timedelta(days=settings.COMPLAINTS_RETENTION_DAYS)
    undelivered = Delivery.objects.filter(complaint=OuterRef("pk")).exclude(
        status=DeliveryStatus.SENT
    )
    return Complaint.objects.filter(created_at__lt=cutoff).exclude(Exists(undelivered))


def purge(now=None):
    """Deletes what is due and adds it to the monthly counts, in one transaction. Returns how
    many complaints were deleted."""
    with transaction.atomic():
        complaints = purgeable(now)
        groups = (
            complaints.annotate(month=TruncMonth("created_at"))
            .values("month", "exploitation_type", "region")
            .annotate(number=Count("pk"))
            .order_by()
        )
        for group in groups:
            month = group["month"]
            month = month.date() if hasattr(month, "date") else month
            key = {
                "month": month,
                "exploitation_type": group["exploitation_type"],
                "region_id": group["region"],
            }
            updated = ComplaintCount.objects.filter(**key).update(
                count=F("count") + group["number"]
            )
            if not updated:
                ComplaintCount.objects.create(**key, count=group["number"])
        deleted = complaints.count()
        complaints.delete()
    return deleted


def monthly_counts():
    """Complaints per month, type and region: the purged ones and those still kept, together."""
    totals = {}
    for row in ComplaintCount.objects.values("month", "exploitation_type", "region", "count"):
        key = (row["month"], row["exploitation_type"], row["region"])
        totals[key] = totals.get(key, 0) + row["count"]
    kept = (
        Complaint.objects.annotate(month=TruncMonth("created_at"))
        .values("month", "exploitation_type", "region")
        .annotate(number=Count("pk"))
        .order_by()
    )
    for row in kept:
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        key = (month, row["exploitation_type"], row["region"])
        totals[key] = totals.get(key, 0) + row["number"]
    return totals
