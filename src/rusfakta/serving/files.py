"""A generated file served like a static one: ETag, Last-Modified, 304s and byte ranges (206)."""

import re

from django.http import FileResponse, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def byte_range(header, size):
    """(first, last) for one satisfiable range, "unsatisfiable", or None to send the whole file
    (no Range header, several ranges, or one we don't read: RFC 9110 lets a server ignore Range)."""
    match = RANGE.fullmatch((header or "").strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        first, last = max(0, size - int(last)), size - 1
    else:
        first, last = int(first), min(int(last), size - 1) if last else size - 1
    return (first, last) if first <= last and first < size else "unsatisfiable"


def file_response(request, path, content_type, filename, etag, cache_control):
    modified = int(path.stat().st_mtime)
    size = path.stat().st_size
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    wanted = None
    if response is None:
        if_range = request.headers.get("If-Range")
        wanted = byte_range(request.headers.get("Range"), size) if if_range in (None, etag) else None
        if wanted == "unsatisfiable":
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
        elif wanted:
            first, last = wanted
            with path.open("rb") as file:
                file.seek(first)
                response = HttpResponse(file.read(last - first + 1), content_type=content_type, status=206)
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
        else:
            response = FileResponse(path.open("rb"), content_type=content_type, filename=filename)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = cache_control
    return response
