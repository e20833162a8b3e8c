from django.contrib import admin

from rusfakta.statistics.models import Statistic


@admin.register(Statistic)
class StatisticAdmin(admin.ModelAdmin):
    list_display = ("slug", "label", "value", "unit", "period", "source")
    list_filter = ("unit", "source")
    search_fields = ("slug", "label", "population", "area")
