"""The PDF edition: Typst lays out the booklet data; one file per content version, kept in the data folder.

Typst runs in a child process, once per content version: loaded into a server worker it would stay
there (tens of MB) for a build that happens once.
"""

import ast
import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
from importlib.metadata import version as package_version
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.text import slugify

from rusfakta.booklet.document import BookletError, booklet_data
from rusfakta.content.lookups import current_edition
from rusfakta.content.models import ContentVersion

TEMPLATE = Path(__file__).resolve().parent / "templates" / "booklet.typ"
_SRC = Path(__file__).resolve().parent.parent


def _module_file(name):
    """The file of a rusfakta module, or None for a name that is no module (an imported function)."""
    path = _SRC.joinpath(*name.split(".")[1:])
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_files(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        for name in names:
            found = _module_file(name) if name.startswith("rusfakta.") else None
            if found:
                yield found


def read_by_the_build():
    """Every rusfakta module booklet/document.py imports, directly or through others, and the compiled
    translations: what turns content into the booklet's data, so a change to any of it (a deploy)
    gives a new file, like a change to the template does."""
    found, todo = set(), [_SRC / "booklet" / "document.py"]
    while todo:
        path = todo.pop()
        if path not in found:
            found.add(path)
            todo += _imported_files(path)
    translations = [mo for folder in settings.LOCALE_PATHS for mo in Path(folder).rglob("*.mo")]
    return sorted(found) + sorted(translations)


CODE = read_by_the_build()
KEEP_PER_LANGUAGE = 3
FAILURE_MEMORY_SECONDS = 300
BUILD_SECONDS = 120
TYPST_ERROR = 3  # the child's exit status when Typst reports an error (on stderr, as JSON)
COMPILE = f"""
import json, sys
import typst
job = json.loads(sys.stdin.buffer.read())
try:
    pdf = typst.compile(job["template"], root=job["root"], sys_inputs={{"data": job["data"]}},
                        ignore_system_fonts=True, timestamp=job["timestamp"])
except RuntimeError as error:  # typst.TypstError, or a file Typst cannot read
    json.dump({{"message": getattr(error, "message", str(error)),
               "diagnostic": getattr(error, "diagnostic", "") or "",
               "hints": list(getattr(error, "hints", None) or [])}}, sys.stderr)
    sys.exit({TYPST_ERROR})
sys.stdout.buffer.write(pdf)
"""

log = logging.getLogger(__name__)


def booklet_dir():
    return Path(settings.DATA_DIR) / "booklet"


def _template_bytes():
    try:
        return TEMPLATE.read_bytes()
    except OSError as exc:
        raise BookletError(f"cannot read the booklet template {TEMPLATE}: {exc.strerror}") from exc


def _code_bytes():
    return b"".join(path.read_bytes() for path in CODE)


def cached_path(stamp, lang):
    """A new content version, template, booklet code or Typst version each gives a new file."""
    digest = hashlib.sha256(
        _template_bytes() + _code_bytes() + package_version("typst").encode()
    ).hexdigest()[:10]
    return booklet_dir() / f"{stamp}-{digest}-{lang}.pdf"


def versioned_url(lang):
    """/hefte.pdf?v=<the version it names now>, which may be kept a year: a new content version,
    template, booklet code or Typst gives a new v. A link with an old v still gets the current PDF
    (revalidated, not kept). The plain URL when the template can't be read."""
    url = reverse("booklet:pdf")
    try:
        return f"{url}?v={cached_path(ContentVersion.latest()[0], lang).stem}"
    except BookletError:
        return url


def render_pdf(data, timestamp=None):
    """The PDF as bytes. Only Typst's bundled fonts, so every machine prints the same booklet."""
    _template_bytes()
    job = {
        "template": str(TEMPLATE),
        "root": str(TEMPLATE.parent),
        "data": json.dumps(data, ensure_ascii=False),
        "timestamp": timestamp,
    }
    try:
        done = subprocess.run(
            [sys.executable, "-c", COMPILE],
            input=json.dumps(job).encode(),
            capture_output=True,
            timeout=BUILD_SECONDS,
        )
    except subprocess.TimeoutExpired as exc:
        raise BookletError(f"Typst took more than {BUILD_SECONDS} s to lay out the booklet") from exc
    if done.returncode == TYPST_ERROR:
        raise BookletError(_describe(json.loads(done.stderr)))
    if done.returncode != 0:
        raise BookletError(f"Typst could not run: {done.stderr.decode(errors='replace')[-2000:]}")
    return done.stdout


def _describe(error):
    """Typst's own diagnostic already points at the file, line and column."""
    details = error["diagnostic"].strip() or f"error: {error['message']}"
    hints = "".join(f"\nhint: {hint}" for hint in error["hints"])
    return f"Typst cannot lay out the template {TEMPLATE}:\n{details}{hints}"


def build(lang="nb"):
    """Builds the booklet from the current content and keeps it; returns its path."""
    version = ContentVersion.current()
    path = cached_path(version.stamp, lang)
    pdf = render_pdf(booklet_data(lang), timestamp=int(version.changed_at.timestamp()))
    _write_atomically(path, pdf)
    _prune(lang)
    return path


def _write_atomically(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".building-", suffix=".pdf")
    with os.fdopen(handle, "wb") as file:
        file.write(content)
    os.replace(temporary, path)


def _built(lang):
    """Newest first; another process may prune a file while we look."""
    found = []
    for path in booklet_dir().glob(f"*-{lang}.pdf"):
        try:
            found.append((path.stat().st_mtime, path))
        except FileNotFoundError:
            continue
    return [path for _, path in sorted(found, reverse=True)]


def _prune(lang):
    for old in _built(lang)[KEEP_PER_LANGUAGE:]:
        old.unlink(missing_ok=True)


def last_good(lang):
    built = _built(lang)
    return built[0] if built else None


def current_booklet(lang="nb"):
    """The PDF of the current content, built on first request. When it cannot be built, the last
    good one (or None): readers keep getting a booklet while an editor fixes the problem."""
    try:
        path = cached_path(ContentVersion.current().stamp, lang)
    except BookletError as exc:
        log.error("the booklet could not be built; serving the last good one. %s", exc)
        return last_good(lang)
    if path.exists():
        return path
    failed = f"booklet-failed:{path.name}"
    if cache.get(failed):
        return last_good(lang)
    try:
        return build(lang)
    except BookletError as exc:
        log.error("the booklet could not be built; serving the last good one. %s", exc)
    except Exception:
        # Whatever went wrong, a reader is better served by the previous booklet than by an error page.
        log.exception("the booklet could not be built; serving the last good one")
    cache.set(failed, True, FAILURE_MEMORY_SECONDS)
    return last_good(lang)


def download_name():
    edition = current_edition()
    if edition is None:
        return "rusfakta.pdf"
    return f"{slugify(edition.title)}-{edition.edition}.pdf"
