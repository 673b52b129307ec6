from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH


class ZeroResultQuery(models.Model):
    """How many times a day a query found nothing: what editors should write about next.
    Only the (normalised) query and a count, nothing about who searched."""

    query_string = models.CharField(_("query"), max_length=MAX_QUERY_STRING_LENGTH)
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        ordering = ["-date", "-hits"]
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query_string", "date"], name="unique_zero_result_day")
        ]

    def __str__(self):
        return self.query_string

    @classmethod
    def add_hit(cls, query_string, date):
        """One more search of `query_string` on `date`: one UPDATE once the day's row exists."""
        counted = cls.objects.filter(query_string=query_string, date=date).update(
            hits=F("hits") + 1
        )
        if not counted:
            row, _created = cls.objects.get_or_create(query_string=query_string, date=date)
            cls.objects.filter(pk=row.pk).update(hits=F("hits") + 1)
