"""Log lines that a client cannot forge: ISO 8601 times with their offset, control characters escaped."""

import datetime
import logging
import re
from urllib.parse import quote

CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def printable_path(path):
    """The path as it would be written in a URL: no spaces, newlines or NULs reach the log."""
    return quote(path, safe="/:@!$&'()*+,;=-._~%", errors="backslashreplace")


def _escape(match):
    return f"\\x{ord(match.group()):02x}"


class Formatter(logging.Formatter):
    def formatTime(self, record, datefmt=None):
        return datetime.datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")

    def formatMessage(self, record):
        # Only the message is escaped: a traceback below it keeps its own line breaks.
        record.message = CONTROL.sub(_escape, record.message)
        return super().formatMessage(record)


class OneLinePerOutage(logging.Filter):
    """django.request logs every 5xx; a 503 is an outage, which rusfakta.errors.Outage reports once."""

    def filter(self, record):
        return getattr(record, "status_code", None) != 503
