import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rusfakta.settings")
application = get_wsgi_application()

from rusfakta.serving.bodies import OneAtATime, RequestBodies  # noqa: E402  (needs the settings loaded above)
from rusfakta.serving.memory import ReleaseAfterHeavyWork, release_freed_memory  # noqa: E402
from rusfakta.serving.pagecache import CachedPages  # noqa: E402
from rusfakta.serving.searchfront import SearchAnswers  # noqa: E402

# Bodies are read first, outside the lock, so a stalled client holds a thread, never the app.
application = RequestBodies(OneAtATime(ReleaseAfterHeavyWork(SearchAnswers(CachedPages(application)))))


def _warm_up():
    """Build the search index when a worker starts, so the first question is as fast as the rest."""
    from django.db import DatabaseError

    from rusfakta.search.service import current_index

    try:
        current_index()
    except DatabaseError:
        logging.getLogger(__name__).warning("search index not built at start: database not ready")
    release_freed_memory()


if os.environ.get("RUSFAKTA_WARM_UP", "1") == "1":
    _warm_up()
