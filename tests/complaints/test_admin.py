"""The handlers' area: who may enter (every group is checked, as it exists in the database),
what they see and do, and the audit log entries each view and change leaves."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from complaints.choices import DeliveryStatus
from complaints.models import Complaint, Delivery
from core.groups import COMPLAINT_HANDLERS, EDITORS, MODERATORS

from .helpers import submit

pytestmark = pytest.mark.django_db

SECRET = "Descripción confidencial para la prueba de permisos."


@pytest.fixture
def complaint(client):
    submit(client, "es", description=SECRET)
    return Complaint.objects.get()


def user_in(group_name):
    user = get_user_model().objects.create_user(
        f"persona-{group_name.lower().replace(' ', '-')}", password="x" * 16
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def handler_urls(complaint):
    return [
        "/admin/complaints/",
        f"/admin/complaints/{complaint.pk}/",
        "/admin/complaints/routing/?exploitation_type=other&minors_involved=no",
    ]


def test_the_handlers_group_exists():
    assert Group.objects.filter(name=COMPLAINT_HANDLERS).exists()


def test_every_group_but_the_handlers_is_refused(client, complaint):
    groups = Group.objects.exclude(name=COMPLAINT_HANDLERS)
    assert {EDITORS, MODERATORS} <= {group.name for group in groups}
    for group in groups:
        group_name = group.name
        client.force_login(user_in(group_name))
        # A group that may sign in to the admin gets 403; one that may not is sent to sign in.
        may_sign_in = group.permissions.filter(codename="access_admin").exists()
        for url in handler_urls(complaint):
            response = client.get(url)
            assert response.status_code == (403 if may_sign_in else 302), (group_name, url)
            assert SECRET not in response.content.decode()
        for url in [
            f"/admin/complaints/{complaint.pk}/status/",
            f"/admin/complaints/{complaint.pk}/deliveries/"
            f"{complaint.deliveries.first().pk}/resend/",
        ]:
            response = client.post(url, {"status": "closed"})
            assert response.status_code == (403 if may_sign_in else 302), (group_name, url)
        # The menu and the dashboard say nothing about complaints either.
        dashboard = client.get("/admin/").content.decode()
        assert "/admin/complaints/" not in dashboard
    assert ModelLogEntry.objects.filter(action__startswith="complaints.").count() == 0
    assert Complaint.objects.get().status == "received"


def test_people_outside_the_admin_are_sent_to_sign_in(client, complaint):
    response = client.get(f"/admin/complaints/{complaint.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("who", ["handler", "superuser"])
def test_handlers_and_superusers_see_the_list_and_the_decrypted_complaint(client, complaint, who):
    user = (
        user_in(COMPLAINT_HANDLERS)
        if who == "handler"
        else get_user_model().objects.create_superuser("jefa", "jefa@example.invalid", "x" * 16)
    )
    client.force_login(user)
    listing = client.get("/admin/complaints/")
    assert listing.status_code == 200
    assert f"/admin/complaints/{complaint.pk}/" in listing.content.decode()
    assert SECRET not in listing.content.decode()

    detail = client.get(f"/admin/complaints/{complaint.pk}/")
    assert detail.status_code == 200
    assert "no-store" in detail["Cache-Control"]
    html = detail.content.decode()
    assert SECRET in html and "Iquitos" in html
    assert "to configure" in html or "por configurar" in html

    entry = ModelLogEntry.objects.get(action="complaints.view")
    assert entry.user_id == user.pk
    assert entry.object_id == str(complaint.pk)
    assert SECRET not in str(entry.data) and SECRET not in entry.label


def test_a_status_change_is_saved_with_its_note_and_logged(client, complaint):
    handler = user_in(COMPLAINT_HANDLERS)
    client.force_login(handler)
    note = "Llamamos a la fiscalía; caso asignado."
    response = client.post(
        f"/admin/complaints/{complaint.pk}/status/", {"status": "closed", "note": note}
    )
    assert response.status_code == 302

    complaint.refresh_from_db()
    assert complaint.status == "closed"
    change = complaint.status_changes.last()
    assert change.changed_by == handler and change.read_note() == note
    assert note not in change.encrypted_note
    entry = ModelLogEntry.objects.get(action="complaints.change_status")
    assert entry.user_id == handler.pk and entry.data == {"status": "closed"}
    assert note in client.get(f"/admin/complaints/{complaint.pk}/").content.decode()
    # The history in the admin's own log viewer names the action.
    history = client.get("/admin/reports/site-history/?action=complaints.change_status")
    assert history.status_code == 200


def test_a_failed_delivery_can_be_sent_again_and_that_is_logged(client, complaint):
    delivery = complaint.deliveries.first()
    Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.FAILED, attempts=8)
    queued = DBTaskResult.objects.count()
    handler = user_in(COMPLAINT_HANDLERS)
    client.force_login(handler)

    response = client.post(f"/admin/complaints/{complaint.pk}/deliveries/{delivery.pk}/resend/")
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 0
    assert DBTaskResult.objects.count() == queued + 1
    entry = ModelLogEntry.objects.get(action="complaints.resend_delivery")
    assert entry.user_id == handler.pk and entry.data["delivery"] == delivery.pk


def test_the_dashboard_shows_handlers_what_needs_attention(client, complaint):
    Delivery.objects.filter(pk=complaint.deliveries.first().pk).update(status=DeliveryStatus.FAILED)
    client.force_login(user_in(COMPLAINT_HANDLERS))
    html = client.get("/admin/").content.decode()
    assert "/admin/complaints/" in html
    assert "1 failed delivery needs a handler" in html or "1 envío fallido" in html


def test_the_routing_preview_lists_the_authorities_a_report_reaches(client):
    client.force_login(user_in(COMPLAINT_HANDLERS))
    labour = client.get(
        "/admin/complaints/routing/?exploitation_type=labour_exploitation&minors_involved=no"
    ).content.decode()
    for acronym in ["MPFN", "PNP", "SUNAFIL", "MTPE"]:
        assert f"({acronym})" in labour
    assert "(MIMP)" not in labour
    minors = client.get(
        "/admin/complaints/routing/?exploitation_type=other&minors_involved=yes"
    ).content.decode()
    assert "(MIMP)" in minors and "(SUNAFIL)" not in minors


def test_authorities_with_placeholder_addresses_are_flagged_to_configure(admin_client):
    html = admin_client.get("/admin/snippets/complaints/authority/").content.decode()
    assert html.count("To configure") + html.count("Por configurar") >= 5
