from django.apps import AppConfig


class BookletConfig(AppConfig):
    name = "rusfakta.booklet"
    verbose_name = "Trykt hefte"
