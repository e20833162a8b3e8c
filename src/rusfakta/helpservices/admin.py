from django.contrib import admin

from rusfakta.helpservices.models import Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "phone", "hours", "order")
    list_filter = ("kind",)
    search_fields = ("name", "about", "slug")
