"""The first synonyms: the confusions people who search this site make most. Editors keep the
list in the admin (Snippets › Search synonyms); this only seeds it."""

from django.db import migrations

SYNONYMS = {
    "es": [
        # "Tráfico de personas" is the common name for what the law calls trata: both find the
        # concept of trata, which tells it apart from tráfico ilícito de migrantes.
        "trata de personas, tráfico de personas",
        "albergue, casa refugio, refugio, casa de acogida",
        "explotación laboral, trabajo forzoso",
        "niños, menores de edad",
    ],
    "en": [
        "human trafficking, trafficking in persons, people trafficking",
        "shelter, refuge, safe house",
        "labor exploitation, labour exploitation, forced labour, forced labor",
        "children, minors",
    ],
}


def add_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for language, groups in SYNONYMS.items():
        for terms in groups:
            SearchSynonym.objects.get_or_create(language=language, terms=terms)


def remove_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for language, groups in SYNONYMS.items():
        SearchSynonym.objects.filter(language=language, terms__in=groups).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_search_synonyms_and_zero_result_queries")]
    operations = [migrations.RunPython(add_synonyms, remove_synonyms)]
