"""The directory's filters as keys stored on each service (`Service.filter_keys`), so that on
PostgreSQL one index answers every filter a visitor combines.

The filters `region`, `type`, `population` and `language` read other tables (locations, the
taxonomy links, languages). With 100,000 services, combining them with `q` made PostgreSQL
read thousands of rows of each table to count the few services matching all of them. The
keys, one per region, term and language of a service, space-separated, have a GIN index on
PostgreSQL (migration 0007): the filters, the text's trigram index and the rest meet in one
bitmap, and only the matching services are read. SQLite keeps reading the tables, which is
fast enough at its scale; both give the same results (directory.py).

A confidential location contributes its region only, which the public sees anyway."""

SEPARATOR = " "


def region_key(code):
    return f"region:{code}"


def type_key(term_id):
    return f"type:{term_id}"


def population_key(term_id):
    return f"population:{term_id}"


def language_key(code):
    return f"language:{code}"


def joined_keys(*, region_codes, type_ids, population_ids, language_codes):
    keys = {
        *(region_key(code) for code in region_codes if code),
        *(type_key(term_id) for term_id in type_ids),
        *(population_key(term_id) for term_id in population_ids),
        *(language_key(code) for code in language_codes),
    }
    return SEPARATOR.join(sorted(keys))
