import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rusfakta.search.service import LANGUAGES, BadQuestion, ask

# The command's own words, in the edition asked.
WORDS = {
    "nb": {
        "corrected": "søkte etter",
        "short": "Kort svar",
        "none": "Fant ikke noe svar i heftet.",
        "source": "Kilde",
    },
    "nn": {
        "corrected": "søkte etter",
        "short": "Kort svar",
        "none": "Fann ikkje noko svar i heftet.",
        "source": "Kjelde",
    },
    "en": {
        "corrected": "searched for",
        "short": "Short answer",
        "none": "No answer found in the booklet.",
        "source": "Source",
    },
}


class Command(BaseCommand):
    help = "Ask a question the way a reader would, and print the passages that answer it."

    def add_arguments(self, parser):
        parser.add_argument("question")
        parser.add_argument("--json", action="store_true", help="print the API's JSON")
        parser.add_argument("--limit", type=int, default=5)
        parser.add_argument(
            "--lang",
            default="nb",
            choices=LANGUAGES,
            help="the edition to search: nb (bokmål, default), nn (nynorsk) or en (English)",
        )

    def handle(self, *args, question, limit, lang="nb", **options):
        try:
            answer = ask(question, limit, lang)
        except BadQuestion as exc:
            with translation.override(lang):  # the message in the edition asked
                raise CommandError(str(exc)) from None
        if options["json"]:
            self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))
            return
        if answer["notice"]:
            self.stdout.write(f"!! {answer['notice']['text']}\n")
        words = WORDS[lang]
        if answer["corrected"]:
            self.stdout.write(f"({words['corrected']}: {answer['corrected']})\n")
        if answer["answer"]:
            self.stdout.write(f"{words['short']}: {answer['answer']['text']}\n")
        if not answer["results"]:
            self.stdout.write(words["none"])
        for number, result in enumerate(answer["results"], start=1):
            sources = ", ".join(s["title"] for s in result["sources"])
            self.stdout.write(f"{number}. {result['title']}  [{result['url']}]  ({result['score']})")
            self.stdout.write(f"   {result['text']}")
            self.stdout.write(f"   {words['source']}: {sources}\n")
