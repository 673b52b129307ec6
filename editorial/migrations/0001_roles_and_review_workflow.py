"""The editorial groups and their permissions (docs/roles.md), and the review workflow every
page goes through before it is published.

Wagtail's own migrations already create "Editors" and "Moderators" (page permissions on the
root page, images and documents) and a "Moderators approval" workflow on the root page; the
complaints app creates "Complaint handlers". This migration completes those groups rather than
duplicating them, creates the others, and renames Wagtail's workflow to "Revisión".

Permissions that depend on pages created by the initial content (translators on the English
tree, campaign staff on the campaign sections) are granted by `editorial.roles`, which
`load_initial_data` runs once those pages exist.

Model permissions are normally created after every migration has run (post_migrate), so the
ones this migration needs are created here if missing, exactly as Django would name them.
"""

from django.db import migrations

ADMIN = ("wagtailadmin", "admin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")


def crud(app_label, model, actions=("add", "change", "delete", "view")):
    return [(app_label, model, f"{action}_{model}") for action in actions]


IMAGES_AND_DOCUMENTS = [
    *crud("wagtailimages", "image", ("add", "change", "delete", "choose")),
    *crud("wagtaildocs", "document", ("add", "change", "delete", "choose")),
]
CHOOSE_IMAGES_AND_DOCUMENTS = [
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "choose_document"),
]
DIRECTORY = [
    triple
    for model in (
        "service",
        "organization",
        "location",
        "phone",
        "schedule",
        "servicelanguage",
        "servicetype",
        "population",
    )
    for triple in crud("services_directory", model)
]
# The snippets that are translated through wagtail-localize (they have a locale).
TRANSLATABLE_SNIPPETS = [
    ("plan", "institution", "change_institution"),
    *[
        ("services_directory", model, f"change_{model}")
        for model in ("service", "organization", "servicetype", "population")
    ],
]

# Group: model permissions. Page permissions on the root page come below.
GROUP_PERMISSIONS = {
    "Editors": [
        ADMIN,
        SUBMIT_TRANSLATION,
        *IMAGES_AND_DOCUMENTS,
        *crud("plan", "institution", ("add", "change", "view")),
    ],
    "Moderators": [
        ADMIN,
        SUBMIT_TRANSLATION,
        *IMAGES_AND_DOCUMENTS,
        *crud("plan", "institution"),
        ("core", "sitesettings", "change_sitesettings"),
    ],
    "Translators": [
        ADMIN,
        SUBMIT_TRANSLATION,
        *CHOOSE_IMAGES_AND_DOCUMENTS,
        *TRANSLATABLE_SNIPPETS,
    ],
    "Directory maintainers": [ADMIN, *DIRECTORY],
    "Complaint handlers": [
        ADMIN,
        *crud("complaints", "authority"),
        *crud("complaints", "routingrule"),
    ],
    "Campaign staff": [
        ADMIN,
        *IMAGES_AND_DOCUMENTS,
        *crud("campaigns", "mediapartner"),
    ],
}
# Page permissions on the root page, so on every page of both languages.
ROOT_PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Wagtail's Editors may publish nothing; only Moderators approve and publish.
REMOVED_ROOT_PAGE_PERMISSIONS = {"Editors": ["publish_page", "bulk_delete_page"]}
# Images and documents in the root collection (every collection).
COLLECTION_PERMISSIONS = {
    "Editors": ["add_image", "change_image", "choose_image"]
    + ["add_document", "change_document", "choose_document"],
    "Moderators": ["add_image", "change_image", "choose_image"]
    + ["add_document", "change_document", "choose_document"],
    "Campaign staff": ["add_image", "change_image", "choose_image"]
    + ["add_document", "change_document", "choose_document"],
    "Translators": ["choose_image", "choose_document"],
}

WORKFLOW_NAME = "Revisión"
TASK_NAME = "Aprobación de moderación"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    action = codename.split("_", 1)[0]
    found, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model}"},
    )
    return found


def page_or_collection_permission(apps, codename):
    app_label, model = {
        "page": ("wagtailcore", "page"),
        "image": ("wagtailimages", "image"),
        "document": ("wagtaildocs", "document"),
    }[codename.split("_")[-1]]
    return permission(apps, app_label, model, codename)


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    groups = {}
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(apps, *triple) for triple in permissions))
        groups[name] = group

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    if root_page is not None:
        for name, codenames in ROOT_PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name],
                    page=root_page,
                    permission=page_or_collection_permission(apps, codename),
                )
        for name, codenames in REMOVED_ROOT_PAGE_PERMISSIONS.items():
            GroupPagePermission.objects.filter(
                group=groups[name], page=root_page, permission__codename__in=codenames
            ).delete()
    if root_collection is not None:
        for name, codenames in COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=page_or_collection_permission(apps, codename),
                )

    if root_page is not None:
        create_review_workflow(apps, root_page, groups["Moderators"])


def create_review_workflow(apps, root_page, moderators):
    """Wagtail's default workflow, renamed, or a new one: Moderators approve; assigned to the
    root page, so every page of both languages goes through it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow = (
        Workflow.objects.filter(name=WORKFLOW_NAME).first()
        or Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
        or Workflow.objects.create(name=WORKFLOW_NAME)
    )
    workflow.name = WORKFLOW_NAME
    workflow.active = True
    workflow.save()

    task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    task.name = TASK_NAME
    task.active = True
    task.save()
    task.groups.set([moderators])

    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0002_complaint_handlers_group"),
        ("services_directory", "0003_directory_models"),
        ("campaigns", "0001_initial"),
        ("plan", "0001_initial"),
        ("core", "0002_site_settings_open_data_page"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
