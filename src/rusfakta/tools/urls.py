from django.urls import path

from rusfakta.tools.views import mixing, normcheck, quiz

app_name = "tools"
urlpatterns = [
    path("tenk-selv/", normcheck.form, name="normcheck"),
    path("tenk-selv/svar/", normcheck.result, name="normcheck-result"),
    path("blanding/", mixing.mixing, name="mixing"),
    path("quiz/", quiz.start, name="quiz"),
    path("quiz/alle/", quiz.all_at_once, name="quiz-all"),
    path("quiz/ett-om-gangen/", quiz.one_at_a_time, name="quiz-step"),
    path("quiz/resultat/", quiz.result, name="quiz-result"),
    path("quiz/utskrift/", quiz.sheet, name="quiz-sheet"),
    path("quiz/fasit/", quiz.answer_key, name="quiz-key"),
]
