from django.db import models
from simple_history.models import HistoricalRecords


class GlossaryEntry(models.Model):
    """Everyday words, slang and English mapped to the words the booklet uses."""

    slug = models.SlugField(max_length=80, unique=True)
    terms = models.JSONField(default=list, help_text="Ord og uttrykk folk skriver, små bokstaver.")
    means = models.CharField(max_length=200, help_text="Ordene i heftet de betyr.")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        verbose_name_plural = "glossary entries"

    def __str__(self):
        return f"{', '.join(self.terms)} → {self.means}"


class Notice(models.Model):
    """A message shown before the answers when a question signals an emergency or asks for something we never give."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", "Akutt"
        OUT_OF_SCOPE = "out_of_scope", "Utenfor det vi svarer på"

    kind = models.CharField(max_length=20, choices=Kind.choices, unique=True)
    phrases = models.JSONField(default=list, help_text="Uttrykk som utløser meldingen, små bokstaver.")
    text = models.TextField()
    history = HistoricalRecords()

    def __str__(self):
        return self.get_kind_display()
