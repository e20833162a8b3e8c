from django.apps import AppConfig


class HelpservicesConfig(AppConfig):
    name = "rusfakta.helpservices"
    verbose_name = "Hjelpetjenester"
