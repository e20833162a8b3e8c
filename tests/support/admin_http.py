"""An editor in the real admin over plain HTTP: the login form, then a change form sent back as a
browser would send it (every field it shows, CSRF token and session cookie included)."""

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser

ADMIN = "/" + os.environ.get("RUSFAKTA_ADMIN_PATH", "admin").strip("/")
EDITOR, PASSWORD = "redaktor", "et langt passord 4711"
TEXT_INPUTS = {"text", "hidden", "number", "email", "url", "password", "search", "tel", "date", "time"}


class _Forms(HTMLParser):
    """Each POST form on a page as a list of (name, value) pairs, the way a browser would send it
    with its `_save` button (other submit buttons, file inputs and unchecked boxes are left out)."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = {"action": a.get("action") or "", "fields": []}
            self.forms.append(self._form)
        if self._form is None or "name" not in a and tag != "option":
            return
        fields = self._form["fields"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in TEXT_INPUTS or (kind == "submit" and a["name"] == "_save"):
                fields.append((a["name"], a.get("value") or ""))
            elif kind in ("checkbox", "radio") and "checked" in a:
                fields.append((a["name"], a.get("value") or "on"))
        elif tag == "select":
            self._select = {"name": a["name"], "multiple": "multiple" in a, "first": None, "chosen": []}
        elif tag == "option" and self._select is not None:
            value = a.get("value") or ""
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"].append(value)
        elif tag == "textarea":
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if self._form is None:
            return
        if tag == "select" and self._select is not None:
            chosen = self._select["chosen"]
            if not chosen and not self._select["multiple"] and self._select["first"] is not None:
                chosen = [self._select["first"]]
            self._form["fields"] += [(self._select["name"], value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._form["fields"].append((self._textarea[0], self._textarea[1].removeprefix("\n")))
            self._textarea = None
        elif tag == "form":
            self._form = None


def post_forms(html):
    parser = _Forms()
    parser.feed(html)
    return parser.forms


class AdminOverHttp:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.geturl(), response.read().decode()

    def post(self, path, fields):
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=60) as response:
            return response.geturl(), response.read().decode()

    def log_in(self, username, password):
        _, page = self.get(f"{ADMIN}/login/")
        (form,) = [f for f in post_forms(page) if any(name == "username" for name, _ in f["fields"])]
        fields = [(k, v) for k, v in form["fields"] if k not in ("username", "password")]
        url, page = self.post(f"{ADMIN}/login/", fields + [("username", username), ("password", password)])
        assert urllib.parse.urlparse(url).path == f"{ADMIN}/", f"the login failed: {url}\n{page[-2000:]}"

    def change(self, path, **changes):
        """Open a change form, set `changes` (field name → value), press Save; returns the page it
        leads to (the list, with its success message)."""
        _, page = self.get(path)
        (form,) = [f for f in post_forms(page) if any(name == "_save" for name, _ in f["fields"])]
        missing = set(changes) - {name for name, _ in form["fields"]}
        assert not missing, f"the form has no field {missing}"
        fields = [(name, str(changes.get(name, value))) for name, value in form["fields"]]
        url, page = self.post(form["action"] or path, fields)
        assert "errornote" not in page and "errorlist" not in page, page[-3000:]
        return page


def create_editor(env):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rusfakta",
            "createsuperuser",
            "--noinput",
            "--username",
            EDITOR,
            "--email",
            "",
        ],
        env={**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
        check=True,
        capture_output=True,
    )


def edit_figure_in_the_admin(base, slug, value):
    """Log in through the login form and save the figure's change form with a new value."""
    editor = AdminOverHttp(base)
    editor.log_in(EDITOR, PASSWORD)
    _, found = editor.get(f"{ADMIN}/statistics/statistic/?q={slug}")
    link = rf'href="({ADMIN}/statistics/statistic/\d+/change/)[^"]*"[^>]*>{re.escape(slug)}</a>'
    (change,) = set(re.findall(link, found))
    saved = editor.change(change, value=value)
    assert "messagelist" in saved and "success" in saved
