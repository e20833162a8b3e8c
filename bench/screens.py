"""Screenshots of every page type at 375 and 1280 px (light and dark), to look at. Prints the paths;
asserts nothing.

    .venv/bin/python bench/screens.py [--out FOLDER] [--base http://127.0.0.1:8000] [--only home,chapter]

Without --base it starts `rusfakta serve` in a fresh data folder. Without --out the PNGs go into
.scratch/screens/ in the checkout.
"""

import argparse
import contextlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import PAGE_TYPES, running_server  # noqa: E402

WIDTHS = (375, 1280)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


EAGER = """() => Promise.all([...document.images].map(img => {
  img.loading = 'eager';
  return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; });
}))"""


def shoot(base, out, only):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                page = context.new_page()
                for name, path in PAGE_TYPES.items():
                    if only and name not in only:
                        continue
                    page.goto(base + path)
                    # A full-page shot shows images far below the fold, which lazy loading hasn't fetched.
                    page.evaluate(EAGER)
                    file = out / f"{name}-{width}-{scheme}.png"
                    page.screenshot(path=file, full_page=True)
                    print(file)
                context.close()
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[1] / ".scratch" / "screens"
    )
    parser.add_argument("--base", help="a running server; without it one is started")
    parser.add_argument("--only", default="", help="comma-separated page types")
    args = parser.parse_args()
    only = {name for name in args.only.split(",") if name}
    server = contextlib.nullcontext(args.base) if args.base else running_server()
    with server as base:
        shoot(base.rstrip("/"), args.out, only)


if __name__ == "__main__":
    main()
