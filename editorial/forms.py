from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import match_token


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app or, where `accept_recovery_codes`, one of
    the user's recovery codes. django-otp checks it and slows down repeated failures."""

    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def __init__(self, *args, user, devices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # None: every confirmed device of the user (authenticator and recovery codes).
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if self.devices is None:
            self.device = match_token(self.user, code)
        else:
            self.device = next(
                (device for device in self.devices if device.verify_token(code)), None
            )
        if self.device is None:
            raise forms.ValidationError(
                _("That code is not valid. Check the time on your phone, then try again."),
                code="invalid",
            )
        return code
