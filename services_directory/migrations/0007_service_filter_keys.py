from django.db import migrations, models

from services_directory.filter_keys import joined_keys

BATCH = 1000
# The directory's filters on PostgreSQL read this index (services_directory/filter_keys.py);
# its expression is the one services_directory.directory.KEYS builds. SQLite has no GIN index
# and keeps reading the linked tables: there the column is kept up to date and not indexed.
CREATE_INDEX = (
    "CREATE INDEX service_filter_keys ON services_directory_service "
    "USING gin (string_to_array(filter_keys, ' '))"
)
DROP_INDEX = "DROP INDEX IF EXISTS service_filter_keys"


def fill_filter_keys(apps, schema_editor):
    """The keys of the services that exist, as Service.build_filter_keys does on each save."""
    Service = apps.get_model("services_directory", "Service")
    services = Service.objects.order_by("pk").prefetch_related(
        "locations", "service_types", "populations", "languages"
    )
    changed = []
    for service in services.iterator(chunk_size=BATCH):
        service.filter_keys = joined_keys(
            region_codes=[location.region_id for location in service.locations.all()],
            type_ids=[term.pk for term in service.service_types.all()],
            population_ids=[term.pk for term in service.populations.all()],
            language_codes=[language.code for language in service.languages.all()],
        )
        changed.append(service)
        if len(changed) == BATCH:
            Service.objects.bulk_update(changed, ["filter_keys"])
            changed = []
    Service.objects.bulk_update(changed, ["filter_keys"])


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_INDEX)


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0006_location_region_service")]

    operations = [
        migrations.AddField(
            model_name="service",
            name="filter_keys",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_filter_keys, migrations.RunPython.noop),
        migrations.RunPython(add_index, remove_index),
    ]
