from django.urls import path

from rusfakta.pages import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("innhold/", views.contents, name="contents"),
    path("kapittel/<slug:slug>/", views.chapter, name="chapter"),
    path("kilder/", views.sources, name="sources"),
    path("om/", views.about, name="about"),
    path("hjelp/", views.help_now, name="help"),
    path("spor/", views.coming, {"feature": "ask"}, name="ask"),
]
