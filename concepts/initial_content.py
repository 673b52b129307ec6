"""The concept explainers the national plan 2017-2021 defines, from
initial_data/concepts_pnat_2017_2021.yaml."""

from pathlib import Path

from core.initial_content.loader import block_id, read_data

from .models import ConceptIndexPage, ConceptPage, ConceptRelation

DATA_FILE = Path(__file__).resolve().parent / "initial_data" / "concepts_pnat_2017_2021.yaml"


def load(loader):
    """The concept index under the Spanish home (loaded first by the home app), and its
    concepts."""
    return load_concepts(loader, read_data(DATA_FILE), loader.by_key["home"])


def load_concepts(loader, data, home):
    index_data = data["concept_index"]
    index = ConceptIndexPage(
        **loader.page_fields(index_data),
        intro=loader.text(index_data["intro"]),
        show_in_menus=True,
    )
    index = loader.add_page(home, index, key=index_data["key"])

    concepts = {}
    for concept in data["concepts"]:
        short_definition = loader.text(concept["short_definition"])
        page = ConceptPage(
            **loader.page_fields({**concept, "title": concept["term"]}, short_definition),
            abbreviation=concept["abbreviation"],
            short_definition=short_definition,
            body=[
                {
                    "type": "paragraph",
                    "value": loader.html(concept["body"]),
                    "id": block_id("concept", concept["key"], "body"),
                }
            ],
        )
        if concept["abbreviation"]:
            loader.text({"es": concept["abbreviation"], "en": concept["abbreviation"]})
        concepts[concept["key"]] = loader.add_page(index, page, key=concept["key"])

    # Links between concepts need every concept to exist; they are set once, on creation.
    for concept in data["concepts"]:
        page = concepts[concept["key"]]
        if page.id in loader.new_page_ids and not page.related_concept_links.exists():
            # The sort order keeps the data file's order on every database (PostgreSQL returns
            # rows without one in any order).
            page.related_concept_links = [
                ConceptRelation(related=concepts[key], sort_order=position)
                for position, key in enumerate(concept["related"])
            ]
            page.save_revision().publish()
    return index
