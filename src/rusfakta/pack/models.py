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


class Ordered(models.Model):
    """A row kept in the pack's order: the order of the records in their file."""

    order = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order"]


class PackRecord(Ordered):
    """A pack record named by its id (the slug), in the pack's order."""

    slug = models.SlugField(max_length=80, unique=True)

    class Meta(Ordered.Meta):
        abstract = True

    def __str__(self):
        return self.slug
