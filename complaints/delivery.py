"""Sending one delivery to its authority, by email or webhook, and recording the outcome.

Every attempt at a delivery sends the same message with the same stable id (the email's
Message-ID, the webhook's Idempotency-Key), so a receiver that deduplicates by it never gets a
report twice, even when an attempt timed out after the receiver had accepted it.
"""

import hashlib
import hmac
import json
import logging
import urllib.request
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .choices import Channel, ComplaintStatus, DeliveryStatus
from .models.complaint import Complaint, StatusChange
from .models.delivery import Delivery
from .webhook_policy import webhook_url_allowed

logger = logging.getLogger(__name__)

STATE_FIELDS = ["status", "attempts", "next_attempt_at", "locked_until", "last_error", "sent_at"]
# Longer than any attempt can take (webhook and SMTP time out well before).
LEASE = timedelta(minutes=5)


def attempt_delivery(delivery, now=None):
    """Sends `delivery` once if it is due and no other worker holds it. Returns its status
    afterwards, or None when it was not this call's to send."""
    now = now or timezone.now()
    claimed = (
        Delivery.objects.filter(
            pk=delivery.pk, status=DeliveryStatus.PENDING, next_attempt_at__lte=now
        )
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lte=now))
        .update(locked_until=now + LEASE)
    )
    if not claimed:
        return None
    # Its state again, now that this call holds it; the authority and complaint the caller
    # loaded with it stay (refreshing every field would query both again).
    delivery.refresh_from_db(fields=STATE_FIELDS)
    try:
        send(delivery)
    except Exception as error:
        _record_failure(delivery, error)
    else:
        _record_success(delivery)
    return delivery.status


def due_deliveries(now=None):
    return Delivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lte=now or timezone.now()
    ).select_related("authority", "complaint")


def send(delivery):
    if delivery.channel == Channel.EMAIL:
        send_email(delivery)
    else:
        send_webhook(delivery)


def payload(delivery):
    """What an authority receives: the report with its decrypted content, in plain JSON."""
    complaint = delivery.complaint
    content = complaint.read_content()
    return {
        "id": str(delivery.key),
        "complaint": complaint.pk,
        "received_at": complaint.created_at.isoformat(),
        "exploitation_type": complaint.exploitation_type,
        "region": complaint.region_id or "",
        "minors_involved": complaint.minors_involved,
        "immediate_danger": complaint.immediate_danger,
        "place": content["place"],
        "when": content["when"],
        "description": content["description"],
        "contact": {
            "name": content["contact_name"],
            "phone": content["contact_phone"],
            "email": content["contact_email"],
        },
    }


def message_id(delivery):
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"<complaint-delivery-{delivery.key}@{domain}>"


def send_email(delivery):
    complaint = delivery.complaint
    # Authorities in Peru read Spanish, whatever the language the reporter wrote in.
    with translation.override("es"):
        context = {"complaint": complaint, "data": payload(delivery), "delivery": delivery}
        subject = render_to_string("complaints/email/subject.txt", context).strip()
        body = render_to_string("complaints/email/body.txt", context)
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.COMPLAINTS_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL,
        to=[delivery.authority.email],
        headers={"Message-ID": message_id(delivery)},
    ).send(fail_silently=False)


class PermanentDeliveryError(Exception):
    """A failure that retrying cannot fix (the authority's configuration must change): the
    delivery is flagged for the handlers at once."""


class InsecureWebhookURL(PermanentDeliveryError):
    pass


class WebhookRedirected(PermanentDeliveryError):
    pass


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would send the report somewhere the authority's configuration does not name
    (perhaps over plain HTTP): it is a failure, never followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise WebhookRedirected(f"webhook answered {code} with a redirect")


_webhook_opener = urllib.request.build_opener(_RefuseRedirects)


def webhook_request(delivery):
    authority = delivery.authority
    # Checked at every send, not only when the admin form saved the address.
    if not webhook_url_allowed(authority.webhook_url):
        raise InsecureWebhookURL("webhook URL must use HTTPS")
    body = json.dumps(payload(delivery), ensure_ascii=False, sort_keys=True).encode()
    secret = authority.read_webhook_secret()
    signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        authority.webhook_url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "X-Signature": f"sha256={signature}",
            "Idempotency-Key": str(delivery.key),
            "User-Agent": "portal-complaints/1",
        },
    )


def send_webhook(delivery):
    request = webhook_request(delivery)
    # The opener raises for any status of 300 or more; only 2xx counts as received.
    with _webhook_opener.open(request, timeout=settings.COMPLAINTS_WEBHOOK_TIMEOUT) as response:
        response.read()


def _record_success(delivery):
    now = timezone.now()
    delivery.status = DeliveryStatus.SENT
    delivery.attempts += 1
    delivery.sent_at = now
    delivery.locked_until = None
    delivery.last_error = ""
    delivery.save(update_fields=["status", "attempts", "sent_at", "locked_until", "last_error"])
    forwarded = Complaint.objects.filter(
        pk=delivery.complaint_id, status=ComplaintStatus.RECEIVED
    ).update(status=ComplaintStatus.FORWARDED)
    if forwarded:
        StatusChange.objects.create(
            complaint_id=delivery.complaint_id, status=ComplaintStatus.FORWARDED, changed_at=now
        )


def _describe(error):
    """The kind of failure, for handlers: never the message body or an address."""
    code = getattr(error, "code", None) or getattr(error, "smtp_code", None)
    return (
        f"{type(error).__name__} {code}".strip() if isinstance(code, int) else type(error).__name__
    )


def _record_failure(delivery, error):
    delivery.attempts += 1
    delivery.last_error = _describe(error)[:200]
    delivery.locked_until = None
    permanent = isinstance(error, PermanentDeliveryError)
    if permanent or delivery.attempts >= settings.COMPLAINTS_DELIVERY_MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
    else:
        wait = settings.COMPLAINTS_DELIVERY_RETRY_SECONDS * 2 ** (delivery.attempts - 1)
        delivery.next_attempt_at = timezone.now() + timedelta(seconds=wait)
    delivery.save(
        update_fields=["status", "attempts", "last_error", "locked_until", "next_attempt_at"]
    )
    logger.warning(
        "Complaint delivery %s (%s, %s) failed with %s on attempt %d%s.",
        delivery.pk,
        delivery.authority.short_name,
        delivery.channel,
        delivery.last_error,
        delivery.attempts,
        ": flagged for the handlers" if delivery.status == DeliveryStatus.FAILED else "",
    )
