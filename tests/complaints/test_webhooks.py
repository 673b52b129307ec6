"""Webhooks: reports leave over HTTPS only, checked at every send (a test-only setting lets
the tests' local receivers use plain HTTP); a redirect is never followed; the shared secret is
encrypted at rest, moved there in place by a migration, and never shown back in the admin."""

import hashlib
import hmac
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from complaints.choices import DeliveryStatus
from complaints.intake import accept_complaint
from complaints.models import Authority, Delivery, RoutingRule

from ..utils import run_in_fresh_django
from .helpers import RecordingReceiver, answers

pytestmark = pytest.mark.django_db

SECRET = "secreto-compartido-de-prueba-0123456789"
ADD_URL = "/admin/snippets/complaints/authority/add/"


def webhook_authority(url, secret=SECRET):
    authority = Authority(name="Receptor de prueba", acronym="PRUEBA", webhook_url=url)
    authority.set_webhook_secret(secret)
    authority.save()
    rule = RoutingRule(name="Prueba", exploitation_type="debt_bondage", authorities=[authority])
    rule.save()
    return authority


def report_and_deliver():
    data = answers(exploitation_type="debt_bondage", immediate_danger=False)
    accept_complaint(data, "es")
    call_command("deliver_complaints", stdout=StringIO())


def test_a_plain_http_webhook_is_refused_at_send_time_and_flagged_at_once(settings):
    settings.COMPLAINTS_WEBHOOK_INSECURE_HOSTS = []  # as in production
    with RecordingReceiver(lambda attempt: "ok") as receiver:
        authority = webhook_authority(receiver.url)  # saved without the admin form's check
        report_and_deliver()
    assert receiver.requests == []
    delivery = Delivery.objects.get(authority=authority)
    # Retrying cannot fix an address: the handlers are told at once.
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 1
    assert delivery.last_error == "InsecureWebhookURL"


def test_the_test_escape_lets_the_local_receiver_through_and_signs_with_the_secret():
    with RecordingReceiver(lambda attempt: "ok") as receiver:
        authority = webhook_authority(receiver.url)
        report_and_deliver()
    assert Delivery.objects.get(authority=authority).status == DeliveryStatus.SENT
    ((headers, body),) = receiver.requests
    expected = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Signature"] == f"sha256={expected}"
    assert json.loads(body)["exploitation_type"] == "debt_bondage"


def test_a_redirect_is_never_followed():
    elsewhere = RecordingReceiver(lambda attempt: "ok")
    redirecting = RecordingReceiver(lambda attempt: "redirect", redirect_to=elsewhere.url)
    with elsewhere, redirecting as receiver:
        authority = webhook_authority(receiver.url)
        report_and_deliver()
    assert len(receiver.requests) == 1
    assert elsewhere.requests == []
    delivery = Delivery.objects.get(authority=authority)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.last_error == "WebhookRedirected"


def test_production_settings_allow_no_plain_http_webhook():
    output = run_in_fresh_django(
        "from django.conf import settings; print(settings.COMPLAINTS_WEBHOOK_INSECURE_HOSTS)",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="k8Zq-3vN!pR7w#Lx2mT9@bY4cH6jF0sD5gA1eU8iO3nQ7rV2zX",
        ALLOWED_HOSTS="portal.example",
        COMPLAINTS_ENCRYPTION_KEYS="x8f3Qm1uXv3B6tq0kK2b5z0n4l9JH7c2bq1oZ8y6dWs=",
    )
    assert output.strip() == "[]"


def test_the_admin_refuses_a_plain_http_webhook(admin_client):
    response = admin_client.post(
        ADD_URL,
        {
            "name": "Receptor inseguro",
            "acronym": "INS",
            "active": "on",
            "email": "",
            "webhook_url": "http://receptor.example/denuncias",
            "webhook_secret": SECRET,
        },
    )
    assert response.status_code == 200
    assert "HTTPS" in response.content.decode()
    assert not Authority.objects.filter(name="Receptor inseguro").exists()


def stored_secret_column(authority):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT encrypted_webhook_secret FROM complaints_authority WHERE id = %s",
            [authority.pk],
        )
        return cursor.fetchone()[0]


def test_the_secret_is_stored_encrypted_and_never_shown_back(admin_client):
    data = {
        "name": "Receptor seguro",
        "acronym": "SEG",
        "active": "on",
        "email": "",
        "webhook_url": "https://receptor.example/denuncias",
        "webhook_secret": SECRET,
    }
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 302
    authority = Authority.objects.get(name="Receptor seguro")
    stored = stored_secret_column(authority)
    assert SECRET not in stored
    assert authority.read_webhook_secret() == SECRET

    edit_url = f"/admin/snippets/complaints/authority/edit/{authority.pk}/"
    page = admin_client.get(edit_url).content.decode()
    assert SECRET not in page
    assert stored not in page
    assert "leave empty to keep" in page.lower() or "déjelo vacío" in page.lower()

    # Saved again with the field left empty: the secret stays.
    response = admin_client.post(edit_url, {**data, "acronym": "SEG2", "webhook_secret": ""})
    assert response.status_code == 302
    assert Authority.objects.get(pk=authority.pk).read_webhook_secret() == SECRET

    # A new one replaces it.
    admin_client.post(edit_url, {**data, "webhook_secret": "otro-secreto-nuevo"})
    assert Authority.objects.get(pk=authority.pk).read_webhook_secret() == "otro-secreto-nuevo"


def test_a_webhook_needs_a_secret(admin_client):
    response = admin_client.post(
        ADD_URL,
        {
            "name": "Receptor sin secreto",
            "active": "on",
            "webhook_url": "https://receptor.example/denuncias",
            "webhook_secret": "",
        },
    )
    assert response.status_code == 200
    assert not Authority.objects.filter(name="Receptor sin secreto").exists()


MIGRATION_SCRIPT = """
import json
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
call_command("migrate", "complaints", "0002", verbosity=0)
with connection.cursor() as cursor:
    cursor.execute(
        "INSERT INTO complaints_authority (name, acronym, active, email, webhook_url, "
        "webhook_secret) VALUES ('Antigua', 'ANT', 1, '', 'https://a.invalid/', 'secreto-claro')"
    )
call_command("migrate", "complaints", verbosity=0)
from complaints.models import Authority
authority = Authority.objects.get(name="Antigua")
with connection.cursor() as cursor:
    cursor.execute("SELECT * FROM complaints_authority WHERE name = 'Antigua'")
    row = [str(value) for value in cursor.fetchone()]
print(json.dumps({"secret": authority.read_webhook_secret(), "row": row}))
"""


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="migrates a SQLite file of its own whatever the database: the SQLite pass runs it",
)
def test_existing_secrets_are_encrypted_in_place_by_the_migration(tmp_path):
    output = run_in_fresh_django(
        MIGRATION_SCRIPT, DATABASE_URL=f"sqlite:///{tmp_path / 'migration.sqlite3'}"
    )
    result = json.loads(output.strip().splitlines()[-1])
    assert result["secret"] == "secreto-claro"
    assert not any("secreto-claro" in value for value in result["row"])
