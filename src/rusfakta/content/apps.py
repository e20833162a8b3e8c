from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "rusfakta.content"
    verbose_name = "Innhold"

    def ready(self):
        from rusfakta.content import signals

        signals.connect()
