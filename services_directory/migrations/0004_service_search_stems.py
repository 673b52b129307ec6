from django.db import migrations, models

from core.search_text import sectioned_stems


def fill_search_stems(apps, schema_editor):
    """Stem the services that exist, as Service.build_search_stems does on each save."""
    Service = apps.get_model("services_directory", "Service")
    services = Service.objects.select_related("locale").prefetch_related(
        "service_types", "populations"
    )
    names = {}  # (model, translation key, locale) -> the term's name in that language
    for model in (apps.get_model("services_directory", name) for name in ("ServiceType", "Population")):
        for key, locale_id, name in model.objects.values_list("translation_key", "locale_id", "name"):
            names[model, key, locale_id] = name
    for service in services.iterator(chunk_size=500):
        terms = [*service.service_types.all(), *service.populations.all()]
        term_names = [
            names.get((type(term), term.translation_key, service.locale_id), term.name)
            for term in terms
        ]
        summary = " ".join([service.description, *term_names])
        service.search_stems = sectioned_stems(
            service.name, summary, service.search_text, service.locale.language_code
        )
        service.save(update_fields=["search_stems"])


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0003_directory_models")]

    operations = [
        migrations.AddField(
            model_name="service",
            name="search_stems",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_search_stems, migrations.RunPython.noop),
    ]
