from django.shortcuts import render

from rusfakta.tools.forms import printable
from rusfakta.tools.mixing import MAX_QUERY_LENGTH, OTHER, all_substances, answer, read_query


def mixing(request):
    substances = all_substances()
    query, error = read_query(request.GET, substances)
    context = {
        "substances": substances,
        "answer": answer(query, substances, request.LANGUAGE_CODE) if query else None,
        "error": error,
        # Only a form with an error comes back filled in; after an answer it is ready for the next choice.
        "typed": printable(request.GET.get(OTHER, ""), MAX_QUERY_LENGTH) if error else "",
    }
    return render(request, "tools/mixing.html", context, status=400 if error else 200)
