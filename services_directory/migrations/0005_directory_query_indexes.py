from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

# `contains` on the directory's text (search_text, `q`) scans every row unless a trigram
# index serves it. PostgreSQL only: the extension operation is a no-op elsewhere, and the index
# is created by hand below (it is not part of the models' state, which every database shares).
# Site search's column, search_stems, has its own index in search/migrations/0005.
TRIGRAM_INDEXES = [
    GinIndex(fields=["search_text"], opclasses=["gin_trgm_ops"], name="service_text_trigram"),
]


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    service = apps.get_model("services_directory", "Service")
    for index in TRIGRAM_INDEXES:
        schema_editor.add_index(service, index)


def remove_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    service = apps.get_model("services_directory", "Service")
    for index in TRIGRAM_INDEXES:
        schema_editor.remove_index(service, index)


class Migration(migrations.Migration):
    dependencies = [
        ("services_directory", "0004_service_search_stems"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="location",
            index=models.Index(
                condition=models.Q(("is_confidential", False)),
                fields=["latitude", "longitude", "service"],
                name="location_public_position",
            ),
        ),
        migrations.AddIndex(
            model_name="service",
            index=models.Index(
                fields=["locale", "status", "is_free", "open_24h", "id"], name="service_filters"
            ),
        ),
        TrigramExtension(),
        migrations.RunPython(add_trigram_indexes, remove_trigram_indexes),
    ]
