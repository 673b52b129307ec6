from django.apps import AppConfig


class ConceptsConfig(AppConfig):
    """Concept explainers: trafficking, debt bondage, each form of exploitation…"""

    name = "concepts"
    label = "concepts"
    verbose_name = "Concepts"
    default_auto_field = "django.db.models.BigAutoField"
