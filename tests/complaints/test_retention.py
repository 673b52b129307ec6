"""Retention: old, delivered complaints go; their counts by month, type and region stay."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from complaints.choices import DeliveryStatus
from complaints.models import Complaint, ComplaintCount, Delivery, StatusChange
from complaints.retention import monthly_counts

from .helpers import submit

pytestmark = pytest.mark.django_db


def age(complaint, days):
    Complaint.objects.filter(pk=complaint.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )


def deliver_all(complaint):
    Delivery.objects.filter(complaint=complaint).update(status=DeliveryStatus.SENT)


def test_purge_deletes_old_delivered_complaints_and_keeps_their_counts(client, settings):
    settings.COMPLAINTS_RETENTION_DAYS = 365
    for kind in ["labour_exploitation", "labour_exploitation", "debt_bondage", "other"]:
        submit(client, "es", exploitation_type=kind)
    old_delivered, old_delivered_too, old_pending, recent = Complaint.objects.order_by("pk")
    for complaint in (old_delivered, old_delivered_too, old_pending):
        age(complaint, 400)
    for complaint in (old_delivered, old_delivered_too, recent):
        deliver_all(complaint)
    before = monthly_counts()

    output = StringIO()
    call_command("purge_complaints", "--dry-run", stdout=output)
    assert "2 complaints" in output.getvalue()
    assert Complaint.objects.count() == 4

    call_command("purge_complaints", stdout=StringIO())
    assert set(Complaint.objects.values_list("pk", flat=True)) == {old_pending.pk, recent.pk}
    assert not StatusChange.objects.filter(complaint_id=old_delivered.pk).exists()
    assert not Delivery.objects.filter(complaint_id=old_delivered.pk).exists()
    count = ComplaintCount.objects.get()
    assert (count.exploitation_type, count.region_id, count.count) == (
        "labour_exploitation",
        "16",
        2,
    )
    month = timezone.localtime(timezone.now() - timedelta(days=400)).date().replace(day=1)
    assert count.month == month
    # The totals per month, type and region are the same as before the purge.
    assert monthly_counts() == before


def test_a_second_purge_adds_to_the_existing_count(client, settings):
    settings.COMPLAINTS_RETENTION_DAYS = 30
    for _ in range(2):
        submit(client, "es", exploitation_type="other")
        complaint = Complaint.objects.latest("pk")
        Complaint.objects.filter(pk=complaint.pk).update(
            created_at=timezone.make_aware(datetime(2025, 3, 10, 12))
        )
        deliver_all(complaint)
        call_command("purge_complaints", stdout=StringIO())
    assert ComplaintCount.objects.get().count == 2
    assert not Complaint.objects.exists()
