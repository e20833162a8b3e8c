from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ReviewFlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(checked_at__isnull=True)


class ReviewFlag(models.Model):
    """A passage, quiz question or norm-check item whose figure changed: its words may no longer fit
    ("mer enn doblet"), so it must be read again until an editor marks it checked."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    statistic = models.ForeignKey("statistics.Statistic", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300)
    raised_at = models.DateTimeField()
    checked_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ReviewFlagQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_at"]
        verbose_name = "må sjekkes"
        verbose_name_plural = "må sjekkes"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.item}: {self.reason}"
