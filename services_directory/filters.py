"""The directory's filters, read from the URL (`?q=…&region=16&type=albergue…`).

Every value a visitor can type is checked here; an invalid one is dropped with a message that
says which filter was not applied, so hostile or mistyped input never breaks the page."""

import math

from django import forms
from django.utils.translation import gettext_lazy as _

from .languages import LANGUAGES
from .lookups import regions
from .text import normalize

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10


class NearField(forms.CharField):
    """`near=LAT,LON` in decimal degrees, as the browser's geolocation gives them."""

    default_error_messages = {
        "invalid": _("Give a position as latitude,longitude in degrees, e.g. -3.75,-73.25."),
        "range": _("Latitude goes from -90 to 90 and longitude from -180 to 180."),
    }

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        parts = value.split(",")
        if len(parts) != 2 or len(value) > 60:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            latitude, longitude = (float(part) for part in parts)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not (math.isfinite(latitude) and math.isfinite(longitude)):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise forms.ValidationError(self.error_messages["range"], code="range")
        return (latitude, longitude)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Words to search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("A name, a place or what you need, e.g. albergue or Iquitos."),
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    type = forms.ChoiceField(label=_("Type of service"), required=False)
    population = forms.ChoiceField(label=_("For"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    open24h = forms.BooleanField(label=_("Open 24 hours"), required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    near = NearField(
        label=_("Near this position"),
        required=False,
        help_text=_("Latitude and longitude, e.g. -12.05,-77.04. Results are sorted by distance."),
    )

    def __init__(self, data, *, service_types, populations):
        super().__init__(data)
        everything = [("", _("Any"))]
        self.fields["region"].choices = everything + [
            (region.code, region.name) for region in regions()
        ]
        self.fields["type"].choices = everything + [
            (term.slug, term.name) for term in service_types
        ]
        self.fields["population"].choices = everything + [
            (term.slug, term.name) for term in populations
        ]
        self.fields["language"].choices = everything + list(LANGUAGES)
        self.fields["region"].error_messages["invalid_choice"] = _(
            "There is no region with that code: choose one from the list."
        )
        for name in ("type", "population", "language"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "That is not one of the options: choose one from the list."
            )

    def applied_filters(self):
        """The valid filters; an invalid one is left out (its error says so)."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "", False)
        }

    def words(self):
        query = self.applied_filters().get("q", "")
        return normalize(query).split()[:MAX_QUERY_WORDS]
