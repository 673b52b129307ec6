"""The complaint form and the receipt lookup form. Field names are part of the public contract
(issue 9): partners' guides and the tests post them."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import content_cache
from services_directory.models import Region

from .bot_check import challenge_field
from .choices import ExploitationType, MinorsInvolved
from .hashing import normalise_receipt_code

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
HONEYPOT_FIELD = "website"


def _private(widget):
    """Browsers must not remember or suggest what is typed here."""
    widget.attrs["autocomplete"] = "off"
    return widget


def region_choices():
    """(code, name) of every region, by name, from the content cache (saving a region
    replaces it: services_directory/apps.py)."""
    return content_cache.cached(
        "complaints:region-choices", lambda: list(Region.objects.values_list("code", "name"))
    )


class ComplaintForm(forms.Form):
    exploitation_type = forms.ChoiceField(
        label=_("What kind of exploitation do you want to report?"),
        choices=ExploitationType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the kind of exploitation, or “Other, or I am not sure”."),
            "invalid_choice": _("Choose one of the kinds of exploitation listed."),
        },
    )
    region = forms.ChoiceField(
        label=_("Region where it happens"),
        required=False,
        help_text=_("Leave it empty if you do not know."),
        error_messages={"invalid_choice": _("Choose one of Peru's regions from the list.")},
    )
    place = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=500,
        help_text=_("Province, district, address or a description of the place, if you know it."),
    )
    when = forms.CharField(
        label=_("When"),
        required=False,
        max_length=200,
        help_text=_("A date, or words such as “since last year” or “every night”."),
    )
    description = forms.CharField(
        label=_("What is happening?"),
        min_length=20,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Describe what you saw or know: who, what, where. Between 20 and 10,000 characters."
        ),
        error_messages={
            "required": _("Describe what is happening: at least 20 characters."),
            "min_length": _(
                "Write a little more (at least 20 characters) so the authorities can act."
            ),
            "max_length": _(
                "The description is too long: at most 10,000 characters "
                "(it has %(show_value)d). Shorten it and send it again."
            ),
        },
    )
    minors_involved = forms.ChoiceField(
        label=_("Are children or adolescents (under 18) involved?"),
        choices=MinorsInvolved.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Say whether children or adolescents are involved, or “I don't know”."),
            "invalid_choice": _("Choose yes, no or “I don't know”."),
        },
    )
    immediate_danger = forms.ChoiceField(
        label=_("Is someone in danger right now?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Say whether someone is in danger right now."),
            "invalid_choice": _("Choose yes or no."),
        },
    )
    contact_name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    contact_phone = forms.CharField(label=_("Your phone"), required=False, max_length=40)
    contact_email = forms.EmailField(
        label=_("Your email"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )
    # Hidden from people by CSS; automated scripts fill every field they find.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("I don't know")), *region_choices()]
        for field in self.fields.values():
            # Radio buttons have nothing to remember (HTML allows autocomplete only on fields
            # that take text or a choice from a list).
            if not isinstance(field.widget, forms.RadioSelect):
                _private(field.widget)
        self.fields["challenge"] = challenge_field(language)
        self.fields[HONEYPOT_FIELD].widget.attrs["tabindex"] = "-1"

    def clean_immediate_danger(self):
        return self.cleaned_data["immediate_danger"] == "yes"

    def clean_website(self):
        if self.cleaned_data[HONEYPOT_FIELD]:
            raise ValidationError(
                _(
                    "This report looks automated and was not sent. If you are a person, call "
                    "Línea 1818 to report it."
                ),
                code="honeypot",
            )
        return ""

    def answers(self):
        """The cleaned answers, without the form's own machinery."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in {HONEYPOT_FIELD, "challenge"}
        }

    def visible_fields_in_order(self):
        return [field for field in self if field.name not in {HONEYPOT_FIELD, "challenge"}]


class ReceiptLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Receipt code"),
        max_length=40,
        help_text=_("The 16 digits you received, e.g. 1234 5678 9012 3456."),
        widget=_private(forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"})),
        error_messages={"required": _("Enter your 16-digit receipt code.")},
    )

    def clean_code(self):
        # A malformed code gets the same answer as an unknown one (see views.status_lookup).
        return normalise_receipt_code(self.cleaned_data["code"])
