"""Webhook secrets move from clear text to the encrypted column, row by row, in place: the
secret each authority shares keeps working, and no clear copy stays in the table."""

from django.db import migrations, models

from complaints.encryption import decrypt_text, encrypt_text


def encrypt_secrets(apps, schema_editor):
    Authority = apps.get_model("complaints", "Authority")
    for authority in Authority.objects.exclude(webhook_secret=""):
        authority.encrypted_webhook_secret = encrypt_text(authority.webhook_secret)
        authority.webhook_secret = ""
        authority.save(update_fields=["encrypted_webhook_secret", "webhook_secret"])


def decrypt_secrets(apps, schema_editor):
    Authority = apps.get_model("complaints", "Authority")
    for authority in Authority.objects.exclude(encrypted_webhook_secret=""):
        authority.webhook_secret = decrypt_text(authority.encrypted_webhook_secret)
        authority.save(update_fields=["webhook_secret"])


class Migration(migrations.Migration):
    dependencies = [("complaints", "0002_complaint_handlers_group")]

    operations = [
        migrations.AddField(
            model_name="authority",
            name="encrypted_webhook_secret",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(encrypt_secrets, decrypt_secrets),
        migrations.RemoveField(model_name="authority", name="webhook_secret"),
    ]
