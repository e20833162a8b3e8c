"""The search's rows: the glossary and the notices."""

from rusfakta.pack.dump import dump_yaml
from rusfakta.pack.records import sync
from rusfakta.search.models import GlossaryEntry, Notice, ShortAnswer
from rusfakta.search.pack import AnswerData, GlossaryData, NoticeData


def load(pack):
    sync(GlossaryEntry, [entry for entry, _, _ in pack.glossary])
    sync(Notice, list(pack.notices.values()), key="kind")
    sync(ShortAnswer, [answer for answer, _, _ in pack.answers])


def export(root):
    dump_yaml(root / "glossary.yaml", [GlossaryData.from_row(g) for g in GlossaryEntry.objects.all()])
    notices = (NoticeData.from_row(n) for n in Notice.objects.all())
    dump_yaml(root / "notices.yaml", {notice.pop("kind"): notice for notice in notices})
    dump_yaml(root / "answers.yaml", [AnswerData.from_row(a) for a in ShortAnswer.objects.all()])
