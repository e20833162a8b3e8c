from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "rusfakta.serving"
    verbose_name = "Drift"
