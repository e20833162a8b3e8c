"""The help services as every feature shows them: how to reach them, and whether they are open, in Oslo time.

`services_for_display(at)` is the one entry point for pages, the API and search answers.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from rusfakta.content.models import Passage
from rusfakta.helpservices import contact, hours, wording
from rusfakta.helpservices.models import Service
from rusfakta.pack.translated import translate_all


@dataclass(frozen=True)
class Contact:
    kind: str  # phone | web
    href: str
    text: str


@dataclass
class ShownService:
    """A help service as a page shows it: open or closed now, its hours and ways to reach it, in words."""

    service: Service
    status: hours.Status
    status_text: str
    hours_lines: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    facts: list = field(default_factory=list)
    booklet_url: str = ""

    @property
    def state(self):
        """open | closed | unknown (no hours in the booklet, so no claim)."""
        if self.status.is_open is None:
            return "unknown"
        return "open" if self.status.is_open else "closed"

    @property
    def always_open(self):
        return self.status.is_open is True and self.status.next_change is None


def services_for_display(at=None, chapter=None):
    """Emergency numbers first, then open now, then closed by next opening, then those without hours.

    `at` is any aware datetime (default: now); `chapter` keeps the services mapped to that chapter id.
    """
    at = hours.in_oslo(at or hours.now())
    views = [_view(service, url, at, status(service, at)) for service, url in _services(chapter)]
    return sorted(views, key=_rank)


def status(service, at):
    """Open or closed at `at`; no claim unless the booklet gives the service's hours in full.

    A cut-off sentence about hours cannot back "closed" at any time, nor "open" outside what it says."""
    if not service.hours_complete:
        return hours.UNKNOWN
    return hours.status(service.hours, at)


def services_for_chapter(chapter):
    """The services a chapter lists, in pack order and without open/closed, so the chapter page stays the same all day."""
    return [_view(service, url, None, hours.UNKNOWN) for service, url in _services(chapter)]


def grouped(views):
    groups = {"emergency": [], "open": [], "closed": [], "unknown": []}
    for view in views:
        groups["emergency" if view.service.is_emergency else view.state].append(view)
    return groups


def _services(chapter):
    """(service, url of its passage in the booklet or "")."""
    services = translate_all(Service.objects.all())
    if chapter is not None:
        services = [s for s in services if chapter in s.chapter_slugs]
    passages = Passage.objects.filter(slug__in=[s.passage_slug for s in services]).select_related("chapter")
    urls = {p.slug: p.get_absolute_url() for p in passages}
    return [(service, urls.get(service.passage_slug, "")) for service in services]


def _rank(view):
    group = 0 if view.service.is_emergency else {"open": 1, "closed": 2, "unknown": 3}[view.state]
    opens = view.status.next_change.timestamp() if group == 2 and view.status.next_change else math.inf
    return (group, opens, view.service.order)


def _view(service, booklet_url, at, status):
    return ShownService(
        service=service,
        status=status,
        status_text=wording.status_text(status, at) if at else "",
        hours_lines=wording.hours_lines(service.hours, complete=service.hours_complete),
        contacts=_contacts(service),
        facts=_facts(service),
        booklet_url=booklet_url,
    )


def _contacts(service):
    found = []
    if service.phone:
        found.append(Contact("phone", service.tel_href, _("Ring %(phone)s") % {"phone": service.phone}))
    if service.url:
        where = contact.web_label(service.url)
        if service.has_chat and "phone" in service.channels and not service.phone:
            text = _("Ring eller chat via %(where)s") % {"where": where}
        elif service.has_chat:
            text = _("Chat på %(where)s") % {"where": where}
        else:
            text = _("Nettside: %(where)s") % {"where": where}
        found.append(Contact("web", service.web_href, text))
    return found


def _facts(service):
    facts = []
    if service.free:
        facts.append(_("Gratis"))
    if service.anonymous:
        facts.append(_("Du kan være anonym"))
    if service.confidentiality:
        facts.append(service.confidentiality)
    return facts
