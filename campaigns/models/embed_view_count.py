from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmbedViewCount(models.Model):
    """How many times the embed view of a campaign was served, per partner and day. Nothing
    about the visitor is kept: no address, no cookie, no user agent, just a number."""

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="embed_view_counts",
    )
    partner = models.ForeignKey(
        "campaigns.MediaPartner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        # A partner with counted views is deactivated, not deleted, so its figures stay.
        on_delete=models.PROTECT,
        related_name="embed_view_counts",
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("embed view count")
        constraints = [
            # NULL never equals NULL in a unique index, so views without a partner need their own.
            models.UniqueConstraint(
                fields=["campaign", "partner", "day"],
                condition=Q(partner__isnull=False),
                name="campaigns_one_count_per_campaign_partner_day",
            ),
            models.UniqueConstraint(
                fields=["campaign", "day"],
                condition=Q(partner__isnull=True),
                name="campaigns_one_count_per_campaign_day_without_partner",
            ),
        ]

    def __str__(self):
        return f"{self.campaign_id} {self.partner_id or '-'} {self.day}: {self.views}"

    @classmethod
    def count(cls, campaign, partner=None):
        """Adds one view to today's row, creating it on the first view. An UPDATE with F()
        adds in the database, so concurrent requests never lose a view."""
        key = {"campaign": campaign, "partner": partner, "day": timezone.localdate()}
        if cls.objects.filter(**key).update(views=F("views") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(**key, views=1)
        except IntegrityError:
            # Another request created the row between our UPDATE and INSERT.
            cls.objects.filter(**key).update(views=F("views") + 1)
