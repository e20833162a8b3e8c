from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from rusfakta.pack import pages as booklet_pages
from rusfakta.pack.models import Ordered, PackRecord
from rusfakta.statistics import units


class Statistic(PackRecord):
    label = models.CharField(max_length=300)
    value = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    low = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    high = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    unit = models.CharField(max_length=10, choices=units.CHOICES)
    qualifier = models.CharField(max_length=30, blank=True)
    approximate = models.BooleanField(default=False)
    period = models.CharField(max_length=100)
    population = models.CharField(max_length=200)
    area = models.CharField(max_length=100)
    group = models.CharField(max_length=100, blank=True)
    measure = models.CharField(max_length=200)
    source = models.ForeignKey("content.Source", on_delete=models.PROTECT, related_name="statistics")
    note = models.TextField(blank=True)
    pages = models.CharField(max_length=20, blank=True, help_text="Booklet page(s): 4, 2-3, -1 or 6-.")
    history = HistoricalRecords()

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("statistics:detail", args=[self.slug])

    @property
    def pages_label(self):
        return booklet_pages.label(self.pages)


class Chart(PackRecord):
    """A bar chart of records with one unit: a booklet figure rebuilt, or a trend the booklet describes."""

    figure_number = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(max_length=300)
    bars = models.JSONField(default=list, help_text='[{"stat": "id", "label": "Gutter"}, …]')
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("statistics:list") + f"#diagram-{self.slug}"

    @property
    def statistic_slugs(self):
        return [bar["stat"] for bar in self.bars]


class ComparisonRow(Ordered):
    """One survey on the "why do the numbers differ" page; the figure and its who/what/when are the record's."""

    statistic = models.OneToOneField(Statistic, on_delete=models.CASCADE, related_name="comparison")
    method = models.TextField()
    why = models.TextField()
    history = HistoricalRecords()

    def __str__(self):
        return self.statistic.label
