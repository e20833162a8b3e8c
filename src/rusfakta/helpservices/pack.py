"""The help services' section of the pack: services.yaml, its record format and its checks."""

from typing import ClassVar, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from rusfakta.helpservices import contact, hours
from rusfakta.pack.pages import pack_problem
from rusfakta.pack.problems import SLUG, Problem, unique_ids
from rusfakta.pack.records import Record
from rusfakta.pack.translations import Translatable
from rusfakta.pack.yamlfile import read_records

# The translated file of this section (decision 0016); names may stay as they are.
TRANSLATED = [
    Translatable(
        "services.yaml",
        "service",
        "helpservices.Service",
        fields=("name", "about", "confidentiality", "hours_note"),
    ),
]


def _checked(check, value, code):
    try:
        check(value)
    except ValueError as exc:
        raise PydanticCustomError(code, str(exc)) from None
    return value


class ServiceData(Record):
    columns: ClassVar[dict] = {"chapters": "chapter_slugs", "passage": "passage_slug"}

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

    @classmethod
    def exported(cls, record):
        # The model keeps hours_complete off when there are no hours; the pack leaves it out then.
        if not record.get("hours"):
            record.pop("hours_complete", None)
        return record


def read(pack):
    pack.services = read_records(pack, pack.root / "services.yaml", ServiceData, "service", optional=True)


def check(pack):
    unique_ids([(s.id, p, n) for s, p, n in pack.services], "service", pack)
    chapter_ids = {c.data.id for c in pack.chapters}
    passage_ids = {p.slug for p in pack.passages if p.slug}
    for service, path, line in pack.services:
        for chapter in service.chapters:
            if chapter not in chapter_ids:
                pack.problems.append(
                    Problem(path, line, f"service '{service.id}': unknown chapter id '{chapter}'")
                )
        if service.passage and service.passage not in passage_ids:
            pack.problems.append(
                Problem(path, line, f"service '{service.id}': unknown passage id '{service.passage}'")
            )
        found = pack_problem(service.pages, pack) if service.kind == "service" else None
        if found:
            pack.problems.append(Problem(path, line, f"service '{service.id}': {found}"))
