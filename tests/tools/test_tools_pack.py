import pytest
from django.conf import settings
from django.core.management import call_command

from rusfakta.pack.sections import export_pack, read_pack
from rusfakta.tools.models import MixingStatement, MixingSubstance, NormItem, QuizQuestion
from tests.tools.conftest import replace_in, tool_problems


def test_the_tool_files_are_read_and_valid():
    pack = read_pack(settings.CONTENT_PACK_DIR)
    assert [str(p) for p in pack.problems] == []
    assert len(pack.tools.normcheck) >= 6
    assert len(pack.tools.mixing) >= 7
    assert len(pack.tools.quiz) >= 15


@pytest.mark.django_db
def test_the_loader_writes_every_tool_entry():
    pack = read_pack(settings.CONTENT_PACK_DIR)
    assert NormItem.objects.count() == len(pack.tools.normcheck)
    assert MixingSubstance.objects.count() == len(pack.tools.mixing)
    assert MixingStatement.objects.count() == sum(len(e.data.statements) for e in pack.tools.mixing)
    assert QuizQuestion.objects.count() == len(pack.tools.quiz)


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("gir økt risiko.", "gir lav risiko.", "'lav risiko': never call a mixture safe or low risk"),
        ("gir økt risiko.", "er trygt i små mengder.", "'trygt': never call a mixture safe or low risk"),
        ("gir økt risiko.", "is safe.", "'safe': never call a mixture safe or low risk"),
        ("gir økt risiko.", "er ufarlig.", "'ufarlig': never call a mixture safe or low risk"),
        ("gir økt risiko.", "er low risk.", "'low risk': never call a mixture safe or low risk"),
        ("gir økt risiko.", "gir økt risiko over 0,5 g.", "'0,5 g': no amounts or doses here"),
        ("gir økt risiko.", "gir økt risiko etter to linjer.", "'linjer': no amounts or doses here"),
        ("gir økt risiko.", "gir økt risiko hos 40 %.", "'40 %': no amounts or doses here"),
    ],
)
def test_mixing_refuses_safe_wording_and_doses_with_file_and_line(real_pack, tools_pack, old, new, message):
    line = replace_in(tools_pack / "mixing.yaml", old, new)
    assert f"kokain/mixing.yaml:{line}: {message}" in "\n".join(tool_problems(real_pack, tools_pack))


def test_one_booklet_statement_gives_one_level_to_every_substance_it_names(real_pack, tools_pack):
    path = tools_pack / "mixing.yaml"
    text = path.read_text(encoding="utf-8")
    heroin = text.index("- id: heroin")
    fentanyl = text.index("- id: fentanyl")
    raised = text[heroin:fentanyl].replace("level: okt-risiko\n", "level: okt-risiko-for-dod\n")
    path.write_text(text[:heroin] + raised + text[fentanyl:], encoding="utf-8")
    problems = tool_problems(real_pack, tools_pack)
    fentanyl_line = (
        text[: text.index("level: okt-risiko\n", text.index("  statements:", fentanyl))].count("\n") + 1
    )
    assert (
        f"kokain/mixing.yaml:{fentanyl_line}: 'blanding-opioider' gives okt-risiko-for-dod to 'heroin'"
        in "\n".join(problems)
    )
    assert "one booklet statement, one level" in "\n".join(problems)


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "- id: heroin\n  name: Heroin\n  aliases: [speedball, speed ball]\n  level: okt-risiko\n",
            "- id: heroin\n  name: Heroin\n  aliases: [speedball, speed ball]\n  level: okt-risiko-for-dod\n",
            "level okt-risiko-for-dod for 'heroin', but its statements give okt-risiko",
        ),
        (
            "      kind: cut-with\n",
            "      kind: cut-with\n      level: okt-risiko-for-dod\n",
            "a cut-with statement cannot give the mixture a level",
        ),
        ("      see: rosa-kokain\n", "      see: finnes-ikke\n", "see: unknown substance 'finnes-ikke'"),
        (
            "- id: ketamin\n  name: Ketamin\n",
            "- id: ketamin\n  name: Ketamin\n  level: okt-risiko\n",
            "level okt-risiko for 'ketamin', but its statements give none",
        ),
    ],
)
def test_a_level_must_be_the_one_its_booklet_statement_gives(real_pack, tools_pack, old, new, message):
    replace_in(tools_pack / "mixing.yaml", old, new)
    assert message in "\n".join(tool_problems(real_pack, tools_pack))


def test_safe_wording_is_found_on_its_own_line_inside_a_long_text(real_pack, tools_pack):
    line = replace_in(
        tools_pack / "mixing.yaml",
        "fentanyl. Det er en av grunnene",
        "fentanyl. Ellers er det trygt. Det er en",
    )
    assert f"kokain/mixing.yaml:{line}: 'trygt'" in "\n".join(tool_problems(real_pack, tools_pack))


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        (
            "mixing.yaml",
            "passages: [blanding-giftigere]",
            "passages: [finnes-ikke]",
            "unknown passage id 'finnes-ikke'",
        ),
        (
            "mixing.yaml",
            "sources: [helsenorge-2024]",
            "sources: [finnes-ikke]",
            "unknown source id 'finnes-ikke'",
        ),
        (
            "mixing.yaml",
            "{stat:opinion-alkohol-samtidig}",
            "{stat:finnes-ikke}",
            "unknown statistic id 'finnes-ikke'",
        ),
        ("mixing.yaml", "level: okt-risiko\n", "level: lav-risiko\n", "level: Input should be"),
        (
            "mixing.yaml",
            "aliases: [speedball, speed ball]",
            "aliases: [speedball, øl]",
            "'øl' already names 'alkohol'",
        ),
        (
            "normcheck.yaml",
            "stat: opinion-provd-kokain",
            "stat: opinion-provd-kokain-antall",
            "has unit persons",
        ),
        (
            "normcheck.yaml",
            "stat: opinion-provd-kokain",
            "stat: finnes-ikke",
            "unknown statistic id 'finnes-ikke'",
        ),
        (
            "normcheck.yaml",
            "passage: opinion-provd",
            "passage: finnes-ikke",
            "unknown passage id 'finnes-ikke'",
        ),
        (
            "normcheck.yaml",
            "Det er et lite mindretall.",
            "Det er 8 prosent.",
            "percentage written in the text",
        ),
        ("quiz.yaml", "correct: 2\n", "correct: 7\n", "correct is 7, but there are 3 options"),
        ("quiz.yaml", "topic: historikk", "topic: sport", "topic: Input should be"),
        (
            "quiz.yaml",
            '- "{stat:opinion-tilbudt}"',
            "- 31 %",
            "a number in an option must be a {stat:id} reference",
        ),
        (
            "quiz.yaml",
            '- "{stat:opinion-tilbudt}"',
            '- "{stat:opinion-ikke-akseptabelt}"',
            "the options mix units",
        ),
        (
            "quiz.yaml",
            "stat: opinion-alkohol-samtidig",
            "stat: opinion-tilbudt",
            "the correct option must show",
        ),
        ("quiz.yaml", "passage: hist-medisin", "passage: finnes-ikke", "unknown passage id 'finnes-ikke'"),
        (
            "quiz.yaml",
            "sources: [allen-1987, morland",
            "sources: [finnes-ikke, morland",
            "unknown source id 'finnes-ikke'",
        ),
        ("quiz.yaml", "id: kokablader-til-europa", "id: kokain-som-medisin", "duplicate quiz question id"),
    ],
)
def test_bad_references_and_values_are_reported_with_file_and_line(
    real_pack, tools_pack, file, old, new, message
):
    line = replace_in(tools_pack / file, old, new)
    found = [p for p in tool_problems(real_pack, tools_pack) if p.startswith(f"kokain/{file}:")]
    assert any(message in p for p in found), found
    assert any(p.startswith(f"kokain/{file}:{line}:") for p in found), (line, found)


def test_the_quiz_and_norm_check_refuse_safe_wording_too(real_pack, tools_pack):
    line = replace_in(tools_pack / "quiz.yaml", "Ingenting spesielt", "Det er trygt")
    assert f"kokain/quiz.yaml:{line}: 'trygt'" in "\n".join(tool_problems(real_pack, tools_pack))


def test_a_pack_without_tool_files_is_still_valid(whole_pack):
    for name in ("normcheck.yaml", "mixing.yaml", "quiz.yaml"):
        (whole_pack / name).unlink()
    assert [str(p) for p in read_pack(whole_pack).problems] == []


def test_the_content_check_reports_tool_problems(whole_pack, capsys):
    line = replace_in(whole_pack / "mixing.yaml", "gir økt risiko.", "er trygt.")
    with pytest.raises(SystemExit) as exit:
        call_command("content", "check", str(whole_pack))
    assert exit.value.code == 1
    assert f"kokain/mixing.yaml:{line}: 'trygt'" in capsys.readouterr().err


def test_broken_yaml_is_a_problem_not_a_crash(real_pack, tools_pack):
    (tools_pack / "quiz.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    assert any(
        p.startswith("kokain/quiz.yaml:") and "invalid YAML" in p
        for p in tool_problems(real_pack, tools_pack)
    )


@pytest.mark.django_db
def test_export_writes_tool_files_that_read_back_the_same(tmp_path):
    export_pack(tmp_path / "out")
    exported = read_pack(tmp_path / "out")
    original = read_pack(settings.CONTENT_PACK_DIR)
    assert [str(p) for p in exported.problems] == []
    for name in ("normcheck", "mixing", "quiz"):
        before = [e.data.model_dump() for e in getattr(original.tools, name)]
        after = [e.data.model_dump() for e in getattr(exported.tools, name)]
        if name == "mixing":  # many-to-many lists come back in reading order
            for substance in before + after:
                for statement in substance["statements"]:
                    statement["passages"].sort()
                    statement["sources"].sort()
        if name == "quiz":
            for question in before + after:
                question["sources"].sort()
        assert after == before, name
