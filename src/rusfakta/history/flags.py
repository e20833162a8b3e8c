"""When a figure changes, everything whose words rest on it is flagged for review."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from rusfakta.content.models import Passage
from rusfakta.history.models import ReviewFlag
from rusfakta.statistics.changes import figure_differs
from rusfakta.statistics.formatting import format_statistic
from rusfakta.tools.models import NormItem, QuizQuestion


def items_using(stat):
    """Every passage, quiz question and norm-check item that shows or rests on the figure."""
    reference = "{stat:" + stat.slug + "}"
    quiz = Q(statistic=stat) | Q(question__contains=reference) | Q(explanation__contains=reference)
    quiz |= Q(options__icontains=reference)
    return [
        *Passage.objects.filter(body__contains=reference),
        *QuizQuestion.objects.filter(quiz),
        *NormItem.objects.filter(statistic=stat),
    ]


def flag_users(stat, reason, when):
    """One open flag per item; a second change before the check updates its reason."""
    for item in items_using(stat):
        ReviewFlag.objects.open().update_or_create(
            content_type=ContentType.objects.get_for_model(item),
            object_id=item.pk,
            statistic=stat,
            defaults={"reason": reason, "raised_at": when},
        )


def figure_saved(sender, history_instance, **kwargs):
    """post_create_historical_record of a figure record: flag its users when the figure changed."""
    if history_instance.history_type != "~":
        return
    before = history_instance.prev_record
    if before is None or not figure_differs(before, history_instance):
        return
    reason = f"Tallet endret fra {format_statistic(before)} til {format_statistic(history_instance)}"
    flag_users(history_instance.instance, reason, history_instance.history_date)
