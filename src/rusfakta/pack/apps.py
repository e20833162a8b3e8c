from django.apps import AppConfig


class PackConfig(AppConfig):
    name = "rusfakta.pack"
    label = "pack"
    verbose_name = "Innholdspakke"
