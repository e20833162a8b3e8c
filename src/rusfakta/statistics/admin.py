from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rusfakta.statistics.models import Chart, ComparisonRow, Statistic


@admin.register(Statistic)
class StatisticAdmin(SimpleHistoryAdmin):
    list_display = ("slug", "label", "value", "unit", "period", "source")
    list_filter = ("unit", "source")
    search_fields = ("slug", "label", "population", "area")


@admin.register(Chart)
class ChartAdmin(SimpleHistoryAdmin):
    list_display = ("title", "figure_number", "slug")


@admin.register(ComparisonRow)
class ComparisonRowAdmin(SimpleHistoryAdmin):
    list_display = ("statistic", "order")
