from django.urls import path

from rusfakta.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.numbers, name="list"),
    path("alle/", views.statistic_list, name="all"),
    path("hvorfor-forskjellige/", views.comparison, name="comparison"),
    path("diagram/<slug:slug>.svg", views.chart_image, name="chart"),
    path("diagram/<slug:slug>.smal.svg", views.chart_image, {"size": "narrow"}, name="chart-narrow"),
    path("<slug:slug>/", views.statistic_detail, name="detail"),
]
