from django import template

from rusfakta.pack import translated

register = template.Library()


@register.filter
def marked_as(text, obj):
    """{{ name|marked_as:row }}: the text in a `<span lang="nb">` when row is shown in bokmål for want of a
    translation (pack/translated.py: marked); for a pack text inside a {% blocktranslate %} sentence."""
    return translated.marked(text, obj)
