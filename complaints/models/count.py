from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ExploitationType


class ComplaintCount(models.Model):
    """How many complaints of a type, from a region, arrived in a month: what remains of
    complaints once their retention period is over and they are purged."""

    month = models.DateField(_("month"), help_text=_("First day of the month."))
    exploitation_type = models.CharField(
        _("type of exploitation"), max_length=40, choices=ExploitationType.choices
    )
    region = models.ForeignKey(
        "services_directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    count = models.PositiveIntegerField(_("complaints"), default=0)

    class Meta:
        ordering = ["month", "exploitation_type", "region"]
        verbose_name = _("monthly complaint count")
        verbose_name_plural = _("monthly complaint counts")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "exploitation_type", "region"],
                name="one_count_per_month_type_region",
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.get_exploitation_type_display()}: {self.count}"
