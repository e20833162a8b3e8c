import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rusfakta.pack import translations
from rusfakta.pack.sections import (
    EditsWouldBeLost,
    PackInvalid,
    export_pack,
    load_pack,
    read_pack,
    translation_problems,
)


class Command(BaseCommand):
    help = "Check, load or export the content pack."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="validate the pack; every problem as file:line: message")
        check.add_argument("path", nargs="?", default=None)
        load = sub.add_parser("load", help="load the pack into the database (all or nothing)")
        load.add_argument("path", nargs="?", default=None)
        load.add_argument(
            "--force",
            action="store_true",
            help="load even over changes made in the admin (after writing a backup of them), "
            "or when the pack is unchanged",
        )
        export = sub.add_parser("export", help="write the database out as a content pack")
        export.add_argument("path")
        translated = sub.add_parser("translations", help="the translated editions: stamp or status")
        translated.add_argument("what", choices=["stamp", "status"])
        translated.add_argument("--lang", choices=translations.languages(), default=None)
        translated.add_argument("--path", default=None)

    def handle(self, *args, action, path=None, **options):
        pack_dir = Path(path) if path else settings.CONTENT_PACK_DIR
        if action == "translations":
            self._translations(pack_dir, options)
        elif action == "check":
            self._check(pack_dir)
        elif action == "load":
            self._load(pack_dir, options["force"])
        else:
            export_pack(Path(path))
            self.stdout.write(f"exported the content to {path}")

    def _check(self, pack_dir):
        pack = read_pack(pack_dir)
        problems = pack.problems + translation_problems(pack)
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            sys.exit(1)
        self.stdout.write(
            f"ok: {len(pack.chapters)} chapters, {len(pack.passages)} passages, "
            f"{len(pack.statistics)} statistics, {len(pack.figures)} figures, {len(pack.sources)} sources, "
            f"translated into {', '.join(pack.translations) or 'no other language'}"
        )

    def _translations(self, pack_dir, options):
        pack = read_pack(pack_dir)
        if pack.problems:
            for problem in pack.problems:
                self.stderr.write(str(problem))
            raise CommandError("the bokmål pack has problems; fix them first")
        langs = [options["lang"]] if options["lang"] else list(pack.translations)
        if options["what"] == "stamp":
            if not options["lang"]:
                raise CommandError("stamp needs --lang")
            count = translations.stamp(pack, options["lang"])
            self.stdout.write(
                f"stamped {count} {options['lang']} translations in {pack_dir / options['lang']}"
            )
            return
        for lang in langs:
            found = translations.status(pack.translations[lang])
            self.stdout.write(
                f"{lang}: {found['texts']} texts, {found['translated']} translated, {found['missing']} missing, "
                f"{found['stale']} stale, {found['invalid']} problems, {found['proofread']} proofread"
            )

    def _load(self, pack_dir, force):
        def backed_up(folder):
            self.stdout.write(f"backup of the database as it was: {folder}")

        try:
            changed = load_pack(pack_dir, force=force, on_backup=backed_up)
        except PackInvalid as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{exc}; the database was not changed") from exc
        except EditsWouldBeLost as exc:
            self.stderr.write("Changed since the last load or export (record field: old → new):")
            for change in exc.changes:
                self.stderr.write(f"  {change}")
            self.stderr.write(
                "Nothing was loaded. Keep the changes with `rusfakta content export PATH` and merge them into "
                "the pack, or overwrite them with --force (a backup is written first)."
            )
            sys.exit(1)
        self.stdout.write("loaded" if changed else "unchanged: the database already has this pack")
