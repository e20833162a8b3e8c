from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from rusfakta.tools.forms import SENT_FIELD, STEP_FIELD, QuizForm
from rusfakta.tools.quiz import mark, questions

# The quiz forms are GET: nothing is changed or kept on the server, the answers travel in the address
# and come back only in the result page, so Back and refresh simply ask again. A POST is refused (405)
# before it gets here, its body unread (serving/bodies.py: only the admin takes a body).


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


@never_cache  # the answers are in the address; no cache should keep them
def result(request):
    if not request.GET:
        return redirect("tools:quiz")
    found = questions(request.LANGUAGE_CODE)
    form = QuizForm(request.GET, found)
    answers, errors = form.answers(), form.error_messages()
    return _broken(request, errors) if errors else _result(request, found, answers)


@never_cache
def one_at_a_time(request):
    found = questions(request.LANGUAGE_CODE)
    if not request.GET:
        return _step(request, found, {}, 0)
    form = QuizForm(request.GET, found)
    answered, answers, errors = form.step(), form.answers(), form.error_messages()
    if answered is None:
        errors.append(_("Skjemaet mangler hvilket spørsmål du var på."))
    if errors:
        return _broken(request, errors)
    if answered + 1 == len(found):
        return _result(request, found, answers)
    return _step(request, found, answers, answered + 1)


def _step(request, found, answers, index):
    context = {
        "question": found[index],
        "count": len(found),
        "index": index,
        "step_field": STEP_FIELD,
        "carried": [(field, value) for field, value in answers.items() if field != found[index].field],
    }
    return render(request, "tools/quiz_step.html", context)


def sheet(request):
    return render(request, "tools/quiz_sheet.html", {"questions": questions(request.LANGUAGE_CODE)})


def answer_key(request):
    return render(request, "tools/quiz_key.html", {"questions": questions(request.LANGUAGE_CODE)})
