"""The complaint form as a reporter meets it: what the page promises and what a POST does."""

import logging

import pytest
from django.db import connection
from django.test import Client
from django_tasks_db.models import DBTaskResult

from complaints.choices import ComplaintStatus, ExploitationType
from complaints.models import Complaint, Delivery
from complaints.models.routing_rule import authorities_for

from ..utils import soup
from .helpers import FORM_URL, answers, receipt_code, solved_challenge, submit

pytestmark = pytest.mark.django_db

TYPED_FIELDS = [
    "region",
    "place",
    "when",
    "description",
    "contact_name",
    "contact_phone",
    "contact_email",
]
FIELD_NAMES = [
    "exploitation_type",
    "region",
    "place",
    "when",
    "description",
    "minors_involved",
    "immediate_danger",
    "contact_name",
    "contact_phone",
    "contact_email",
]


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_form_is_private_and_uses_the_contract_field_names(client, language):
    response = client.get(FORM_URL[language])
    html = response.content.decode()

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="referrer" content="no-referrer">' in html
    assert not response.cookies
    for name in FIELD_NAMES:
        assert f'name="{name}"' in html, name
    # Every field the reporter types into tells the browser not to remember it.
    document = soup(response)
    for name in TYPED_FIELDS:
        field = document.find(["input", "select", "textarea"], attrs={"name": name})
        assert field["autocomplete"] == "off", name
    assert "<noscript>" in html and "tel:1818" in html


@pytest.mark.parametrize(
    ("language", "explainer"),
    [
        ("es", "/es/conceptos/servidumbre-por-deudas/"),
        ("en", "/en/concepts/debt-bondage/"),
    ],
)
def test_each_type_links_to_its_explainer_in_the_page_language(client, language, explainer):
    html = client.get(FORM_URL[language]).content.decode()
    assert f'href="{explainer}"' in html
    assert html.count('class="form-radio__explainer"') == len(ExploitationType.choices)


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_valid_report_is_stored_encrypted_and_queued_for_each_authority(client, language):
    response = submit(client, language, minors_involved="yes", contact_phone="999 000 111")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert not response.cookies
    code = receipt_code(response)
    complaint = Complaint.objects.get()
    assert complaint.status == ComplaintStatus.RECEIVED
    assert complaint.language == language
    assert complaint.read_content()["contact_phone"] == "999 000 111"
    # Nothing the reporter wrote, nor the code, is in the database in clear.
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM complaints_complaint")
        row = " ".join(str(value) for value in cursor.fetchone())
    for secret in ["Iquitos", "adolescentes", "999 000 111", code, code.replace(" ", "")]:
        assert secret not in row
    # One delivery per authority and channel, each with its queued task.
    expected = {
        (authority.pk, channel)
        for authority in authorities_for("sexual_exploitation", "16", "yes")
        for channel in authority.channels()
    }
    deliveries = set(Delivery.objects.values_list("authority_id", "channel"))
    assert deliveries == expected and len(expected) >= 3
    assert DBTaskResult.objects.filter(task_path="complaints.tasks.deliver_complaint").count() == (
        len(expected)
    )


def test_nothing_identifying_the_sender_is_stored(client):
    submit(client, REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="Navegador-Unico/1.0")
    complaint = Complaint.objects.get()
    stored = " ".join(str(value) for value in vars(complaint).values())
    assert "203.0.113.77" not in stored and "Navegador-Unico" not in stored
    assert not {field.name for field in Complaint._meta.fields} & {"ip", "user_agent", "session"}


def test_immediate_danger_is_told_to_call_first_and_the_report_is_kept(client):
    response = submit(client, "en", immediate_danger="yes")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="tel:105"' in html and 'href="tel:1818"' in html
    assert "call first" in html
    assert Complaint.objects.get().immediate_danger is True


def test_without_danger_the_confirmation_does_not_alarm(client):
    html = submit(client, "en").content.decode()
    assert 'href="tel:105"' not in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"exploitation_type": "organ_trafficking"}, "exploitation_type", "Choose one of"),
        ({"minors_involved": "maybe"}, "minors_involved", "Choose yes, no"),
        ({"immediate_danger": "perhaps"}, "immediate_danger", "Choose yes or no"),
        ({"region": "99"}, "region", "Choose one of Peru"),
        ({"description": "Muy corto"}, "description", "at least 20 characters"),
        ({"description": "x" * 10_001}, "description", "at most 10,000 characters"),
        ({"contact_email": "no-es-un-correo"}, "contact_email", "Enter an email address"),
        ({"challenge": ""}, "challenge", "automatic check"),
        ({"challenge": "Zm9yZ2Vk"}, "challenge", "automatic check"),
    ],
)
def test_bad_answers_are_refused_with_a_message_and_nothing_is_lost(
    client, changes, field, message
):
    response = submit(client, "en", place="Calle <b>Falsa</b> 123", **changes)
    html = response.content.decode()

    assert response.status_code == 400
    assert message in html
    assert f'href="#id_{field}"' in html  # the error summary links to the field
    assert "Calle &lt;b&gt;Falsa&lt;/b&gt; 123" in html  # what was typed is still there
    assert Complaint.objects.count() == 0


def test_errors_are_in_spanish_on_the_spanish_form(client):
    html = submit(client, "es", description="corto").content.decode()
    assert "al menos 20 caracteres" in html


def test_the_honeypot_refuses_automated_reports(client):
    response = submit(client, "en", website="https://spam.example")
    assert response.status_code == 400
    assert "looks automated" in response.content.decode()
    assert Complaint.objects.count() == 0


def test_a_solved_challenge_cannot_be_used_twice(client):
    challenge = solved_challenge(client)
    assert submit(client, challenge=challenge).status_code == 200
    assert submit(client, challenge=challenge).status_code == 400
    assert Complaint.objects.count() == 1


def test_a_one_megabyte_body_is_refused_with_a_message(client):
    data = answers(description="a" * 1024 * 1024, challenge="x")
    response = client.post(FORM_URL["en"], data)
    assert response.status_code == 413
    html = response.content.decode()
    assert "too large" in html and 'href="tel:1818"' in html
    assert Complaint.objects.count() == 0


def test_html_and_script_are_stored_as_typed_and_shown_inert(client, admin_client):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    submit(client, "en", place=hostile, when=hostile, description=hostile * 2)
    complaint = Complaint.objects.get()
    assert complaint.read_content()["description"] == hostile * 2

    html = admin_client.get(f"/admin/complaints/{complaint.pk}/").content.decode()
    assert hostile not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_sixth_report_in_an_hour_is_refused_without_losing_it(client, settings):
    for _ in range(settings.COMPLAINTS_RATE_LIMIT):
        assert submit(client, "en").status_code == 200
    response = submit(client, "en", place="Lugar que no se pierde")
    html = response.content.decode()
    assert response.status_code == 429
    assert "several reports in the last hour" in html and 'href="tel:1818"' in html
    assert "Lugar que no se pierde" in html
    assert Complaint.objects.count() == settings.COMPLAINTS_RATE_LIMIT
    # Another connection is not affected.
    assert submit(client, "en", REMOTE_ADDR="198.51.100.9").status_code == 200


def test_no_log_line_holds_content_or_the_address(client, caplog):
    with caplog.at_level(logging.DEBUG):
        submit(client, "en", description="Contenido secreto de la denuncia número uno.")
    for record in caplog.records:
        text = record.getMessage()
        assert "secreto" not in text and "127.0.0.1" not in text


def test_with_recaptcha_keys_the_form_uses_recaptcha_and_allows_only_its_sources(client, settings):
    settings.RECAPTCHA_PUBLIC_KEY = "clave-publica-de-ejemplo"
    settings.RECAPTCHA_PRIVATE_KEY = "clave-privada-de-ejemplo"
    response = client.get(FORM_URL["es"])
    html = response.content.decode()
    assert "g-recaptcha" in html and "<altcha-widget" not in html
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' https://www.google.com/recaptcha/" in policy
    # Other pages keep the site's strict policy.
    assert "google" not in client.get("/es/").headers["Content-Security-Policy"]


def test_the_form_posts_without_a_csrf_cookie_and_other_pages_stay_protected(db):
    client = Client(enforce_csrf_checks=True)
    assert submit(client, "es").status_code == 200
    assert client.post("/es/denuncia/seguimiento/", {"code": "1"}).status_code == 200
    assert client.post("/es/navegar-de-forma-segura/", {}).status_code == 403
