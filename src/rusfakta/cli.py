import os
import sys


def main(argv=None):
    """`rusfakta …` works like manage.py with the project's settings preset."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rusfakta.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["rusfakta", *(sys.argv[1:] if argv is None else argv)])
