"""The "Complaint handlers" group: the only people, with superusers, who see complaints.
Created if missing; an existing group of that name is left as it is, except that it can sign
in to the admin."""

from django.db import migrations

GROUP_NAME = "Complaint handlers"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        group.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
