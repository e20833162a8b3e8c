from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rusfakta.content.models import Chapter, Edition, Figure, Passage, Source


class PassageInline(admin.StackedInline):
    model = Passage
    extra = 0
    fields = ("slug", "order", "section", "heading", "body", "sources", "questions")
    filter_horizontal = ("sources",)


@admin.register(Chapter)
class ChapterAdmin(SimpleHistoryAdmin):
    list_display = ("order", "title", "kind", "slug")
    list_display_links = ("title",)
    inlines = [PassageInline]


@admin.register(Passage)
class PassageAdmin(SimpleHistoryAdmin):
    list_display = ("heading", "chapter", "slug")
    list_filter = ("chapter",)
    search_fields = ("heading", "body", "slug")
    filter_horizontal = ("sources",)


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ("title", "author", "year", "kind")
    search_fields = ("title", "author")


@admin.register(Figure)
class FigureAdmin(SimpleHistoryAdmin):
    list_display = ("number", "title", "chapter")


admin.site.register(Edition, SimpleHistoryAdmin)
admin.site.site_header = "Rusfakta – redaksjon"
