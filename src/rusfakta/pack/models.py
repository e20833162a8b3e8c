from django.db import models


class LoadedState(models.Model):
    """One row: the database's content as it was right after the last load or export.

    A later load compares the database with it. Anything different was changed since, in the
    admin, and a load that would overwrite it refuses unless forced (pack/sections.py)."""

    state = models.JSONField(default=dict)
    how = models.CharField(max_length=200)  # "load of pack <digest>" or "export to <folder>"
    at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "sist lastet eller eksportert innhold"

    def __str__(self):
        return self.how

    @classmethod
    def remember(cls, state, how):
        cls.objects.update_or_create(pk=1, defaults={"state": state, "how": how})

    @classmethod
    def last(cls):
        return cls.objects.filter(pk=1).first()
