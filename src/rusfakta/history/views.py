from django.shortcuts import render

from rusfakta.history.changes import change_log


def changes(request):
    return render(request, "history/changes.html", change_log(request.LANGUAGE_CODE))
