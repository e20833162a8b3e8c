from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rusfakta.tools.models import MixingStatement, MixingSubstance, NormItem, QuizQuestion


@admin.register(NormItem)
class NormItemAdmin(SimpleHistoryAdmin):
    list_display = ("order", "question", "kind", "statistic")
    list_display_links = ("question",)
    raw_id_fields = ("statistic", "passage")


class MixingStatementInline(admin.StackedInline):
    model = MixingStatement
    fk_name = "substance"
    extra = 0
    filter_horizontal = ("passages", "sources")


@admin.register(MixingSubstance)
class MixingSubstanceAdmin(SimpleHistoryAdmin):
    list_display = ("order", "name", "level", "slug")
    list_display_links = ("name",)
    inlines = [MixingStatementInline]


@admin.register(QuizQuestion)
class QuizQuestionAdmin(SimpleHistoryAdmin):
    list_display = ("order", "question", "topic")
    list_display_links = ("question",)
    list_filter = ("topic",)
    raw_id_fields = ("statistic", "passage")
    filter_horizontal = ("sources",)


@admin.register(MixingStatement)
class MixingStatementAdmin(SimpleHistoryAdmin):
    list_display = ("text", "substance", "kind")
    list_filter = ("substance",)
    filter_horizontal = ("passages", "sources")
