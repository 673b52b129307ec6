"""The anonymous monthly complaint counts, published for the plan's indicators and any other
chart: registered with charts (apps.ready) as the dataset "complaints", so an editor can cite
them on an objective page without plan importing complaints. Counts from 1 to 4 are shown as
"<5" by the chart (charts/datasets.py says why); nothing but counts ever leaves this module."""

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from charts.datasets import CountDataset
from services_directory.models import Region

from .choices import ExploitationType
from .models.complaint import Complaint
from .models.count import ComplaintCount


class ComplaintCountDataset(CountDataset):
    key = "complaints"
    label = _("Complaints received through the portal's form")
    source = _(
        "Complaints received through this portal's complaint form (counts by type, region and "
        "month; those past their retention period included)"
    )

    def category_choices(self):
        return list(ExploitationType.choices)

    def region_choices(self):
        return list(Region.objects.values_list("code", "name"))

    def monthly_counts(self, *, category, region, start, end):
        """The purged complaints (ComplaintCount) and those still kept, added up by month."""
        purged = ComplaintCount.objects.filter(month__gte=start, month__lte=end)
        kept = Complaint.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
        if category:
            purged = purged.filter(exploitation_type=category)
            kept = kept.filter(exploitation_type=category)
        if region:
            purged = purged.filter(region_id=region)
            kept = kept.filter(region_id=region)
        totals = {}
        for row in purged.values("month").annotate(number=Sum("count")).order_by():
            totals[row["month"]] = totals.get(row["month"], 0) + row["number"]
        kept = kept.annotate(month=TruncMonth("created_at")).values("month")
        for row in kept.annotate(number=Count("pk")).order_by():
            month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
            totals[month] = totals.get(month, 0) + row["number"]
        return totals
