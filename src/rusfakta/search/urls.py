from django.urls import path

from rusfakta.search import views

app_name = "search"
urlpatterns = [path("spor/", views.ask_page, name="ask")]
