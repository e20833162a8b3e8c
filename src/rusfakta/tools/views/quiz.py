from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from rusfakta.tools.forms import SENT_FIELD, SHOW_FIELD, STEP_FIELD, QuizForm
from rusfakta.tools.quiz import Marked, mark, questions

# The quiz forms are GET: nothing is changed or kept on the server, the answers travel in the address
# and come back only in the result page, so Back and refresh simply ask again. POST is still read, and
# exempt from CSRF (a forged request could do nothing), for pages opened before the forms became GET;
# it can go in a release after this one.
# One at a time: the question's form sends «steg» (the question answered) and gets the feedback on it;
# the feedback links on with «spm» (the next question to show). Every step is its own address.


def _submitted(request):
    return request.POST if request.method == "POST" else request.GET


def start(request):
    return render(request, "tools/quiz_start.html", {"count": len(questions(request.LANGUAGE_CODE))})


def all_at_once(request):
    context = {"questions": questions(request.LANGUAGE_CODE), "sent_field": SENT_FIELD}
    return render(request, "tools/quiz_all.html", context)


def _broken(request, errors):
    return render(request, "tools/quiz_error.html", {"errors": errors}, status=400)


def _result(request, found, answers):
    marked, score = mark(found, answers)
    return render(request, "tools/quiz_result.html", {"marked": marked, "score": score, "count": len(found)})


@csrf_exempt
@never_cache  # the answers are in the address; no cache should keep them
@require_http_methods(["GET", "POST"])
def result(request):
    if request.method == "GET" and not request.GET:
        return redirect("tools:quiz")
    found = questions(request.LANGUAGE_CODE)
    form = QuizForm(_submitted(request), found)
    answers, errors = form.answers(), form.error_messages()
    return _broken(request, errors) if errors else _result(request, found, answers)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def one_at_a_time(request):
    found = questions(request.LANGUAGE_CODE)
    if request.method == "GET" and not request.GET:
        return _step(request, found, {}, 0)
    data = _submitted(request)
    form = QuizForm(data, found)
    answers, errors = form.answers(), form.error_messages()
    index = form.shown() if SHOW_FIELD in data else form.step()
    if index is None:
        errors.append(_("Skjemaet mangler hvilket spørsmål du var på."))
    if errors:
        return _broken(request, errors)
    if SHOW_FIELD in data:
        return _step(request, found, answers, index)
    return _feedback(request, found, answers, index)


def _step(request, found, answers, index):
    context = {
        "question": found[index],
        "count": len(found),
        "index": index,
        "step_field": STEP_FIELD,
        "carried": [(field, value) for field, value in answers.items() if field != found[index].field],
    }
    return render(request, "tools/quiz_step.html", context)


def _feedback(request, found, answers, index):
    """Right or wrong, with the explanation, then a link on: the next question, or the result."""
    question = found[index]
    chosen = answers.get(question.field)
    carried = list(answers.items())
    if index + 1 < len(found):
        next_url = reverse("tools:quiz-step") + "?" + urlencode([*carried, (SHOW_FIELD, index + 2)])
    else:
        next_url = reverse("tools:quiz-result") + "?" + urlencode([(SENT_FIELD, "ett"), *carried])
    context = {
        "m": Marked(question, question.options[chosen - 1] if chosen else None),
        "count": len(found),
        "next_url": next_url,
        "is_last": index + 1 == len(found),
        "score": mark(found[: index + 1], answers)[1],
    }
    return render(request, "tools/quiz_feedback.html", context)


def sheet(request):
    return render(request, "tools/quiz_sheet.html", {"questions": questions(request.LANGUAGE_CODE)})


def answer_key(request):
    return render(request, "tools/quiz_key.html", {"questions": questions(request.LANGUAGE_CODE)})
