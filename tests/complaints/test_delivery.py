"""Durable delivery through real receivers: a real SMTP server (aiosmtpd) that is down and then
up, and real HTTP receivers that fail or time out. Reports are accepted the way the form
accepts them, and the real worker (`db_worker --backend complaints`) delivers them.

The worker commits as it goes, like the real one, so these tests work on committed data (as the
browser tests do) and remove what they created at the end."""

import email
import hashlib
import hmac
import json
import time
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from complaints.choices import DeliveryStatus
from complaints.intake import accept_complaint
from complaints.models import Authority, Complaint, Delivery, RoutingRule
from complaints.models.routing_rule import authorities_for

from .helpers import RecordingReceiver, free_port

REPORTS = 1000
# Receivers that make every report take several attempts get fewer reports: each attempt is a
# task of the real worker, and the suite must stay runnable on a shared machine.
RETRIED_REPORTS = 200
TIMED_OUT_REPORTS = 50


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Database access outside a test transaction; complaints, queued tasks and the
    authorities and rules a test adds are removed afterwards."""
    with django_db_blocker.unblock():
        authorities = set(Authority.objects.values_list("pk", flat=True))
        rules = set(RoutingRule.objects.values_list("pk", flat=True))
        yield
        Complaint.objects.all().delete()
        DBTaskResult.objects.filter(backend_name="complaints").delete()
        RoutingRule.objects.exclude(pk__in=rules).delete()
        Authority.objects.exclude(pk__in=authorities).delete()


@pytest.fixture
def fast_retries(settings):
    settings.COMPLAINTS_DELIVERY_RETRY_SECONDS = 1
    settings.COMPLAINTS_DELIVERY_MAX_ATTEMPTS = 30


def report(number, exploitation_type="sexual_exploitation"):
    return {
        "exploitation_type": exploitation_type,
        "region": "15",
        "place": f"Lugar {number}",
        "when": "ayer",
        "description": f"Denuncia de prueba número {number}, con detalle suficiente.",
        "minors_involved": "no",
        "immediate_danger": False,
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
    }


def run_worker(max_tasks=None):
    """One batch of the real worker: every task that is due (or the first `max_tasks`), then
    it exits."""
    limit = ["--max-tasks", str(max_tasks)] if max_tasks else []
    call_command(
        "db_worker",
        "--backend",
        "complaints",
        "--queue-name",
        "complaints",
        "--batch",
        "--no-startup-delay",
        *limit,
        verbosity=0,
        stdout=StringIO(),
        stderr=StringIO(),
    )


def work_until_done(timeout=180):
    """Runs the worker until no delivery is pending (retries come due after their backoff)."""
    deadline = time.monotonic() + timeout
    while Delivery.objects.filter(status=DeliveryStatus.PENDING).exists():
        assert time.monotonic() < deadline, "deliveries still pending"
        run_worker()
        time.sleep(0.5)


class Inbox:
    """An aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


def smtp_settings(settings, port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5


def test_reports_made_while_smtp_is_down_arrive_once_each_when_it_is_up(
    committed, settings, fast_retries
):
    port = free_port()
    smtp_settings(settings, port)
    per_report = [a for a in authorities_for("sexual_exploitation", "15", "no") if a.email]
    assert len(per_report) >= 2

    for number in range(REPORTS):
        accept_complaint(report(number), "es")
    expected = REPORTS * len(per_report)
    assert Delivery.objects.count() == expected

    # The SMTP server is down: a pass over the outbox tries each delivery once; each fails and
    # its retry is queued (the tasks queued with the reports are still there too).
    call_command("deliver_complaints", stdout=StringIO())
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 0
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}
    assert set(Delivery.objects.values_list("last_error", flat=True)) == {"ConnectionRefusedError"}

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        time.sleep(1.1)  # the first retry comes due after a second
        work_until_done()
        run_worker()  # a further pass sends nothing again
    finally:
        server.stop()

    message_ids = [message["Message-ID"] for message in inbox.messages]
    assert len(message_ids) == expected
    assert len(set(message_ids)) == expected
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == expected
    # Each authority got each report exactly once.
    received = {(message["To"], message["Subject"]) for message in inbox.messages}
    assert len(received) == expected
    assert {authority.email for authority in per_report} == {m["To"] for m in inbox.messages}


SHARED_SECRET = "secreto-compartido-de-prueba"


def webhook_authority(url, secret=SHARED_SECRET):
    authority = Authority.objects.create(
        name="Receptor de prueba", acronym="PRUEBA", webhook_url=url, webhook_secret=secret
    )
    rule = RoutingRule(
        name="Prueba: servidumbre por deudas",
        exploitation_type="debt_bondage",
        authorities=[authority],
    )
    rule.save()
    return authority


def test_a_receiver_that_fails_at_first_gets_every_report_signed_and_once(committed, fast_retries):
    with RecordingReceiver(lambda attempt: "fail" if attempt <= 2 else "ok") as receiver:
        authority = webhook_authority(receiver.url)
        for number in range(RETRIED_REPORTS):
            accept_complaint(report(number, "debt_bondage"), "en")
        work_until_done()

    webhooks = Delivery.objects.filter(authority=authority)
    assert webhooks.count() == RETRIED_REPORTS
    assert webhooks.filter(status=DeliveryStatus.SENT, attempts=3).count() == RETRIED_REPORTS
    # Three attempts per report, each with the same key and the same signed body.
    assert len(receiver.attempts) == RETRIED_REPORTS
    assert set(receiver.attempts.values()) == {3}
    bodies = {}
    for headers, body in receiver.requests:
        expected = hmac.new(authority.webhook_secret.encode(), body, hashlib.sha256).hexdigest()
        assert headers["X-Signature"] == f"sha256={expected}"
        assert headers["Content-Type"].startswith("application/json")
        bodies.setdefault(headers["Idempotency-Key"], set()).add(body)
    assert all(len(versions) == 1 for versions in bodies.values())
    payload = json.loads(next(iter(bodies[str(webhooks.first().key)])))
    assert payload["exploitation_type"] == "debt_bondage"
    assert payload["description"].startswith("Denuncia de prueba número")


def test_a_receiver_that_times_out_is_retried_with_the_same_idempotency_key(
    committed, settings, fast_retries
):
    settings.COMPLAINTS_WEBHOOK_TIMEOUT = 0.3
    reports = TIMED_OUT_REPORTS
    with RecordingReceiver(lambda attempt: "hang" if attempt == 1 else "ok") as receiver:
        authority = webhook_authority(receiver.url)
        for number in range(reports):
            accept_complaint(report(number, "debt_bondage"), "en")
        work_until_done()

    webhooks = Delivery.objects.filter(authority=authority)
    assert webhooks.filter(status=DeliveryStatus.SENT).count() == reports
    assert set(webhooks.values_list("attempts", flat=True)) == {2}
    # The receiver saw each report twice under one key: deduplicating by it keeps one each.
    assert len(receiver.attempts) == reports
    assert set(receiver.attempts.values()) == {2}
    assert set(receiver.attempts) == {str(key) for key in webhooks.values_list("key", flat=True)}


def test_a_delivery_that_keeps_failing_is_flagged_for_the_handlers(committed, settings):
    settings.COMPLAINTS_DELIVERY_RETRY_SECONDS = 0
    settings.COMPLAINTS_DELIVERY_MAX_ATTEMPTS = 3
    with RecordingReceiver(lambda attempt: "fail") as receiver:
        authority = webhook_authority(receiver.url)
        accept_complaint(report(1, "debt_bondage"), "en")
        run_worker()
    delivery = Delivery.objects.get(authority=authority)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 3
    assert delivery.last_error == "HTTPError 503"
    assert receiver.attempts == {str(delivery.key): 3}


def test_deliver_complaints_makes_one_pass_by_hand(committed, settings):
    with RecordingReceiver(lambda attempt: "ok") as receiver:
        authority = webhook_authority(receiver.url)
        accept_complaint(report(1, "debt_bondage"), "en")
        output = StringIO()
        call_command("deliver_complaints", "--dry-run", stdout=output)
        assert "nothing sent" in output.getvalue()
        assert receiver.requests == []
        call_command("deliver_complaints", stdout=output)
        assert len(receiver.requests) == 1
    assert Delivery.objects.get(authority=authority).status == DeliveryStatus.SENT
    complaint = Complaint.objects.get()
    assert complaint.status == "forwarded"
