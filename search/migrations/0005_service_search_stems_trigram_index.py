"""On PostgreSQL, a trigram index on the services' stemmed copy (Service.search_stems), which
site search matches with LIKE '% stem %' (search/results.py): without it every search reads
the whole services table. Owned by search, which is the only reader of that column; the
directory's own search reads `search_text`. SQLite has no such index and keeps the scan."""

from django.db import migrations

INDEX = "search_service_search_stems_trgm"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS {INDEX}
    ON services_directory_service USING gin (search_stems gin_trgm_ops);
"""

DROP = f"DROP INDEX IF EXISTS {INDEX};"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_english_unaccent_search_configuration"),
        ("services_directory", "0004_service_search_stems"),
    ]
    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
