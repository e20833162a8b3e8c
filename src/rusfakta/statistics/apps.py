from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "rusfakta.statistics"
    verbose_name = "Tall"
