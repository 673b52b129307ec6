"""Which automated-submission check the complaint form uses: reCAPTCHA when the site has
keys for it, otherwise ALTCHA, a proof-of-work challenge issued and verified by this site."""

from altcha_django.forms import AltchaField
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox

# The widget's own languages: es-419 (Latin American Spanish) is vendored beside the script.
WIDGET_LANGUAGES = {"es": "es-419", "en": "en"}
# reCAPTCHA's scripts and frame come from Google: only the complaint pages allow them.
RECAPTCHA_SOURCES = ("https://www.google.com/recaptcha/", "https://www.gstatic.com/recaptcha/")

CHECK_FAILED = _(
    "The automatic check against spam was not completed, so the report was not sent. "
    "Tick “I'm not a robot” below and send it again. If it keeps failing, call Línea 1818."
)


def recaptcha_configured():
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


def challenge_field(language):
    if recaptcha_configured():
        return ReCaptchaField(
            label=_("Check against spam"),
            widget=ReCaptchaV2Checkbox(api_params={"hl": language}),
            error_messages={"required": CHECK_FAILED, "captcha_invalid": CHECK_FAILED},
        )
    field = AltchaField(
        label=_("Check against spam"),
        challenge_url=reverse("altcha_django:challenge"),
        language=WIDGET_LANGUAGES.get(language, "en"),
        type="checkbox",
        # No link to a third-party site inside the form.
        configuration={"hideFooter": True},
    )
    # One clear message whatever went wrong (missing, expired, replayed, forged).
    field.error_messages = dict.fromkeys(field.error_messages, CHECK_FAILED)
    return field
