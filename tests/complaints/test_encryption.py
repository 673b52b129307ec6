"""Keys: content is unreadable without them, and rotation moves everything to the newest key.
(Production refusing to start without one: tests/portal/test_production_settings.py.)"""

from io import StringIO

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command

from complaints.models import Authority, Complaint, StatusChange

from .helpers import submit

pytestmark = pytest.mark.django_db

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def test_rotation_re_encrypts_everything_with_the_newest_key(client, settings):
    settings.COMPLAINTS_ENCRYPTION_KEYS = [OLD_KEY]
    submit(client, "es", description="Contenido que sobrevive a la rotación de claves.")
    complaint = Complaint.objects.get()
    change = StatusChange(complaint=complaint, status="closed")
    change.set_note("Nota cifrada con la clave antigua.")
    change.save()
    authority = Authority(name="Receptor de prueba", webhook_url="https://receptor.invalid/")
    authority.set_webhook_secret("secreto-de-la-clave-antigua")
    authority.save()

    settings.COMPLAINTS_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    output = StringIO()
    call_command("rotate_complaint_keys", "--dry-run", stdout=output)
    assert Complaint.objects.get().encrypted_content == complaint.encrypted_content
    call_command("rotate_complaint_keys", stdout=output)
    assert "1 complaints, 1 notes and 1 webhook secrets re-encrypted" in output.getvalue()

    settings.COMPLAINTS_ENCRYPTION_KEYS = [NEW_KEY]  # the old key is gone
    complaint = Complaint.objects.get()
    assert complaint.read_content()["description"].startswith("Contenido que sobrevive")
    note = StatusChange.objects.get(pk=change.pk).read_note()
    assert note == "Nota cifrada con la clave antigua."
    secret = Authority.objects.get(pk=authority.pk).read_webhook_secret()
    assert secret == "secreto-de-la-clave-antigua"


def test_content_cannot_be_read_without_its_key(client, settings):
    submit(client, "es")
    settings.COMPLAINTS_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(InvalidToken):
        Complaint.objects.get().read_content()
