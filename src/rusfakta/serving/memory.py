"""Freed memory handed back to the system after one-off heavy work.

glibc keeps memory that Python or tantivy has freed in its heaps for later use, so a worker that once
built three search indexes or a booklet's data stays that big. malloc_trim gives the free pages back
(about 20 MB after the indexes); it costs well under a millisecond once the heap is trimmed, so it
runs after any request that took longer than HEAVY_SECONDS, and after the warm-up.
"""

import ctypes
import time

HEAVY_SECONDS = 0.1


def _malloc_trim():
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to hand back this way
        return None


_trim = _malloc_trim()


def release_freed_memory():
    if _trim is not None:
        _trim(0)


class ReleaseAfterHeavyWork:
    """Runs the app, then hands freed memory back when the request was a heavy one (inside the app
    lock of OneAtATime, so no other request runs in this process meanwhile)."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        start = time.perf_counter()
        try:
            return self.app(environ, start_response)
        finally:
            if time.perf_counter() - start > HEAVY_SECONDS:
                release_freed_memory()
