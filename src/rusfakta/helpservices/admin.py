from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rusfakta.helpservices.models import Service


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "phone", "hours", "order")
    list_filter = ("kind",)
    search_fields = ("name", "about", "slug")
