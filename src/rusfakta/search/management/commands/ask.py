import json

from django.core.management.base import BaseCommand, CommandError

from rusfakta.search.service import BadQuestion, ask


class Command(BaseCommand):
    help = "Ask a question the way a reader would, and print the passages that answer it."

    def add_arguments(self, parser):
        parser.add_argument("question")
        parser.add_argument("--json", action="store_true", help="print the API's JSON")
        parser.add_argument("--limit", type=int, default=5)

    def handle(self, *args, question, limit, **options):
        try:
            answer = ask(question, limit)
        except BadQuestion as exc:
            raise CommandError(str(exc)) from None
        if options["json"]:
            self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))
            return
        if answer["notice"]:
            self.stdout.write(f"!! {answer['notice']['text']}\n")
        if answer["corrected"]:
            self.stdout.write(f"(søkte etter: {answer['corrected']})\n")
        if answer["answer"]:
            self.stdout.write(f"Kort svar: {answer['answer']['text']}\n")
        if not answer["results"]:
            self.stdout.write("Fant ikke noe svar i heftet.")
        for number, result in enumerate(answer["results"], start=1):
            sources = ", ".join(s["title"] for s in result["sources"])
            self.stdout.write(f"{number}. {result['title']}  [{result['url']}]  ({result['score']})")
            self.stdout.write(f"   {result['text']}")
            self.stdout.write(f"   Kilde: {sources}\n")
