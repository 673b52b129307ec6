"""The background task that delivers one Delivery, run by the database queue's worker
(`manage.py db_worker --backend complaints`). A failed attempt queues the next one, after an
exponentially growing wait, until the delivery is sent or flagged for the handlers."""

from django_tasks import task

from .choices import DeliveryStatus
from .delivery import attempt_delivery
from .models.delivery import Delivery


def deliver_now(delivery):
    """One attempt; if it failed and may be retried, the retry is queued for when it is due."""
    status = attempt_delivery(delivery)
    if status == DeliveryStatus.PENDING:
        deliver_complaint.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    return status


@task(backend="complaints", queue_name="complaints")
def deliver_complaint(delivery_id):
    delivery = Delivery.objects.select_related("authority", "complaint").filter(pk=delivery_id)
    delivery = delivery.first()
    # Gone (purged), or already sent, flagged, or rescheduled by another attempt: nothing to do.
    if delivery is not None:
        deliver_now(delivery)
