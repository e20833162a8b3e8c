"""Settings for `bench/load.py --stores`: the site's own, but the search budget in Django's
FileBasedCache as it is (it lists its folder before every write) instead of ours."""

from rusfakta.settings import *  # noqa: F403
from rusfakta.settings import CACHES, DATA_DIR

CACHES["search"] = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": str(DATA_DIR / "cache" / "search-django"),
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}
