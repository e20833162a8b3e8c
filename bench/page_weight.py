"""Page weight per page type: bytes of HTML + CSS + JS + SVG, as transferred (gzip) and raw.

Targets: every page under 100 KB transferred, home under 40 KB. Prints figures; asserts nothing.

    .venv/bin/python bench/page_weight.py
"""

import gzip
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import PAGE_TYPES, running_server  # noqa: E402

ASSET = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"|<img[^>]+src="([^"]+\.svg)"')


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        response = urllib.request.urlopen(request)
    except urllib.error.HTTPError as error:  # the not-found page is a page too
        response = error
    with response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            return len(body), len(gzip.decompress(body)), gzip.decompress(body)
        return len(gzip.compress(body)), len(body), body


def main():
    with running_server() as base:
        print(f"{'page':12s} {'transferred':>12s} {'raw':>10s}  (HTML + CSS + JS + SVG)")
        for name, path in PAGE_TYPES.items():
            sent, raw, html = fetch(base + path)
            for css_or_js, svg in ASSET.findall(html.decode()):
                asset_sent, asset_raw, _ = fetch(urljoin(base, css_or_js or svg))
                sent, raw = sent + asset_sent, raw + asset_raw
            print(f"{name:12s} {sent / 1024:10.1f} KB {raw / 1024:8.1f} KB")


if __name__ == "__main__":
    main()
