"""The parts of a service edited on its screen: locations, phones, schedules, languages."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from ..languages import LANGUAGES
from ..schedules import validate_byday


class Location(Orderable):
    """Where a service is delivered (HSDS `location` with its `address`): a place people go
    to, or a virtual channel (phone line, website).

    A confidential location (most shelters) shows the public its region only: the address,
    coordinates, directions and name stay in the admin."""

    class LocationType(models.TextChoices):
        PHYSICAL = "physical", _("physical place")
        VIRTUAL = "virtual", _("virtual (phone, internet)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(
        "services_directory.Service", on_delete=models.CASCADE, related_name="locations"
    )
    location_type = models.CharField(
        _("type"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    is_confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "Shelters usually are. The public then sees the region and the contact channels "
            "only: the address, coordinates, name and directions stay in this admin."
        ),
    )
    name = models.CharField(_("name of the place"), max_length=200, blank=True)
    address_1 = models.CharField(_("address"), max_length=200, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=100, blank=True)
    region = models.ForeignKey(
        "services_directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="locations",
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    transportation = models.TextField(_("how to get there"), blank=True)
    url = models.URLField(_("website of a virtual location"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("location_type"), FieldPanel("is_confidential")]),
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("address_1"),
                FieldRowPanel([FieldPanel("district"), FieldPanel("province")]),
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        FieldPanel("transportation"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        indexes = [
            # `region=` reads the services of a region from this index alone.
            models.Index(fields=["region", "service"], name="location_region_service"),
            # `near=` looks for public locations in a box around a position (nearest.py).
            models.Index(
                fields=["latitude", "longitude", "service"],
                condition=models.Q(is_confidential=False),
                name="location_public_position",
            ),
        ]

    def __str__(self):
        return self.name or str(self.region or self.get_location_type_display())

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class Phone(Orderable):
    """A number to call or message (HSDS `phone`)."""

    class PhoneType(models.TextChoices):
        VOICE = "voice", _("voice")
        CELL = "cell", _("mobile")
        TEXT = "text", _("text messages")
        FAX = "fax", _("fax")
        VIDEO = "video", _("video call")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(
        "services_directory.Service", on_delete=models.CASCADE, related_name="phones"
    )
    type = models.CharField(
        _("type"), max_length=10, choices=PhoneType.choices, default=PhoneType.VOICE
    )
    number = models.CharField(_("number"), max_length=40)
    description = models.CharField(_("description"), max_length=200, blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=60,
        blank=True,
        help_text=_("ISO 639 codes separated by commas, e.g. es,qu."),
    )

    panels = [
        FieldRowPanel([FieldPanel("type"), FieldPanel("number")]),
        FieldPanel("description"),
        FieldPanel("languages"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self):
        return self.number

    @property
    def dial_string(self):
        """The number as a tel: link needs it: digits and a leading +, nothing else."""
        return "".join(char for char in self.number if char.isdigit() or char == "+")

    def language_codes(self):
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class Schedule(Orderable):
    """Opening hours on some weekdays (HSDS `schedule`: `byday`, `opens_at`, `closes_at`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(
        "services_directory.Service", on_delete=models.CASCADE, related_name="schedules"
    )
    byday = models.CharField(
        _("weekdays"),
        max_length=30,
        validators=[validate_byday],
        help_text=_("Weekday codes separated by commas, e.g. MO,TU,WE,TH,FR."),
    )
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    description = models.CharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldPanel("byday"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.byday} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"

    def day_codes(self):
        return self.byday.split(",")


class ServiceLanguage(Orderable):
    """A language the service is delivered in (HSDS `language`), by its ISO 639 code."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(
        "services_directory.Service", on_delete=models.CASCADE, related_name="languages"
    )
    code = models.CharField(_("language"), max_length=3, choices=LANGUAGES)

    panels = [FieldPanel("code")]

    class Meta(Orderable.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="unique_service_language")
        ]

    def __str__(self):
        return self.get_code_display()
