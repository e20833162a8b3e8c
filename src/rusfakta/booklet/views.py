from django.http import FileResponse
from django.shortcuts import render

from rusfakta.booklet.build import current_booklet, download_name


def booklet_pdf(request):
    path = current_booklet(request.LANGUAGE_CODE)
    if path is None:
        return render(request, "booklet/unavailable.html", status=503)
    response = FileResponse(path.open("rb"), content_type="application/pdf", filename=download_name())
    response["Cache-Control"] = "public, max-age=300"
    return response
