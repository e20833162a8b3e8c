"""The editors' login: an outsider can neither lock an editor out nor make the site slow.

- Lockout (django-axes) is keyed on user name *and* client together, so five bad passwords from
  one place lock out only that place.
- The client is stored as a pseudonym, never as its address: a keyed hash of the address, written
  in IPv6 form because axes keeps it in an IP-address column. The privacy page says so.
- Before any password is hashed, each client gets at most LOGIN_ATTEMPTS_PER_WINDOW login posts per
  LOGIN_WINDOW_SECONDS; over that it gets 429. The count lives in Django's cache, so with a shared
  cache every worker and instance sees the same count.
"""

import hashlib
import hmac
import ipaddress
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from rusfakta.serving.searchfront import client_address


def pseudonym(address: str) -> str:
    """The same client always gets the same pseudonym; the address can't be read back from it."""
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).digest()
    return str(ipaddress.IPv6Address(digest[:16]))


def axes_client(request) -> str:
    """AXES_CLIENT_IP_CALLABLE: what axes stores and locks on instead of the address."""
    return pseudonym(client_address(request.META))


def _is_login_post(request):
    return request.method == "POST" and request.path == settings.ADMIN_URL_PREFIX + "login/"


class LoginAttemptLimitMiddleware:
    """Answers 429 to a client's login posts over the limit, before sessions, CSRF or any hashing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _is_login_post(request):
            cache = caches["search"]  # the cache every worker and instance shares (file cache or Redis)
            window = settings.LOGIN_WINDOW_SECONDS
            slot = int(time.time() // window)
            key = f"login-attempts:{pseudonym(client_address(request.META))}:{slot}"
            cache.add(key, 0, timeout=window * 2)
            try:
                attempts = cache.incr(key)
            except ValueError:  # evicted between add and incr: count this one as the first
                cache.set(key, 1, timeout=window * 2)
                attempts = 1
            if attempts > settings.LOGIN_ATTEMPTS_PER_WINDOW:
                return too_many_attempts(retry_after=window - int(time.time()) % window)
        return self.get_response(request)


def too_many_attempts(retry_after):
    text = _("For mange innloggingsforsøk herfra. Vent litt, og prøv igjen om %(seconds)s sekunder.") % {
        "seconds": retry_after
    }
    body = format_html(
        '<!doctype html><html lang="nb"><meta charset="utf-8"><title>For mange forsøk</title>'
        "<h1>For mange forsøk</h1><p>{}</p></html>",
        text,
    )
    response = HttpResponse(body, status=429, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response
