"""The handlers' area of the admin: the list of complaints, one complaint with its decrypted
content, status changes, re-sending a delivery, and a preview of the routing rules.
Every view of a complaint and every change is written to Wagtail's audit log."""

from django import forms
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.log_actions import log

from services_directory.models import Region

from .choices import ComplaintStatus, DeliveryStatus, ExploitationType, MinorsInvolved
from .models.complaint import Complaint, StatusChange
from .models.delivery import Delivery
from .models.routing_rule import RoutingRule, authorities_for
from .permissions import handlers_only
from .tasks import deliver_complaint

VIEW_ACTION = "complaints.view"
STATUS_ACTION = "complaints.change_status"
RESEND_ACTION = "complaints.resend_delivery"


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ComplaintStatus.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Stored encrypted, seen only by handlers."),
    )


class RoutingPreviewForm(forms.Form):
    exploitation_type = forms.ChoiceField(
        label=_("Type of exploitation"), choices=ExploitationType.choices
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False
    )
    minors_involved = forms.ChoiceField(label=_("Minors involved"), choices=MinorsInvolved.choices)


@handlers_only
def complaint_list(request):
    complaints = (
        Complaint.objects.select_related("region")
        .annotate(
            sent=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
            pending=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.PENDING)),
            failed=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
        )
        .order_by("-created_at")
    )
    status = request.GET.get("status")
    if status in ComplaintStatus.values:
        complaints = complaints.filter(status=status)
    page = Paginator(complaints, 50).get_page(request.GET.get("p"))
    context = {"complaints": page, "statuses": ComplaintStatus.choices, "current_status": status}
    return TemplateResponse(request, "complaints/admin/complaint_list.html", context)


@handlers_only
def complaint_detail(request, pk):
    complaint = get_object_or_404(Complaint.objects.select_related("region"), pk=pk)
    log(complaint, VIEW_ACTION, user=request.user)
    context = {
        "complaint": complaint,
        "content": complaint.read_content(),
        "history": [
            (change, change.read_note())
            for change in complaint.status_changes.select_related("changed_by")
        ],
        "deliveries": complaint.deliveries.select_related("authority"),
        "status_form": StatusChangeForm(initial={"status": complaint.status}),
    }
    return TemplateResponse(request, "complaints/admin/complaint_detail.html", context)


@require_POST
@handlers_only
def change_status(request, pk):
    complaint = get_object_or_404(Complaint, pk=pk)
    form = StatusChangeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses."))
        return redirect("complaints_admin:detail", pk=pk)
    with transaction.atomic():
        complaint.status = form.cleaned_data["status"]
        complaint.save(update_fields=["status"])
        change = StatusChange(complaint=complaint, status=complaint.status, changed_by=request.user)
        change.set_note(form.cleaned_data["note"])
        change.save()
        # The note stays encrypted with the complaint: the log says only what changed.
        log(complaint, STATUS_ACTION, user=request.user, data={"status": complaint.status})
    messages.success(request, _("Status changed."))
    return redirect("complaints_admin:detail", pk=pk)


@require_POST
@handlers_only
def resend_delivery(request, pk, delivery_pk):
    delivery = get_object_or_404(
        Delivery.objects.select_related("authority"), pk=delivery_pk, complaint_id=pk
    )
    with transaction.atomic():
        delivery.status = DeliveryStatus.PENDING
        delivery.attempts = 0
        delivery.next_attempt_at = timezone.now()
        delivery.locked_until = None
        delivery.save(update_fields=["status", "attempts", "next_attempt_at", "locked_until"])
        deliver_complaint.enqueue(delivery.pk)
        log(
            delivery.complaint,
            RESEND_ACTION,
            user=request.user,
            data={"delivery": delivery.pk, "authority": delivery.authority.short_name},
        )
    messages.success(request, _("The delivery will be sent again."))
    return redirect("complaints_admin:detail", pk=pk)


@handlers_only
def routing_preview(request):
    form = RoutingPreviewForm(request.GET or None)
    authorities = None
    if form.is_valid():
        region = form.cleaned_data["region"]
        authorities = authorities_for(
            form.cleaned_data["exploitation_type"],
            region.pk if region else None,
            form.cleaned_data["minors_involved"],
        )
    context = {
        "form": form,
        "authorities": authorities,
        "has_catch_all": any(rule.is_catch_all for rule in RoutingRule.objects.all()),
    }
    return TemplateResponse(request, "complaints/admin/routing_preview.html", context)
