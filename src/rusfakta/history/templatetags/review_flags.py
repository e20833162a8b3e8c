from django import template

from rusfakta.history.admin import item_link
from rusfakta.history.models import ReviewFlag

register = template.Library()


@register.inclusion_tag("admin/_open_review_flags.html")
def open_review_flags():
    flags = ReviewFlag.objects.open().select_related("content_type")
    return {"flags": [(item_link(flag), flag) for flag in flags]}
