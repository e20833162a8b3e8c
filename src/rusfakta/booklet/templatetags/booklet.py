from django import template
from django.utils.translation import get_language

from rusfakta.booklet.build import versioned_url

register = template.Library()


@register.simple_tag
def booklet_url():
    """The printed booklet's link, with its version (booklet/build.py: versioned_url)."""
    return versioned_url(get_language())
