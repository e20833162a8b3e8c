"""An emergency told in one's own words gets the emergency notice; a question about the body in general
does not (search/notices.py, decision 0015)."""

import pytest

from rusfakta.search.analysis import words
from rusfakta.search.language import to_bokmal
from rusfakta.search.notices import danger_signs
from rusfakta.search.service import ask


@pytest.mark.parametrize(
    "question",
    [
        "kompisen min er kokvarm og svett og klarer ikke å stå",
        "hun ligger og skjelver og vi får ikke kontakt",
        "han har spydd og er helt borte",
        "kjæresten min puster nesten ikke etter koks",  # a negation before breathing
        "jeg har så vondt i brystet etter c",  # a part of the body and what it does
        "ho er kald og bleik etter kola",  # nynorsk: "ho" is a person word
        "my boyfriend is shaking and confused after coke",
        "my heart is pounding and im gonna pass out",
        "fyren er helt slapp og ansiktet er grått",  # a part of the body and its colour
        "the guy next to me dropped and is not moving",
        "han bare datt om på dansegulvet",  # "om" here is no "if"
        "jeg kan ikke puste etter koks",  # "kan" with a negation tells
    ],
)
def test_danger_told_of_someone_is_an_emergency(question):
    assert danger_signs(to_bokmal(words(question)))


@pytest.mark.parametrize(
    "question",
    [
        "er det farlig for hjertet å ta kokain",  # about the body in general: no one named
        "hva skjer hvis man får vondt i brystet av kokain",
        "kan jeg få kramper av kokain",  # asked about, not told
        "what are the signs of an overdose",
        "er blå kors med i actis",  # Blå Kors, and "i" is Norwegian for "in"
        "hvordan vet man om noen er bevisstløs",
        "blir ansiktet grått av kokain",  # no one named
        "vennen min puster nesten normalt igjen",  # "nesten" is no negation
    ],
)
def test_questions_about_danger_in_general_are_not(question):
    assert not danger_signs(to_bokmal(words(question)))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "question, lang", [("kompisen er kokvarm og snakker bare tull", "nb"), ("he is pale and sweating", "en")]
)
def test_the_search_gives_the_emergency_notice_and_covers_it(question, lang):
    answer = ask(question, 3, lang)
    assert answer["notice"]["kind"] == "emergency"
    assert "113" in answer["notice"]["text"]
    assert answer["covered"] and answer["results"]
