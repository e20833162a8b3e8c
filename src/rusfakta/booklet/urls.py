from django.urls import path

from rusfakta.booklet import views

app_name = "booklet"
urlpatterns = [
    path("hefte.pdf", views.booklet_pdf, name="pdf"),
]
