from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.search_text import stems


class SearchSynonym(models.Model):
    """Words or expressions that site search treats as one: a search for any of them finds
    pages that use any other. The one editable list; editors keep it in the admin."""

    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "Two or more words or expressions that mean the same to the people who search, "
            "separated by commas, e.g. trata de personas, tráfico de personas."
        ),
    )

    class Meta:
        ordering = ["language", "terms"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.terms

    def term_list(self):
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def stemmed_terms(self):
        """Each term as a tuple of stems, as the query builder compares them."""
        found = (tuple(stems(term, self.language)) for term in self.term_list())
        return [term for term in found if term]
