"""The body of a standard page: the shared blocks plus charts. Other apps reuse it for
their own bodies (concept explainers)."""

from wagtail import blocks

from charts.blocks import DataSeriesBlock
from core.blocks import (
    CallToActionBlock,
    FigureBlock,
    HeadingBlock,
    QuoteBlock,
    VideoEmbedBlock,
    paragraph_block,
)


class BodyStreamBlock(blocks.StreamBlock):
    """The blocks an editor may use in the body of a standard page."""

    heading = HeadingBlock()
    paragraph = paragraph_block()
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoEmbedBlock()
    data_series = DataSeriesBlock()
