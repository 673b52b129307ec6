"""The core app in the Wagtail admin: the log action that keeps the history of safety
settings."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .site_settings_form import SAFETY_CHANGE_ACTION


@hooks.register("register_log_actions")
def register_safety_settings_log_action(actions):
    @actions.register_action(SAFETY_CHANGE_ACTION)
    class SafetySettingsChange(LogFormatter):
        label = _("Change hotlines or quick exit")

        def format_message(self, log_entry):
            return "; ".join(
                gettext("%(field)s: “%(before)s” → “%(after)s”") % change
                for change in log_entry.data.get("changes", [])
            )
