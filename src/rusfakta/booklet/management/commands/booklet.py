from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rusfakta.booklet.build import build
from rusfakta.booklet.document import BookletError


class Command(BaseCommand):
    help = "Build the printed booklet (PDF, A5) from the current content; the site serves it at /hefte.pdf."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, help="also write the PDF to this file")
        parser.add_argument(
            "--lang",
            default="nb",
            choices=[code for code, _ in settings.LANGUAGES],
            help="language of the booklet's own words and of the number format (default nb)",
        )

    def handle(self, *args, out=None, lang="nb", **options):
        try:
            path = build(lang)
        except BookletError as exc:
            raise CommandError(f"the booklet was not built:\n{exc}") from exc
        if out:
            try:
                out.write_bytes(path.read_bytes())
            except OSError as exc:
                raise CommandError(f"cannot write {out}: {exc.strerror}") from exc
        size = path.stat().st_size // 1024
        self.stdout.write(f"wrote {out or path} ({size} kB)")
