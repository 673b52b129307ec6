"""The groups take the names the team uses ("Editores" rather than Wagtail's "Editors").

Renamed in place, so members, permissions, page and collection permissions and the review
task's groups all follow. Wagtail's and this project's earlier migrations create the English
names, so both a fresh database and an existing one pass through them and end here. If a
group of the Spanish name already exists (made by hand), the English group is merged into it
rather than left beside it. The names are written out, not imported from `core.groups`: this
migration renames exactly these, whatever the constants say later.
"""

from django.db import migrations

ENGLISH_TO_SPANISH = {
    "Editors": "Editores",
    "Moderators": "Moderadores",
    "Translators": "Traductores",
    "Directory maintainers": "Mantenimiento del directorio",
    "Complaint handlers": "Gestión de denuncias",
    "Campaign staff": "Equipo de campañas",
}


def merge_into(apps, old, new):
    """Everything `old` grants, granted to `new`; then `old` goes."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    new.permissions.add(*old.permissions.all())
    new.user_set.add(*old.user_set.all())
    for grant in GroupPagePermission.objects.filter(group=old):
        GroupPagePermission.objects.get_or_create(
            group=new, page_id=grant.page_id, permission_id=grant.permission_id
        )
    for grant in GroupCollectionPermission.objects.filter(group=old):
        GroupCollectionPermission.objects.get_or_create(
            group=new, collection_id=grant.collection_id, permission_id=grant.permission_id
        )
    for task in GroupApprovalTask.objects.filter(groups=old):
        task.groups.add(new)
    old.delete()


def rename(apps, names):
    Group = apps.get_model("auth", "Group")
    for old_name, new_name in names.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        existing = Group.objects.filter(name=new_name).first()
        if existing is None:
            old.name = new_name
            old.save(update_fields=["name"])
        else:
            merge_into(apps, old, existing)


def to_spanish(apps, schema_editor):
    rename(apps, ENGLISH_TO_SPANISH)


def to_english(apps, schema_editor):
    rename(apps, {spanish: english for english, spanish in ENGLISH_TO_SPANISH.items()})


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_roles_and_review_workflow")]

    operations = [migrations.RunPython(to_spanish, to_english)]
