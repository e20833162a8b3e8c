"""Phone numbers and web addresses as the booklet prints them, and as links that work on a phone."""

import re
from urllib.parse import urlsplit, urlunsplit

SPACED_DIGITS = re.compile(r"\d+( \d+)*")
WEB_ADDRESS = re.compile(r"https://[^\s/?#@:]+\.[^\s/?#@:]+(/\S*)?")


def tel_href(phone):
    """tel: link for a Norwegian number: 8 digits get +47 so they work from any SIM; short numbers stay short."""
    digits = phone.replace(" ", "") if SPACED_DIGITS.fullmatch(phone or "") else ""
    if len(digits) == 8 and digits[0] != "0" and digits[0] != "1":
        return f"tel:+47{digits}"
    if (len(digits) == 3 and digits.startswith("11")) or (len(digits) == 6 and digits.startswith("116")):
        return f"tel:{digits}"
    raise ValueError(
        f"'{phone}' is not a Norwegian phone number "
        "(8 digits like 915 08 588, an emergency number 11x, or a 116 xxx helpline)"
    )


def web_href(url):
    """The address with its host in ASCII (punycode), so korspåhalsen.no is a plain, valid link."""
    if not WEB_ADDRESS.fullmatch(url or ""):
        raise ValueError(f"'{url}' is not a web address starting with https://")
    parts = urlsplit(url)
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValueError(f"'{url}' has a host name that cannot be written as a link") from None
    return urlunsplit(("https", host, parts.path, parts.query, parts.fragment))


def web_label(url):
    """The address as people write it: korspåhalsen.no, www.rusinfo.no."""
    parts = urlsplit(url)
    return parts.netloc + parts.path.rstrip("/")
