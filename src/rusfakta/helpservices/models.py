from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from rusfakta.helpservices import contact, hours
from rusfakta.pack.models import PackRecord

CHANNELS = ("phone", "chat", "visit")


def validate_hours(rule):
    problem = hours.rule_problem(rule) if rule else None
    if problem:
        raise ValidationError(problem)


def validate_phone(phone):
    try:
        contact.tel_href(phone)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


def validate_url(url):
    try:
        contact.web_href(url)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


class Service(PackRecord):
    """A help service from the booklet's last chapter, or an emergency number shown before them."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", "Akutt"
        SERVICE = "service", "Hjelpetjeneste"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SERVICE)
    about = models.TextField(help_text="What it helps with and for whom, in our own words.")
    channels = models.JSONField(default=list, blank=True, help_text='Any of ["phone", "chat", "visit"].')
    phone = models.CharField(max_length=20, blank=True, validators=[validate_phone], help_text="915 08 588")
    url = models.CharField(max_length=200, blank=True, validators=[validate_url], help_text="https://…")
    anonymous = models.BooleanField(null=True, blank=True, help_text="Empty when the booklet does not say.")
    free = models.BooleanField(null=True, blank=True, help_text="Empty when the booklet does not say.")
    confidentiality = models.CharField(max_length=300, blank=True)
    hours = models.CharField(
        max_length=300,
        blank=True,
        validators=[validate_hours],
        help_text="OpenStreetMap opening_hours, e.g. Mo-Fr 11:00-18:00. Empty when the hours are not known.",
    )
    hours_complete = models.BooleanField(
        default=False,
        help_text="On only when the booklet gives these hours in full. Off: the site never says it is closed.",
    )
    holiday_hours_known = models.BooleanField(
        default=False, help_text="Off: the page says it may have other hours on public holidays."
    )
    hours_note = models.CharField(max_length=300, blank=True, help_text="Shown instead of hours, when none.")
    chapter_slugs = models.JSONField(default=list, blank=True, help_text="Chapters that show this service.")
    passage_slug = models.CharField(max_length=80, blank=True, help_text="The booklet passage about it.")
    pages = models.CharField(max_length=20, blank=True, help_text="Booklet page(s): 4, 2-3, -1 or 6-.")
    history = HistoricalRecords()

    def __str__(self):
        return self.name

    def clean(self):
        unknown = [c for c in self.channels or [] if c not in CHANNELS]
        if unknown:
            raise ValidationError({"channels": f"unknown channel(s) {unknown}; use {list(CHANNELS)}"})

    @property
    def is_emergency(self):
        return self.kind == self.Kind.EMERGENCY

    @property
    def tel_href(self):
        return contact.tel_href(self.phone) if self.phone else ""

    @property
    def has_chat(self):
        return "chat" in (self.channels or [])

    @property
    def web_href(self):
        return contact.web_href(self.url) if self.url else ""

    @property
    def chat_href(self):
        return self.web_href if self.has_chat else ""
