"""No client can hold a worker: request bodies are read against a deadline, before the app sees them.

Django reads a body when a view asks for it, and reading blocks until the client has sent it all.
With one request at a time per worker, a client that sends headers and then stalls would hold the
worker. So, in front of Django:

- A body on a path that takes none (everything but the admin and, for now, the quiz) is dropped
  unread; Django then answers the method as usual (405 for a POST).
- Where a body is taken, it must have a Content-Length within DATA_UPLOAD_MAX_MEMORY_SIZE, must
  not be multipart outside the admin (no form has a file field; in the admin, file parts are
  dropped unread: FILE_UPLOAD_HANDLERS is empty), and must arrive within BODY_SECONDS. It is read in
  a thread of its own while the worker thread waits for it outside the app lock (OneAtATime), so
  other requests go on being answered. At most BODY_READERS bodies are read at once per process.

A refused request is not answered here: its status goes to Django in the environ, and
RequestRulesMiddleware answers it in the reader's language or the API's error shape.
"""

import io
import threading

from django.conf import settings

REFUSED_KEY = "rusfakta.refused"  # environ: the 4xx/503 a request gets, decided before Django


def takes_body(environ):
    return environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO", "").startswith(
        settings.BODY_PATHS
    )


class RequestBodies:
    def __init__(self, app, seconds=None, readers=None):
        self.app = app
        self.seconds = settings.BODY_SECONDS if seconds is None else seconds
        self.readers = threading.BoundedSemaphore(readers or settings.BODY_READERS)

    def __call__(self, environ, start_response):
        refused = self._buffer(environ)
        if refused:
            environ[REFUSED_KEY] = refused
        return self.app(environ, start_response)

    def _buffer(self, environ):
        length = environ.get("CONTENT_LENGTH", "").strip()
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if not chunked and length in ("", "0"):
            return None
        stream = environ["wsgi.input"]
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(), "0"
        if not takes_body(environ):
            return None
        multipart = environ.get("CONTENT_TYPE", "").lower().startswith("multipart/")
        if multipart and not environ.get("PATH_INFO", "").startswith(settings.ADMIN_URL_PREFIX):
            return 415  # the admin's own forms may be multipart (a revert); their file parts are dropped

        if chunked or not length.isdigit():
            return 411
        if int(length) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return 413
        if not self.readers.acquire(blocking=False):
            return 503
        body = self._read(stream, int(length))
        if body is None:
            return 408
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
        return None

    def _read(self, stream, length):
        """The body, or None when it hasn't all come within the deadline. The reading thread gives
        its reader slot back only when it ends, so stalled clients can't make more than BODY_READERS."""
        chunks, done = [], threading.Event()

        def read():
            try:
                remaining = length
                while remaining > 0:
                    chunk = stream.read(min(remaining, 65536))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    remaining -= len(chunk)
                else:
                    done.set()
            except Exception:  # the client went away; its request is already answered 408
                pass
            finally:
                self.readers.release()

        threading.Thread(target=read, name="request-body", daemon=True).start()
        return b"".join(chunks) if done.wait(self.seconds) else None


class OneAtATime:
    """Run the app for one request at a time per worker. The server's other threads only wait for
    bodies (RequestBodies) or for this lock; Python work is CPU-bound, so more at once would only
    queue on the GIL (docs/decisions/0009)."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            return self.app(environ, start_response)
