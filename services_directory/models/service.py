import datetime
import uuid

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.search_text import sectioned_stems

from ..filter_keys import joined_keys
from ..schedules import PERU, weekday_code
from ..text import normalize

# A service not verified for this long appears in the admin's "needs review" listing.
REVIEW_AFTER = datetime.timedelta(days=365)


class ServiceQuerySet(models.QuerySet):
    def public(self):
        """Services the public may see: inactive and defunct ones stay in the admin."""
        return self.filter(status__in=[Service.Status.ACTIVE, Service.Status.TEMPORARILY_CLOSED])

    def needs_review(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            models.Q(assured_date__isnull=True) | models.Q(assured_date__lt=today - REVIEW_AFTER)
        )


class Service(TranslatableMixin, ClusterableModel):
    """A service an organization offers (HSDS `service`), with its locations, phones,
    schedules and languages edited on the same screen."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        INACTIVE = "inactive", _("inactive")
        DEFUNCT = "defunct", _("defunct")
        TEMPORARILY_CLOSED = "temporarily closed", _("temporarily closed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        "services_directory.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("The service's address in the directory, the same in every language."),
    )
    description = models.TextField(_("description"))
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    assured_date = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("The date someone last checked these details with the service."),
    )
    service_types = ParentalManyToManyField(
        "services_directory.ServiceType",
        verbose_name=_("service types"),
        related_name="services",
        blank=True,
    )
    populations = ParentalManyToManyField(
        "services_directory.Population",
        verbose_name=_("populations"),
        related_name="services",
        blank=True,
    )
    eligibility_description = models.TextField(_("who can use it"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    fees_description = models.TextField(_("fees"), blank=True)
    open_24h = models.BooleanField(
        _("open 24 hours"), default=False, help_text=_("Every day, at any hour.")
    )
    is_synthetic = models.BooleanField(
        _("synthetic"),
        default=False,
        editable=False,
        help_text=_("Generated for load tests; never shown on a real site."),
    )
    # Public text, without accents and in lower case, for the directory's search (see
    # build_search_text). It never holds a confidential location's details.
    search_text = models.TextField(editable=False, blank=True, default="")
    # The same public text stemmed for site search, in sections (name | description, types
    # and populations | the rest): see core.search_text.sectioned_stems.
    search_stems = models.TextField(editable=False, blank=True, default="")
    # The service's regions, terms and languages as keys for the directory's filters, indexed
    # on PostgreSQL (see filter_keys.py).
    filter_keys = models.TextField(editable=False, blank=True, default="")
    last_modified = models.DateTimeField(auto_now=True)

    # A translation is a new row: it gets its own UUID rather than a copy of this one.
    exclude_fields_in_copy = ["id"]
    objects = ServiceQuerySet.as_manager()

    panels = [
        FieldPanel("organization"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("assured_date")], heading=_("Status")),
        FieldPanel("service_types"),
        FieldPanel("populations"),
        MultiFieldPanel(
            [
                FieldPanel("eligibility_description"),
                FieldPanel("minimum_age"),
                FieldPanel("maximum_age"),
            ],
            heading=_("Eligibility"),
        ),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("fees_description")], heading=_("Fees")),
        MultiFieldPanel([FieldPanel("url"), FieldPanel("email")], heading=_("Contact")),
        InlinePanel("phones", label=_("Phones")),
        InlinePanel("languages", label=_("Languages")),
        FieldPanel("open_24h"),
        InlinePanel("schedules", label=_("Opening hours")),
        InlinePanel("locations", label=_("Locations")),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("eligibility_description"),
        TranslatableField("fees_description"),
        TranslatableField("organization"),
        SynchronizedField("slug"),
        SynchronizedField("url"),
        SynchronizedField("email"),
        SynchronizedField("status"),
        SynchronizedField("assured_date"),
        SynchronizedField("service_types"),
        SynchronizedField("populations"),
        SynchronizedField("minimum_age"),
        SynchronizedField("maximum_age"),
        SynchronizedField("is_free"),
        SynchronizedField("open_24h"),
        SynchronizedField("phones"),
        SynchronizedField("languages"),
        SynchronizedField("schedules"),
        SynchronizedField("locations"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_service_slug")
        ]
        indexes = [
            # The directory lists by name within a language.
            models.Index(fields=["locale", "name", "id"], name="service_locale_name"),
            # Counting the services that match the directory's filters reads this index
            # alone, not the wide rows (an index-only scan on PostgreSQL, a covering index
            # on SQLite). On PostgreSQL, search_text and search_stems also have trigram
            # indexes for `contains` (migration 0005).
            models.Index(
                fields=["locale", "status", "is_free", "open_24h", "id"], name="service_filters"
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def available_slug(cls, name, locale):
        """A slug from `name` that no other service in `locale` has yet."""
        base = slugify(name)[:100] or "servicio"
        slug, suffix = base, 1
        while cls.objects.filter(slug=slug, locale=locale).exists():
            suffix += 1
            slug = f"{base}-{suffix}"
        return slug

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        self.search_stems = self.build_search_stems()
        self.filter_keys = self.build_filter_keys()
        super().save(*args, **kwargs)

    def build_search_text(self):
        """What `q` matches: names, descriptions, eligibility and the places of public
        locations. A confidential location contributes its region only, which the public
        sees anyway."""
        parts = [self.name, self.description, self.eligibility_description]
        if self.organization_id:
            parts.append(self.organization.name)
        for location in self.locations.all():
            if location.region_id:
                parts.append(location.region.name)
            if not location.is_confidential:
                parts += [location.name, location.district, location.province]
        return normalize(" ".join(part for part in parts if part))

    def build_filter_keys(self):
        return joined_keys(
            region_codes=[location.region_id for location in self.locations.all()],
            type_ids=[term.pk for term in self.service_types.all()],
            population_ids=[term.pk for term in self.populations.all()],
            language_codes=[language.code for language in self.languages.all()],
        )

    def build_search_stems(self):
        return self.stems_for_search(
            self.name, [self.description, *self.term_names()], self.search_text
        )

    def term_names(self):
        """The names of the service's types and populations in the service's language
        (a translation links the default language's terms)."""
        names = []
        for term in [*self.service_types.all(), *self.populations.all()]:
            if term.locale_id != self.locale_id:
                term = term.get_translation_or_none(self.locale_id) or term
            names.append(term.name)
        return names

    def stems_for_search(self, name, summary_parts, search_text):
        """What site search matches and ranks on; search_text has only public details."""
        summary = " ".join(part for part in summary_parts if part)
        return sectioned_stems(name, summary, search_text, self.locale.language_code)

    def is_open_at(self, moment):
        """Open at `moment` (an aware datetime), by the schedules read in Peru's time."""
        if self.status != self.Status.ACTIVE:
            return False
        if self.open_24h:
            return True
        local = moment.astimezone(PERU)
        day = weekday_code(moment)
        return any(
            day in schedule.byday.split(",")
            and schedule.opens_at <= local.time() < schedule.closes_at
            for schedule in self.schedules.all()
        )

    def is_open_now(self):
        return self.is_open_at(timezone.now())

    def public_locations(self):
        return [location for location in self.locations.all() if not location.is_confidential]

    def has_confidential_location(self):
        return any(location.is_confidential for location in self.locations.all())

    def needs_review(self, today=None):
        today = today or timezone.localdate()
        return self.assured_date is None or self.assured_date < today - REVIEW_AFTER
