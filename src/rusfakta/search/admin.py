from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rusfakta.search.models import GlossaryEntry, Notice, ShortAnswer


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(SimpleHistoryAdmin):
    list_display = ("slug", "means")
    search_fields = ("slug", "means")


@admin.register(Notice)
class NoticeAdmin(SimpleHistoryAdmin):
    list_display = ("kind",)


@admin.register(ShortAnswer)
class ShortAnswerAdmin(SimpleHistoryAdmin):
    list_display = ("slug", "text")
    search_fields = ("slug", "text")
