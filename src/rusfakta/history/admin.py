from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html

from rusfakta.history.models import ReviewFlag


class OpenFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", "Må sjekkes"), ("checked", "Sjekket")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() == "checked":
            return queryset.filter(checked_at__isnull=False)
        return queryset


def item_link(flag):
    item = flag.item
    if item is None:
        return "(slettet)"
    opts = item._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        return str(item)
    return format_html('<a href="{}">{}: {}</a>', url, opts.verbose_name, item)


@admin.register(ReviewFlag)
class ReviewFlagAdmin(admin.ModelAdmin):
    list_display = ("item_shown", "reason", "raised_at", "status")
    list_filter = (OpenFilter,)
    actions = ["mark_checked"]
    readonly_fields = ("item_shown", "statistic", "reason", "raised_at", "checked_at", "checked_by")
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    @admin.display(description="hva")
    def item_shown(self, flag):
        return item_link(flag)

    @admin.display(description="status")
    def status(self, flag):
        return "Må sjekkes" if flag.checked_at is None else f"Sjekket av {flag.checked_by or '?'}"

    @admin.action(description="Merk som sjekket")
    def mark_checked(self, request, queryset):
        count = queryset.open().update(checked_at=timezone.now(), checked_by=request.user)
        self.message_user(request, f"{count} merket som sjekket.")
