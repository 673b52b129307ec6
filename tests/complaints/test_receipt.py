"""Receipt codes: shown once, stored only as a slow hash, and the key to the status page."""

import pytest

from complaints.choices import ComplaintStatus, DeliveryStatus
from complaints.hashing import new_receipt_code, normalise_receipt_code, receipt_hash
from complaints.models import Complaint, Delivery

from .helpers import STATUS_URL, receipt_code, submit

pytestmark = pytest.mark.django_db


def test_codes_are_sixteen_random_digits_in_groups_of_four():
    codes = {new_receipt_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split(" ")
        assert [len(group) for group in groups] == [4, 4, 4, 4]
        assert "".join(groups).isdigit()


def test_typed_codes_are_normalised_and_anything_else_is_not_a_code():
    assert normalise_receipt_code(" 1234-5678 9012 3456 ") == "1234567890123456"
    assert normalise_receipt_code("1234 5678 9012 345") is None
    assert normalise_receipt_code("1234 5678 9012 345x") is None
    assert normalise_receipt_code("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦") is None  # non-ASCII digits


def test_only_the_hash_of_the_code_is_stored(client):
    code = receipt_code(submit(client))
    complaint = Complaint.objects.get()
    assert complaint.receipt_hash == receipt_hash(code)
    assert len(complaint.receipt_hash) == 64
    assert code.replace(" ", "") not in complaint.receipt_hash


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_status_page_is_private(client, language):
    response = client.get(STATUS_URL[language])
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert 'name="code"' in response.content.decode()
    assert 'autocomplete="off"' in response.content.decode()
    assert not response.cookies


def test_the_status_segment_belongs_to_its_language(client):
    assert client.get("/es/denuncia/status/").status_code == 404
    assert client.get("/en/report/seguimiento/").status_code == 404


def test_a_valid_code_shows_received_then_forwarded_then_closed(client):
    code = receipt_code(submit(client, "en"))
    html = client.post(STATUS_URL["en"], {"code": code}).content.decode()
    assert "Received: it is being forwarded" in html

    complaint = Complaint.objects.get()
    delivery = complaint.deliveries.select_related("authority").first()
    Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.SENT)
    Complaint.objects.filter(pk=complaint.pk).update(status=ComplaintStatus.FORWARDED)
    html = client.post(STATUS_URL["en"], {"code": code.replace(" ", "")}).content.decode()
    assert f"Forwarded to {delivery.authority.acronym}." in html

    Complaint.objects.filter(pk=complaint.pk).update(status=ComplaintStatus.CLOSED)
    html = client.post(STATUS_URL["en"], {"code": code}).content.decode()
    assert "Closed" in html


def test_the_spanish_status_page_answers_in_spanish(client):
    code = receipt_code(submit(client, "es"))
    html = client.post(STATUS_URL["es"], {"code": code}).content.decode()
    assert "Recibida" in html


def test_wrong_and_malformed_codes_get_the_same_generic_answer(client):
    submit(client, "en")
    answers = []
    for wrong in ["0000 0000 0000 0000", "12", "<script>alert(1)</script>"]:
        response = client.post(STATUS_URL["en"], {"code": wrong})
        assert response.status_code == 200
        html = response.content.decode()
        answers.append(html[html.index('class="notice" role="status"') : html.rindex("</form>")])
        assert "<script>alert(1)</script>" not in html
    assert "No report matches this code" in answers[0]
    assert answers[0] == answers[1] == answers[2]


def test_lookups_are_rate_limited(client, settings):
    limit = settings.COMPLAINTS_RATE_LIMIT * 4
    for _ in range(limit):
        assert client.post(STATUS_URL["en"], {"code": "0000 0000 0000 0000"}).status_code == 200
    response = client.post(STATUS_URL["en"], {"code": "0000 0000 0000 0000"})
    assert response.status_code == 429
    assert "Too many codes" in response.content.decode()
