from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Channel
from ..encryption import decrypt_text, encrypt_text
from ..webhook_policy import webhook_url_allowed

# Reserved by RFC 2606 for names that must never resolve: initial addresses use it.
PLACEHOLDER_DOMAIN = ".invalid"


class Authority(models.Model):
    """An institution that receives complaints, through an email address, a webhook or both."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        blank=True,
        help_text=_("Shown to reporters on the status page, e.g. “PNP”."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive authorities receive nothing.")
    )
    email = models.EmailField(
        _("email address"),
        blank=True,
        help_text=_("Official mailbox for reports. Addresses ending in .invalid are placeholders."),
    )
    webhook_url = models.URLField(
        _("webhook URL"),
        blank=True,
        help_text=_("HTTPS address that receives each report as JSON."),
    )
    # The shared secret that signs each webhook request, encrypted like complaint content: a
    # copy of the database alone cannot forge reports to an authority. The admin form writes
    # it (complaints/admin_forms.py) and never shows it back.
    encrypted_webhook_secret = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self):
        return self.acronym or self.name

    def set_webhook_secret(self, secret):
        self.encrypted_webhook_secret = encrypt_text(secret) if secret else ""

    def read_webhook_secret(self):
        return decrypt_text(self.encrypted_webhook_secret) if self.encrypted_webhook_secret else ""

    @property
    def has_webhook_secret(self):
        return bool(self.encrypted_webhook_secret)

    def channels(self):
        channels = []
        if self.email:
            channels.append(Channel.EMAIL)
        if self.webhook_url:
            channels.append(Channel.WEBHOOK)
        return channels

    @property
    def needs_configuration(self):
        """True while a channel still holds a placeholder, or there is no channel at all."""
        hosts = [self.email.rpartition("@")[2], urlsplit(self.webhook_url).hostname or ""]
        return not self.channels() or any(
            host.lower().endswith(PLACEHOLDER_DOMAIN) for host in hosts if host
        )

    def configuration_state(self):
        return _("To configure") if self.needs_configuration else _("Configured")

    configuration_state.short_description = _("configuration")

    def clean(self):
        if not self.email and not self.webhook_url:
            raise ValidationError(_("Give an email address, a webhook URL or both."))
        if self.webhook_url and not webhook_url_allowed(self.webhook_url):
            raise ValidationError({"webhook_url": _("The webhook must use HTTPS.")})
        if self.webhook_url and not self.has_webhook_secret:
            raise ValidationError({"webhook_secret": _("A webhook needs a shared secret.")})
