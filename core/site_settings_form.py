"""The site settings' admin form: a change to what keeps people safe (the hotlines, the
quick-exit target) is saved only once the editor confirms it, since a wrong number or link
there fails someone in danger."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

SAFETY_FIELDS = ("emergency_contacts", "quick_exit_url")


class SiteSettingsForm(WagtailAdminModelForm):
    confirm_safety_change = forms.BooleanField(
        label=_("I have checked the changed hotlines and quick-exit link"),
        help_text=_(
            "Needed only when the hotlines or the quick-exit link change: call each new "
            "number and open the new link before saving."
        ),
        required=False,
    )

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
