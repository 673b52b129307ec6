from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel

from ..choices import ExploitationType, MinorsInvolved
from .authority import Authority


class RoutingRule(ClusterableModel):
    """Reports that match every criterion set here go to the rule's authorities. A criterion
    left empty matches anything, so a rule with none set (the catch-all) receives every report;
    a report goes to the authorities of every rule it matches."""

    name = models.CharField(_("name"), max_length=200)
    exploitation_type = models.CharField(
        _("type of exploitation"),
        max_length=40,
        choices=ExploitationType.choices,
        blank=True,
        help_text=_("Empty: any type."),
    )
    region = models.ForeignKey(
        "services_directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: any region, including reports that name none."),
    )
    minors_involved = models.CharField(
        _("minors involved"),
        max_length=10,
        choices=MinorsInvolved.choices,
        blank=True,
        help_text=_("Empty: whatever the answer."),
    )
    authorities = ParentalManyToManyField(
        Authority, verbose_name=_("authorities"), related_name="routing_rules"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("exploitation_type"),
        FieldPanel("region"),
        FieldPanel("minors_involved"),
        FieldPanel("authorities", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")

    def __str__(self):
        return self.name

    @property
    def is_catch_all(self):
        return not self.exploitation_type and self.region_id is None and not self.minors_involved

    @classmethod
    def matching(cls, exploitation_type, region_code, minors_involved):
        return cls.objects.filter(
            Q(exploitation_type="") | Q(exploitation_type=exploitation_type),
            Q(region__isnull=True) | Q(region_id=region_code or None),
            Q(minors_involved="") | Q(minors_involved=minors_involved),
        )


def authorities_for(exploitation_type, region_code, minors_involved):
    """The active authorities a report with these answers goes to (one query)."""
    rules = RoutingRule.matching(exploitation_type, region_code, minors_involved)
    return Authority.objects.filter(active=True, routing_rules__in=rules).distinct()
