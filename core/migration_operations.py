"""Moving a model from one app to another without touching its rows.

Django has no operation for it. The new app's migration declares the model in its state with
the old table (SeparateDatabaseAndState, no database change), renames the table
(AlterModelTable), and moves the content type with `move_content_types`, so that everything
pointing at the content type by id (Wagtail's pages and revisions, permissions, translations,
the search index) stays valid. The old app's next migration removes the model from its state
only. A fresh database runs the old app's migrations first (they create the table), so it ends
in the same place as an existing one."""

from django.db import migrations


def move_content_types(old_app_label, new_app_label, model_names):
    """A reversible RunPython renaming the content types of `model_names` (lower case)."""

    def rename(from_label, to_label):
        def run(apps, schema_editor):
            content_types = apps.get_model("contenttypes", "ContentType")
            db = schema_editor.connection.alias
            for model in model_names:
                moved = content_types.objects.using(db).filter(app_label=from_label, model=model)
                if not moved.exists():
                    continue  # a fresh database: content types come after the migrations
                # `migrate` creates content types (and their permissions) for the models of the
                # code after every run, so one may exist already under the new label, with no
                # page pointing at it: it gives way to the one that moves.
                stale = list(
                    content_types.objects.using(db)
                    .filter(app_label=to_label, model=model)
                    .values_list("id", flat=True)
                )
                for stale_id in stale:
                    schema_editor.execute(
                        "DELETE FROM auth_permission WHERE content_type_id = %s", [stale_id]
                    )
                    schema_editor.execute(
                        "DELETE FROM django_content_type WHERE id = %s", [stale_id]
                    )
                moved.update(app_label=to_label)
            content_types.objects.clear_cache()

        return run

    return migrations.RunPython(
        rename(old_app_label, new_app_label),
        rename(new_app_label, old_app_label),
        hints={"model_names": model_names},
    )
