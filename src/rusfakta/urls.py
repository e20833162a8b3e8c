from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from rusfakta.api.api import api
from rusfakta.pages import views as pages

handler400 = "rusfakta.pages.views.bad_request"
handler404 = "rusfakta.pages.views.not_found"
handler500 = "rusfakta.pages.views.server_error"

urlpatterns = [
    path("healthz", pages.healthz, name="healthz"),
    path("favicon.ico", pages.favicon, name="favicon"),
    path(settings.ADMIN_URL_PREFIX.lstrip("/"), admin.site.urls),
    path("api/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", include("rusfakta.pages.urls")),
    path("tall/", include("rusfakta.statistics.urls")),
    path("", include("rusfakta.tools.urls")),
    path("", include("rusfakta.booklet.urls")),
    path("", include("rusfakta.search.urls")),
    path("", include("rusfakta.history.urls")),
    prefix_default_language=False,
)
