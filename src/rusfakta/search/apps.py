from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "rusfakta.search"
    verbose_name = "Spør"
