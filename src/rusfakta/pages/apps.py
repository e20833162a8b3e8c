from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "rusfakta.pages"
    verbose_name = "Sider"
