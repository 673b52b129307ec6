import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

# What editors may enter: an https origin, nothing more (no path, no wildcard).
EDITOR_ORIGIN = re.compile(
    r"^https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$"
)
# What may reach a response header: any origin made only of these characters, so that nothing
# stored in the database (whoever wrote it) can add a directive to the policy.
HEADER_SAFE_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")


def parse_origins(text):
    """The origins of a partner, one per line, normalised (lower case, no trailing slash)."""
    origins = []
    for line in (text or "").splitlines():
        origin = line.strip().rstrip("/").lower()
        if origin and origin not in origins:
            origins.append(origin)
    return origins


def validate_origins(text):
    origins = parse_origins(text)
    if not origins:
        raise ValidationError(_("Enter at least one website origin."))
    invalid = [origin for origin in origins if not EDITOR_ORIGIN.match(origin)]
    if invalid:
        raise ValidationError(
            _(
                "Not a website origin: %(origins)s. Write https://, the host name and, only if "
                "needed, a port, with nothing after it (e.g. https://www.example.pe)."
            ),
            params={"origins": ", ".join(invalid)},
        )


class MediaPartner(index.Indexed, models.Model):
    """A newspaper, radio or TV site, NGO or regional government that embeds campaigns.
    While active, its websites may show the campaigns in an iframe."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_(
            "Short code for the partner's embed links (…?partner=slug): its views are then "
            "counted under its name."
        ),
    )
    origins = models.TextField(
        _("website origins"),
        validators=[validate_origins],
        help_text=_(
            "The addresses of the partner's websites allowed to embed campaigns, one per line, "
            "as https://host or https://host:port (e.g. https://www.example.pe)."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Unticked, the partner's websites can no longer show the campaigns, at once."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("origins"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("media partner")
        verbose_name_plural = _("media partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.origins = "\n".join(parse_origins(self.origins))

    @property
    def origin_list(self):
        return parse_origins(self.origins)

    @classmethod
    def framing_origins(cls):
        """Every origin allowed to frame the embed view: the active partners' websites. One
        query; read on each embed request so that deactivating a partner takes effect at once."""
        origins = []
        for text in cls.objects.filter(active=True).values_list("origins", flat=True):
            for origin in parse_origins(text):
                if HEADER_SAFE_ORIGIN.match(origin) and origin not in origins:
                    origins.append(origin)
        return origins
