from django.db import models
from simple_history.models import HistoricalRecords

from rusfakta.pack.models import PackRecord


class GlossaryEntry(PackRecord):
    """Everyday words, slang and English mapped to the words the booklet uses."""

    terms = models.JSONField(default=list, help_text="Ord og uttrykk folk skriver, små bokstaver.")
    means = models.CharField(max_length=200, help_text="Ordene i heftet de betyr.")
    history = HistoricalRecords()

    class Meta(PackRecord.Meta):
        verbose_name_plural = "glossary entries"

    def __str__(self):
        return f"{', '.join(self.terms)} → {self.means}"


class Notice(models.Model):
    """A message shown before the answers when a question signals an emergency or asks for something we never give."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", "Akutt"
        OUT_OF_SCOPE = "out_of_scope", "Utenfor det vi svarer på"
        NOT_COVERED = "not_covered", "Står ikke i heftet"

    kind = models.CharField(max_length=20, choices=Kind.choices, unique=True)
    phrases = models.JSONField(default=list, help_text="Uttrykk som utløser meldingen, små bokstaver.")
    substances = models.JSONField(
        default=list,
        blank=True,
        help_text="Bare «Står ikke i heftet»: andre stoffer. Et spørsmål om dem uten ett av «unntatt»-ordene "
        "besvares ikke av heftet.",
    )
    unless = models.JSONField(
        default=list,
        blank=True,
        help_text="«Står ikke i heftet»: ord som gjør spørsmålet til et om kokain. «Utenfor det vi svarer på»: "
        "ord som gjør spørsmålet til et om hjelp («hvor kan jeg få tak i hjelp»), så meldingen ikke vises.",
    )
    text = models.TextField()
    history = HistoricalRecords()

    def __str__(self):
        return self.get_kind_display()


class ShortAnswer(PackRecord):
    """The short answer («Kort svar») of one passage, shown first when the search finds it."""

    slug = models.SlugField(max_length=80, unique=True, help_text="The passage's id.")
    text = models.TextField(help_text="One or two sentences; figures only as {stat:id}, the passage's own.")
    history = HistoricalRecords()

    def __str__(self):
        return self.slug
