"""The translations in the admin (decision 0016): the stale ones listed first, each editable next to
the bokmål text it stands for."""

from django.contrib import admin

from rusfakta.pack.models import Translation


class StaleFilter(admin.SimpleListFilter):
    title = "stale"
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("yes", "stale: the bokmål text changed after it was translated"), ("no", "current")]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        stale = [row.pk for row in queryset if row.stale]
        return queryset.filter(pk__in=stale) if self.value() == "yes" else queryset.exclude(pk__in=stale)


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    list_display = ("name", "lang", "is_stale", "proofread")
    list_filter = (StaleFilter, "lang", "proofread")
    search_fields = ("name", "record")
    readonly_fields = ("lang", "record", "name", "source", "source_hash")
    fields = ("lang", "record", "name", "source", "fields", "source_hash", "proofread")

    @admin.display(boolean=True, description="stale")
    def is_stale(self, row):
        return row.stale
