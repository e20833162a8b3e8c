from django.apps import AppConfig


class EditorsConfig(AppConfig):
    name = "rusfakta.editors"
    verbose_name = "Redaktører"

    def ready(self):
        from rusfakta.editors import database  # noqa: F401  (connects the SQLite file-mode handler)
