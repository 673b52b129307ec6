"""Accepting a complaint: one transaction saves it (content encrypted), its first status, one
delivery per authority and channel, and the queued tasks that will deliver them. Nothing here
talks to a mail server or a webhook, so a slow or broken receiver cannot slow a reporter down."""

from django.db import transaction

from .choices import ComplaintStatus
from .hashing import new_receipt_code, receipt_hash
from .models.complaint import Complaint, StatusChange
from .models.delivery import Delivery
from .models.routing_rule import authorities_for
from .tasks import deliver_complaint


def accept_complaint(answers, language):
    """Stores a report from the form's cleaned answers; returns its receipt code, which is
    never stored (only its hash is)."""
    code = new_receipt_code()
    complaint = Complaint(
        exploitation_type=answers["exploitation_type"],
        region_id=answers.get("region") or None,
        minors_involved=answers["minors_involved"],
        immediate_danger=answers["immediate_danger"],
        language=language,
        receipt_hash=receipt_hash(code),
    )
    complaint.set_content(answers)
    authorities = authorities_for(
        complaint.exploitation_type, complaint.region_id, complaint.minors_involved
    )
    with transaction.atomic():
        complaint.save()
        StatusChange.objects.create(complaint=complaint, status=ComplaintStatus.RECEIVED)
        deliveries = Delivery.objects.bulk_create(
            Delivery(complaint=complaint, authority=authority, channel=channel)
            for authority in authorities
            for channel in authority.channels()
        )
        # The queue lives in the same database: the tasks commit with the complaint or not at
        # all, and a worker that was down picks them up when it starts.
        for delivery in deliveries:
            deliver_complaint.enqueue(delivery.pk)
    return code
