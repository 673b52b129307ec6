"""Finding one block anywhere in a page's StreamFields, by its id."""

from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.fields import StreamField


def find_block_value(page, block_id):
    """The value of the block (or list item) with this id, at any depth, or None."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            found = _search(getattr(page, field.name), block_id)
            if found is not None:
                return found
    return None


def _search(value, block_id):
    if isinstance(value, StreamValue):
        for child in value:
            if child.id == block_id:
                return child.value
            found = _search(child.value, block_id)
            if found is not None:
                return found
    elif isinstance(value, ListValue):
        for item in value.bound_blocks:
            if item.id == block_id:
                return item.value
            found = _search(item.value, block_id)
            if found is not None:
                return found
    elif isinstance(value, StructValue):
        for child_value in value.values():
            found = _search(child_value, block_id)
            if found is not None:
                return found
    return None
