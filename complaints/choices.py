"""The fixed vocabularies of a complaint. Their values are part of the form's contract (field
values posted by the form, keys in webhook payloads), so they never change; labels may."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExploitationType(models.TextChoices):
    SEXUAL_EXPLOITATION = "sexual_exploitation", _("Sexual exploitation")
    LABOUR_EXPLOITATION = "labour_exploitation", _("Labour exploitation")
    DEBT_BONDAGE = "debt_bondage", _("Debt bondage")
    SALE_OF_CHILDREN = "sale_of_children", _("Sale of children and adolescents")
    CHILD_SEXUAL_EXPLOITATION = (
        "child_sexual_exploitation",
        _("Sexual exploitation of children and adolescents"),
    )
    OTHER = "other", _("Other, or I am not sure")


class MinorsInvolved(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("I don't know")


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    FORWARDED = "forwarded", _("Forwarded")
    CLOSED = "closed", _("Closed")


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    WEBHOOK = "webhook", _("Webhook")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed: needs a handler")
