from django.urls import path

from rusfakta.history import views

app_name = "history"
urlpatterns = [
    path("endringer/", views.changes, name="changes"),
]
