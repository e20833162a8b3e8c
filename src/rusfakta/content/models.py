import uuid
from datetime import UTC, datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rusfakta.pack import pages as booklet_pages
from rusfakta.pack.models import PackRecord


class ContentVersion(models.Model):
    """One row. Its stamp changes on every content change; caches are keyed by it."""

    stamp = models.CharField(max_length=32, default="")
    pack_digest = models.CharField(max_length=64, blank=True, default="")
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.stamp

    @classmethod
    def latest(cls):
        """(stamp, changed_at), read on every request: one plain query, without the ORM's overhead."""
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT stamp, changed_at FROM {cls._meta.db_table} WHERE id = 1")
            row = cursor.fetchone()
        if row is None:
            version = cls.current()
            return version.stamp, version.changed_at
        stamp, changed_at = row
        if isinstance(changed_at, str):
            changed_at = datetime.fromisoformat(changed_at)
        if changed_at.tzinfo is None:  # SQLite keeps UTC without an offset
            changed_at = changed_at.replace(tzinfo=UTC)
        return stamp, changed_at

    @classmethod
    def current(cls):
        version, _ = cls.objects.get_or_create(pk=1, defaults={"stamp": uuid.uuid4().hex})
        return version

    @classmethod
    def bump(cls, pack_digest=""):
        version = cls.current()
        version.stamp = uuid.uuid4().hex
        version.pack_digest = pack_digest
        version.save()
        return version


class Edition(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    publisher = models.CharField(max_length=200)
    place = models.CharField(max_length=100)
    published = models.CharField(max_length=7, help_text="YYYY-MM")
    edition = models.CharField(max_length=7, help_text="YYYY-MM: the month of this content edition")
    language = models.CharField(max_length=8, default="nb")
    last_numbered_page = models.PositiveSmallIntegerField(
        default=1, help_text="The last page number the booklet's text shows (docs/decisions/0010)."
    )
    themes = models.JSONField(
        default=list, blank=True, help_text="The contents page's themes, in order: [{id, title}]."
    )
    history = HistoricalRecords()

    def __str__(self):
        return self.title


class Source(PackRecord):
    class Kind(models.TextChoices):
        EDITION = "edition", _("Utgave")
        REPORT = "report", _("Rapport")
        BOOK = "book", _("Bok")
        ARTICLE = "article", _("Artikkel")
        WEB = "web", _("Nettside")
        SURVEY = "survey", _("Undersøkelse")
        STATISTICS = "statistics", _("Statistikk")

    title = models.CharField(max_length=200)
    author = models.CharField(max_length=200)
    year = models.PositiveIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    about = models.TextField()
    history = HistoricalRecords()

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:sources") + f"#kilde-{self.slug}"


class ChapterQuerySet(models.QuerySet):
    def in_reading_order(self):
        return self.order_by("order")


class Chapter(PackRecord):
    class Kind(models.TextChoices):
        FACT = "fact", "Fakta"
        OPINION = "opinion", "Mening"
        ABOUT = "about", "Om"
        HELP = "help", "Hjelp"

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FACT)
    summary = models.TextField()
    theme = models.SlugField(max_length=80, blank=True, help_text="The id of one of the edition's themes.")
    tools = models.JSONField(
        default=list, blank=True, help_text="Tools the chapter links to: quiz, normcheck, mixing."
    )
    history = HistoricalRecords()

    objects = ChapterQuerySet.as_manager()

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:chapter", args=[self.slug])

    @property
    def is_opinion(self):
        return self.kind == self.Kind.OPINION


class Passage(PackRecord):
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="passages")
    section = models.CharField(max_length=200, blank=True)
    heading = models.CharField(max_length=200)
    body = models.TextField(help_text="Avsnitt, «- » lister, **fet**, {stat:id}.")
    sources = models.ManyToManyField(Source, related_name="passages")
    questions = models.TextField(blank=True, help_text="Spørsmål lesere stiller, ett per linje.")
    pages = models.CharField(max_length=20, blank=True, help_text="Sider i heftet: 4, 2-3, -1 eller 6-.")
    history = HistoricalRecords(m2m_fields=[sources])

    class Meta(PackRecord.Meta):
        ordering = ["chapter__order", "order"]

    def __str__(self):
        return self.heading

    def get_absolute_url(self):
        return self.chapter.get_absolute_url() + f"#{self.slug}"

    @property
    def pages_label(self):
        return booklet_pages.label(self.pages)


class Figure(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    number = models.PositiveIntegerField(unique=True)
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="figures")
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    statistic_slugs = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"Figur {self.number}: {self.title}"

    def get_absolute_url(self):
        return self.chapter.get_absolute_url() + f"#{self.slug}"
