"""Durable delivery through real receivers: a real SMTP server (aiosmtpd) that is down and then
up, and real HTTP receivers that fail or time out, each sent 1,000 reports. Reports are
accepted the way the form accepts them (`accept_complaint`, what the view calls once the
answers are valid), and the real worker delivers them: django-tasks-db's `Worker`, the loop of
`db_worker --backend complaints`, several at once as a scaled deployment runs them.

The worker commits as it goes, like the real one, so these tests work on committed data (as the
browser tests do) and remove what they created at the end."""

import email
import hashlib
import hmac
import json
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from complaints.choices import DeliveryStatus
from complaints.intake import accept_complaint
from complaints.models import Authority, Complaint, Delivery, RoutingRule
from complaints.models.routing_rule import authorities_for

from .helpers import RecordingReceiver, free_port

REPORTS = 1000
# Workers running at once: most of an attempt is waiting (for SQLite's write lock, for a
# receiver, for a timeout), so a few workers share two cores well.
WORKERS = 4


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
def only_the_test_receiver(committed):
    """The initial authorities (placeholder mailboxes) are set aside while a test's own
    receiver is the one authority, so each report makes exactly one delivery."""
    initial = list(Authority.objects.filter(active=True).values_list("pk", flat=True))
    Authority.objects.filter(pk__in=initial).update(active=False)
    yield
    Authority.objects.filter(pk__in=initial).update(active=True)


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


def run_workers(count=WORKERS):
    """`count` real workers at once, each in its own thread with its own database connection,
    until none finds a task that is due."""
    errors = []

    def work(number):
        # Each worker keeps its connection between tasks, as one does in production with
        # DATABASE_CONN_MAX_AGE set (else it reconnects after every task).
        connection = connections["default"]
        connection.settings_dict = {**connection.settings_dict, "CONN_MAX_AGE": None}
        try:
            Worker(
                queue_names=["complaints"],
                interval=0,
                batch=True,
                backend_name="complaints",
                startup_delay=False,
                max_tasks=None,
                worker_id=f"test-worker-{number}",
            ).run()
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def work_until_done(workers=WORKERS, timeout=300):
    """Runs the workers until no delivery is pending (retries come due after their backoff)."""
    deadline = time.monotonic() + timeout
    while Delivery.objects.filter(status=DeliveryStatus.PENDING).exists():
        assert time.monotonic() < deadline, "deliveries still pending"
        run_workers(workers)
        time.sleep(0.2)


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


@contextmanager
def clock_moved_on(delta):
    """The clock of the worker, the outbox and the queue (django.utils.timezone.now) reads
    `delta` later: retries due then are due now, without the test waiting for them."""
    real_now = timezone.now
    with mock.patch("django.utils.timezone.now", lambda: real_now() + delta):
        yield


@pytest.mark.volume
def test_reports_made_while_smtp_is_down_arrive_once_each_when_it_is_up(committed, settings):
    port = free_port()
    smtp_settings(settings, port)
    settings.COMPLAINTS_DELIVERY_RETRY_SECONDS = 600
    per_report = [a for a in authorities_for("sexual_exploitation", "15", "no") if a.email]
    assert len(per_report) >= 2

    for number in range(REPORTS):
        accept_complaint(report(number), "es")
    expected = REPORTS * len(per_report)
    assert Delivery.objects.count() == expected

    # The SMTP server is down: the workers try each delivery once; each fails and its retry is
    # queued for ten minutes later.
    run_workers()
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 0
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}
    assert set(Delivery.objects.values_list("last_error", flat=True)) == {"ConnectionRefusedError"}

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        with clock_moved_on(timedelta(minutes=11)):
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
    authority = Authority(name="Receptor de prueba", acronym="PRUEBA", webhook_url=url)
    authority.set_webhook_secret(secret)
    authority.save()
    rule = RoutingRule(
        name="Prueba: servidumbre por deudas",
        exploitation_type="debt_bondage",
        authorities=[authority],
    )
    rule.save()
    return authority


@pytest.mark.volume
def test_a_receiver_that_fails_at_first_gets_every_report_signed_and_once(
    only_the_test_receiver, fast_retries
):
    with RecordingReceiver(lambda attempt: "fail" if attempt <= 2 else "ok") as receiver:
        authority = webhook_authority(receiver.url)
        for number in range(REPORTS):
            accept_complaint(report(number, "debt_bondage"), "en")
        work_until_done()

    webhooks = Delivery.objects.filter(authority=authority)
    assert webhooks.count() == REPORTS
    assert webhooks.filter(status=DeliveryStatus.SENT, attempts=3).count() == REPORTS
    # Three attempts per report, each with the same key and the same signed body.
    assert len(receiver.attempts) == REPORTS
    assert set(receiver.attempts.values()) == {3}
    bodies = {}
    for headers, body in receiver.requests:
        expected = hmac.new(SHARED_SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert headers["X-Signature"] == f"sha256={expected}"
        assert headers["Content-Type"].startswith("application/json")
        bodies.setdefault(headers["Idempotency-Key"], set()).add(body)
    assert all(len(versions) == 1 for versions in bodies.values())
    payload = json.loads(next(iter(bodies[str(webhooks.first().key)])))
    assert payload["exploitation_type"] == "debt_bondage"
    assert payload["description"].startswith("Denuncia de prueba número")


@pytest.mark.volume
def test_a_receiver_that_times_out_is_retried_with_the_same_idempotency_key(
    only_the_test_receiver, settings, fast_retries
):
    # A receiver that accepts the report and then answers too late: the sender gives up after
    # the timeout (short here, 10 s in production) and the retry must not make a duplicate.
    settings.COMPLAINTS_WEBHOOK_TIMEOUT = 0.25
    reports = REPORTS
    hang = RecordingReceiver(lambda attempt: "hang" if attempt == 1 else "ok", hang_seconds=1)
    with hang as receiver:
        authority = webhook_authority(receiver.url)
        for number in range(reports):
            accept_complaint(report(number, "debt_bondage"), "en")
        # Waiting out a timeout costs no CPU: more workers wait at once.
        work_until_done(workers=4 * WORKERS)

    webhooks = Delivery.objects.filter(authority=authority)
    assert webhooks.filter(status=DeliveryStatus.SENT).count() == reports
    # Each report reached the receiver at least twice (a busy machine may time out a later
    # attempt too, even before the receiver reads it), every time under its one key with the
    # same body: deduplicating by the key keeps one each.
    attempts = {str(key): count for key, count in webhooks.values_list("key", "attempts")}
    assert set(receiver.attempts) == set(attempts)
    assert all(2 <= seen <= attempts[key] for key, seen in receiver.attempts.items())
    bodies = {}
    for headers, body in receiver.requests:
        bodies.setdefault(headers["Idempotency-Key"], set()).add(body)
    assert len(bodies) == reports
    assert all(len(versions) == 1 for versions in bodies.values())


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
