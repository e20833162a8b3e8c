from django.core.management.base import BaseCommand, CommandError

from rusfakta.editors.backup import BackupError, backup


class Command(BaseCommand):
    help = "Writes a consistent backup of the database (SQLite online backup, or pg_dump), mode 0600."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="file to write (default: DATA_DIR/backups/rusfakta-<time>)")

    def handle(self, *args, out=None, **options):
        try:
            path = backup(out)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"backup written: {path}")
