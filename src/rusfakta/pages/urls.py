from django.urls import path

from rusfakta.helpservices import views as helpservices
from rusfakta.pages import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("innhold/", views.contents, name="contents"),
    path("kapittel/<slug:slug>/", views.chapter, name="chapter"),
    path("kilder/", views.sources, name="sources"),
    path("om/", views.about, name="about"),
    path("personvern/", views.privacy, name="privacy"),
    path("hjelp/", helpservices.help_now, name="help"),
]
