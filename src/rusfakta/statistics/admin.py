from django.contrib import admin

from rusfakta.statistics.models import Chart, ComparisonRow, Statistic


@admin.register(Statistic)
class StatisticAdmin(admin.ModelAdmin):
    list_display = ("slug", "label", "value", "unit", "period", "source")
    list_filter = ("unit", "source")
    search_fields = ("slug", "label", "population", "area")


@admin.register(Chart)
class ChartAdmin(admin.ModelAdmin):
    list_display = ("title", "figure_number", "slug")


@admin.register(ComparisonRow)
class ComparisonRowAdmin(admin.ModelAdmin):
    list_display = ("statistic", "order")
