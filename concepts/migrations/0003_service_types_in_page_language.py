"""Translated concept pages made before ConceptPage.save() localized their service types point
at the Spanish terms: each is replaced by its translation into the page's language."""

from django.db import migrations


def localize_service_types(apps, schema_editor):
    ConceptPage = apps.get_model("concepts", "ConceptPage")
    ServiceType = apps.get_model("services_directory", "ServiceType")
    through = ConceptPage.service_types.through
    for link in through.objects.select_related("conceptpage", "servicetype"):
        page, term = link.conceptpage, link.servicetype
        if term.locale_id == page.locale_id:
            continue
        translation = ServiceType.objects.filter(
            translation_key=term.translation_key, locale_id=page.locale_id
        ).first()
        if translation is None:
            continue
        if through.objects.filter(conceptpage=page, servicetype=translation).exists():
            link.delete()
        else:
            link.servicetype = translation
            link.save()


class Migration(migrations.Migration):
    dependencies = [
        ("concepts", "0002_concept_service_types"),
        ("services_directory", "0003_directory_models"),
    ]

    operations = [migrations.RunPython(localize_service_types, migrations.RunPython.noop)]
