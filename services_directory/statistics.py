"""The database's statistics on the directory's tables, refreshed after a bulk load.

A query planner picks an index by how many rows it expects; right after thousands of services
arrive its statistics still describe the old tables, and it may scan every service where an
index would read a few (measured on SQLite with 10,000 services: about three times slower until
ANALYZE). Autovacuum would catch up on PostgreSQL eventually; this does it at once."""

from django.db import connection

from .models import Location, Population, Region, Service, ServiceLanguage, ServiceType

TABLES = [
    Service._meta.db_table,
    Location._meta.db_table,
    ServiceLanguage._meta.db_table,
    Service.service_types.through._meta.db_table,
    Service.populations.through._meta.db_table,
    # Small tables too: PostgreSQL's autovacuum never analyses a table of a few dozen rows,
    # and without statistics the planner assumes it holds hundreds.
    ServiceType._meta.db_table,
    Population._meta.db_table,
    Region._meta.db_table,
]


def refresh_statistics():
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(quote(table) for table in TABLES)}")
        else:
            for table in TABLES:
                cursor.execute(f"ANALYZE {quote(table)}")
