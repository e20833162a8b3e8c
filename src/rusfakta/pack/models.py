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


class Translation(models.Model):
    """One translated text of the pack (decision 0016): a record's prose in one language.

    `fields` holds the prose by the pack's field paths ({"label": …, "bars.0.label": …}); `source`
    the bokmål prose it stands for when loaded, and `source_hash` the stamp of the bokmål text it was
    translated from (`<lang>/translated.yaml`). It is stale when the stamp is not the hash of the
    bokmål text now."""

    lang = models.CharField(max_length=8)
    record = models.CharField(max_length=120, help_text="kind and id, as «passage hva-sentralstimulerende»")
    name = models.CharField(
        max_length=200, help_text="the bokmål file and id: «chapters/02-hva-er-kokain.md#…»"
    )
    fields = models.JSONField(default=dict)
    source = models.JSONField(default=dict)
    source_hash = models.CharField(max_length=32, blank=True)
    proofread = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["lang", "order"]
        constraints = [models.UniqueConstraint(fields=["lang", "record"], name="one_translation_per_record")]

    def __str__(self):
        return f"{self.lang}: {self.name}"

    @property
    def current_hash(self):
        from rusfakta.pack.translations import source_hash

        return source_hash(self.source)

    @property
    def stale(self):
        return self.source_hash != self.current_hash
