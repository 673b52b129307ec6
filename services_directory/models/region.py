from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """A department of Peru, identified by its INEI UBIGEO code (`16` is Loreto).

    The code is the primary key because it is what URLs (`?region=16`), imports and
    complaints carry; department names are proper nouns, the same in every language.
    """

    code = models.CharField(
        _("UBIGEO code"),
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^\d{2}$", _("Two digits, e.g. 16 for Loreto."))],
    )
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name
