from django.urls import path

from rusfakta.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.statistic_list, name="list"),
    path("<slug:slug>/", views.statistic_detail, name="detail"),
]
