"""Languages a service or a phone line works in, as ISO 639 codes (HSDS `language.code`).

Peru's official languages include Quechua, Aymara and the Amazonian languages; the list holds
those a directory maintainer is most likely to need and can grow without a migration of data.
"""

from django.utils.translation import gettext_lazy as _

LANGUAGES = (
    ("es", _("Spanish")),
    ("qu", _("Quechua")),
    ("ay", _("Aymara")),
    ("cni", _("Asháninka")),
    ("agr", _("Awajún")),
    ("shp", _("Shipibo-Konibo")),
    ("en", _("English")),
    ("pt", _("Portuguese")),
    ("psp", _("Peruvian Sign Language")),
)
LANGUAGE_NAMES = dict(LANGUAGES)
