"""services.yaml in the content pack: the record format, its checks, and the mapping to the Service model.

Kept here rather than in content/pack.py so the help services own their format; content/pack.py
reads the file with this model (no import back, so no cycle).
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from rusfakta.helpservices import contact, hours

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _checked(check, value, code):
    try:
        check(value)
    except ValueError as exc:
        raise PydanticCustomError(code, str(exc)) from None
    return value


class ServiceData(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    kind: Literal["emergency", "service"] = "service"
    about: str = Field(min_length=1)
    channels: list[Literal["phone", "chat", "visit"]] = []
    phone: str = ""
    url: str = ""
    anonymous: bool | None = None
    free: bool | None = None
    confidentiality: str = ""
    hours: str = ""
    hours_complete: bool | None = None
    holiday_hours_known: bool = False
    hours_note: str = ""
    chapters: list[str] = []
    passage: str = ""
    pages: str = ""  # the booklet page(s); none for the emergency numbers, which the booklet does not list

    @field_validator("phone")
    @classmethod
    def phone_is_callable(cls, phone):
        return _checked(contact.tel_href, phone, "phone") if phone else phone

    @field_validator("url")
    @classmethod
    def url_is_a_link(cls, url):
        return _checked(contact.web_href, url, "url") if url else url

    @field_validator("hours")
    @classmethod
    def hours_are_weekly_osm(cls, rule):
        problem = hours.rule_problem(rule) if rule else None
        if problem:
            raise PydanticCustomError("hours", problem)
        return rule

    @model_validator(mode="after")
    def channels_are_reachable(self):
        if self.phone and "phone" not in self.channels:
            raise PydanticCustomError("channels", "a service with a phone number needs 'phone' in channels")
        if "chat" in self.channels and not self.url:
            raise PydanticCustomError("channels", "a chat needs the url where it is")
        if self.kind == "emergency" and not (self.phone and self.hours):
            raise PydanticCustomError("emergency", "an emergency number needs a phone number and hours")
        if self.kind == "emergency" and self.pages:
            raise PydanticCustomError("pages", "the booklet does not list the emergency numbers: no pages")
        return self

    @model_validator(mode="after")
    def hours_say_whether_they_are_complete(self):
        # A service is shown as closed only when the booklet gives its hours in full, so every
        # rule has to say so; a cut-off sentence ("åpen fra kl 15.00-08.00,") is not complete.
        if self.hours and self.hours_complete is None:
            raise PydanticCustomError(
                "hours_complete",
                "say whether the booklet gives these hours in full (hours_complete: true or false)",
            )
        if not self.hours and self.hours_complete is not None:
            raise PydanticCustomError("hours_complete", "hours_complete without hours")
        return self


def check_services(services, chapter_ids, passage_ids):
    """Cross-checks against the rest of the pack; yields (path, line, message)."""
    for service, path, line in services:
        for chapter in service.chapters:
            if chapter not in chapter_ids:
                yield path, line, f"service '{service.id}': unknown chapter id '{chapter}'"
        if service.passage and service.passage not in passage_ids:
            yield path, line, f"service '{service.id}': unknown passage id '{service.passage}'"


def model_fields(data):
    """ServiceData → the Service model's fields (without slug and order)."""
    return {
        "name": data.name,
        "kind": data.kind,
        "about": data.about,
        "channels": list(data.channels),
        "phone": data.phone,
        "url": data.url,
        "anonymous": data.anonymous,
        "free": data.free,
        "confidentiality": data.confidentiality,
        "hours": data.hours,
        "hours_complete": bool(data.hours_complete),
        "holiday_hours_known": data.holiday_hours_known,
        "hours_note": data.hours_note,
        "chapter_slugs": list(data.chapters),
        "passage_slug": data.passage,
        "pages": data.pages,
    }


def pack_record(service):
    """A Service as a services.yaml entry (the inverse of model_fields); empty optional fields are left out."""
    record = {
        "id": service.slug,
        "name": service.name,
        "kind": service.kind,
        "about": service.about,
        "channels": service.channels,
        "phone": service.phone,
        "url": service.url,
        "anonymous": service.anonymous,
        "free": service.free,
        "confidentiality": service.confidentiality,
        "hours": service.hours,
        "hours_complete": service.hours_complete if service.hours else None,
        "holiday_hours_known": service.holiday_hours_known,
        "hours_note": service.hours_note,
        "chapters": service.chapter_slugs,
        "passage": service.passage_slug,
        "pages": service.pages,
    }
    return {k: v for k, v in record.items() if v not in (None, "", [])}
