from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rusfakta.pack.models import Ordered, PackRecord


class NormItem(PackRecord):
    """One «Hva tror du?» question: the reader guesses a figure record before seeing it."""

    class Kind(models.TextChoices):
        USE = "use", "bruk"
        ATTITUDE = "attitude", "holdning"

    class Mistake(models.TextChoices):
        TOO_HIGH = "too-high", "gjetter for høyt"
        TOO_LOW = "too-low", "gjetter for lavt"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    question = models.TextField()
    statistic = models.ForeignKey("statistics.Statistic", on_delete=models.CASCADE, related_name="norm_items")
    common_mistake = models.CharField(
        max_length=10,
        choices=Mistake.choices,
        help_text="Which way the «alle andre gjør det» belief pulls a guess.",
    )
    explanation = models.TextField(help_text="One or two sentences in our words; figures as {stat:id}.")
    passage = models.ForeignKey("content.Passage", on_delete=models.CASCADE, related_name="+")
    pages = models.CharField(max_length=20, blank=True, help_text="Booklet page(s): 4, 2-3, -1 or 6-.")
    history = HistoricalRecords()

    def __str__(self):
        return self.question


class MixingSubstance(PackRecord):
    class Level(models.TextChoices):
        # Only the booklet's own words; there is deliberately no lower level.
        RAISED_RISK = "okt-risiko", _("Økt risiko")
        RAISED_RISK_OF_DEATH = "okt-risiko-for-dod", _("Økt risiko for død")
        UNKNOWN_CONTENT = "ukjent-innhold", _("Ukjent innhold – kan være dødelig")

    name = models.CharField(max_length=100)
    aliases = models.JSONField(default=list, blank=True)
    level = models.CharField(
        max_length=20,
        choices=Level.choices,
        blank=True,
        help_text="The level a booklet statement gives; empty when the booklet only names the substance "
        "as part of another mixture.",
    )
    history = HistoricalRecords()

    def __str__(self):
        return self.name


class MixingStatement(Ordered):
    class Kind(models.TextChoices):
        MIXING = "mixing", _("Om blandingen")
        CUT_WITH = "cut-with", _("Når kokain er blandet ut med stoffet")
        CONTENTS = "contents", _("Som del av en annen blanding")

    substance = models.ForeignKey(MixingSubstance, on_delete=models.CASCADE, related_name="statements")
    text = models.TextField(help_text="Our words; figures as {stat:id}; never a dose, never «trygt».")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MIXING)
    level = models.CharField(
        max_length=20,
        choices=MixingSubstance.Level.choices,
        blank=True,
        help_text="The level this booklet statement gives the mixture, if it gives one.",
    )
    see = models.ForeignKey(
        MixingSubstance, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pages = models.CharField(max_length=20, blank=True, help_text="Booklet page(s): 4, 2-3, -1 or 6-.")
    passages = models.ManyToManyField("content.Passage", related_name="+")
    sources = models.ManyToManyField("content.Source", related_name="+")
    history = HistoricalRecords(m2m_fields=[passages, sources])

    class Meta(Ordered.Meta):
        ordering = ["substance__order", "order"]

    def __str__(self):
        return self.text

    def clean(self):
        # The same rule as the pack check, for edits made in the admin.
        from rusfakta.tools.pack import mixing_text_problem

        problem = mixing_text_problem(self.text)
        if problem:
            raise ValidationError({"text": problem})


class QuizQuestion(PackRecord):
    topic = models.CharField(max_length=20)
    question = models.TextField()
    options = models.JSONField(default=list, help_text='["first option", "second", …]; figures as {stat:id}')
    correct = models.PositiveSmallIntegerField(help_text="The right option, counting from 1.")
    explanation = models.TextField()
    passage = models.ForeignKey("content.Passage", on_delete=models.CASCADE, related_name="+")
    sources = models.ManyToManyField("content.Source", related_name="+")
    statistic = models.ForeignKey(
        "statistics.Statistic", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    pages = models.CharField(max_length=20, blank=True, help_text="Booklet page(s): 4, 2-3, -1 or 6-.")
    history = HistoricalRecords(m2m_fields=[sources])

    def __str__(self):
        return self.question
