from django.db import migrations

from services_directory.regions import DEPARTMENTS


def load_departments(apps, schema_editor):
    Region = apps.get_model("services_directory", "Region")
    for code, name in DEPARTMENTS:
        Region.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0001_initial")]

    operations = [migrations.RunPython(load_departments, migrations.RunPython.noop)]
