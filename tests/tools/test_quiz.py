import re
from decimal import Decimal
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from rusfakta.content import markup
from rusfakta.statistics.models import Statistic
from rusfakta.tools.models import QuizQuestion
from rusfakta.tools.pack import QUIZ_TOPICS
from rusfakta.tools.quiz import Option, Question, mark, parse_answers, parse_step


def fake_questions(sizes):
    return [
        Question(
            n,
            SimpleNamespace(slug=f"q{n}", correct=1),
            [Option(i, "ABCDE"[i - 1], "") for i in range(1, size + 1)],
            "",
        )
        for n, size in enumerate(sizes, 1)
    ]


@pytest.mark.django_db
def test_there_are_at_least_fifteen_questions_on_every_topic():
    topics = set(QuizQuestion.objects.values_list("topic", flat=True))
    assert QuizQuestion.objects.count() >= 15
    assert topics == set(QUIZ_TOPICS)


@pytest.mark.django_db
def test_the_right_answer_is_not_always_in_the_same_place():
    assert len(set(QuizQuestion.objects.values_list("correct", flat=True))) >= 3


@pytest.mark.django_db
def test_numbers_in_options_are_record_references_and_the_asked_record_is_the_right_answer():
    for question in QuizQuestion.objects.all():
        for option in question.options:
            assert not re.search(r"\d", markup.STAT_REF.sub("", option)), question.slug
        if question.statistic:
            assert "{stat:" + question.statistic.slug + "}" in question.options[question.correct - 1]


def test_answers_are_read_and_unanswered_questions_left_out():
    found = fake_questions([3, 4])
    assert parse_answers({"svar-q1": "2"}, found) == ({"svar-q1": 2}, [])
    assert parse_answers({"svar-q1": "", "svar-q2": " 4 "}, found) == ({"svar-q2": 4}, [])


@pytest.mark.parametrize("value", ["0", "4", "A", "1.0", "-1", "99", "2; drop"])
def test_an_answer_that_is_not_an_option_is_a_clear_error(value):
    answers, errors = parse_answers({"svar-q1": value}, fake_questions([3]))
    assert answers == {}
    assert errors == ["Svaret på spørsmål 1 er ikke et av alternativene. Velg et av dem."]


@given(data=st.dictionaries(st.sampled_from(["svar-q1", "svar-q2", "steg", "x"]), st.text(max_size=8)))
def test_the_answer_parser_never_fails_and_only_accepts_options(data):
    found = fake_questions([3, 4])
    answers, errors = parse_answers(data, found)
    for question in found:
        if question.field in answers:
            assert 1 <= answers[question.field] <= len(question.options)
    assert len(answers) + len(errors) <= len(found)
    step = parse_step(data, len(found))
    assert step is None or 0 <= step < len(found)


def test_marking_counts_the_right_answers():
    found = fake_questions([3, 3, 3])
    marked, score = mark(found, {"svar-q1": 1, "svar-q2": 2})
    assert score == 1
    assert [m.is_right for m in marked] == [True, False, False]
    assert marked[2].chosen is None


def test_the_start_page_offers_both_ways_and_the_teacher_sheets(pages):
    html = pages.get("/quiz/").content.decode()
    for url in ("/quiz/alle/", "/quiz/ett-om-gangen/", "/quiz/utskrift/", "/quiz/fasit/"):
        assert f'href="{url}"' in html


def test_all_questions_on_one_page_are_a_get_form_to_the_result_without_a_csrf_token(pages):
    html = pages.get("/quiz/alle/").content.decode()
    assert 'method="get" action="/quiz/resultat/"' in html
    assert "csrfmiddlewaretoken" not in html
    for question in QuizQuestion.objects.all():
        assert f'name="svar-{question.slug}"' in html


def test_the_result_scores_and_explains_each_answer_with_passage_source_and_record(post):
    html = post(
        "/quiz/resultat/", {"svar-alkohol": "3", "svar-speedball": "2", "svar-russetid": "3"}
    ).content.decode()
    assert f"2 av {QuizQuestion.objects.count()} riktige" in html
    assert "Ditt svar: B. Kokain og energidrikk. Den gjør at man ikke får sove." in html
    assert 'id="svar-speedball">\n    <details open>\n      <summary><span class="mark">Feil:</span>' in html
    assert "Riktig svar: <strong>A. Kokain og heroin sammen." in html
    assert "Du svarte ikke på dette spørsmålet." in html
    assert 'href="/kapittel/dodelighet/#dodelighet-speedball"' in html
    assert 'href="/kilder/#kilde-actis-2025"' in html
    assert 'href="/tall/opinion-russ-provd-russetid/"' in html


def test_one_question_at_a_time_carries_the_answers_in_the_form(post, pages):
    count = QuizQuestion.objects.count()
    first = pages.get("/quiz/ett-om-gangen/").content.decode()
    assert f"Spørsmål 1 av {count}" in first
    assert '<input type="hidden" name="steg" value="0">' in first
    feedback = post("/quiz/ett-om-gangen/", {"steg": "0", "svar-kokain-som-medisin": "2"}).content.decode()
    assert "Riktig!" in feedback
    assert 'href="/quiz/ett-om-gangen/?svar-kokain-som-medisin=2&amp;spm=2"' in feedback
    second = pages.get("/quiz/ett-om-gangen/?svar-kokain-som-medisin=2&spm=2").content.decode()
    assert f"Spørsmål 2 av {count}" in second
    assert '<input type="hidden" name="svar-kokain-som-medisin" value="2">' in second
    answers = {f"svar-{q.slug}": str(q.correct) for q in QuizQuestion.objects.all()}
    last = post("/quiz/ett-om-gangen/", {**answers, "steg": str(count - 1)}).content.decode()
    assert "Se resultatet" in last and 'href="/quiz/resultat/?sendt=ett&amp;' in last
    result = pages.get("/quiz/resultat/?" + urlencode({"sendt": "ett", **answers})).content.decode()
    assert f"{count} av {count} riktige" in result
    assert "<details open>" not in result  # every answer right: all collapsed


def test_after_each_answer_the_quiz_says_right_or_wrong_and_explains(pages):
    count = QuizQuestion.objects.count()
    question = QuizQuestion.objects.get(slug="kokain-som-medisin")
    wrong = 1 if question.correct != 1 else 2
    html = pages.get(f"/quiz/ett-om-gangen/?steg=0&svar-kokain-som-medisin={wrong}").content.decode()
    assert '<h1 class="quiz-verdict wrong">Ikke riktig</h1>' in html
    assert "Riktig svar: <strong>B. Som lokalbedøvelse, og mot depresjon og tretthet</strong>" in html
    assert 'href="/kapittel/historikk/#hist-medisin"' in html  # the explanation's passage
    assert 'href="/kilder/#kilde-actis-2025"' in html  # and its sources
    assert f'<progress id="quiz-progress" max="{count}" value="1">1 av {count}</progress>' in html
    assert f'<label for="quiz-progress">1 av {count}</label>' in html
    assert "Så langt: 0 riktige av 1." in html
    right = pages.get("/quiz/ett-om-gangen/?steg=0&svar-kokain-som-medisin=2").content.decode()
    assert '<h1 class="quiz-verdict right">Riktig!</h1>' in right and "Riktig svar:" not in right
    assert "Så langt: 1 riktige av 1." in right
    skipped = pages.get("/quiz/ett-om-gangen/?steg=0").content.decode()
    assert "Du hoppet over" in skipped and "Riktig svar: <strong>B." in skipped


def test_each_step_shows_progress_as_text_and_as_a_progress_element(pages):
    count = QuizQuestion.objects.count()
    html = pages.get("/quiz/ett-om-gangen/?spm=3").content.decode()
    assert f"Spørsmål 3 av {count}" in html
    assert f'<progress id="quiz-progress" max="{count}" value="3">3 av {count}</progress>' in html
    assert '<input type="hidden" name="steg" value="2">' in html


def test_the_result_expands_only_the_wrong_answers(pages):
    url = "/quiz/resultat/?sendt=alle&svar-alkohol=3&svar-speedball=2&svar-russetid=3"
    html = pages.get(url).content.decode()
    assert html.count("<details open>") == 1  # speedball, the one wrong answer
    assert html.count("<details>") == QuizQuestion.objects.count() - 1  # right and skipped: collapsed
    assert '<li class="wrong" id="svar-speedball">' in html
    assert '<li class="right" id="svar-alkohol">' in html


@pytest.mark.parametrize(
    "url, data, message",
    [
        ("/quiz/resultat/", {"svar-alkohol": "7"}, "Svaret på spørsmål 8 er ikke et av alternativene."),
        ("/quiz/ett-om-gangen/", {"steg": "x"}, "Skjemaet mangler hvilket spørsmål du var på."),
        ("/quiz/ett-om-gangen/", {"steg": "999"}, "Skjemaet mangler hvilket spørsmål du var på."),
        ("/quiz/ett-om-gangen/", {}, "Skjemaet mangler hvilket spørsmål du var på."),
        ("/quiz/ett-om-gangen/", {"spm": "0"}, "Skjemaet mangler hvilket spørsmål du var på."),
        ("/quiz/ett-om-gangen/", {"spm": "999"}, "Skjemaet mangler hvilket spørsmål du var på."),
    ],
)
def test_a_broken_form_gets_a_clear_message(post, url, data, message):
    html = post(url, data, status=400).content.decode()
    assert message in html
    assert 'href="/quiz/"' in html


def test_the_result_by_get_scores_the_answers_and_refresh_gives_the_same_page(pages):
    url = "/quiz/resultat/?sendt=alle&svar-alkohol=3&svar-speedball=2&svar-russetid=3"
    first = pages.get(url)
    assert f"2 av {QuizQuestion.objects.count()} riktige" in first.content.decode()
    assert "no-store" in first["Cache-Control"]
    assert pages.get(url).content == first.content


def test_the_result_of_a_quiz_sent_with_no_answers_is_a_score_of_nothing(pages):
    html = pages.get("/quiz/resultat/?sendt=alle").content.decode()
    assert f"0 av {QuizQuestion.objects.count()} riktige" in html
    assert html.count("Du svarte ikke på dette spørsmålet.") == QuizQuestion.objects.count()


def test_one_question_at_a_time_by_get_carries_the_answers_in_the_address(pages):
    html = pages.get("/quiz/ett-om-gangen/").content.decode()
    assert 'method="get" action="/quiz/ett-om-gangen/"' in html
    second = pages.get("/quiz/ett-om-gangen/?svar-kokain-som-medisin=2&spm=2").content.decode()
    assert f"Spørsmål 2 av {QuizQuestion.objects.count()}" in second
    assert '<input type="hidden" name="svar-kokain-som-medisin" value="2">' in second
    broken = pages.get("/quiz/ett-om-gangen/?steg=x", status=400).content.decode()
    assert "Skjemaet mangler hvilket spørsmål du var på." in broken


def test_the_result_page_by_get_goes_back_to_the_start(db):
    response = Client().get("/quiz/resultat/")
    assert response.status_code == 302 and response["Location"] == "/quiz/"


def test_the_printable_sheet_has_every_question_without_answers(pages):
    html = pages.get("/quiz/utskrift/").content.decode()
    assert 'class="quiz-print"' in html
    for question in QuizQuestion.objects.all():
        assert escape(question.question) in html
    assert "Riktig svar" not in html
    assert "<form" not in html.split('<main id="main">')[1]


def test_the_answer_key_has_each_right_answer_explained_with_its_passage(pages):
    html = pages.get("/quiz/fasit/").content.decode()
    assert html.count("Riktig svar:") == QuizQuestion.objects.count()
    assert "Riktig svar: <strong>B. Som lokalbedøvelse, og mot depresjon og tretthet</strong>" in html
    assert "http://testserver/kapittel/historikk/#hist-medisin" in html


def test_changing_a_record_changes_the_quiz(pages, post):
    stat = Statistic.objects.get(slug="opinion-russ-provd-russetid")
    stat.value = Decimal("4")
    stat.save()
    assert "C. 4\u00a0%" in pages.get("/quiz/utskrift/").content.decode().replace(
        '<span class="letter">C</span> ', "C. "
    )
    assert "4\u00a0%" in post("/quiz/resultat/", {}).content.decode()
