"""The authority form of the admin: the webhook secret is write-only. It is typed once, stored
encrypted, and never sent back to a browser; leaving the field empty keeps the stored one."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class AuthorityForm(WagtailAdminModelForm):
    webhook_secret = forms.CharField(
        label=_("Webhook secret"),
        required=False,
        max_length=200,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Shared secret: each request carries X-Signature: sha256=<HMAC of the body with it>. "
            "It is stored encrypted and never shown again: leave empty to keep the current one."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.has_webhook_secret:
            self.fields["webhook_secret"].widget.attrs["placeholder"] = _("(a secret is set)")

    def clean(self):
        cleaned_data = super().clean()
        # Set before the model's own validation, which requires a secret with a webhook.
        if cleaned_data.get("webhook_secret"):
            self.instance.set_webhook_secret(cleaned_data["webhook_secret"])
        return cleaned_data
