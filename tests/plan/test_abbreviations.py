"""Acronyms marked up with <abbr title>, safely."""

from django.utils.safestring import mark_safe

from plan.abbreviations import mark_abbreviations

NAMES = {
    "MIMP": "Ministerio de la Mujer y Poblaciones Vulnerables",
    "CMNP TP-TIM": "Comisión Multisectorial <contra la Trata>",
    "TP": "Otra cosa",
}


def test_marks_whole_words_only():
    html = mark_abbreviations("El MIMP y el MIMPX, no MIMP-2.", NAMES)

    assert html == (
        'El <abbr title="Ministerio de la Mujer y Poblaciones Vulnerables">MIMP</abbr> '
        "y el MIMPX, no MIMP-2."
    )


def test_longest_acronym_wins_and_titles_are_escaped():
    html = mark_abbreviations("La (CMNP TP-TIM) coordina.", NAMES)

    assert html == (
        'La (<abbr title="Comisión Multisectorial &lt;contra la Trata&gt;">CMNP TP-TIM</abbr>)'
        " coordina."
    )


def test_plain_text_is_escaped_first():
    assert mark_abbreviations("<b>MIMP</b>", {}) == "&lt;b&gt;MIMP&lt;/b&gt;"
    assert "&lt;script&gt;" in mark_abbreviations("<script>MIMP</script>", NAMES)


def test_html_keeps_its_tags_and_attributes():
    html = mark_safe('<p><a href="/MIMP/" title="MIMP">MIMP</a></p>')

    marked = mark_abbreviations(html, NAMES)

    assert marked.startswith('<p><a href="/MIMP/" title="MIMP"><abbr title=')
    assert marked.count("<abbr") == 1


def test_existing_abbr_is_left_alone():
    html = mark_safe('<abbr title="ya está">MIMP</abbr> y MIMP')

    marked = mark_abbreviations(html, NAMES)

    assert marked.count("<abbr") == 2
    assert marked.startswith('<abbr title="ya está">MIMP</abbr>')
