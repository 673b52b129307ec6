"""The site settings' admin form: a change to what keeps people safe (the hotlines, the
quick-exit target) is saved only once the editor confirms it, since a wrong number or link
there fails someone in danger."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.log_actions import log

SAFETY_FIELDS = ("emergency_contacts", "quick_exit_url")
# Logged with what the field held before and after, so the history says who changed which
# number or link, and when (listed in the admin's site history report).
SAFETY_CHANGE_ACTION = "core.safety_settings_change"


def safety_field_text(instance, name):
    if name == "emergency_contacts":
        return ", ".join(
            f"{contact.value['name']} {contact.value['number']}"
            for contact in instance.emergency_contacts
        )
    return getattr(instance, name)


class SiteSettingsForm(WagtailAdminModelForm):
    confirm_safety_change = forms.BooleanField(
        label=_("I have checked the changed hotlines and quick-exit link"),
        help_text=_(
            "Needed only when the hotlines or the quick-exit link change: call each new "
            "number and open the new link before saving."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.safety_before = {name: safety_field_text(instance, name) for name in SAFETY_FIELDS}

    def changed_safety_fields(self):
        return [name for name in SAFETY_FIELDS if name in self.changed_data]

    def clean(self):
        cleaned_data = super().clean()
        if self.changed_safety_fields() and not cleaned_data.get("confirm_safety_change"):
            self.add_error(
                "confirm_safety_change",
                _("You changed the hotlines or the quick-exit link: confirm you checked them."),
            )
        return cleaned_data

    def save(self, commit=True):
        instance = super().save(commit=commit)
        changes = [
            {
                "field": str(instance._meta.get_field(name).verbose_name),
                "before": self.safety_before[name],
                "after": safety_field_text(instance, name),
            }
            for name in self.changed_safety_fields()
        ]
        if commit and changes:
            log(instance, SAFETY_CHANGE_ACTION, user=self.for_user, data={"changes": changes})
        return instance
