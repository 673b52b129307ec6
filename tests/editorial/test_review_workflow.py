"""Every page goes through "Revisión": an Editor submits, a Moderator approves or rejects
through the admin's workflow action, the Editor is emailed, and only then is the page live.
Scheduled publishing publishes what was approved for a past date."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, WorkflowState, get_page_models

from core.groups import EDITORS, MODERATORS
from home.models import StandardPage
from tests.utils import make_staff_user, spanish_home

pytestmark = pytest.mark.django_db


def draft_page(editor, title="Nueva página para revisar"):
    page = StandardPage(title=title, slug="nueva-pagina-para-revisar", live=False)
    page.description = "Descripción de prueba."
    page.body = [{"type": "paragraph", "value": "<p>Texto para revisar.</p>"}]
    spanish_home().add_child(instance=page)
    page.save_revision(user=editor)
    return page


def submit(page, editor):
    workflow = page.get_workflow()
    workflow.start(page, editor)
    return WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(page.pk), status="in_progress"
    )


def test_every_page_type_of_both_languages_goes_through_revision():
    for model in get_page_models():
        if model is Page:
            continue
        for page in model.objects.all()[:1]:
            workflow = page.get_workflow()
            assert workflow is not None, model
            assert workflow.name == "Revisión"
            task = workflow.tasks.get().specific
            assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]
    english = StandardPage.objects.filter(locale__language_code="en").first()
    assert english.get_workflow().name == "Revisión"


def test_an_editor_submits_a_moderator_approves_and_the_page_goes_live(client):
    editor = make_staff_user(EDITORS, username="editora")
    moderator = make_staff_user(MODERATORS, username="moderadora")
    page = draft_page(editor)
    assert not page.permissions_for_user(editor).can_publish()
    state = submit(page, editor)
    assert any(moderator.email in message.to for message in mail.outbox)
    mail.outbox.clear()

    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    approved = [message for message in mail.outbox if editor.email in message.to]
    assert approved, [message.subject for message in mail.outbox]


def test_a_rejected_page_stays_unpublished_and_the_editor_is_told(client):
    editor = make_staff_user(EDITORS, username="editor2")
    moderator = make_staff_user(MODERATORS, username="moderador2")
    page = draft_page(editor, title="Página que volverá")
    state = submit(page, editor)
    mail.outbox.clear()
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{state.current_task_state.pk}/",
        {"comment": "Falta la fuente del dato."},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert any(editor.email in message.to for message in mail.outbox)


def test_publish_scheduled_publishes_a_page_whose_go_live_date_has_passed():
    editor = make_staff_user(EDITORS, username="editor4")
    page = draft_page(editor, title="Página programada")
    revision = page.save_revision(user=editor)
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
