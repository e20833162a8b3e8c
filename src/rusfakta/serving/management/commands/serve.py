import argparse
import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from rusfakta.content.models import Chapter
from rusfakta.pack.sections import PackInvalid, load_pack
from rusfakta.serving.staticfiles import collect_static_if_changed


def prepare():
    """First run: data folder, database schema, static files, the content pack when empty, and the
    charts of the content version when they are not drawn yet."""
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    collect_static_if_changed()
    if not Chapter.objects.exists():
        load_pack(settings.CONTENT_PACK_DIR)
    from rusfakta.statistics.charts import draw_missing  # altair stays out of the server's processes

    draw_missing()


class Command(BaseCommand):
    help = "Run the production server (granian, WSGI) after preparing the data folder."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("RUSFAKTA_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("RUSFAKTA_PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("RUSFAKTA_WORKERS", "0")) or os.cpu_count() or 1,
            help="worker processes (default: one per core)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("RUSFAKTA_THREADS", "8")),
            help="threads per worker; one at a time runs the app, the others wait for request bodies",
        )
        parser.add_argument("--prepare-only", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, host, port, workers, threads, prepare_only, **options):
        if prepare_only:
            try:
                prepare()
            except PackInvalid as exc:
                for problem in exc.problems:
                    self.stderr.write(str(problem))
                raise CommandError("the content pack is invalid; fix it and start again") from exc
            return
        # Preparing loads most of the project; done in a child, it stays out of granian's main
        # process, which only watches the workers for as long as the server runs.
        if subprocess.run([sys.executable, "-m", "rusfakta", "serve", "--prepare-only"]).returncode:
            raise CommandError("the server was not started")
        from granian import Granian
        from granian.constants import Interfaces
        from granian.http import HTTP1Settings

        self.stdout.write(
            f"Rusfakta on http://{host}:{port}/ ({workers} workers × {threads} threads, data in {settings.DATA_DIR})"
        )
        Granian(
            "rusfakta.wsgi:application",
            address=host,
            port=port,
            interface=Interfaces.WSGI,
            workers=workers,
            blocking_threads=threads,
            log_access=False,
            # A client that hasn't sent its headers in 10 s is cut off; granian's default is 30 s.
            http1_settings=HTTP1Settings(header_read_timeout=10_000),
        ).serve()
