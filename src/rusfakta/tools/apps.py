from django.apps import AppConfig


class ToolsConfig(AppConfig):
    name = "rusfakta.tools"
    verbose_name = "Verktøy"
