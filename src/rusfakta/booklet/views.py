from django.shortcuts import render

from rusfakta.booklet.build import current_booklet, download_name
from rusfakta.serving.files import file_response

# /hefte.pdf?v=<version> never changes, so it may be kept a year; /hefte.pdf itself is revalidated
# (a 304 while the content version stands).
VERSIONED = "public, max-age=31536000, immutable"
REVALIDATE = "public, no-cache"


def booklet_pdf(request):
    path = current_booklet(request.LANGUAGE_CODE)
    if path is None:
        return render(request, "booklet/unavailable.html", status=503)
    version = path.stem  # content version, template and Typst version, language (booklet/build.py)
    cache_control = VERSIONED if request.GET.get("v") == version else REVALIDATE
    return file_response(
        request, path, "application/pdf", download_name(), etag=f'"{version}"', cache_control=cache_control
    )
